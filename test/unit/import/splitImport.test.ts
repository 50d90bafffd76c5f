import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../bench/serve';
import { readCsv } from '../../../src/data/csv';
import { runImportJob } from '../../../src/import/importJob';
import type { ImportMessage, ImportRequest, PartMessage, PartRequest, PortLike } from '../../../src/import/importProtocol';
import { helperSession } from '../../../src/import/partJob';
import { readGeodata } from '../geo/geodataFiles';
import { planSplit } from '../../../src/import/splitPlan';
import { createMarkerScale } from '../../../src/map/markerScale';

/** A fixture's header and its rows by column name. */
function fixture(name: string): { header: string[]; rows: Record<string, string>[] } {
  const { header, records } = readCsv(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8'));
  return { header, rows: records.map(({ fields }) => Object.fromEntries(header.map((h, k) => [h, fields[k] ?? '']))) };
}
const UCDP = fixture('ucdp-global-layout.csv');
const ACLED = fixture('acled-2023-layout.csv');
const scale = createMarkerScale(120);
const marker = { domainMax: scale.scale().domain()[1], options: scale.options };
const geodata = { admin1: readGeodata('admin1.geojson'), focusAreas: readGeodata('focus-areas.geojson') };

/** A CSV field, quoted when it must be. */
const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

interface Read {
  done: Extract<ImportMessage, { type: 'done' }>;
  /** Every incident's summary and sources, asked for after `done`. */
  details: unknown;
  /** The stages the job went through (`join` when the halves were joined). */
  stages: string[];
}

/**
 * The import job over `bytes` (or the file at `url`), alone or with a helper in this thread on a
 * MessageChannel (`lost`: the helper stops without an answer).
 */
async function read(bytes: Uint8Array<ArrayBuffer> | string, helper: 'none' | 'helper' | 'lost'): Promise<Read> {
  const source: ImportRequest['source'] = typeof bytes === 'string' ? { kind: 'url', url: bytes, name: 'split.csv' } : { kind: 'file', file: new Blob([bytes]), name: 'split.csv' };
  const request: ImportRequest = { source, dataset: 'user-1', marker, areas: geodata, detailsOnDemand: true, splitFromBytes: 0 };
  let lose = () => {};
  const lost = new Promise<void>((resolve) => (lose = resolve));
  let channel: MessageChannel | null = null;
  if (helper !== 'none') {
    channel = new MessageChannel();
    const port = channel.port2 as unknown as PortLike<PartMessage, PartRequest>;
    const serve = helperSession((m, t = []) => port.postMessage(m, t));
    port.onmessage = ({ data }) => {
      if (helper === 'lost') return lose();
      void serve(data);
    };
    request.helper = channel.port1 as unknown as PortLike<PartRequest, PartMessage>;
  }
  const stages: string[] = [];
  let done: Read['done'] | null = null;
  const messages: ImportMessage[] = [];
  const answer = await runImportJob(request, (m) => (m.type === 'done' ? (done = m) : messages.push(m)), undefined, (name) => stages.push(name), lost);
  channel?.port1.close();
  channel?.port2.close();
  if (!done) throw new Error('no done message');
  const count = (done as Read['done']).incidents.count;
  answer?.({ type: 'details', id: 1, rows: Array.from({ length: count }, (_, i) => i) });
  const details = messages.find((m) => m.type === 'details');
  return { done, details: details && 'details' in details ? details.details : null, stages };
}

/** Reads `text` alone and in halves; the results must be the same, whichever way the halves went. */
async function expectSameInHalves(text: string): Promise<string[]> {
  const bytes = new TextEncoder().encode(text);
  const alone = await read(bytes, 'none');
  const halves = await read(bytes, 'helper');
  expect(halves.done).toEqual(alone.done);
  expect(halves.details).toEqual(alone.details);
  return halves.stages;
}

type Mutation = 'none' | 'duplicate' | 'no-coordinates' | 'script' | 'multi-line' | 'short' | 'blank' | 'repeated-header';

/**
 * A file of `rows` drawn from a fixture's, each with its id made unique and then mutated, and its
 * long text padded to 3 kB: the first half must pass the 64 kB that the encoding is sniffed from
 * before it can be joined to the second.
 */
function fileOf(table: { header: string[]; rows: Record<string, string>[] }, idColumn: string, picks: { row: number; mutation: Mutation; dup: number }[], lineEnd: string): string {
  const long = idColumn === 'id' ? 'source_article' : 'notes';
  const lines = [table.header.join(',')];
  const ids: string[] = [];
  picks.forEach(({ row, mutation, dup }, k) => {
    const record = { ...table.rows[row % table.rows.length] };
    record[idColumn] = `${record[idColumn]}-${k}`;
    record[long] = `${record[long]} ${'padding '.repeat(375)}`;
    if (mutation === 'duplicate' && ids.length > 0) record[idColumn] = ids[dup % ids.length];
    ids.push(record[idColumn]);
    if (mutation === 'no-coordinates') record.latitude = '';
    if (mutation === 'script') record[table.header[table.header.length - 3]] = '<script>alert(1)</script>';
    if (mutation === 'multi-line') record.latitude = `${record.latitude}\n${lineEnd}and a line`;
    if (mutation === 'blank') return lines.push('');
    if (mutation === 'repeated-header') return lines.push(table.header.join(','));
    const fields = table.header.map((h) => cell(record[h] ?? ''));
    lines.push((mutation === 'short' ? fields.slice(0, -2) : fields).join(','));
  });
  return lines.join(lineEnd) + lineEnd;
}

const arbPicks = fc.array(
  fc.record({
    row: fc.nat(100),
    mutation: fc.oneof(
      { weight: 6, arbitrary: fc.constant<Mutation>('none') },
      fc.constantFrom<Mutation>('duplicate', 'no-coordinates', 'script', 'multi-line', 'short', 'blank', 'repeated-header'),
    ),
    dup: fc.nat(1000),
  }),
  { minLength: 20, maxLength: 80 },
);

describe('an import read in two halves at once', () => {
  it('gives what one reading gives, for any file: issues and their rows, totals, columns, layer parts and details (fast-check)', async () => {
    const ways = new Set<string>();
    for (const [table, id] of [
      [UCDP, 'id'],
      [ACLED, 'event_id_cnty'],
    ] as const) {
      await fc.assert(
        fc.asyncProperty(arbPicks, fc.constantFrom('\n', '\r\n'), async (picks, lineEnd) => {
          const stages = await expectSameInHalves(fileOf(table, id, picks, lineEnd));
          ways.add(stages.includes('join') ? 'joined' : 'read on serially');
        }),
        { numRuns: 60 },
      );
    }
    // Both ways were taken: the property held for halves joined, not only for the serial fallback.
    expect(ways).toEqual(new Set(['joined', 'read on serially']));
  });

  it('joins the halves of a clean file, and the helper builds the area index meanwhile', async () => {
    const picks = Array.from({ length: 40 }, (_, row) => ({ row, mutation: 'none' as const, dup: 0 }));
    const stages = await expectSameInHalves(fileOf(ACLED, 'event_id_cnty', picks, '\n'));
    expect(stages).toContain('join');
    expect(stages).toContain('areas (helper)');
  });

  it('reads the second half itself when the cut falls inside a quoted field that spans lines', async () => {
    const picks = Array.from({ length: 30 }, (_, row) => ({ row, mutation: 'none' as const, dup: 0 }));
    const text = fileOf(UCDP, 'id', picks, '\n');
    // One more row whose notes are many short lines: the middle of the file is inside them.
    const record: Record<string, string> = { ...UCDP.rows[0], id: 'long' };
    // Lines that look like records of the header's width: the cut is made in them, and refused at the join.
    const where = Array.from({ length: 2000 }, (_, k) => `${k}${',v'.repeat(UCDP.header.length - 1)}`).join('\n');
    const long = text + UCDP.header.map((h) => cell(h === 'where_description' ? where : record[h])).join(',') + '\n';
    const plan = await planSplit({ kind: 'file', file: new Blob([long]) });
    expect(plan).not.toBeNull();
    const stages = await expectSameInHalves(long);
    expect(stages).toContain('parse second half here');
    expect(stages).not.toContain('join');
  });

  it('reads the second half itself when one of its ids was on a row of the first, and warns at that row', async () => {
    const picks = Array.from({ length: 60 }, (_, row) => ({ row, mutation: row === 58 ? ('duplicate' as const) : ('none' as const), dup: 1 }));
    const text = fileOf(ACLED, 'event_id_cnty', picks, '\n');
    const stages = await expectSameInHalves(text);
    expect(stages).not.toContain('join');
    const alone = await read(new TextEncoder().encode(text), 'none');
    expect(alone.done.result.issues).toContainEqual(expect.objectContaining({ row: 60, field: 'event_id_cnty', severity: 'warning' }));
  });

  it('reads the second half itself when the helper stops', async () => {
    const picks = Array.from({ length: 40 }, (_, row) => ({ row, mutation: 'none' as const, dup: 0 }));
    const bytes = new TextEncoder().encode(fileOf(ACLED, 'event_id_cnty', picks, '\n'));
    const alone = await read(bytes, 'none');
    const lost = await read(bytes, 'lost');
    expect(lost.stages).toContain('parse second half here');
    expect(lost.done).toEqual(alone.done);
  });
});

describe('an import of a URL read in two halves at once', () => {
  const picks = Array.from({ length: 80 }, (_, row) => ({ row, mutation: row % 7 === 3 ? ('no-coordinates' as const) : ('none' as const), dup: 0 }));
  const text = fileOf(UCDP, 'id', picks, '\r\n');
  let dir = '';
  const servers: Server[] = [];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'split-url-'));
    writeFileSync(join(dir, 'events.csv'), text);
  });
  afterAll(() => {
    for (const server of servers) server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the halves by range from a server that answers ranges, and gives what one reading gives', async () => {
    const { server, url } = await serveStatic(dir);
    servers.push(server);
    const alone = await read(new TextEncoder().encode(text), 'none');
    const halves = await read(`${url}events.csv`, 'helper');
    expect(halves.stages).toContain('join');
    expect(halves.done).toEqual(alone.done);
    expect(halves.details).toEqual(alone.details);
  });

  it('reads the whole file itself from a server that ignores ranges', async () => {
    const server = createServer((_, response) => response.writeHead(200, { 'content-length': Buffer.byteLength(text), 'accept-ranges': 'bytes' }).end(text));
    servers.push(server);
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const alone = await read(new TextEncoder().encode(text), 'none');
    const served = await read(`http://127.0.0.1:${port}/events.csv`, 'helper');
    expect(served.stages).toContain('parse');
    expect(served.stages).not.toContain('join');
    expect(served.done).toEqual(alone.done);
  });
});

