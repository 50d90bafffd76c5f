import { rowsOf } from '../../../src/data/incidentTable';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../../src/data/parseFile';
import { runImport, type WorkerLike } from '../../../src/import/runImport';
import { inThreadWorker } from './inThreadWorker';
import { prepareAreas } from '../../../src/geo/areaAssignment';
import { areaIndexFromParts } from '../../../src/data/areaIndex';
import { createTimeIndex } from '../../../src/data/timeIndex';
import { indexAreas } from '../../../src/geo/indexAreas';
import { COUNTRIES, EVENT_TYPES } from '../../../src/types';
import { readGeodata } from '../geo/geodataFiles';

const fixture = readFileSync(new URL('../../../test/fixtures/acled-2023-layout.csv', import.meta.url));

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
    const all = await outcome.incidents.details(Array.from({ length: outcome.incidents.length }, (_, i) => i));
    expect([...all].sort(byId)).toEqual([...parsed].sort(byId));
    expect(outcome.incidents).toHaveLength(12);
    expect(all.every((i) => i.dataset === 'user-1')).toBe(true);
    outcome.close();
    expect(outcome.summary).toMatchObject({ file: 'a.csv', accepted: 12, deaths: 380 });
    expect(progress.at(-1)).toBe(fixture.length);
  });

  it('builds the area index in the worker, in the order the page receives, and transfers its parts', async () => {
    const text = fixture.toString('utf8');
    const [header, ...lines] = text.trimEnd().split('\n');
    const copies = 400;
    const big = [header, ...Array.from({ length: copies }, (_, k) => lines.map((line) => line.replace(/^([A-Z]+)(\d+)/, `$1$2x${k}`))).flat()].join('\n');
    const geodata = { admin1: readGeodata('admin1.geojson'), focusAreas: readGeodata('focus-areas.geojson') };
    const outcome = await runImport({ source: { kind: 'file', file: new Blob([big]), name: 'big.csv' }, dataset: 'u', areas: geodata }, inThreadWorker, () => {}).outcome;
    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    const incidents = outcome.incidents;
    expect(incidents.length).toBe(copies * lines.length);
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
    // Without the areas' geodata (they had not loaded), no parts: the page assigns the areas when they arrive.
    const none = await runImport({ source: { kind: 'file', file: new Blob([fixture]), name: 'a.csv' }, dataset: 'u' }, inThreadWorker, () => {}).outcome;
    expect(none.status === 'done' && none.areas).toBeUndefined();
  }, 60_000);

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
