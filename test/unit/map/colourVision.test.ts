import { describe, expect, it } from 'vitest';
import { ciede2000, closestPair, lab, simulate, VISIONS } from '../../../src/map/colourVision';
import { EVENT_TYPE_COLOURS } from '../../../src/map/eventColours';
import { EVENT_TYPES } from '../../../src/types';

describe('colourVision', () => {
  it('ciede2000() gives Sharma, Wu and Dalal’s reference differences', () => {
    expect(ciede2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 3);
    expect(ciede2000([50, 2.5, 0], [73, 25, -18])).toBeCloseTo(27.1492, 3);
    expect(ciede2000([60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387])).toBeCloseTo(1.2644, 3);
  });

  it('lab() puts white at L* 100 and black at 0; simulate() leaves grey grey', () => {
    expect(lab(simulate('#ffffff', 'normal'))[0]).toBeCloseTo(100, 1);
    expect(lab(simulate('#000000', 'normal'))[0]).toBeCloseTo(0, 5);
    for (const v of VISIONS) {
      const [, a, b] = lab(simulate('#808080', v));
      expect(Math.hypot(a, b)).toBeLessThan(1.5);
    }
  });

  it('the six type colours stay at least 14.8 CIEDE2000 apart for typical, protan, deutan and tritan vision', () => {
    const palette = EVENT_TYPES.map((t) => EVENT_TYPE_COLOURS[t]);
    for (const v of VISIONS) {
      const { distance, pair } = closestPair(palette, v);
      expect(distance, `${v}: ${EVENT_TYPES[pair[0]]} vs ${EVENT_TYPES[pair[1]]}`).toBeGreaterThanOrEqual(14.8);
    }
  });

  it('the Okabe–Ito set it replaced fails the same bar under tritanopia', () => {
    const okabe = ['#0072b2', '#e69f00', '#d55e00', '#009e73', '#cc79a7', '#56b4e9'];
    expect(closestPair(okabe, 'tritanopia').distance).toBeLessThan(14.8);
  });
});
