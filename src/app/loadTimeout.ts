/** How long a request of the app's own files may go unanswered before the page says so. */
export const DEFAULT_LOAD_TIMEOUT_MS = 30_000;

/**
 * The load timeout in ms: {@link DEFAULT_LOAD_TIMEOUT_MS}, unless the page set
 * `window.sahelIncidentMapLoadTimeoutMs` to a positive number before the app's script ran (the
 * browser tests do, to see the timeout in seconds; a deployment on a very slow link may too: see
 * docs/deploy.md).
 */
export function loadTimeoutMs(scope: unknown = globalThis): number {
  const value = (scope as { sahelIncidentMapLoadTimeoutMs?: unknown } | undefined)?.sahelIncidentMapLoadTimeoutMs;
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : DEFAULT_LOAD_TIMEOUT_MS;
}
