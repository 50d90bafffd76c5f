import { loadTimeoutMs } from './loadTimeout';

/**
 * Why a file failed to load. The page words each kind in the reader's language (startupWatchdog.ts),
 * so the kind, not an English sentence, is what travels.
 */
export type LoadFailure = 'http' | 'network' | 'html' | 'timeout' | 'invalid';

/** A failed load, naming the file, so the page can say which file and why instead of going blank. */
export class LoadError extends Error {
  constructor(
    readonly file: string,
    /** Technical detail for the console and the embed's `error` message (`HTTP 404`, `not valid JSON`). */
    readonly reason: string,
    readonly kind: LoadFailure = 'invalid',
  ) {
    super(`${file}: ${reason}`);
  }
}

/**
 * Is this answer a web page rather than the data file asked for? A static host's single-page-app
 * fallback answers a missing file with `index.html` and HTTP 200; parsed as CSV it would give an
 * empty map with no word of why. Judged by the content type or, for hosts that label everything
 * `text/plain` or `application/octet-stream`, by a leading `<!doctype html` or `<html`.
 */
export function isHtmlResponse(contentType: string | null, text: string): boolean {
  if (contentType && /^\s*(text\/html|application\/xhtml\+xml)\b/i.test(contentType)) return true;
  return /^\s*(<!doctype\s+html|<html[\s>])/i.test(text.slice(0, 512).replace(/^\uFEFF/, ''));
}

/**
 * Fetches a text file of the app (same origin), turning HTTP and network failures, a web page
 * served instead of the file, and a request unanswered after `timeoutMs` into a LoadError.
 */
export async function fetchText(url: string, file: string, timeoutMs = loadTimeoutMs()): Promise<string> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal: controller.signal });
    } catch (e) {
      if (timedOut) throw new LoadError(file, `no answer within ${Math.round(timeoutMs / 1000)} s`, 'timeout');
      throw new LoadError(file, e instanceof Error ? e.message : String(e), 'network');
    }
    if (!response.ok) throw new LoadError(file, `HTTP ${response.status}`, 'http');
    let text: string;
    try {
      text = await response.text();
    } catch (e) {
      if (timedOut) throw new LoadError(file, `no answer within ${Math.round(timeoutMs / 1000)} s`, 'timeout');
      throw new LoadError(file, e instanceof Error ? e.message : String(e), 'network');
    }
    if (isHtmlResponse(response.headers.get('content-type'), text)) {
      throw new LoadError(file, 'the server sent a web page (HTML) instead of this file: it is probably missing from the deployment', 'html');
    }
    return text;
  } finally {
    clearTimeout(timer);
  }
}

export async function fetchJson<T>(url: string, file: string): Promise<T> {
  const text = await fetchText(url, file);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new LoadError(file, 'not valid JSON', 'invalid');
  }
}
