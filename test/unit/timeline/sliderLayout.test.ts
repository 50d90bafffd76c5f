import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_GRAB, sliderLayout, TARGET } from '../../../src/timeline/sliderLayout';

const width = (s: { left: number; right: number }) => s.right - s.left;

describe('sliderLayout', () => {
  it('gives a 35-day window 16.8 px wide on a 1,280 px track two 44 px handles outside it and a grab zone in the middle', () => {
    const l = sliderLayout(600, 616.8, -12, 1268);
    expect(width(l.start!)).toBe(TARGET);
    expect(width(l.end)).toBe(TARGET);
    expect(l.start!.right).toBeLessThanOrEqual(600);
    expect(l.end.left).toBeGreaterThanOrEqual(616.8);
    expect(width(l.window)).toBe(MIN_GRAB);
    // The middle of the window is inside the grab zone, not under a handle.
    expect(l.window.left).toBeLessThan(608.4);
    expect(l.window.right).toBeGreaterThan(608.4);
  });

  it('keeps targets 44 px wide, apart and inside the box for any window on a track wide enough for them (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 140, max: 2000 }), fc.double({ min: -0.2, max: 1.2, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }), fc.boolean(), (w, at, len, cumulative) => {
        const minX = -12;
        const maxX = w + 12;
        const x0 = at * w;
        const x1 = x0 + len * w;
        const l = sliderLayout(x0, x1, minX, maxX, cumulative);
        const spans = [l.start, l.end].filter((s) => s !== null);
        for (const s of spans) {
          expect(width(s)).toBeCloseTo(TARGET, 6);
          expect(s.left).toBeGreaterThanOrEqual(minX - 1e-9);
          expect(s.right).toBeLessThanOrEqual(maxX + 1e-9);
        }
        if (l.start) expect(l.start.right).toBeLessThanOrEqual(l.end.left + 1e-9);
        expect(l.window.left).toBeLessThanOrEqual(l.window.right);
        if (l.start) expect(l.start.right).toBeCloseTo(l.window.left, 6);
        expect(l.window.right).toBeCloseTo(l.end.left, 6);
        expect(cumulative).toBe(l.start === null);
      }),
      { numRuns: 1000 },
    );
  });

  it('slides the start handle inward at the left end of the track instead of off the page', () => {
    const l = sliderLayout(0, 5, -12, 378);
    expect(l.start!.left).toBe(-12);
    expect(width(l.window)).toBeGreaterThanOrEqual(MIN_GRAB);
  });
});
