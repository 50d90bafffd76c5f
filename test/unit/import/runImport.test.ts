import { rowsOf } from '../../../src/data/incidentTable';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { parseBytes } from '../../../src/data/parseFile';
import { importWorkerHandler } from '../../../src/import/importJob';
import type { ImportMessage, ImportRequest } from '../../../src/import/importProtocol';
import { runImport, type WorkerLike } from '../../../src/import/runImport';
import { inThreadImportWorker } from './inThreadImportWorker';
import { AREA_WORKER_MIN_INCIDENTS } from '../../../src/import/importJob';
import { prepareAreas } from '../../../src/geo/areaAssignment';
import { areaIndexFromParts } from '../../../src/data/areaIndex';
import { createTimeIndex } from '../../../src/data/timeIndex';
import { indexAreas } from '../../../src/geo/indexAreas';
import { COUNTRIES, EVENT_TYPES } from '../../../src/types';
import { readGeodata } from '../geo/geodataFiles';

const fixture = readFileSync(new URL('../../../test/fixtures/acled-2023-layout.csv', import.meta.url));

/** The worker's handler in this thread, with a clock that makes every progress message due. */
function inThreadWorker(): ReturnType<typeof inThreadImportWorker> {
  let t = 0;
  return inThreadImportWorker(() => (t += 1000));
}

