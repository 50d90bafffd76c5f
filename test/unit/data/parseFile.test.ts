import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAcled } from '../../../src/data/acled';
import { createFileParser, parseBytes, parseStream, parseText, type ImportResult } from '../../../src/data/parseFile';
import { parseStoryEvents, STORY_COLUMNS } from '../../../src/data/stories';
import { formatStoryEvents } from '../../../src/data/storyWriter';
import { parseUcdpGed } from '../../../src/data/ucdp';
import { EVENT_TYPES, type Incident } from '../../../src/types';

const bytesOf = (path: string) => new Uint8Array(readFileSync(new URL(`../../../${path}`, import.meta.url)));
const textOf = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const utf8 = (text: string) => new TextEncoder().encode(text);
const options = (file = 'f.csv') => ({ file, dataset: 'user-1' });
const errors = (r: ImportResult) => r.issues.filter((i) => i.severity === 'error');
const withDataset = (incidents: Incident[], dataset: string) => incidents.map((i) => ({ ...i, dataset }));

/** Pushes `bytes` to a file parser cut at the given offsets. */
function parseInPieces(bytes: Uint8Array, cuts: number[], file = 'f.csv'): ImportResult {
  const parser = createFileParser(options(file));
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    parser.push(bytes.subarray(at, cut));
    at = cut;
  }
  parser.push(bytes.subarray(at));
  return parser.end();
}

const FIXTURES = [
  'public/data/ucdp/ucdp-ged-sahel.csv',
  'public/data/stories/incidents-sources.csv',
  'test/fixtures/ucdp-global-layout.csv',
  'test/fixtures/ucdp-country-broken.csv',
  'test/fixtures/stories-broken.csv',
  'test/fixtures/acled-2020-layout.csv',
  'test/fixtures/acled-2023-layout.csv',
  'test/fixtures/acled-excel-1252.csv',
  'test/fixtures/acled-broken.csv',
  'test/fixtures/acled-points.geojson',
];

describe('parseBytes: format detection', () => {
  it('detects each fixture’s format and layout from its header', () => {
    const seen = FIXTURES.map((path) => {
      const r = parseBytes(bytesOf(path), options(path));
      return [path.split('/').pop(), r.kind, r.format?.id, r.format?.layout, r.delimiter];
    });
    expect(seen).toEqual([
      ['ucdp-ged-sahel.csv', 'csv', 'ucdp', 'country', ','],
      ['incidents-sources.csv', 'csv', 'stories', 'stories', ','],
      ['ucdp-global-layout.csv', 'csv', 'ucdp', 'global', ','],
      ['ucdp-country-broken.csv', 'csv', 'ucdp', 'country', ','],
      ['stories-broken.csv', 'csv', 'stories', 'stories', ','],
      ['acled-2020-layout.csv', 'csv', 'acled', '2020', ','],
      ['acled-2023-layout.csv', 'csv', 'acled', '2023', ','],
      ['acled-excel-1252.csv', 'csv', 'acled', '2023', ';'],
      ['acled-broken.csv', 'csv', 'acled', '2020', ','],
      ['acled-points.geojson', 'geojson', 'acled', '2023', null],
    ]);
  });

  it('gives the bundled UCDP file the incidents and row issues parseUcdpGed gives, plus coarse-precision warnings', () => {
    const path = 'public/data/ucdp/ucdp-ged-sahel.csv';
    const whole = parseUcdpGed(textOf(path), path);
    const imported = parseBytes(bytesOf(path), { file: path, dataset: 'ucdp' });
    expect(imported.incidents).toEqual(whole.incidents);
    expect([imported.rowsRead, imported.rowsRejected]).toEqual([whole.rowsRead, whole.rowsRejected]);
    const coarse = imported.issues.filter((i) => i.field === 'date_prec' || (i.field === 'where_prec' && /known only/.test(i.message)));
    expect(imported.issues.filter((i) => !coarse.includes(i))).toEqual(whole.issues);
    // where_prec 4 and 5 (588 rows) are regions, 6 (35) the country: each such kept row is warned once.
    expect(coarse.filter((i) => i.field === 'where_prec')).toHaveLength(588 + 35);
  });

  it('gives the ACLED and story fixtures the incidents their own parsers give', () => {
    for (const path of ['test/fixtures/acled-2020-layout.csv', 'test/fixtures/acled-broken.csv']) {
      expect(parseBytes(bytesOf(path), options()).incidents).toEqual(parseAcled(textOf(path), 'f.csv', 'user-1').incidents);
    }
    const stories = 'test/fixtures/stories-broken.csv';
    expect(parseBytes(bytesOf(stories), options()).incidents).toEqual(withDataset(parseStoryEvents(textOf(stories), 'f.csv').incidents, 'user-1'));
  });

  it('reads the Excel export: Windows-1252, semicolons, CRLF, 16-Feb-21 dates and decimal commas', () => {
    const r = parseBytes(bytesOf('test/fixtures/acled-excel-1252.csv'), options('acled-excel-1252.csv'));
    expect(r).toMatchObject({ encoding: 'Windows-1252 (Latin-1)', rowsRead: 8, rowsRejected: 0 });
    expect(r.issues[0]).toMatchObject({ severity: 'warning', row: null, message: expect.stringMatching(/not UTF-8.*Windows-1252/) });
    const first = r.incidents[0];
    expect([first.id, first.dateStart.toISOString().slice(0, 10), first.lat, first.lon]).toEqual(['NIG9025', '2021-03-31', 13.515, 2.1175]);
    expect(r.incidents.map((i) => i.sources[0]?.publisher).join(' ')).toContain('Wakat Séra');
  });

  it('reads the GeoJSON fixture like the CSV it was written from, numbering features', () => {
    const geo = parseBytes(bytesOf('test/fixtures/acled-points.geojson'), options());
    const csv = parseBytes(bytesOf('test/fixtures/acled-2023-layout.csv'), options());
    expect(geo).toMatchObject({ rowLabel: 'feature', rowsRead: 12, rowsRejected: 0 });
    expect(geo.incidents).toEqual(csv.incidents);
  });

  it('reads tab-delimited text with an unnamed leading row-index column (pandas, R)', () => {
    const csv = textOf('test/fixtures/acled-2023-layout.csv');
    const { header, rows } = { header: csv.split('\n')[0], rows: csv.split('\n').slice(1, 3) };
    const withIndex = parseBytes(bytesOf('test/fixtures/acled-2023-layout.csv'), options()).incidents.slice(0, 2);
    const tsvLike = parseText([`\t${header.replaceAll(',', '\t')}`, ...rows.map((r, k) => `${k}\t${r.replace(/"[^"]*"/g, (q) => q.replaceAll(',', ' ')).replaceAll(',', '\t')}`)].join('\r\n'), options());
    expect(tsvLike.delimiter).toBe('\t');
    expect(tsvLike.rowsRead).toBe(2);
    expect(tsvLike.incidents.map((i) => [i.id, i.lat, i.lon, i.deathsBest])).toEqual(withIndex.map((i) => [i.id, i.lat, i.lon, i.deathsBest]));
  });
});

