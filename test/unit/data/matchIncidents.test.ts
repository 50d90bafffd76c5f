import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchIncidents } from '../../../src/data/matchIncidents';
import { makeIncident } from './makeIncident';
import type { Incident } from '../../../src/types';

const day = (d: number) => new Date(Date.UTC(2021, 2, d));

describe('matchIncidents', () => {
  it('matches the same day and place', () => {
    const r = matchIncidents([makeIncident({ deathsBest: 5 })], [makeIncident({ deathsBest: 7 })]);
    expect(r.summary).toEqual({ matched: 1, onlyA: 0, onlyB: 0, deathsA: 5, deathsB: 7 });
    expect(r.pairs.dayGap[0]).toBe(0);
  });

  it('matches one day apart with a week-precision date, not three days apart with day precision', () => {
    const b = makeIncident({ dateStart: day(24), dateEnd: day(24) });
    expect(matchIncidents([makeIncident()], [b]).summary.matched).toBe(0);
    expect(matchIncidents([makeIncident({ datePrecision: 'week' })], [b]).summary.matched).toBe(1);
  });

  it('same place, different event type: scores lower but still matches', () => {
    const same = matchIncidents([makeIncident()], [makeIncident()]);
    const other = matchIncidents([makeIncident()], [makeIncident({ eventType: 'Violence against civilians' })]);
    expect(other.summary.matched).toBe(1);
    expect(other.pairs.score[0]).toBeLessThan(same.pairs.score[0]);
  });

  it('two candidates for one event: the better one wins, the other is only-B', () => {
    const a = [makeIncident({ deathsBest: 10 })];
    const b = [makeIncident({ lon: 5.05, deathsBest: 3 }), makeIncident({ deathsBest: 10 })];
    const r = matchIncidents(a, b);
    expect(Array.from(r.pairs.b)).toEqual([1]);
    expect(Array.from(r.onlyB)).toEqual([0]);
  });

  it('never matches invalid coordinates or dates', () => {
    const r = matchIncidents([makeIncident({ lon: NaN }), makeIncident({ dateStart: new Date(NaN) })], [makeIncident(), makeIncident()]);
    expect(r.summary.matched).toBe(0);
    expect(Array.from(r.onlyA)).toEqual([0, 1]);
  });

  const arbIncident: fc.Arbitrary<Incident> = fc.record({
    lon: fc.double({ min: 1, max: 1.3, noNaN: true }),
    lat: fc.double({ min: 14, max: 14.3, noNaN: true }),
    d: fc.integer({ min: 1, max: 10 }),
    deaths: fc.integer({ min: 0, max: 20 }),
    dp: fc.constantFrom('day', 'week', 'month') as fc.Arbitrary<Incident['datePrecision']>,
    lp: fc.constantFrom('exact', 'district') as fc.Arbitrary<Incident['locationPrecision']>,
  }).map((r) => makeIncident({ lon: r.lon, lat: r.lat, dateStart: day(r.d), dateEnd: day(r.d), deathsBest: r.deaths, datePrecision: r.dp, locationPrecision: r.lp }));

  it('property: each event at most once, counts add up, symmetric in A and B', () => {
    fc.assert(fc.property(fc.array(arbIncident, { maxLength: 30 }), fc.array(arbIncident, { maxLength: 30 }), (a, b) => {
      const r = matchIncidents(a, b);
      expect(new Set(r.pairs.a).size).toBe(r.summary.matched);
      expect(new Set(r.pairs.b).size).toBe(r.summary.matched);
      expect(r.summary.matched + r.summary.onlyA).toBe(a.length);
      expect(r.summary.matched + r.summary.onlyB).toBe(b.length);
      const s = matchIncidents(b, a);
      const key = (x: number, y: number) => `${x}:${y}`;
      const fwd = Array.from(r.pairs.a, (i, k) => key(i, r.pairs.b[k])).sort();
      const back = Array.from(s.pairs.a, (j, k) => key(s.pairs.b[k], j)).sort();
      expect(back).toEqual(fwd);
    }));
  });
});
