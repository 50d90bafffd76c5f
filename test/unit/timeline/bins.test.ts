import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { utcDay } from 'd3-time';
import { createTimeIndex } from '../../../src/data/timeIndex';
import { weeklyBins } from '../../../src/timeline/bins';
import { paddedDomain } from '../../../src/timeline/timeScale';
import { COUNTRIES, EVENT_TYPES, type Incident, type IncidentFilter } from '../../../src/types';
import { makeIncident } from '../data/makeIncident';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);
const ALL: IncidentFilter = { types: EVENT_TYPES, countries: COUNTRIES };

/** The obvious count, one incident at a time: what weeklyBins must agree with. */
function bruteForce(incidents: readonly Incident[], filter: IncidentFilter, x0: Date, x1: Date) {
  let count = 0;
  let deaths = 0;
  for (const i of incidents) {
    if (!(i.dateStart >= x0 && i.dateStart < x1)) continue;
    if (!filter.types.includes(i.eventType)) continue;
    if ((COUNTRIES as readonly string[]).includes(i.country) && !filter.countries.includes(i.country as (typeof COUNTRIES)[number])) continue;
    count++;
    if (Number.isFinite(i.deathsBest)) deaths += i.deathsBest;
  }
  return { count, deaths };
}

describe('weeklyBins', () => {
  const incidents = [
    makeIncident({ id: 'a', dateStart: d('2021-03-01'), deathsBest: 3 }), // Monday: first day of week 1
    makeIncident({ id: 'b', dateStart: d('2021-03-07'), deathsBest: 2 }), // Sunday: last day of week 1
    makeIncident({ id: 'c', dateStart: d('2021-03-08'), deathsBest: 5, country: 'Mali' }), // Monday: week 2
    makeIncident({ id: 'd', dateStart: d('2021-03-17'), deathsBest: 1, eventType: 'Protests' }),
    makeIncident({ id: 'e', dateStart: d('2021-03-18'), deathsBest: Number.NaN, country: 'Chad' }),
  ];
  const index = createTimeIndex(incidents);
  const domain = paddedDomain(index.extent!);

  it('weeklyBins(index) gives one Monday-to-Monday bin per week of the padded domain', () => {
    const bins = weeklyBins(index, ALL, domain);
    expect(bins.map((b) => iso(b.x0))).toEqual(['2021-03-01', '2021-03-08', '2021-03-15']);
    expect(bins.map((b) => iso(b.x1))).toEqual(['2021-03-08', '2021-03-15', '2021-03-22']);
    expect(bins.map((b) => b.incidents)).toEqual([2, 1, 2]);
  });

  it('weeklyBins counts deathsBest and skips a non-finite estimate', () => {
    expect(weeklyBins(index, ALL, domain).map((b) => b.deaths)).toEqual([5, 5, 1]);
  });

  it('weeklyBins applies the filter, letting a country outside the three through', () => {
    const bins = weeklyBins(index, { types: ['Battles'], countries: ['Niger'] }, domain);
    expect(bins.map((b) => b.incidents)).toEqual([2, 0, 1]);
    expect(bins.map((b) => b.deaths)).toEqual([5, 0, 0]);
  });

  it('weeklyBins of an index with no incidents is a row of empty weeks', () => {
    const bins = weeklyBins(createTimeIndex([]), ALL, [d('2021-03-01'), d('2021-03-15')]);
    expect(bins.map((b) => b.incidents)).toEqual([0, 0]);
  });

  it('weeklyBins leaves out incidents outside the domain', () => {
    const bins = weeklyBins(index, ALL, [d('2021-03-08'), d('2021-03-15')]);
    expect(bins).toHaveLength(1);
    expect(bins[0].incidents).toBe(1);
  });

  const arbIncident = fc.record({
    offset: fc.integer({ min: 0, max: 120 }),
    type: fc.constantFrom(...EVENT_TYPES),
    country: fc.constantFrom(...COUNTRIES, 'Chad'),
    deaths: fc.integer({ min: 0, max: 500 }),
  });
  const arbFilter = fc.record({
    types: fc.subarray([...EVENT_TYPES]),
    countries: fc.subarray([...COUNTRIES]),
  });
  const build = (rows: { offset: number; type: Incident['eventType']; country: string; deaths: number }[]) =>
    rows.map((r, i) =>
      makeIncident({ id: String(i), dateStart: utcDay.offset(d('2021-02-03'), r.offset), eventType: r.type, country: r.country, deathsBest: r.deaths }),
    );

  it('every bin agrees with a brute-force count (property)', () => {
    fc.assert(
      fc.property(fc.array(arbIncident, { minLength: 1, maxLength: 60 }), arbFilter, (rows, filter) => {
        const list = build(rows);
        const idx = createTimeIndex(list);
        for (const b of weeklyBins(idx, filter, paddedDomain(idx.extent!))) {
          const want = bruteForce(list, filter, b.x0, b.x1);
          expect([b.incidents, b.deaths]).toEqual([want.count, want.deaths]);
        }
      }),
    );
  });

  it('bins from the running sums of the index equal bins from a scan of its incidents, grouped weeks included (property)', () => {
    fc.assert(
      fc.property(fc.array(arbIncident, { minLength: 1, maxLength: 60 }), arbFilter, fc.integer({ min: 1, max: 20 }), (rows, filter, maxBins) => {
        const idx = createTimeIndex(build(rows));
        const scanned = { incidents: idx.incidents, days: idx.days, passesAt: idx.passesAt };
        const domain = paddedDomain(idx.extent!);
        expect(weeklyBins(idx, filter, domain, maxBins)).toEqual(weeklyBins(scanned, filter, domain, maxBins));
      }),
    );
  });

  it('bin totals sum to the filtered totals of the whole extent (property)', () => {
    fc.assert(
      fc.property(fc.array(arbIncident, { minLength: 1, maxLength: 80 }), arbFilter, (rows, filter) => {
        const idx = createTimeIndex(build(rows));
        const bins = weeklyBins(idx, filter, paddedDomain(idx.extent!));
        const want = idx.totals(idx.extent![0], idx.extent![1], filter);
        expect(bins.reduce((s, b) => s + b.incidents, 0)).toBe(want.incidents);
        expect(bins.reduce((s, b) => s + b.deaths, 0)).toBe(want.deaths);
        for (let i = 1; i < bins.length; i++) expect(+bins[i].x0).toBe(+bins[i - 1].x1);
      }),
    );
  });
});
