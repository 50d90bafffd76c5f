import type { EventType } from '../types';
import { EVENT_TYPE_COLOURS } from './eventColours';
import type { MarkerScale } from './markerScale';
import type { Theme } from './theme';

/**
 * How an incident marker looks, in one place: the circle layer's paint properties, the WebGL
 * shaders' uniforms, the story rings and the legend's key all read this object, so they cannot
 * drift apart (they did: 0.75 against 0.72 fill opacity). Colours are `#rrggbb` from the theme and
 * the type table; widths are CSS pixels; opacities 0..1.
 */
export interface MarkerStyle {
  /** Deaths → radius: the legend's scale. */
  readonly scale: MarkerScale;
  /** Fill of a marker, one per event type (Okabe–Ito, eventColours.ts). */
  readonly typeColours: Readonly<Record<EventType, string>>;
  /** Fill for a type outside the table (never drawn: the filter drops it). */
  readonly unknownTypeColour: string;
  /** Opacity of a marker's fill. */
  readonly fillOpacity: number;
  /** Factor on the opacity of events before the window in cumulative mode (dimmed, not hidden). */
  readonly dimFactor: number;
  /** Rim of a marker at an exact place, drawn outside the radius as maplibre's circle-stroke is. */
  readonly rim: { readonly colour: string; readonly width: number; readonly opacity: number };
  /** No deaths reported: a light dot ringed in the type colour, distinct from a 1-death marker. */
  readonly noDeaths: { readonly fill: string; readonly rimWidth: number };
  /** Approximate place (a centroid): blurred over this fraction of the radius, no rim; the point is not the place. */
  readonly approximate: { readonly blur: number };
  /** Ring around the selected incident, `gap` px outside its rim. */
  readonly selection: { readonly colour: string; readonly width: number; readonly gap: number };
  /**
   * The matching toggle: matched events' opacity is multiplied by `matchedOpacity`; an event only
   * one source has gets a ring `gap` px outside its rim, `width` px wide (solid for dataset A,
   * dashed in `dashes` segments for B). Outside the radius, so the disc's area still tracks deaths.
   */
  readonly match: { readonly matchedOpacity: number; readonly colour: string; readonly width: number; readonly gap: number; readonly dashes: number };
  /** Story events: a ring `pad` px outside the marker's radius. */
  readonly story: { readonly colour: string; readonly width: number; readonly pad: number };
}

/** The style for a theme and a scale. The numbers are the app's; the colours come from `theme`. */
export function createMarkerStyle(theme: Theme, scale: MarkerScale): MarkerStyle {
  return {
    scale,
    typeColours: EVENT_TYPE_COLOURS,
    unknownTypeColour: '#777777',
    fillOpacity: 0.72,
    // 0.72 × 0.35 ≈ 0.25: old events stay as a faint trace under the window's.
    dimFactor: 0.35,
    rim: { colour: theme.markerRim, width: 0.75, opacity: 0.9 },
    noDeaths: { fill: theme.markerNoDeathsFill, rimWidth: 1.5 },
    approximate: { blur: 0.55 },
    selection: { colour: theme.selectionRing, width: 2.5, gap: 0.5 },
    match: { matchedOpacity: 0.4, colour: theme.labelText, width: 1.75, gap: 1, dashes: 8 },
    story: { colour: theme.labelText, width: 2, pad: 3 },
  };
}

/** Opacity of a dimmed (before-the-window) marker's fill. */
export function dimmedOpacity(style: MarkerStyle): number {
  return style.fillOpacity * style.dimFactor;
}
