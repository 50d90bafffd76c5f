import { scaleThreshold, type ScaleThreshold } from 'd3-scale';
import { schemePurples } from 'd3-scale-chromatic';
import type { Theme } from './theme';

/** How many shades the choropleth has (zero is its own, unshaded class). */
export const CHOROPLETH_CLASSES = 5;

/** A choropleth's classes: value → shade (an index into the ramp), and what the legend writes for each shade. */
export interface ChoroplethScale {
  /** The domain's upper end (the whole dataset's largest region figure), fixed while scrubbing. */
  readonly max: number;
  /** Lower bounds of the shades after the first (the first starts at 1): increasing integers. */
  readonly thresholds: readonly number[];
  /** The whole ramp, `#rrggbb`, lightest-to-darkest on light land, reversed on dark land. */
  readonly colours: readonly string[];
  /** The ramp indices in use, lowest values first: the darkest end of the ramp when there are fewer bounds than shades. */
  readonly shades: readonly number[];
  /** Ramp index of a value; −1 for 0 (or less, or not a number): nothing to shade. */
  bin(value: number): number;
  /** Inclusive [low, high] of the values drawn in a ramp index, for the legend. */
  range(shade: number): [number, number];
}

/**
 * ColorBrewer's Purples, a single-hue sequential ramp readable with every colour-vision deficiency,
 * and clear of the markers' vermilion and blue: the six-class ramp without its lightest step, which
 * cannot be told from the light land under it. On dark land the ramp is reversed, so more deaths
 * always read as more contrast with the land.
 */
export function choroplethColours(theme: Pick<Theme, 'focusLand'>): string[] {
  const ramp = schemePurples[CHOROPLETH_CLASSES + 1].slice(1);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(theme.focusLand.slice(i, i + 2), 16));
  return (Math.max(r, g, b) + Math.min(r, g, b)) / 2 < 128 ? ramp.reverse() : ramp;
}

/**
 * Shade bounds on a square-root spacing of [1, max]: region figures are heavy-tailed (one region
 * holds a third of the deaths), and equal steps would put every other region in the first shade.
 * Bounds are whole numbers and strictly increasing; a small max gives fewer shades.
 */
export function choroplethThresholds(max: number, classes = CHOROPLETH_CLASSES): number[] {
  const top = Math.max(0, Math.floor(Number.isFinite(max) ? max : 0));
  const bounds: number[] = [];
  for (let k = 1; k < classes; k++) {
    const b = Math.round(1 + (top - 1) * (k / classes) ** 2);
    if (b > (bounds.at(-1) ?? 1) && b <= top) bounds.push(b);
  }
  return bounds;
}

/** The choropleth's scale over the stable domain [0, max]. */
export function createChoroplethScale(max: number, colours: readonly string[]): ChoroplethScale {
  const thresholds = choroplethThresholds(max, colours.length);
  const first = colours.length - thresholds.length - 1;
  const shades = thresholds.map((_, i) => first + i + 1);
  shades.unshift(first);
  const scale: ScaleThreshold<number, number> = scaleThreshold<number, number>().domain(thresholds).range(shades);
  const top = Math.max(1, Math.floor(max), thresholds.at(-1) ?? 1);
  return {
    max,
    thresholds,
    colours,
    shades,
    bin: (value) => (value > 0 ? scale(value) : -1),
    range(shade) {
      const k = shade - first;
      return [k === 0 ? 1 : thresholds[k - 1], k < thresholds.length ? thresholds[k] - 1 : top];
    },
  };
}
