import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAcled } from '../../../src/data/acled';
import { MAX_FIELDS, MAX_RECORD_CHARS } from '../../../src/data/csvStream';
import { MAX_ISSUES_PER_KIND } from '../../../src/data/issueLog';
import { createFileParser, parseBytes, parseStream, parseText, type ImportResult } from '../../../src/data/parseFile';
import { parseStoryEvents, STORY_COLUMNS } from '../../../src/data/stories';
import { parseUcdpGed } from '../../../src/data/ucdp';
import type { ImportIssue } from '../../../src/types';

const options = (file = 'f.csv') => ({ file, dataset: 'user-1' });
const HEADER = STORY_COLUMNS.join(',');
const row = (id: string, date = '2021-03-21', place = 'Ouallam') => `${id},${date},day,Niger,Tillabéri,,${place},14.3,2.1,1,Battles,,,,3,,,,,,,,`;
const story = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';
const balanced = (r: ImportResult) => expect(r.rowsRead).toBe(r.incidents.length + r.rowsRejected);
const errorsOf = (r: { issues: ImportIssue[] }) => r.issues.filter((i) => i.severity === 'error');

/** UTF-16 bytes of `text` without a BOM. */
function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 * i + (bigEndian ? 1 : 0)] = c & 0xff;
    out[2 * i + (bigEndian ? 0 : 1)] = c >> 8;
  }
  return out;
}

describe('record limits', () => {
  it('a file that is one line of "a," stops at the field limit with a file-level error quoting at most 200 characters', () => {
    const r = parseText('a,'.repeat(MAX_FIELDS * 3), options('one-line.csv'));
    expect(r.fileError?.message).toMatch(/^Row 1 of one-line\.csv holds more than 2,000 fields, the most one row may hold, so reading stopped there/);
    const quoted = /The row starts: (".*?")\./.exec(r.fileError!.message)![1];
    expect(JSON.parse(quoted).length).toBeLessThanOrEqual(200);
    expect(r.fileError!.message.length).toBeLessThan(600);
    balanced(r);
  });

  it('a quote never closed stops at the character limit after the rows before it, which are kept', async () => {
    const text = story(row('A1'), `A2,"${'x'.repeat(2 * MAX_RECORD_CHARS)}`);
    const chunks = Array.from({ length: Math.ceil(text.length / 65_536) }, (_, k) => new TextEncoder().encode(text.slice(k * 65_536, (k + 1) * 65_536)));
    let pushed = 0;
    const stream = (async function* () {
      for (const c of chunks) {
        pushed++;
        yield c;
      }
    })();
    const r = await parseStream(stream, options());
    expect(r.fileError).toMatchObject({ row: 3, message: expect.stringMatching(/^Row 3 of f\.csv holds more than 16,000,000 characters/) });
    expect(r.incidents.map((i) => i.id)).toEqual(['A1']);
    expect(pushed).toBeLessThan(chunks.length);
    balanced(r);
  }, 30_000);
});

