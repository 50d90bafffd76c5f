import { hasFirstLine } from './delimiter';

/** A first line longer than this is not waited for: the CSV reader takes what has come (and its record limit then applies). */
export const MAX_HEADER_CHARS = 1_000_000;

/** Routing: decides from the first characters whether the text is GeoJSON or CSV. */
export interface TextRouter {
  push(text: string, final: boolean): void;
  /** null until decided. */
  readonly kind: 'csv' | 'geojson' | null;
  /** True once a character other than white space was seen. */
  readonly sawText: boolean;
}

/**
 * Text that starts (after white space) with `{` or `[` is JSON; anything else is a delimited
 * file, handed over once its first line is complete so the delimiter can be chosen from it.
 * After the decision every piece goes straight to the chosen reader.
 */
export function createTextRouter(readers: { csv(text: string): void; geojson(text: string): void }): TextRouter {
  let kind: TextRouter['kind'] = null;
  let pending = '';
  let sawText = false;
  return {
    push(text, final) {
      if (kind === 'csv') return readers.csv(text);
      if (kind === 'geojson') return readers.geojson(text);
      pending += text;
      const first = pending.search(/\S/);
      if (first < 0) {
        if (final) pending = '';
        return;
      }
      sawText = true;
      const c = pending[first];
      if (c !== '{' && c !== '[' && !final && !hasFirstLine(pending) && pending.length <= MAX_HEADER_CHARS) return;
      kind = c === '{' || c === '[' ? 'geojson' : 'csv';
      const all = pending;
      pending = '';
      if (kind === 'csv') readers.csv(all);
      else readers.geojson(all);
    },
    get kind() {
      return kind;
    },
    get sawText() {
      return sawText;
    },
  };
}
