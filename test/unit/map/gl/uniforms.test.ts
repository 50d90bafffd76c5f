import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hexToRgb, markerUniforms, originMatrix, typeColours } from '../../../../src/map/gl/uniforms';
import { INCIDENT_FRAGMENT_SHADER, INCIDENT_VERTEX_SHADER } from '../../../../src/map/gl/incidentShaders';
import { EVENT_TYPE_COLOURS } from '../../../../src/map/eventColours';
import { createMarkerScale } from '../../../../src/map/markerScale';
import { createMarkerStyle } from '../../../../src/map/markerStyle';
import { DARK, LIGHT } from '../../../../src/map/theme';
import { EVENT_TYPES } from '../../../../src/types';

const style = createMarkerStyle(LIGHT, createMarkerScale(200));

/** Column-major 4×4 times (x, y, 0, 1) in float64. */
function apply(m: ArrayLike<number>, x: number, y: number): number[] {
  return [0, 1, 2, 3].map((r) => m[r] * x + m[4 + r] * y + m[12 + r]);
}

describe('originMatrix', () => {
  it('maps a relative position to where the full matrix maps the absolute one', () => {
    const entry = fc.double({ min: -1e4, max: 1e4, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 16, maxLength: 16 }),
        fc.double({ min: 0.4, max: 0.6, noNaN: true }),
        fc.double({ min: 0.4, max: 0.6, noNaN: true }),
        fc.double({ min: -0.05, max: 0.05, noNaN: true }),
        fc.double({ min: -0.05, max: 0.05, noNaN: true }),
        (m, ox, oy, dx, dy) => {
          const full = apply(Float64Array.from(m), ox + dx, oy + dy);
          const relative = apply(originMatrix(Float64Array.from(m), ox, oy), dx, dy);
          // Only float32 rounding of entries up to ~2e4 separates the two: well under 5e-3.
          full.forEach((v, i) => expect(Math.abs(relative[i] - v)).toBeLessThan(5e-3));
        },
      ),
    );
  });

  it('keeps a view 2^16 pixels wide sharp where absolute float32 coordinates would jitter', () => {
    // A Mercator→clip matrix at zoom 16 (2^16 · 512 px world, 1000 px viewport) centred on Niamey.
    const world = 512 * 2 ** 16;
    const cx = (180 + 2.1) / 360;
    const cy = 0.4621;
    const s = (2 * world) / 1000;
    const m = Float64Array.from([s, 0, 0, 0, 0, -s, 0, 0, 0, 0, 1, 0, -s * cx, s * cy, 0, 1]);
    const px = 3 / world;
    const relative = originMatrix(m, cx, cy);
    const toPx = (clip: number) => (clip * 1000) / 2;
    expect(toPx(apply(relative, Math.fround(px), 0)[0])).toBeCloseTo(3, 2);
    const absolute = apply(Float32Array.from(m), Math.fround(cx + px), Math.fround(cy))[0];
    expect(Math.abs(toPx(absolute) - 3)).toBeGreaterThan(0.1);
  });
});

describe('type colours', () => {
  it('hexToRgb reads #rrggbb and falls back to grey', () => {
    expect(hexToRgb('#ff8000')).toEqual([1, 128 / 255, 0]);
    expect(hexToRgb('red')).toEqual([0.5, 0.5, 0.5]);
  });

  it('typeColours() holds the legend colour of EVENT_TYPES[i] at slot i', () => {
    const u = typeColours(style);
    expect(u.length).toBe(24);
    EVENT_TYPES.forEach((type, i) => {
      const [r, g, b] = hexToRgb(EVENT_TYPE_COLOURS[type]);
      expect(Array.from(u.slice(3 * i, 3 * i + 3))).toEqual([Math.fround(r), Math.fround(g), Math.fround(b)]);
    });
  });
});

describe('markerUniforms', () => {
  it('declares every uniform it sets in the shaders, and the shaders hold no style constant', () => {
    const source = INCIDENT_VERTEX_SHADER + INCIDENT_FRAGMENT_SHADER;
    for (const name of Object.keys(markerUniforms(style))) expect(source).toMatch(new RegExp(`uniform (highp )?\\w+ ${name}\\b`));
    expect(source).not.toMatch(/const float/);
    expect(source).not.toMatch(/0\.72|0\.9\b|0\.55/);
  });

  it('takes the selection ring colour from the theme', () => {
    const dark = markerUniforms(createMarkerStyle(DARK, createMarkerScale(200)));
    expect(dark.u_selection_colour).toEqual(hexToRgb(DARK.selectionRing));
    expect(markerUniforms(style).u_selection_colour).toEqual(hexToRgb(LIGHT.selectionRing));
    expect(dark.u_selection_colour).not.toEqual(markerUniforms(style).u_selection_colour);
  });
});
