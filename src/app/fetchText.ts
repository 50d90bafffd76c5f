/** A failed load, naming the file, so the page can say which file and why instead of going blank. */
export class LoadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/** Fetches a text file of the app (same origin), turning HTTP and network failures into LoadError. */
export async function fetchText(url: string, file: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new LoadError(file, e instanceof Error ? e.message : String(e));
  }
  if (!response.ok) throw new LoadError(file, `HTTP ${response.status}`);
  return response.text();
}

export async function fetchJson<T>(url: string, file: string): Promise<T> {
  const text = await fetchText(url, file);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new LoadError(file, 'not valid JSON');
  }
}