describe('runImport with the import job', () => {
  it('reads a file, reports progress, and settles with the result and its summary', async () => {
    const progress: number[] = [];
    const running = runImport({ source: { kind: 'file', file: new Blob([fixture]), name: 'a.csv' }, dataset: 'user-1' }, inThreadWorker, (p) => progress.push(p.bytes));
    const outcome = await running.outcome;
    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    // In time order now, as the worker sorted them, with every field (summaries and sources fetched from the worker).
    const parsed = parseBytes(new Uint8Array(fixture), { file: 'a.csv', dataset: 'user-1' }).incidents;
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    // The done message left the long texts in the worker: the table has none until asked.
    expect(outcome.incidents.detailed).toBe(false);
    expect(outcome.incidents.get(0)).toMatchObject({ summary: '', sources: [] });
    const all = await outcome.incidents.details(Array.from({ length: outcome.incidents.length }, (_, i) => i));
    expect([...all].sort(byId)).toEqual([...parsed].sort(byId));
    expect(outcome.incidents).toHaveLength(12);
    expect(all.every((i) => i.dataset === 'user-1')).toBe(true);
    outcome.close();
    expect(outcome.summary).toMatchObject({ file: 'a.csv', accepted: 12, deaths: 380 });
    expect(progress.at(-1)).toBe(fixture.length);
  });

  it('builds a large file’s area index in the worker, in the order the page receives, and transfers its parts', async () => {
    const text = fixture.toString('utf8');
    const [header, ...lines] = text.trimEnd().split('\n');
    const copies = Math.ceil(AREA_WORKER_MIN_INCIDENTS / lines.length);
    const big = [header, ...Array.from({ length: copies }, (_, k) => lines.map((line) => line.replace(/^([A-Z]+)(\d+)/, `$1$2x${k}`))).flat()].join('\n');
    const geodata = { admin1: readGeodata('admin1.geojson'), focusAreas: readGeodata('focus-areas.geojson') };
    const outcome = await runImport({ source: { kind: 'file', file: new Blob([big]), name: 'big.csv' }, dataset: 'u', areas: geodata }, inThreadWorker, () => {}).outcome;
    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    const incidents = outcome.incidents;
    expect(incidents.length).toBeGreaterThanOrEqual(AREA_WORKER_MIN_INCIDENTS);
    expect(outcome.areas).toBeDefined();
    const index = createTimeIndex(rowsOf(incidents));
    const fromWorker = areaIndexFromParts(index, outcome.areas!);
    const onPage = indexAreas(index, prepareAreas(geodata.admin1, geodata.focusAreas));
    const all = { types: EVENT_TYPES, countries: COUNTRIES };
    const window = { from: new Date(Date.UTC(2000, 0, 1)), to: new Date(Date.UTC(2030, 0, 1)) };
    expect(fromWorker.areas).toEqual(onPage.areas);
    expect([...fromWorker.regionValues(window, all, 'incidents')]).toEqual([...onPage.regionValues(window, all, 'incidents')]);
    expect([...fromWorker.regionValues(window, all, 'incidents')].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    for (const id of [...onPage.areas.map((a) => a.id), 'outside']) {
      expect(fromWorker.totals(id, window, all)).toEqual(onPage.totals(id, window, all));
      expect([...fromWorker.positions(id)]).toEqual([...onPage.positions(id)]);
    }
    const small = await runImport({ source: { kind: 'file', file: new Blob([fixture]), name: 'a.csv' }, dataset: 'u', areas: geodata }, inThreadWorker, () => {}).outcome;
    expect(small.status === 'done' && small.areas).toBeUndefined();
  }, 60_000);

  it('the worker answers for the long texts it kept by position, and with empty ones for positions it does not have', async () => {
    const messages: ImportMessage[] = [];
    const handle = importWorkerHandler((m) => messages.push(structuredClone(m)));
    handle({ type: 'details', id: 1, rows: [0] });
    handle({ source: { kind: 'file', file: new Blob([fixture]), name: 'a.csv' }, dataset: 'u', detailsOnDemand: true });
    handle({ type: 'details', id: 2, rows: [3, -1, 12, 0.5, 1e9] });
    await vi.waitFor(() => expect(messages.filter((m) => m.type === 'details')).toHaveLength(2));
    const done = messages.find((m) => m.type === 'done');
    if (done?.type !== 'done') throw new Error('no done message');
    expect(done.incidents.unique.summary).toBeUndefined();
    expect(done.incidents.sources).toBeUndefined();
    const [early, answer] = messages.filter((m) => m.type === 'details');
    expect(early).toEqual({ type: 'details', id: 1, details: [{ summary: '', sources: [] }] });
    if (answer.type !== 'details') return;
    expect(answer.id).toBe(2);
    const parsed = parseBytes(new Uint8Array(fixture), { file: 'a.csv', dataset: 'u' }).incidents;
    const fourth = parsed.find((x) => x.summary === answer.details[0].summary);
    expect(fourth).toBeDefined();
    expect(answer.details[0].sources).toEqual(fourth!.sources);
    expect(answer.details.slice(1)).toEqual(Array.from({ length: 4 }, () => ({ summary: '', sources: [] })));
  });

  it('cancel() settles as cancelled and terminates the worker', async () => {
    let worker!: ReturnType<typeof inThreadWorker>;
    const running = runImport({ source: { kind: 'file', file: new Blob([fixture]), name: 'a.csv' }, dataset: 'u' }, () => (worker = inThreadWorker()), () => {});
    running.cancel();
    expect(await running.outcome).toEqual({ status: 'cancelled' });
    expect(worker.terminated).toBe(true);
  });

  it('a URL that answers 404 settles as failed with the status', async () => {
    const server = await import('node:http').then(({ createServer }) => createServer((_, res) => res.writeHead(404).end()));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as { port: number };
    const outcome = await runImport({ source: { kind: 'url', url: `http://127.0.0.1:${port}/missing.csv`, name: 'missing.csv' }, dataset: 'u' }, inThreadWorker, () => {}).outcome;
    server.close();
    expect(outcome).toEqual({ status: 'failed', reason: 'HTTP 404' });
  });

  it('a worker error settles as failed', async () => {
    const broken: WorkerLike = { onmessage: null, onerror: null, postMessage() {}, terminate() {} };
    const running = runImport({ source: { kind: 'url', url: 'x', name: 'x' }, dataset: 'u' }, () => broken, () => {});
    broken.onerror?.({ message: 'boom' } as ErrorEvent);
    expect(await running.outcome).toEqual({ status: 'failed', reason: 'boom' });
  });
});
