import { describe, expect, it } from 'vitest';
import { createDatasetMatching } from '../../../src/app/datasetMatching';
import type { DatasetEntry, DatasetLayers } from '../../../src/app/datasetLayers';
import { MATCH_FLAG } from '../../../src/data/datasetMatch';
import { createTimeIndex } from '../../../src/data/timeIndex';
import { buildIdTable } from '../../../src/data/idTable';
import { createMarkerStyle } from '../../../src/map/markerStyle';
import { createMarkerScale } from '../../../src/map/markerScale';
import { LIGHT } from '../../../src/map/theme';
import { runMatchJob, type MatchRequest, type MatchWorkerLike } from '../../../src/import/matchJob';
import type { IncidentLayer } from '../../../src/map/incidentLayer';
import type { MatchResult } from '../../../src/data/matchIncidents';
import type { Dataset, Incident } from '../../../src/types';
import { makeIncident } from '../data/makeIncident';

/**
 * A worker that runs the job on the same thread when `flush()` is called, as the real one does off
 * it: flush waits for the request, which the page posts a few tasks later (it copies a column per task).
 */
class FakeWorker implements MatchWorkerLike {
  static made: FakeWorker[] = [];
  onmessage: ((event: MessageEvent<MatchResult>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  request: MatchRequest | null = null;
  transfer: Transferable[] = [];
  terminated = false;
  private posted!: () => void;
  private readonly arrived = new Promise<void>((resolve) => (this.posted = resolve));
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(message: MatchRequest, transfer: Transferable[]): void {
    this.request = message;
    this.transfer = transfer;
    this.posted();
  }
  async flush(): Promise<void> {
    await this.arrived;
    this.onmessage?.({ data: runMatchJob(this.request!) } as MessageEvent<MatchResult>);
  }
  terminate(): void {
    this.terminated = true;
  }
}

function entry(id: string, role: Dataset['role'], incidents: Incident[]): DatasetEntry & { flags: (Uint8Array | null)[] } {
  const flags: (Uint8Array | null)[] = [];
  const layer = { id, setData() {}, update() {}, pick: () => [], remove() {}, setMatchFlags: (f: Uint8Array | null) => flags.push(f) } as IncidentLayer;
  const index = createTimeIndex(incidents);
  return { dataset: { id, name: id, role, licence: '', attribution: '', url: null }, index, layer, flags, areas: null, ids: buildIdTable(index.incidents.length, (i) => index.incidents.get(i).id) };
}

function layers(initial: DatasetEntry[]): DatasetLayers & { set(next: DatasetEntry[]): void } {
  let list = initial;
  const listeners = new Set<() => void>();
  return {
    add: () => { throw new Error('not used'); },
    remove() {},
    entries: () => list,
    pickOrder: () => [],
    lookup: () => undefined,
    details: () => null,
    positionOf: () => -1,
    setAreas() {},
    style: createMarkerStyle(LIGHT, createMarkerScale(100)),
    onChange: (l) => (listeners.add(l), () => listeners.delete(l)),
    set(next) {
      list = next;
      for (const l of listeners) l();
    },
  };
}

const day = new Date(Date.UTC(2021, 2, 5));
const ucdp = entry('ucdp', 'counted', [makeIncident({ id: 'u1', dataset: 'ucdp', dateStart: day, dateEnd: day }), makeIncident({ id: 'u2', dataset: 'ucdp', lon: 9, dateStart: day, dateEnd: day })]);
const stories = entry('stories', 'annotation', [makeIncident({ id: 's1', dataset: 'stories' })]);

describe('createDatasetMatching', () => {
  it('does nothing with one counted dataset; matches in a worker once a second is added, then flags both layers', async () => {
    FakeWorker.made = [];
    const all = layers([ucdp, stories]);
    const matching = createDatasetMatching({ datasets: all, createWorker: () => new FakeWorker() });
    expect(matching.status().kind).toBe('idle');
    expect(FakeWorker.made).toHaveLength(0);
    const acled = entry('user-1', 'counted', [makeIncident({ id: 'b1', dataset: 'user-1', dateStart: day, dateEnd: day })]);
    all.set([ucdp, stories, acled]);
    expect(matching.status().kind).toBe('running');
    // Nothing is copied in the task that added the dataset.
    expect(FakeWorker.made[0].request).toBeNull();
    await FakeWorker.made[0].flush();
    // The request is copies of the columns, transferred: the page's own columns stay.
    expect(FakeWorker.made[0].transfer).toContain(FakeWorker.made[0].request!.b.lon.buffer);
    expect(FakeWorker.made[0].request!.b.lon).not.toBe(acled.index.incidents.lon);
    await Promise.resolve().then(() => {
      expect(matching.status().kind).toBe('done');
      expect(matching.match()!.a.id).toBe('ucdp');
      expect(matching.match()!.b.id).toBe('user-1');
      expect([...ucdp.flags.at(-1)!]).toEqual([MATCH_FLAG.matched, MATCH_FLAG.onlyA]);
      expect([...acled.flags.at(-1)!]).toEqual([MATCH_FLAG.matched]);
      // Another layer added (the same two counted datasets): no new run.
      all.set([ucdp, stories, acled, entry('stories-2', 'annotation', [])]);
      expect(FakeWorker.made).toHaveLength(1);
      // The file removed: back to idle, flags cleared.
      all.set([ucdp, stories]);
      expect(matching.status().kind).toBe('idle');
      expect(ucdp.flags.at(-1)).toBeNull();
    });
  });

  it('drops a run superseded by a newer file, and terminates its worker', async () => {
    FakeWorker.made = [];
    const all = layers([ucdp]);
    const matching = createDatasetMatching({ datasets: all, createWorker: () => new FakeWorker() });
    const first = entry('user-1', 'counted', [makeIncident({ id: 'b1', dataset: 'user-1', dateStart: day, dateEnd: day })]);
    const second = entry('user-2', 'counted', [makeIncident({ id: 'c1', dataset: 'user-2', lon: 9, dateStart: day, dateEnd: day })]);
    all.set([ucdp, first]);
    all.set([ucdp, first, second]);
    expect(FakeWorker.made[0].terminated).toBe(true);
    await FakeWorker.made[0].flush();
    await FakeWorker.made[1].flush();
    await Promise.resolve();
    expect(matching.match()!.b.id).toBe('user-2');
    expect([...ucdp.flags.at(-1)!]).toEqual([MATCH_FLAG.onlyA, MATCH_FLAG.matched]);
  });
});
