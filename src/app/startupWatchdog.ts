import { t, type Messages } from '../i18n/messages';
import { LoadError, type LoadFailure } from './fetchText';

/**
 * What stopped the map from starting, in terms the page can word in the reader's language. Each
 * kind is explained in docs/deploy.md ("What each error means").
 */
export type StartupFault =
  | { kind: 'file'; file: string; failure: LoadFailure; reason: string; seconds: number }
  | { kind: 'worker-missing'; file: string; reason: string }
  | { kind: 'worker-mime'; file: string; contentType: string }
  | { kind: 'webgl'; reason: string }
  | { kind: 'map-timeout'; seconds: number }
  | { kind: 'other'; reason: string };

/** A rejection carrying a fault the watchdog found itself (the worker probe, the time limit). */
export class StartupFaultError extends Error {
  constructor(readonly fault: StartupFault) {
    super(`Sahel Incident Map could not start: ${fault.kind}`);
  }
}

/** The fault behind a failed start: a file that did not load, a GPU that would not draw, or something else. */
export function faultOf(error: unknown, timeoutMs: number): StartupFault {
  if (error instanceof StartupFaultError) return error.fault;
  if (error instanceof LoadError) return { kind: 'file', file: error.file, failure: error.kind, reason: error.reason, seconds: Math.round(timeoutMs / 1000) };
  const reason = error instanceof Error ? error.message : String(error);
  // maplibre throws GPUInitializationError from the Map constructor when no WebGL2 context can be made.
  if (error instanceof Error && (error.name === 'GPUInitializationError' || /\bWebGL/.test(reason))) return { kind: 'webgl', reason };
  return { kind: 'other', reason };
}

/**
 * What a HEAD request for maplibre's worker module says about it. A module worker that is missing
 * or not sent as JavaScript fails inside maplibre with nothing but a console line, and the map
 * then waits for its style forever; this turns the answer into a fault, or null when it looks
 * runnable (or the server does not answer HEAD, so nothing can be concluded).
 */
export function workerFault(file: string, status: number, contentType: string | null): StartupFault | null {
  if (status === 405 || status === 501) return null;
  if (status < 200 || status > 299) return { kind: 'worker-missing', file, reason: `HTTP ${status}` };
  if (contentType === null || contentType.trim() === '') return null;
  // The MIME types a browser runs as a module script (the HTML standard's JavaScript MIME types).
  if (!/^\s*(text|application)\/(x-)?(javascript|ecmascript)\b/i.test(contentType)) return { kind: 'worker-mime', file, contentType: contentType.split(';')[0].trim() };
  return null;
}

/** The reader's sentence for a fault. */
export function describeFault(fault: StartupFault, messages: Messages): string {
  switch (fault.kind) {
    case 'file': {
      const key = ({ http: 'faultHttp', network: 'faultNetwork', html: 'faultHtml', timeout: 'faultTimeout', invalid: 'faultInvalid' } as const)[fault.failure];
      return t(messages[key], { file: fault.file, reason: fault.reason, seconds: fault.seconds });
    }
    case 'worker-missing':
      return t(messages.faultWorkerMissing, { file: fault.file, reason: fault.reason });
    case 'worker-mime':
      return t(messages.faultWorkerMime, { file: fault.file, type: fault.contentType });
    case 'webgl':
      return messages.faultWebgl;
    case 'map-timeout':
      return t(messages.faultMapTimeout, { seconds: fault.seconds });
    case 'other':
      return t(messages.faultOther, { reason: fault.reason });
  }
}

/** Faults a second try may cure (a slow or dropped connection); the overlay offers Retry for these. */
export function isRetryable(fault: StartupFault): boolean {
  return fault.kind === 'map-timeout' || (fault.kind === 'file' && (fault.failure === 'timeout' || fault.failure === 'network'));
}

/** The shortest time the whole start-up is given before the watchdog calls it stuck. */
export const MIN_STARTUP_MS = 60_000;

export interface WatchStartupOptions {
  /** URL of maplibre's worker module (mapView.ts), probed with HEAD while the data loads. */
  workerUrl: string;
  /**
   * A data request's time limit. The whole start-up gets twice as long, and at least
   * {@link MIN_STARTUP_MS}: a file's own timeout is reported first, and a slow device still has
   * time to parse the data and build the map when the request limit is short.
   */
  timeoutMs: number;
  fetch?: typeof fetch;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
}

/**
 * Runs the start-up and turns what would otherwise be an endless spinner into a rejection: the
 * start's own error, a worker the probe found missing or mis-served, or the start not settling in
 * 2 × `timeoutMs` (at least {@link MIN_STARTUP_MS}). Reject values are StartupFaultError or the start's own error; read them with
 * {@link faultOf}.
 */
export function watchStartup<T>(start: () => Promise<T>, options: WatchStartupOptions): Promise<T> {
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  const set = options.setTimeout ?? ((fn, ms) => globalThis.setTimeout(fn, ms));
  const clear = options.clearTimeout ?? ((h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>));
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clear(timer);
      fn();
    };
    const limit = Math.max(options.timeoutMs * 2, MIN_STARTUP_MS);
    const timer = set(() => finish(() => reject(new StartupFaultError({ kind: 'map-timeout', seconds: Math.round(limit / 1000) }))), limit);
    const file = workerFileName(options.workerUrl);
    fetchFn(options.workerUrl, { method: 'HEAD' })
      .then((r) => {
        const fault = workerFault(file, r.status, r.headers.get('content-type'));
        if (fault) finish(() => reject(new StartupFaultError(fault)));
      })
      // A probe that cannot reach the server proves nothing about the worker: the data loads will say why.
      .catch(() => undefined);
    let started: Promise<T>;
    try {
      started = start();
    } catch (error) {
      started = Promise.reject(error);
    }
    started.then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error)),
    );
  });
}

/** `assets/maplibre-gl-worker-AbC123.mjs` from its URL: the name a deployer finds in dist/. */
export function workerFileName(url: string): string {
  try {
    const path = new URL(url, 'http://x/').pathname;
    const i = path.lastIndexOf('/assets/');
    return i >= 0 ? path.slice(i + 1) : path.split('/').pop() || url;
  } catch {
    return url;
  }
}

export interface FaultReport {
  fault: StartupFault;
  /** The sentence shown to the reader, in the page's language. */
  text: string;
}

/**
 * Shows a failed start where the map would be: the fault in the reader's language, a Retry
 * button when a second try may help, and `data-ready="error"` (plus `data-fault`) on the map's
 * element for scripts and tests. Logs the original error for whoever opens the console.
 */
export function reportStartupFault(
  error: unknown,
  target: { overlay: { fail(message: string, retry?: { label: string; onRetry(): void }): void }; mapElement: HTMLElement; messages: Messages; timeoutMs: number; reload(): void },
): FaultReport {
  console.error(error);
  const fault = faultOf(error, target.timeoutMs);
  const text = describeFault(fault, target.messages);
  target.overlay.fail(text, isRetryable(fault) ? { label: target.messages.retry, onRetry: target.reload } : undefined);
  target.mapElement.dataset.ready = 'error';
  target.mapElement.dataset.fault = fault.kind === 'file' ? `file-${fault.failure}` : fault.kind;
  return { fault, text };
}
