import { tableOfIncidents } from '../../../src/data/incidentTable';
import { describe, expect, it } from 'vitest';
import { packMatchRequest, requestBuffers, resultBuffers, runMatchJob } from '../../../src/import/matchJob';
import { matchIncidents } from '../../../src/data/matchIncidents';
import { makeIncident } from '../data/makeIncident';

describe('match job columns', () => {
  it('transfers copies (the page keeps its columns) and gives the same result as the Incident matcher', () => {
    const a = [makeIncident({ deathsBest: 3 }), makeIncident({ lon: 2, eventType: 'Explosions/Remote violence' })];
    const b = [makeIncident({ lon: 2.01, eventType: 'Explosions/Remote violence' }), makeIncident({ lat: 30 })];
    const ta = tableOfIncidents(a);
    const tb = tableOfIncidents(b);
    const req = packMatchRequest(ta, tb);
    const buffers = requestBuffers(req);
    expect(new Set(buffers).size).toBe(buffers.length);
    const moved = structuredClone(req, { transfer: buffers });
    expect(req.a.lon.byteLength).toBe(0);
    expect(Array.from(ta.lon)).toEqual([5, 2]);
    expect(Array.from(tb.lon)).toEqual([2.01, 5]);
    expect(Array.from(moved.a.lon)).toEqual([5, 2]);
    expect(moved.a.eventType[1]).toBe(moved.b.eventType[0]);
    const result = runMatchJob(moved);
    const back = structuredClone(result, { transfer: resultBuffers(result) });
    const direct = matchIncidents(a, b);
    expect(Array.from(back.pairs.a)).toEqual(Array.from(direct.pairs.a));
    expect(Array.from(back.pairs.b)).toEqual([0]);
    expect(back.summary).toEqual(direct.summary);
  });

  it('keeps a column the table shares shared (end is start when every event lasts a day)', () => {
    const t = tableOfIncidents([makeIncident({}), makeIncident({ lon: 3 })]);
    const oneDay = { ...t, end: t.start };
    const req = packMatchRequest(oneDay, t);
    expect(req.a.end).toBe(req.a.start);
    expect(req.a.start.buffer).not.toBe(t.start.buffer);
    expect(req.b.end).not.toBe(req.b.start);
    const moved = structuredClone(req, { transfer: requestBuffers(req) });
    expect(Array.from(moved.a.end)).toEqual(Array.from(t.start));
  });
});