describe('parseBytes: file-level errors name the file and what to do', () => {
  const fileError = (input: Uint8Array | string, file = 'mine.csv') => {
    const r = typeof input === 'string' ? parseText(input, options(file)) : parseBytes(input, options(file));
    expect(r.issues[0]).toBe(r.fileError);
    expect(r.incidents).toEqual([]);
    expect(r.rowsRead).toBe(r.rowsRejected);
    return r.fileError?.message ?? '';
  };

  it('an empty file, or one of blank lines', () => {
    expect(fileError('')).toMatch(/^mine\.csv is empty/);
    expect(fileError('\r\n  \n')).toMatch(/^mine\.csv is empty \(it holds only spaces/);
  });

  it('a header with no rows', () => {
    expect(fileError(`${STORY_COLUMNS.join(',')}\r\n`)).toMatch(/mine\.csv has a header but no data rows/);
  });

  it('a header with no recognisable columns says which format it is closest to and what it lacks', () => {
    const message = fileError('event_id_cnty,event_date,lat,lon\nX,2021-01-01,1,2\n');
    expect(message).toMatch(/No recognisable columns in the first row of mine\.csv \(found: event_id_cnty, event_date, lat, lon\)/);
    expect(message).toMatch(/closest to an ACLED export but lacks event_type, latitude, longitude/);
    expect(parseText('a,b\n1,2\n3,4\n', options())).toMatchObject({ rowsRead: 2, rowsRejected: 2 });
  });

  it('binary content: a workbook saved under .csv, or NUL bytes', () => {
    expect(fileError(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), 'export.csv')).toMatch(/^export\.csv is not a text file: it looks like a zip archive or an Excel workbook/);
    expect(fileError(Uint8Array.from([0x61, 0x2c, 0x00, 0x62]))).toMatch(/not a text file/);
  });

  it('invalid JSON, JSON that is not GeoJSON, and GeoJSON without point features', () => {
    expect(fileError('{"type": "FeatureCollection", "features": [', 'x.geojson')).toMatch(/^x\.geojson is not valid JSON/);
    expect(fileError('[1, 2]', 'x.json')).toMatch(/not a GeoJSON FeatureCollection \(it is a list\)/);
    const lines = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] }, properties: {} }] };
    expect(fileError(JSON.stringify(lines), 'x.geojson')).toMatch(/has no Point features \(it holds 1 LineString\)/);
  });
});

