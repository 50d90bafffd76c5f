/**
 * Where the slider's three targets sit, in plot pixels, for a window spanning `[x0, x1]`: the two
 * handles and, between them, the window itself (drag it to move the window). Pure, so the rules
 * that make it usable by a thumb are tested without a browser:
 * - every target is at least {@link TARGET} px wide (WCAG 2.5.5's 44 × 44), however narrow the window;
 * - the handles sit outside the window's edges, so they never cover its middle nor each other;
 * - the window's grab zone is at least {@link MIN_GRAB} px wide even when the window is a day;
 * - nothing leaves `[minX, maxX]` (the track's box): at an end of the track a handle slides inward.
 */

/** Width of each handle's hit area. */
export const TARGET = 44;
/** Least width of the window's own grab zone (centred on the window). */
export const MIN_GRAB = 24;

export interface Span {
  left: number;
  right: number;
}

export interface SliderLayout {
  /** Hit area of the start handle; null in cumulative mode, where only the end is the reader's. */
  start: Span | null;
  end: Span;
  /** The window's grab zone (drag to move the window). May be empty when squeezed at a track end. */
  window: Span;
}

export function sliderLayout(x0: number, x1: number, minX: number, maxX: number, cumulative = false): SliderLayout {
  const a = Math.min(x0, x1);
  const b = Math.max(x0, x1);
  const grow = Math.max(0, MIN_GRAB - (b - a)) / 2;
  let g0 = a - grow;
  let g1 = b + grow;
  // Room for both handles and the grab zone: shift the zone inward where the box ends.
  const lowest = cumulative ? minX : minX + TARGET;
  const highest = maxX - TARGET;
  if (g0 < lowest) {
    const shift = Math.min(lowest - g0, Math.max(0, highest - g1));
    g0 += shift;
    g1 += shift;
  }
  if (g1 > highest) {
    const shift = Math.min(g1 - highest, Math.max(0, g0 - lowest));
    g0 -= shift;
    g1 -= shift;
  }
  // Still no room (a track narrower than its targets): the handles take it, the zone what is left.
  g0 = Math.max(g0, lowest);
  g1 = Math.min(g1, highest);
  if (g1 < g0) g0 = g1 = (g0 + g1) / 2;
  return {
    start: cumulative ? null : { left: g0 - TARGET, right: g0 },
    end: { left: g1, right: g1 + TARGET },
    window: { left: cumulative ? minX : g0, right: g1 },
  };
}
