import { describe, expect, it } from 'vitest';
import { binDensity } from '../../../../src/data/densityBins';
import type { IncidentColumns } from '../../../../src/data/incidentColumns';
import { densityInstances, DensityRenderer } from '../../../../src/map/gl/densityRenderer';
import { IncidentRenderer, UPLOAD_CHUNK, type IncidentDrawState } from '../../../../src/map/gl/incidentRenderer';
import { hexToRgb } from '../../../../src/map/gl/uniforms';
import { DENSITY_SCALE } from '../../../../src/map/densityScale';
import { createMarkerScale } from '../../../../src/map/markerScale';
import { createMarkerStyle } from '../../../../src/map/markerStyle';
import { LIGHT } from '../../../../src/map/theme';
import { createFakeGl } from './fakeGl';

const style = createMarkerStyle(LIGHT, createMarkerScale(200));

function columnsOf(n: number): IncidentColumns {
  const xy = new Float32Array(2 * n);
  for (let i = 0; i < 2 * n; i++) xy[i] = ((i * 7919) % 1000) / 1e5;
  return {
    count: n,
    originX: 0.55,
    originY: 0.45,
    xy,
    dayOrigin: 0,
    day: Float32Array.from({ length: n }, (_, i) => i % 3000),
    radius: Float32Array.from({ length: n }, (_, i) => 3 + (i % 5)),
    deaths: Float32Array.from({ length: n }, (_, i) => i % 4),
    maxRadius: 7,
    classes: Uint8Array.from({ length: n }, (_, i) => i % 32),
    unplaced: 0,
  };
}

const all = (lo: number, hi: number): IncidentDrawState => ({ lo, hi, masks: { types: 255, countries: 15 }, window: [0, 3000], dimBefore: -Infinity, dimOpacity: 1, fadeDays: 0, selected: -1, matching: false });
const bytes = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

describe('IncidentRenderer', () => {
  it('uploads a large layer in slices of UPLOAD_CHUNK events a frame, drawing only what has arrived, until every byte is there', () => {
    const fake = createFakeGl();
    const renderer = IncidentRenderer.create(fake.gl, style);
    if (typeof renderer === 'string') throw new Error(renderer);
    const n = 2 * UPLOAD_CHUNK + 1000;
    const c = columnsOf(n);
    renderer.setColumns(c);
    const drawn: number[] = [];
    const frames = [];
    for (let frame = 0; frame < 5; frame++) {
      fake.calls.length = 0;
      renderer.draw(new Float32Array(16), 1, all(0, n));
      const call = fake.calls.find((x) => x.name === 'drawArrays');
      drawn.push(call ? (call.args[2] as number) : 0);
      frames.push(renderer.uploading);
    }
    expect(drawn).toEqual([UPLOAD_CHUNK, 2 * UPLOAD_CHUNK, n, n, n]);
    expect(frames).toEqual([true, true, false, false, false]);
    // Buffers in attribute order: positions, days, radii, classes, match flags.
    const [xy, day, radius, classes, match] = fake.buffers.slice(-5);
    const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
    expect(same(xy, bytes(c.xy))).toBe(true);
    expect(same(day, bytes(c.day))).toBe(true);
    expect(same(radius, bytes(c.radius))).toBe(true);
    expect(same(classes, bytes(c.classes))).toBe(true);
    expect(same(match, new Uint8Array(n))).toBe(true);
  });

  it('shares one program between two layers on a context, deleted with the last of them', () => {
    const fake = createFakeGl();
    const a = IncidentRenderer.create(fake.gl, style);
    const b = IncidentRenderer.create(fake.gl, style);
    if (typeof a === 'string' || typeof b === 'string') throw new Error('not created');
    expect(fake.count('linkProgram')).toBe(1);
    a.dispose();
    expect(fake.count('deleteProgram')).toBe(0);
    b.dispose();
    expect(fake.count('deleteProgram')).toBe(1);
  });
});

describe('densityInstances', () => {
  it('writes each square’s corner relative to the origin and its colour from the legend’s scale', () => {
    const c = columnsOf(500);
    const bins = binDensity(c, 0, 500, { types: 255, countries: 15 }, 1e-4);
    const data = densityInstances(bins, c.originX, c.originY, DENSITY_SCALE);
    const f = new Float32Array(data);
    const u = new Uint8Array(data);
    expect(data.byteLength).toBe(12 * bins.length);
    for (let k = 0; k < bins.length; k++) {
      expect(f[3 * k]).toBeCloseTo(bins.ix[k] * bins.size - c.originX, 7);
      expect(f[3 * k + 1]).toBeCloseTo(bins.iy[k] * bins.size - c.originY, 7);
      const rgb = hexToRgb(DENSITY_SCALE.colour(bins.deaths[k])).map((x) => Math.round(x * 255));
      expect([...u.slice(12 * k + 8, 12 * k + 12)]).toEqual([...rgb, 255]);
    }
  });

  it('draws one instanced quad per square', () => {
    const fake = createFakeGl();
    const renderer = DensityRenderer.create(fake.gl);
    if (typeof renderer === 'string') throw new Error(renderer);
    const c = columnsOf(500);
    const bins = binDensity(c, 0, 500, { types: 255, countries: 15 }, 1e-4);
    renderer.setBins(bins, c.originX, c.originY, DENSITY_SCALE);
    renderer.draw(new Float32Array(16), 1e-6);
    const call = fake.calls.find((x) => x.name === 'drawArraysInstanced');
    expect(call?.args.slice(1)).toEqual([0, 4, bins.length]);
  });
});
