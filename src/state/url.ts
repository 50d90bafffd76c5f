import type { AppState, Store } from './store';
import { DEFAULT_STATE, changedKeys } from './store';
import { decodeStatePatch, encodeStatePatch } from './codec';
import { LIST_PARAMS, PARAM_KEYS, STATE_PARAMS, type StateParam } from './vocabulary';

/** Mobile Safari throws after ~100 history updates in 30 s; a slider drag must stay well below. */
export const URL_WRITE_INTERVAL_MS = 250;

/** Parameters whose values read better unescaped: the query grammar allows `,` and `:` as they are. */
const READABLE = [
  [/%2C/g, ','],
  [/%3A/g, ':'],
] as const;

/**
 * A `location.search` string → the valid state fields in it (see {@link decodeStatePatch}).
 * A repeated list parameter (`types=battles&types=riots`) is joined; a repeated single-valued one
 * keeps its first value, as `URLSearchParams.get` does, and warns. Pass the result through
 * `reconcileWindow` before merging it, in case a lone `from` or `to` crosses the other end.
 */
export function readUrlState(search: string, warn: (message: string) => void): Partial<AppState> {
  const params = new URLSearchParams(search);
  const input: Record<string, unknown> = {};
  for (const key of STATE_PARAMS) {
    const values = params.getAll(key);
    if (values.length === 0) continue;
    if (LIST_PARAMS.includes(key)) {
      input[key] = values.filter((v) => v.trim() !== '').join(',');
    } else {
      if (values.length > 1) warn(`Sahel Incident Map: "${key}" is given ${values.length} times; using the first, ${JSON.stringify(values[0])}.`);
      input[key] = values[0];
    }
  }
  return decodeStatePatch(input, warn);
}

/** The URL parameters of a state: `from` and `to` always, the rest only where they differ from DEFAULT_STATE. */
function stateParams(state: AppState): [StateParam, string][] {
  const differs = new Set<keyof AppState>(changedKeys(DEFAULT_STATE, state));
  const encoded = encodeStatePatch(state);
  return STATE_PARAMS.filter((p) => p === 'from' || p === 'to' || differs.has(PARAM_KEYS[p])).map((p) => [p, encoded[p] ?? '']);
}

function toSearch(params: URLSearchParams): string {
  let text = params.toString();
  for (const [pattern, char] of READABLE) text = text.replace(pattern, char);
  return text === '' ? '' : `?${text}`;
}

/**
 * The `location.search` for a state, with a leading `?`, parameters in {@link STATE_PARAMS} order.
 * `from` and `to` are always written so a shared link keeps its window even if the default moves.
 */
export function writeUrlState(state: AppState): string {
  return toSearch(new URLSearchParams(stateParams(state)));
}

/** Our parameters first, in stable order; parameters that belong to someone else (`embed`, `lang`) kept after them. */
function mergeSearch(state: AppState, currentSearch: string): string {
  const params = new URLSearchParams(stateParams(state));
  for (const [key, value] of new URLSearchParams(currentSearch)) {
    if (!(STATE_PARAMS as readonly string[]).includes(key)) params.append(key, value);
  }
  return toSearch(params);
}

/**
 * Keeps the page URL in step with the store, with `history.replaceState` (no history entry per
 * slider step), at most once per {@link URL_WRITE_INTERVAL_MS}: the first change is written at once,
 * later ones in the same interval once at its end. The hash is left as it is, because maplibre's
 * `hash` option owns the camera there. Nothing is written until the state changes, so a link
 * opened as typed stays as typed. Returns the unbind function, which writes any pending change.
 */
export function bindUrlState(store: Store, win: Window): () => void {
  let timer: number | null = null;
  let pending = false;

  const write = () => {
    pending = false;
    const { pathname, search, hash } = win.location;
    const next = mergeSearch(store.get(), search);
    if (next === search) return;
    try {
      win.history.replaceState(win.history.state, '', `${pathname}${next}${hash}`);
    } catch {
      // Sandboxed iframes and document.write() frames may forbid replaceState (maplibre's hash.ts
      // guards it the same way): the map keeps working, only the URL stays behind.
    }
  };

  const tick = () => {
    timer = null;
    if (!pending) return;
    write();
    timer = win.setTimeout(tick, URL_WRITE_INTERVAL_MS);
  };

  const off = store.on('change', () => {
    pending = true;
    if (timer === null) tick();
  });

  return () => {
    off();
    if (timer !== null) win.clearTimeout(timer);
    timer = null;
    if (pending) write();
  };
}
