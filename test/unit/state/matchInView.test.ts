import { rowsOf } from '../../../src/data/incidentTable';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetMatch } from '../../../src/data/datasetMatch';
import { matchIncidents } from '../../../src/data/matchIncidents';
import { createTimeIndex } from '../../../src/data/timeIndex';
import { DEFAULT_STATE, deriveView, matchInView, matchTableInView, type AppState, type DerivedSource } from '../../../src/state';
import { EVENT_TYPES, type Incident } from '../../../src/types';
import { makeIncident } from '../data/makeIncident';

const day = (d: number) => new Date(Date.UTC(2021, 2, d));
const A = createTimeIndex([
  makeIncident({ id: 'a1', dataset: 'ucdp', dateStart: day(1), dateEnd: day(1), lon: 1, lat: 14, deathsBest: 10 }),
  makeIncident({ id: 'a2', dataset: 'ucdp', dateStart: day(5), dateEnd: day(5), lon: 3, lat: 15, deathsBest: 4 }),
  makeIncident({ id: 'a3', dataset: 'ucdp', dateStart: day(9), dateEnd: day(9), lon: 2, lat: 13, deathsBest: 1, eventType: 'Riots' }),
  makeIncident({ id: 'a4', dataset: 'ucdp', dateStart: day(10), dateEnd: day(10), lon: 4, lat: 13, deathsBest: 3 }),
]);
const B = createTimeIndex([
  makeIncident({ id: 'b1', dataset: 'user-1', dateStart: day(5), dateEnd: day(5), lon: 3.01, lat: 15, deathsBest: 5 }),
  makeIncident({ id: 'b2', dataset: 'user-1', dateStart: day(20), dateEnd: day(20), lon: 0, lat: 12, deathsBest: 2 }),
  makeIncident({ id: 'b3', dataset: 'user-1', dateStart: day(9), dateEnd: day(9), lon: 2, lat: 13.01, deathsBest: 1, eventType: 'Riots' }),
  // One day after a4: a pair across the window's edge when the window ends on the 10th.
  makeIncident({ id: 'b4', dataset: 'user-1', dateStart: day(11), dateEnd: day(11), lon: 4, lat: 13, deathsBest: 3 }),
]);
const sources: DerivedSource[] = [
  { id: 'ucdp', role: 'counted', index: A, name: 'UCDP GED' },
  { id: 'user-1', role: 'counted', index: B, name: 'ACLED' },
];
const match = datasetMatch({ id: 'ucdp', incidents: A.incidents }, { id: 'user-1', incidents: B.incidents }, matchIncidents(rowsOf(A.incidents), rowsOf(B.incidents)));
const view = (patch: Partial<AppState>) => deriveView({ ...DEFAULT_STATE, ...patch }, sources);

describe('matchInView', () => {
  it('counts the pairs, each side’s lone events and each side’s deaths in the pairs, for the whole data', () => {
    const r = matchInView(view({ from: day(1), to: day(31) }), match)!;
    expect(r).toMatchObject({ matched: 3, onlyA: 1, onlyB: 1, deathsA: 4 + 1 + 3, deathsB: 5 + 1 + 3 });
  });

  it('counts a pair when either event is in the window, and follows the filters', () => {
    expect(matchInView(view({ from: day(1), to: day(10) }), match)).toMatchObject({ matched: 3, onlyA: 1, onlyB: 0 });
    expect(matchInView(view({ from: day(11), to: day(31) }), match)).toMatchObject({ matched: 1, onlyA: 0, onlyB: 1 });
    expect(matchInView(view({ from: day(1), to: day(31), types: ['Riots'] }), match)).toMatchObject({ matched: 1, onlyA: 0, onlyB: 0, deathsA: 1, deathsB: 1 });
  });

  it('is null when either dataset is hidden', () => {
    expect(matchInView(view({ hiddenDatasets: ['user-1'] }), match)).toBeNull();
    expect(matchInView(view({ hiddenDatasets: ['ucdp'] }), match)).toBeNull();
  });

  it('matchTableInView lists the same pairs and lone events as matchInView counts', () => {
    const t = matchTableInView(view({ from: day(1), to: day(10) }), match)!;
    expect(t.pairs.map((p) => `${p.a.id}-${p.b.id}`)).toEqual(['a2-b1', 'a3-b3', 'a4-b4']);
    expect(t.onlyA.map((i) => i.id)).toEqual(['a1']);
    expect(t.onlyB).toEqual([]);
  });

  it('on random data and windows: matched + only A ≥ A’s events in view, each event once, never a sum of both sides', () => {
    const incident = (dataset: string) =>
      fc.record({ d: fc.integer({ min: 1, max: 28 }), lon: fc.double({ min: 0, max: 0.5, noNaN: true }), deaths: fc.integer({ min: 0, max: 20 }), type: fc.constantFrom(...EVENT_TYPES) }).map(
        (r, ): Incident => makeIncident({ dataset, dateStart: day(r.d), dateEnd: day(r.d), lon: r.lon, lat: 14, deathsBest: r.deaths, eventType: r.type }),
      );
    const withIds = (xs: Incident[]) => xs.map((x, i) => ({ ...x, id: `${x.dataset}${i}` }));
    fc.assert(
      fc.property(fc.array(incident('x'), { maxLength: 30 }).map(withIds), fc.array(incident('y'), { maxLength: 30 }).map(withIds), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 10 }), (xa, xb, from, len) => {
        const ia = createTimeIndex(xa), ib = createTimeIndex(xb);
        const m = datasetMatch({ id: 'x', incidents: ia.incidents }, { id: 'y', incidents: ib.incidents }, matchIncidents(rowsOf(ia.incidents), rowsOf(ib.incidents)));
        const v = deriveView({ ...DEFAULT_STATE, from: day(from), to: day(Math.min(28, from + len)) }, [
          { id: 'x', role: 'counted', index: ia },
          { id: 'y', role: 'counted', index: ib },
        ]);
        const r = matchInView(v, m)!;
        const t = matchTableInView(v, m)!;
        const ta = v.counted[0].totals!, tb = v.counted[1].totals!;
        expect(t.pairs.length).toBe(r.matched);
        expect(new Set(t.pairs.map((p) => p.a.id)).size).toBe(r.matched);
        expect(new Set(t.pairs.map((p) => p.b.id)).size).toBe(r.matched);
        // Pairs with A's side in view plus A's lone events are exactly A's events in view.
        const aInView = t.pairs.filter((p) => p.a.dateStart >= v.shown.from && p.a.dateStart <= v.shown.to).length;
        expect(aInView + r.onlyA).toBe(ta.incidents);
        const bInView = t.pairs.filter((p) => p.b.dateStart >= v.shown.from && p.b.dateStart <= v.shown.to).length;
        expect(bInView + r.onlyB).toBe(tb.incidents);
        expect(r.deathsA).toBe(t.pairs.reduce((s, p) => s + p.a.deathsBest, 0));
        expect(r.deathsB).toBe(t.pairs.reduce((s, p) => s + p.b.deathsBest, 0));
      }),
      { numRuns: 150 },
    );
  });
});