describe('planSplit', () => {
  const row = `x${',1'.repeat(ACLED.header.length - 1)}\n`;
  const body = `${ACLED.header.join(',')}\n${row.repeat(2000)}`;
  it('cuts just after a line end at or past the middle, and hands on the header line without its BOM', async () => {
    const bytes = new TextEncoder().encode(`\uFEFF${body}`);
    const plan = await planSplit({ kind: 'file', file: new Blob([bytes]) });
    expect(plan).not.toBeNull();
    if (!plan) return;
    expect(plan.cut).toBeGreaterThanOrEqual(Math.floor(bytes.length / 2));
    expect(bytes[plan.cut - 1]).toBe(10);
    expect(new TextDecoder().decode(plan.header)).toBe(`${ACLED.header.join(',')}\n`);
  });

  it('cuts at a record start, past line ends inside a quoted field', async () => {
    const picks = Array.from({ length: 80 }, (_, r) => ({ row: r, mutation: 'none' as const, dup: 0 }));
    const text = fileOf(UCDP, 'id', picks, '\n');
    const bytes = new TextEncoder().encode(text);
    const plan = await planSplit({ kind: 'file', file: new Blob([bytes]) });
    expect(plan).not.toBeNull();
    const first = readCsv(new TextDecoder().decode(bytes.subarray(0, plan!.cut)));
    expect(first.records.every((r) => r.fields.length === UCDP.header.length)).toBe(true);
    expect(first.records.length + readCsv(new TextDecoder().decode(plan!.header) + new TextDecoder().decode(bytes.subarray(plan!.cut))).records.length).toBe(80);
  });

  it('refuses a file whose first line is not a plain header, or with no line end past the middle', async () => {
    for (const text of [`"quoted",header\n${'x\n'.repeat(1000)}`, `\n${body}`, `a,b\r${'x\r'.repeat(1000)}`, `a,b\n${'x'.repeat(5000)}`, 'a,b\n', '']) {
      expect(await planSplit({ kind: 'file', file: new Blob([text]) })).toBeNull();
    }
    expect(await planSplit({ kind: 'file', file: new Blob([new Uint8Array([0x61, 0xff, 0x62, 10, ...new TextEncoder().encode('x\n'.repeat(1000))])]) })).toBeNull();
  });
});
