import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTimeIndex } from '../../../src/data/timeIndex';
import { MAX_BINS, weeklyBins } from '../../../src/timeline/bins';
import { COUNTRIES, EVENT_TYPES, type IncidentFilter } from '../../../src/types';
import { makeIncident } from '../data/makeIncident';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const ALL: IncidentFilter = { types: EVENT_TYPES, countries: COUNTRIES };

describe('weeklyBins: the bin cap', () => {
  it('a domain running to the year 9999 gives at most MAX_BINS bins of whole weeks that still count every event', () => {
    const index = createTimeIndex([makeIncident({ id: 'a', dateStart: d('2021-03-01'), deathsBest: 2 }), makeIncident({ id: 'b', dateStart: d('9999-12-27'), deathsBest: 3 })]);
    const bins = weeklyBins(index, ALL, [d('2021-03-01'), d('9999-12-31')]);
    expect(bins.length).toBeLessThanOrEqual(MAX_BINS);
    const widths = new Set(bins.map((b) => (b.x1.getTime() - b.x0.getTime()) / 864e5));
    expect(widths.size).toBe(1);
    expect([...widths][0] % 7).toBe(0);
    expect(bins.reduce((n, b) => n + b.incidents, 0)).toBe(2);
    expect(bins.reduce((n, b) => n + b.deaths, 0)).toBe(5);
    expect(bins[0].x0.getUTCDay()).toBe(1);
  });

  it('maxBins (e.g. the track’s width in pixels) bounds the count for any domain, and below it bins stay weekly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 200_000 }), fc.integer({ min: 1, max: 900 }), (start, span, maxBins) => {
        const from = new Date(Date.UTC(1990, 0, 1) + start * 864e5);
        const to = new Date(from.getTime() + span * 864e5);
        const bins = weeklyBins(createTimeIndex([makeIncident({ id: 'x', dateStart: from })]), ALL, [from, to], maxBins);
        expect(bins.length).toBeLessThanOrEqual(maxBins);
        expect(bins.reduce((n, b) => n + b.incidents, 0)).toBe(1);
        if (span / 7 + 2 <= maxBins) expect(bins.every((b) => b.x1.getTime() - b.x0.getTime() === 7 * 864e5)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