describe('parseBytes: row warnings', () => {
  it('names the rows of a UTF-8 file that hold bytes that are not UTF-8, far past the sniffed head', () => {
    const head = utf8(`${STORY_COLUMNS.join(',')}\n`);
    const good = `CS001,2021-03-21,day,Niger,Tahoua,Tillia,${'x'.repeat(70_000)},16.1,4.7,1,Battles,,,,1,,,,,,,,\n`;
    const bad = Uint8Array.from([...utf8('CS002,2021-03-22,day,Niger,Tahoua,Tillia,Tillab'), 0xe9, ...utf8('ri,16.1,4.7,1,Battles,,,,1,,,,,,,,\n')]);
    const r = parseBytes(Uint8Array.from([...head, ...utf8(good), ...bad]), options('mixed.csv'));
    expect(r.encoding).toBe('UTF-8');
    expect(r.rowsRead).toBe(2);
    expect(r.incidents).toHaveLength(2);
    expect(r.issues.filter((i) => /not valid UTF-8/.test(i.message)).map((i) => [i.row, i.field])).toEqual([
      [null, null],
      [3, 'location'],
    ]);
  });

  it('warns about coarse date and location precision, naming the column and code', () => {
    const r = parseBytes(bytesOf('test/fixtures/acled-broken.csv'), options());
    expect(r.issues.filter((i) => i.row === 10).map((i) => [i.field, i.value])).toEqual([
      ['time_precision', '3'],
      ['geo_precision', '3'],
    ]);
  });

  it('in a GeoJSON, rejects a LineString feature, keeps one without geometry from its properties, and flags properties the geometry contradicts', () => {
    const base = JSON.parse(textOf('test/fixtures/acled-points.geojson'));
    const [a, b, c] = base.features;
    const features = [
      a,
      { ...b, geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } },
      { ...c, geometry: null, properties: { ...c.properties, latitude: 14.1, longitude: 1.2 } },
      { ...a, properties: { ...a.properties, event_id_cnty: 'X4', latitude: 2.5758, longitude: 13.3108 } },
    ];
    const r = parseText(JSON.stringify({ type: 'FeatureCollection', features }), options('x.geojson'));
    expect(r).toMatchObject({ rowsRead: 4, rowsRejected: 1 });
    expect(r.issues.map((i) => [i.row, i.severity, i.field])).toEqual([
      [2, 'error', 'geometry'],
      [3, 'warning', 'geometry'],
      [4, 'warning', 'geometry'],
    ]);
    expect(r.incidents.map((i) => [i.lat, i.lon])).toEqual([
      [13.3108, 2.5758],
      [14.1, 1.2],
      [13.3108, 2.5758],
    ]);
  });
});

describe('parseStream', () => {
  it('reads a stream piece by piece, reporting progress, to the result parseBytes gives', async () => {
    const bytes = bytesOf('public/data/ucdp/ucdp-ged-sahel.csv');
    const pieces = Array.from({ length: Math.ceil(bytes.length / 50_000) }, (_, k) => bytes.subarray(k * 50_000, (k + 1) * 50_000));
    const progress: { bytes: number; rows: number }[] = [];
    const streamed = await parseStream(new Blob(pieces).stream(), { ...options(), onProgress: (p) => progress.push(p) });
    expect(streamed).toEqual(parseBytes(bytes, options()));
    expect(progress.at(-1)).toEqual({ bytes: bytes.length, rows: 4212 });
    expect(progress.every((p, k) => k === 0 || (p.bytes >= progress[k - 1].bytes && p.rows >= progress[k - 1].rows))).toBe(true);
  });

  it('stops when its signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    await expect(parseStream(new Blob([bytesOf('test/fixtures/acled-2020-layout.csv')]).stream(), { ...options(), signal: controller.signal })).rejects.toThrow('cancelled');
  });
});

