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
 * served instead of the file, and a request that goes `timeoutMs` without a byte into a LoadError.
 * The limit is on silence, not on the whole download: a slow link that keeps sending still
 * finishes, and a server that never answers (or stops half-way) is given up on.
 */
export async function fetchText(url: string, file: string, timeoutMs = loadTimeoutMs()): Promise<string> {
  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
  };
  const failure = (e: unknown) =>
    timedOut
      ? new LoadError(file, `no answer within ${Math.round(timeoutMs / 1000)} s`, 'timeout')
      : new LoadError(file, e instanceof Error ? e.message : String(e), 'network');
  arm();
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal: controller.signal });
    } catch (e) {
      throw failure(e);
    }
    if (!response.ok) throw new LoadError(file, `HTTP ${response.status}`, 'http');
    let text: string;
    try {
      text = await readText(response, arm, controller.signal);
    } catch (e) {
      throw failure(e);
    }
    if (isHtmlResponse(response.headers.get('content-type'), text)) {
      throw new LoadError(file, 'the server sent a web page (HTML) instead of this file: it is probably missing from the deployment', 'html');
    }
    return text;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The body as UTF-8 text (as `response.text()` reads it), calling `progress` on every chunk that
 * arrives. An abort stops the read even where it does not error the stream itself.
 */
async function readText(response: Response, progress: () => void, signal: AbortSignal): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return response.text();
  signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined), { once: true });
  const decoder = new TextDecoder();
  const parts: string[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    progress();
    parts.push(decoder.decode(value, { stream: true }));
  }
  // A cancelled read ends as if the file had: only the signal tells a cut-off body from a whole one.
  if (signal.aborted) throw new Error('aborted');
  parts.push(decoder.decode());
  return parts.join('');
}

export async function fetchJson<T>(url: string, file: string): Promise<T> {
  const text = await fetchText(url, file);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new LoadError(file, 'not valid JSON', 'invalid');
  }
}
