import { EVENT_TYPES } from '../../types';
import type { MarkerStyle } from '../markerStyle';

/**
 * maplibre's Mercator→clip matrix (float64) times a translation to the columns' origin, rounded to
 * float32 only at the end. The vertex shader then multiplies small relative positions, so the
 * precision float32 would lose on absolute Mercator coordinates is kept (the "relative to centre"
 * technique). Column-major, as WebGL expects.
 */
export function originMatrix(mercatorToClip: ArrayLike<number>, originX: number, originY: number): Float32Array {
  const m = mercatorToClip;
  const out = new Float32Array(16);
  for (let i = 0; i < 12; i++) out[i] = m[i];
  for (let r = 0; r < 4; r++) out[12 + r] = m[r] * originX + m[4 + r] * originY + m[12 + r];
  return out;
}

/** `#rrggbb` → [r, g, b] in 0..1; grey for anything else. */
export function hexToRgb(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return [0.5, 0.5, 0.5];
  return [parseInt(match[1], 16) / 255, parseInt(match[2], 16) / 255, parseInt(match[3], 16) / 255];
}

/**
 * The `u_colours[8]` uniform: one rgb per class type index, from the style's table (the legend's).
 * Slots past EVENT_TYPES (the unknown type) take the style's unknown colour; they are filtered out anyway.
 */
export function typeColours(style: MarkerStyle): Float32Array {
  const out = new Float32Array(8 * 3);
  for (let i = 0; i < 8; i++) out.set(hexToRgb(style.unknownTypeColour), 3 * i);
  EVENT_TYPES.forEach((type, i) => out.set(hexToRgb(style.typeColours[type]), 3 * i));
  return out;
}

/** The shaders' style uniforms by name: constant over a dataset, set on every draw (a few calls). */
export interface MarkerUniforms {
  u_colours: Float32Array;
  u_fill_opacity: number;
  u_rim_opacity: number;
  u_rim_colour: [number, number, number];
  u_no_deaths_fill: [number, number, number];
  u_rim_widths: [number, number];
  u_blur: number;
  u_selection_ring: [number, number];
  u_selection_colour: [number, number, number];
  u_match_dim: number;
  u_unmatched_ring: [number, number];
  u_unmatched_colour: [number, number, number];
  u_match_dashes: number;
}

/** The uniforms for a marker style: the same object the circle layer's paint and the legend are built from. */
export function markerUniforms(style: MarkerStyle): MarkerUniforms {
  return {
    u_colours: typeColours(style),
    u_fill_opacity: style.fillOpacity,
    u_rim_opacity: style.rim.opacity,
    u_rim_colour: hexToRgb(style.rim.colour),
    u_no_deaths_fill: hexToRgb(style.noDeaths.fill),
    u_rim_widths: [style.rim.width, style.noDeaths.rimWidth],
    u_blur: style.approximate.blur,
    u_selection_ring: [style.selection.gap, style.selection.width],
    u_selection_colour: hexToRgb(style.selection.colour),
    u_match_dim: style.match.matchedOpacity,
    u_unmatched_ring: [style.match.gap, style.match.width],
    u_unmatched_colour: hexToRgb(style.match.colour),
    u_match_dashes: style.match.dashes,
  };
}
