import { scaleSqrt, type ScalePower } from 'd3-scale';

export interface MarkerScaleOptions {
  /** Radius in pixels of the largest marker (deaths ≥ the cap). @defaultValue 28 */
  maxRadius: number;
  /** Radius in pixels of a marker with 1 death. @defaultValue 3 */
  minRadius: number;
  /** Radius in pixels of the distinct marker for events with no deaths reported. @defaultValue 2.5 */
  zeroRadius: number;
  /** Deaths at which the scale stops growing. @defaultValue 200 */
  cap: number;
}

export const defaultMarkerScaleOptions: MarkerScaleOptions = { maxRadius: 28, minRadius: 3, zeroRadius: 2.5, cap: 200 };

export interface MarkerScale {
  /** Radius in CSS pixels for a death count (0 → the zero marker). */
  radius(deaths: number): number;
  /** The d3 scale behind it (a copy: nobody may mutate the shared one). */
  scale(): ScalePower<number, number>;
  /** Three round reference values for the legend, drawn with radius(). */
  legendValues(): [number, number, number];
  readonly options: MarkerScaleOptions;
}

/**
 * Area, not radius, tracks deaths: 100 deaths draw 10× the area of 10, not 10× the width (scaleSqrt).
 * The domain is fixed on the whole dataset (its largest best estimate, capped), so neither the
 * markers nor the legend change while the reader scrubs the time slider. One death maps to
 * `minRadius` so small events stay visible; the zero marker is drawn distinctly by the layer.
 */
export function createMarkerScale(maxDeaths: number, options: Partial<MarkerScaleOptions> = {}): MarkerScale {
  const o = { ...defaultMarkerScaleOptions, ...options };
  const top = Math.max(1, Math.min(o.cap, Number.isFinite(maxDeaths) ? maxDeaths : 1));
  const s = scaleSqrt().domain([0, top]).range([0, o.maxRadius]).clamp(true);
  const radius = (deaths: number): number => {
    if (!(deaths > 0)) return o.zeroRadius;
    return Math.max(o.minRadius, s(deaths));
  };
  return {
    radius,
    scale: () => s.copy(),
    legendValues() {
      const nice = [1, 2, 5];
      const candidates: number[] = [];
      for (let p = 1; p <= 1e6; p *= 10) for (const n of nice) candidates.push(n * p);
      const upper = candidates.filter((v) => v <= top).pop() ?? 1;
      const mid = candidates.filter((v) => v <= upper / 4).pop() ?? Math.max(1, Math.round(upper / 4));
      const low = candidates.filter((v) => v <= mid / 4).pop() ?? 1;
      return [low, mid, upper];
    },
    options: o,
  };
}
