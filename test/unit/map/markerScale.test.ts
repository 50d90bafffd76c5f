import { describe, expect, it } from 'vitest';
import { createMarkerScale } from '../../../src/map/markerScale';

describe('createMarkerScale', () => {
  const m = createMarkerScale(137);
  it('marker area is proportional to deaths: 4× the deaths draws 2× the radius', () => {
    expect(m.radius(100) / m.radius(25)).toBeCloseTo(2, 6);
  });
  it('the largest event gets the largest radius, and larger counts are capped', () => {
    expect(m.radius(137)).toBeCloseTo(28, 6);
    expect(m.radius(5000)).toBeCloseTo(28, 6);
  });
  it('events without deaths (0, NaN) get the small distinct zero marker', () => {
    expect(m.radius(0)).toBe(2.5);
    expect(m.radius(Number.NaN)).toBe(2.5);
  });
  it('one death is still visible at minRadius', () => {
    expect(m.radius(1)).toBeGreaterThanOrEqual(3);
  });
  it('legendValues() gives three increasing round values within the domain', () => {
    const [a, b, c] = m.legendValues();
    expect(a).toBeLessThan(b);
    expect(b).toBeLessThan(c);
    expect(c).toBeLessThanOrEqual(137);
    expect([a, b, c]).toEqual([5, 20, 100]);
  });
  it('the domain is capped at options.cap', () => {
    const big = createMarkerScale(1e6, { cap: 200 });
    expect(big.scale().domain()).toEqual([0, 200]);
  });
});
