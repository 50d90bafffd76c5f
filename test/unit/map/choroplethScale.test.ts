import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { choroplethColours, choroplethThresholds, createChoroplethScale } from '../../../src/map/choroplethScale';
import { DARK, LIGHT } from '../../../src/map/theme';

describe('choroplethScale', () => {
  it('choroplethThresholds(max) are increasing whole numbers within (1, max]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (max) => {
        const t = choroplethThresholds(max);
        expect(t.every((b, i) => Number.isInteger(b) && b > 1 && b <= max && (i === 0 || b > t[i - 1]))).toBe(true);
      }),
    );
  });

  it('bin(0) is −1 (unshaded), bin(max) is the darkest shade, and bins never decrease with the value', () => {
    const s = createChoroplethScale(1200, choroplethColours(LIGHT));
    expect(s.bin(0)).toBe(-1);
    expect(s.bin(1)).toBe(0);
    expect(s.bin(1200)).toBe(4);
    let last = -1;
    for (let v = 0; v <= 1300; v++) {
      expect(s.bin(v)).toBeGreaterThanOrEqual(last);
      last = s.bin(v);
    }
  });

  it('range(shade) covers 1…max without gaps', () => {
    const s = createChoroplethScale(300, choroplethColours(LIGHT));
    let next = 1;
    for (const k of s.shades) {
      const [lo, hi] = s.range(k);
      expect(lo).toBe(next);
      expect(s.bin(lo)).toBe(k);
      expect(s.bin(hi)).toBe(k);
      next = hi + 1;
    }
    expect(next).toBe(301);
  });

  it('a max of 2 gives the two darkest shades, not five with empty ones', () => {
    const s = createChoroplethScale(2, choroplethColours(LIGHT));
    expect(s.shades).toEqual([3, 4]);
    expect([s.bin(1), s.bin(2)]).toEqual([3, 4]);
  });

  it('the dark theme reverses the ramp, so more reads as more contrast with the land', () => {
    expect(choroplethColours(DARK)).toEqual([...choroplethColours(LIGHT)].reverse());
  });
});