describe('properties', () => {
  it('a fixture cut into pieces anywhere parses exactly as it does whole', () => {
    const files = FIXTURES.filter((p) => !p.startsWith('public/data/ucdp')).map((p) => bytesOf(p));
    fc.assert(
      fc.property(fc.nat(files.length - 1), fc.array(fc.nat(), { maxLength: 5 }), (k, raw) => {
        const bytes = files[k];
        expect(parseInPieces(bytes, raw.map((c) => c % (bytes.length + 1)))).toEqual(parseBytes(bytes, options()));
      }),
      { numRuns: 150 },
    );
  });

  const header = fc.constantFrom(STORY_COLUMNS.join(','), textOf('test/fixtures/acled-2023-layout.csv').split('\n')[0], 'id,date_start,latitude,longitude,type_of_violence,country,best', '');
  const cell = fc.oneof(fc.constantFrom('', '1', '3', '13.5', '"a,b"', '"x\ny"', '2021-03-21', '16-Feb-21', 'Battles', '\uFFFD', '{', '\u0000'), fc.string({ maxLength: 5 }));
  const fileLike = fc
    .tuple(header, fc.array(fc.array(cell, { maxLength: 32 }).map((c) => c.join(',')), { maxLength: 6 }), fc.constantFrom('\n', '\r\n'))
    .map(([h, rows, eol]) => utf8([h, ...rows].join(eol)));
  const anyBytes = fc.oneof(fc.uint8Array({ maxLength: 300 }), fileLike, fc.string().map(utf8));

  it('no input makes the importer throw, and rows read = accepted + rejected, whole or in pieces', () => {
    fc.assert(
      fc.property(anyBytes, fc.array(fc.nat(), { maxLength: 4 }), (bytes, raw) => {
        const whole = parseBytes(bytes, options());
        expect(whole.rowsRead).toBe(whole.incidents.length + whole.rowsRejected);
        const pieces = parseInPieces(bytes, raw.map((c) => c % (bytes.length + 1)));
        expect(pieces).toEqual(whole);
      }),
      { numRuns: 500 },
    );
  });

  const text = fc.string({ unit: fc.constantFrom('a', 'é', ' ', ',', '"', '\n', '<', '𝑾', ';') }).map((s) => s.trim());
  const storyIncident = fc.record({
    id: fc.stringMatching(/^[A-Z]{2}\d{3}$/),
    day: fc.integer({ min: Date.UTC(1997, 0, 1) / 864e5, max: Date.UTC(2026, 0, 1) / 864e5 }),
    datePrecision: fc.constantFrom('day' as const, 'week' as const, 'month' as const),
    country: fc.constantFrom('Niger', 'Mali', 'Burkina Faso', 'Chad'),
    admin1: text,
    place: text,
    lat: fc.integer({ min: -900000, max: 900000 }).map((x) => x / 1e4),
    lon: fc.integer({ min: -1800000, max: 1800000 }).map((x) => x / 1e4),
    locationPrecision: fc.constantFrom('exact' as const, 'near' as const, 'region' as const),
    eventType: fc.constantFrom(...EVENT_TYPES),
    deathsBest: fc.nat(5000),
    deathsLow: fc.option(fc.nat(5000)),
    deathsHigh: fc.option(fc.nat(5000)),
    summary: text,
    source: fc.option(fc.record({ title: text, url: fc.constantFrom(null, 'https://example.org/a?b=1'), publisher: text, date: fc.constantFrom('', '2021-03-22') })),
  });

  it('our own format survives a write–read round trip through the importer', () => {
    fc.assert(
      fc.property(fc.uniqueArray(storyIncident, { selector: (i) => i.id, maxLength: 8 }), (drafts) => {
        const incidents: Incident[] = drafts.map((d) => ({
          id: d.id,
          dataset: 'user-1',
          dateStart: new Date(d.day * 864e5),
          dateEnd: new Date(d.day * 864e5),
          datePrecision: d.datePrecision,
          country: d.country,
          admin1: d.admin1,
          admin2: '',
          place: d.place,
          lon: d.lon,
          lat: d.lat,
          locationPrecision: d.locationPrecision,
          eventType: d.eventType,
          subEventType: '',
          actor1: '',
          actor2: '',
          deathsBest: d.deathsBest,
          deathsLow: d.deathsLow,
          deathsHigh: d.deathsHigh,
          summary: d.summary,
          sources: d.source && (d.source.title || d.source.url || d.source.publisher || d.source.date) ? [d.source] : [],
        }));
        const written = formatStoryEvents(incidents);
        const read = parseText(written, options());
        expect(read.format?.id).toBe('stories');
        expect(read.incidents).toEqual(incidents);
        expect(withDataset(parseStoryEvents(written, 'f.csv').incidents, 'user-1')).toEqual(incidents);
      }),
      { numRuns: 200 },
    );
  });
});
