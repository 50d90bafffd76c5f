import { scaleThreshold } from 'd3-scale';
import { interpolateYlOrRd } from 'd3-scale-chromatic';

/** Lower bounds of the death classes after the first (deaths ≥ 1): a square's total deaths. */
export const DENSITY_THRESHOLDS: readonly number[] = [10, 50, 200, 1000];

/**
 * A square's colour: ColorBrewer's YlOrRd from its light yellow to its deep red over five classes
 * (1–9, 10–49, 50–199, 200–999, 1,000 or more deaths), and a grey-blue for squares whose
 * incidents report no deaths, apart from the ramp so that "no deaths" never reads as "few". The
 * same table colours the map's squares and the legend's key; the squares are drawn opaque enough
 * to read on the light and the dark basemap.
 */
export interface DensityScale {
  /** Colour for a square with no deaths. */
  readonly zero: string;
  /** One colour per class, fewest deaths first. */
  readonly colours: readonly string[];
  readonly thresholds: readonly number[];
  /** Class of a deaths total: -1 for 0 (or not a number), else 0..colours.length-1. */
  classOf(deaths: number): number;
  /** The colour of a deaths total. */
  colour(deaths: number): string;
  /** Inclusive [low, high] of a class (high Infinity for the last), for the legend. */
  range(k: number): [number, number];
}

const toHex = (css: string): string => {
  const m = /rgb\((\d+), ?(\d+), ?(\d+)\)/.exec(css);
  if (!m) return css;
  return `#${[m[1], m[2], m[3]].map((v) => Number(v).toString(16).padStart(2, '0')).join('')}`;
};

export function createDensityScale(thresholds: readonly number[] = DENSITY_THRESHOLDS): DensityScale {
  const classes = thresholds.length + 1;
  // Past the palest steps (unreadable on light land) and to the darkest.
  const colours = Array.from({ length: classes }, (_, k) => toHex(interpolateYlOrRd(0.25 + (0.75 * k) / (classes - 1))));
  const scale = scaleThreshold<number, number>().domain([...thresholds]).range(Array.from({ length: classes }, (_, k) => k));
  const classOf = (deaths: number) => (deaths > 0 ? scale(deaths) : -1);
  return {
    zero: '#8c9bab',
    colours,
    thresholds,
    classOf,
    colour: (deaths) => {
      const k = classOf(deaths);
      return k < 0 ? '#8c9bab' : colours[k];
    },
    range: (k) => [k === 0 ? 1 : thresholds[k - 1], k < thresholds.length ? thresholds[k] - 1 : Infinity],
  };
}

/** The app's one density scale: the layers' squares and the legend's key read it. */
export const DENSITY_SCALE: DensityScale = createDensityScale();
