import { tableOfIncidents } from '../../../src/data/incidentTable';
import { describe, expect, it } from 'vitest';
import { packMatchRequest, resultBuffers, runMatchJob } from '../../../src/import/matchJob';
import { matchIncidents } from '../../../src/data/matchIncidents';
import { makeIncident } from '../data/makeIncident';

describe('match job columns', () => {
  it('survives a structured clone (the page keeps its columns) and gives the same result as the Incident matcher', () => {
    const a = [makeIncident({ deathsBest: 3 }), makeIncident({ lon: 2, eventType: 'Explosions/Remote violence' })];
    const b = [makeIncident({ lon: 2.01, eventType: 'Explosions/Remote violence' }), makeIncident({ lat: 30 })];
    const req = packMatchRequest(tableOfIncidents(a), tableOfIncidents(b));
    const moved = structuredClone(req);
    expect(req.a.lon.byteLength).toBeGreaterThan(0);
    expect(Array.from(moved.a.lon)).toEqual([5, 2]);
    expect(moved.a.eventType[1]).toBe(moved.b.eventType[0]);
    const result = runMatchJob(moved);
    const back = structuredClone(result, { transfer: resultBuffers(result) });
    const direct = matchIncidents(a, b);
    expect(Array.from(back.pairs.a)).toEqual(Array.from(direct.pairs.a));
    expect(Array.from(back.pairs.b)).toEqual([0]);
    expect(back.summary).toEqual(direct.summary);
  });
});
