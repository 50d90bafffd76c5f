import { EVENT_TYPES } from '../../types';
import { EVENT_TYPE_COLOURS } from '../eventColours';

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
 * The `u_colours[8]` uniform: one rgb per class type index, from the table the legend reads.
 * Slots past EVENT_TYPES (the unknown type) stay grey; they are filtered out anyway.
 */
export function typeColours(): Float32Array {
  const out = new Float32Array(8 * 3).fill(0.5);
  EVENT_TYPES.forEach((type, i) => out.set(hexToRgb(EVENT_TYPE_COLOURS[type]), 3 * i));
  return out;
}