describe('issue cap', () => {
  it('keeps the first N issues of a kind, counts all of them and says how many more', () => {
    const rows = Array.from({ length: MAX_ISSUES_PER_KIND + 500 }, (_, k) => `S${k},2021-03-21,day,Niger,,,X,14.3,2.1,1,Battles,,,,,,,,,,,,`);
    const r = parseText(story(...rows), options());
    const best = r.issues.filter((i) => i.field === 'fatalities_best' && i.row !== null);
    expect(best).toHaveLength(MAX_ISSUES_PER_KIND);
    expect(r.issueCounts.warnings).toBe(MAX_ISSUES_PER_KIND + 500);
    expect(r.issues.find((i) => i.row === null && i.field === 'fatalities_best')?.message).toMatch(/^500 more warnings about fatalities_best in f\.csv are not listed/);
  });

  it('a GeoJSON of 200,000 points that each raise a warning is read without overflowing the stack', () => {
    const feature = (k: number) => `{"type":"Feature","geometry":null,"properties":{"id":"G${k}","event_date":"2021-03-21","latitude":14,"longitude":2,"event_type":"Battles","fatalities_best":1}}`;
    const text = `{"type":"FeatureCollection","features":[${Array.from({ length: 200_000 }, (_, k) => feature(k)).join(',')}]}`;
    const r = parseText(text, options('many.geojson'));
    expect(r.fileError).toBeNull();
    expect(r.incidents).toHaveLength(200_000);
    expect(r.issueCounts.warnings).toBeGreaterThanOrEqual(200_000);
    expect(r.issues.length).toBeLessThan(10 * MAX_ISSUES_PER_KIND);
  }, 60_000);

  it('a property nested 5,000 deep rejects its feature by name instead of overflowing the stack', () => {
    const deep = `${'['.repeat(5000)}1${']'.repeat(5000)}`;
    const text = `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[2,14]},"properties":{"id":"D1","event_date":"2021-03-21","event_type":"Battles","nest":${deep}}},{"type":"Feature","geometry":{"type":"Point","coordinates":[2,14]},"properties":{"id":"D2","event_date":"2021-03-21","event_type":"Battles"}}]}`;
    const r = parseText(text, options('deep.geojson'));
    expect(errorsOf(r)).toEqual([expect.objectContaining({ row: 1, field: 'nest', message: expect.stringMatching(/nests lists or objects more than 32 deep/) })]);
    expect(r.incidents.map((i) => i.id)).toEqual(['D2']);
    balanced(r);
  });
});

describe('plausible dates', () => {
  it('rejects 9999-12-31 and years 0000 and 0021, naming the row; never reads them as 1900 or 1921', () => {
    const r = parseText(story(row('P1', '9999-12-31'), row('P2', '0000-06-01'), row('P3', '0021-03-21'), row('P4')), options());
    expect(r.incidents.map((i) => i.id)).toEqual(['P4']);
    expect(errorsOf(r).map((i) => [i.row, i.field, i.message.slice(0, 30)])).toEqual([
      [2, 'event_date', 'The date 9999-12-31 is outside'],
      [3, 'event_date', 'The date 0000-06-01 is outside'],
      [4, 'event_date', 'The date 0021-03-21 is outside'],
    ]);
    balanced(r);
  });

  it('keeps them with a warning when asked to', () => {
    const r = parseText(story(row('P1', '9999-12-31')), { ...options(), keepImplausibleDates: true });
    expect(r.incidents.map((i) => i.dateStart.toISOString().slice(0, 10))).toEqual(['9999-12-31']);
    expect(r.issues[0]).toMatchObject({ severity: 'warning', row: 2, field: 'event_date', message: expect.stringMatching(/Kept as given/) });
  });

  it('reads ACLED two-digit years as 20xx, a four-digit 0021 as the year 21 (rejected), and refuses 31 February', () => {
    const acled = 'event_id_cnty,event_date,event_type,latitude,longitude,fatalities,time_precision,geo_precision\n';
    const r = parseAcled(`${acled}A,16-Feb-21,Battles,14,2,1,1,1\nB,16-Feb-0021,Battles,14,2,1,1,1\nC,31-Feb-2021,Battles,14,2,1,1,1\n`, 'a.csv');
    expect(r.incidents.map((i) => [i.id, i.dateStart.toISOString().slice(0, 10)])).toEqual([['A', '2021-02-16']]);
    expect(errorsOf(r).map((i) => [i.row, i.message.slice(0, 36)])).toEqual([
      [3, 'The date 0021-02-16 is outside the p'],
      [4, 'The date is missing or unreadable. W'],
    ]);
  });
});

