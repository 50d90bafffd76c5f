import { tableOfIncidents } from '../../../src/data/incidentTable';
import { describe, expect, it } from 'vitest';
import { datasetMatch, matchFlags, MATCH_FLAG, partnerOf } from '../../../src/data/datasetMatch';
import { matchIncidents } from '../../../src/data/matchIncidents';
import { makeIncident } from './makeIncident';

const day = (d: number) => new Date(Date.UTC(2021, 2, d));
const a = [
  makeIncident({ id: 'a1', dataset: 'ucdp', dateStart: day(1), dateEnd: day(1), lon: 1, lat: 14, deathsBest: 10 }),
  makeIncident({ id: 'a2', dataset: 'ucdp', dateStart: day(5), dateEnd: day(5), lon: 3, lat: 15, deathsBest: 4 }),
  makeIncident({ id: 'a3', dataset: 'ucdp', dateStart: day(9), dateEnd: day(9), lon: 2, lat: 13, deathsBest: 1 }),
];
const b = [
  makeIncident({ id: 'b1', dataset: 'user-1', dateStart: day(5), dateEnd: day(5), lon: 3.01, lat: 15, deathsBest: 5 }),
  makeIncident({ id: 'b2', dataset: 'user-1', dateStart: day(20), dateEnd: day(20), lon: 0, lat: 12, deathsBest: 2 }),
];
const match = datasetMatch({ id: 'ucdp', incidents: tableOfIncidents(a) }, { id: 'user-1', incidents: tableOfIncidents(b) }, matchIncidents(a, b));

describe('datasetMatch', () => {
  it('datasetMatch(result) gives each position its partner on the other side, or -1', () => {
    expect([...match.partnerA]).toEqual([-1, 0, -1]);
    expect([...match.partnerB]).toEqual([1, -1]);
  });

  it('matchFlags marks matched events and each side’s lone events with its own flag', () => {
    expect([...matchFlags(match, 'a')]).toEqual([MATCH_FLAG.onlyA, MATCH_FLAG.matched, MATCH_FLAG.onlyA]);
    expect([...matchFlags(match, 'b')]).toEqual([MATCH_FLAG.matched, MATCH_FLAG.onlyB]);
  });

  it('partnerOf(key) finds the other side from either dataset’s incident key, with the pair’s figures', () => {
    const fromA = partnerOf(match, 'ucdp:a2');
    expect(fromA?.partner.id).toBe('b1');
    expect(fromA?.side).toBe('a');
    expect(fromA?.dayGap).toBe(0);
    expect(fromA?.distanceKm).toBeGreaterThan(0.5);
    expect(fromA?.distanceKm).toBeLessThan(2);
    const fromB = partnerOf(match, 'user-1:b1');
    expect(fromB?.partner.id).toBe('a2');
    expect(fromB?.score).toBe(fromA?.score);
    expect(partnerOf(match, 'ucdp:a1')).toBeNull();
    expect(partnerOf(match, 'user-1:nope')).toBeNull();
    expect(partnerOf(match, 'stories:a2')).toBeNull();
  });
});
