/** A change between two counts as the panel writes it. */
export interface ChangeParts {
  /** Signed difference: "+3", "−2" (U+2212), "0". */
  delta: string;
  /** Signed whole percentage of the base ("+33%", "−14%", "0%"); null when the base is 0, where a percentage means nothing. */
  percent: string | null;
  /** −1, 0 or 1: the direction, for a reader's arrow or colour (never the only cue). */
  sign: -1 | 0 | 1;
}

const MINUS = '\u2212';
const signed = (n: number, text: string) => (n > 0 ? `+${text}` : n < 0 ? `${MINUS}${text}` : text);

/** `current` against `base`, formatted with the page's integer format; no percentage when `base` is 0. */
export function changeParts(current: number, base: number, integer: (n: number) => string): ChangeParts {
  const d = current - base;
  const sign = d > 0 ? 1 : d < 0 ? -1 : 0;
  const delta = signed(d, integer(Math.abs(d)));
  if (base === 0) return { delta, percent: null, sign };
  const pct = Math.round((Math.abs(d) / Math.abs(base)) * 100);
  return { delta, percent: `${signed(pct === 0 ? 0 : d, integer(pct))}%`, sign };
}