describe('encodings', () => {
  it('reads UTF-16 little- and big-endian without a BOM from its NUL pattern', () => {
    for (const bigEndian of [false, true]) {
      const r = parseBytes(utf16(story(row('U1', '2021-03-21', 'Téra')), bigEndian), options());
      expect(r.encoding).toBe(bigEndian ? 'UTF-16 (big-endian)' : 'UTF-16 (little-endian)');
      expect(r.incidents.map((i) => i.place)).toEqual(['Téra']);
    }
  });

  it('refuses UTF-32, with or without a BOM, by name', () => {
    const text = story(row('U1'));
    const le = new Uint8Array(text.length * 4);
    for (let i = 0; i < text.length; i++) le[4 * i] = text.charCodeAt(i);
    const bom = new Uint8Array([0xff, 0xfe, 0, 0, ...le]);
    for (const bytes of [le, bom]) expect(parseBytes(bytes, options('w.csv')).fileError?.message).toMatch(/^w\.csv is UTF-32 text \(little-endian\), an encoding the map cannot read/);
  });

  it('rejects a row with a NUL byte, naming it, whether it is in the first 64 kB or after', () => {
    const filler = Array.from({ length: 1000 }, (_, k) => row(`F${k}`));
    const text = story(row('N1', '2021-03-21', 'Ou\u0000allam'), ...filler, row('N2', '2021-03-21', 'Ou\u0000allam'));
    expect(text.indexOf('N2')).toBeGreaterThan(65_536);
    const r = parseText(text, options());
    expect(r.fileError).toBeNull();
    expect(errorsOf(r).map((i) => [i.row, i.field, i.value])).toEqual([
      [2, 'location', 'Ou␀allam'],
      [1003, 'location', 'Ou␀allam'],
    ]);
    expect(r.incidents).toHaveLength(1000);
    balanced(r);
  });

  it('names a header repeated mid-file (two exports joined) in one issue and reads the rows after it', () => {
    const r = parseText(`${story(row('H1'))}${story(row('H2'))}`, options());
    expect(errorsOf(r)).toEqual([expect.objectContaining({ row: 3, field: null, message: expect.stringMatching(/^This row repeats the header: the file looks like two exports joined/) })]);
    expect(r.incidents.map((i) => i.id)).toEqual(['H1', 'H2']);
    expect(parseStoryEvents(`${story(row('H1'))}${story(row('H2'))}`, 's.csv').issues).toHaveLength(1);
  });
});

describe('properties of the limits', () => {
  const cell = fc.oneof(fc.constantFrom('', '9999-12-31', '0021-01-01', '2021-02-30', '"', '\u0000', '\uFFFD', HEADER), fc.string({ maxLength: 3 }));
  const line = fc.array(cell, { maxLength: 40 }).map((c) => c.join(','));
  const big = fc.tuple(fc.array(line, { maxLength: 30 }), fc.nat(3000)).map(([rows, repeat]) => {
    const body = rows.join('\n');
    return [HEADER, ...Array.from({ length: 1 + (repeat % 40) }, () => body)].join('\n');
  });
  const kindsWithin = (issues: ImportIssue[]) => {
    const perKind = new Map<string, number>();
    for (const i of issues) if (i.row !== null) perKind.set(`${i.severity}/${i.field}`, (perKind.get(`${i.severity}/${i.field}`) ?? 0) + 1);
    return [...perKind.values()].every((n) => n <= MAX_ISSUES_PER_KIND);
  };

  it('no input of up to a few megabytes makes a parser throw or keep more than N issues of a kind, and rows read = accepted + rejected', () => {
    fc.assert(
      fc.property(big, fc.nat(4), (text, k) => {
        const repeated = k === 0 ? text : text.repeat(k * 20);
        const streamed = parseText(repeated, options());
        balanced(streamed);
        expect(kindsWithin(streamed.issues)).toBe(true);
        for (const whole of [parseStoryEvents(repeated, 's.csv'), parseAcled(repeated, 'a.csv'), parseUcdpGed(repeated, 'u.csv')]) {
          expect(whole.rowsRead).toBe(whole.incidents.length + whole.rowsRejected);
          expect(kindsWithin(whole.issues)).toBe(true);
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it('a parser fed any bytes in any pieces never throws', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 20_000 }), fc.nat(20_000), (bytes, cut) => {
        const parser = createFileParser(options());
        parser.push(bytes.subarray(0, cut));
        parser.push(bytes.subarray(cut));
        balanced(parser.end());
      }),
      { numRuns: 100 },
    );
  });
});
