import { describe, expect, it } from 'vitest';
import { compareReport, formatCompareText } from '../../../scripts/checkDataCompare';
import { makeIncident } from '../data/makeIncident';

describe('check-data --compare report', () => {
  it('summarises the pairs and prints them', () => {
    const a = [makeIncident({ id: 'u1', deathsBest: 4 }), makeIncident({ id: 'u2', lon: 0 })];
    const b = [makeIncident({ id: 'a1', deathsBest: 6 }), makeIncident({ id: 'a2', lat: 20 }), makeIncident({ id: 'a3', lat: 21 })];
    const r = compareReport('U', a, 'A', b);
    expect(r).toMatchObject({ countA: 2, countB: 3, matched: 1, onlyA: 1, onlyB: 2, deathsA: 4, deathsB: 6 });
    expect(r.examples).toEqual([{ a: 'u1', b: 'a1', dateA: '2021-03-21', dateB: '2021-03-21', km: 0, dayGap: 0, deathsA: 4, deathsB: 6, score: expect.any(Number) }]);
    const text = formatCompareText(r);
    expect(text).toContain('Matched pairs: 1');
    expect(text).toContain('Only in A: 2');
    expect(text).toContain('u1 (2021-03-21, 4 deaths) ↔ a1');
  });
});
