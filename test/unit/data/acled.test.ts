import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acledDatePrecision, acledLocationPrecision, createAcledMapper, detectAcledLayout, parseAcled } from '../../../src/data/acled';
import { parseAcledDate } from '../../../src/data/acledDate';
import { readCsv } from '../../../src/data/csv';
import { parseStoryEvents } from '../../../src/data/stories';
import type { ImportIssue } from '../../../src/types';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const stories = new Map(parseStoryEvents(read('public/data/stories/incidents-sources.csv'), 's').incidents.map((i) => [i.id, i]));
const iso = (d: Date | null) => (d === null ? null : Number.isNaN(d.getTime()) ? 'invalid' : d.toISOString().slice(0, 10));

describe('parseAcledDate', () => {
  it('reads "21 March 2020", "16-Feb-21" and "2022-09-23" as UTC midnight', () => {
    expect(iso(parseAcledDate('21 March 2020'))).toBe('2020-03-21');
    expect(iso(parseAcledDate('16-Feb-21'))).toBe('2021-02-16');
    expect(iso(parseAcledDate('2022-09-23'))).toBe('2022-09-23');
    expect(parseAcledDate('21 March 2020')?.getTime()).toBe(Date.UTC(2020, 2, 21));
  });

  it('takes two-digit years 97–99 as the 1990s and 00–69 as this century', () => {
    expect(iso(parseAcledDate('1-Jan-97'))).toBe('1997-01-01');
    expect(iso(parseAcledDate('5-Sept-23'))).toBe('2023-09-05');
  });

  it('refuses slashed dates, unknown months and days that do not exist; empty is null', () => {
    expect(iso(parseAcledDate('3/21/2021'))).toBe('invalid');
    expect(iso(parseAcledDate('21 Marchember 2020'))).toBe('invalid');
    expect(iso(parseAcledDate('31 February 2021'))).toBe('invalid');
    expect(parseAcledDate('  ')).toBeNull();
  });
});

describe('detectAcledLayout', () => {
  it('tells the 2020–2022 export (data_id) from the 2023+ export (disorder_type)', () => {
    expect(detectAcledLayout(readCsv(read('test/fixtures/acled-2020-layout.csv')).header)).toBe('2020');
    expect(detectAcledLayout(readCsv(read('test/fixtures/acled-2023-layout.csv')).header)).toBe('2023');
    expect(detectAcledLayout(['event_id_cnty', 'event_date', 'event_type', 'latitude', 'longitude'])).toBe('other');
    expect(detectAcledLayout(['event_id_cnty', 'event_date', 'latitude', 'longitude'])).toBeNull();
  });

  it('maps time_precision 1–3 to day, week, month and geo_precision 1–3 to exact, near, region', () => {
    expect([1, 2, 3, 4].map(acledDatePrecision)).toEqual(['day', 'week', 'month', 'unknown']);
    expect([1, 2, 3, 0].map(acledLocationPrecision)).toEqual(['exact', 'near', 'region', 'unknown']);
  });
});

describe('parseAcled on the 2020–2022 layout fixture', () => {
  const result = parseAcled(read('test/fixtures/acled-2020-layout.csv'), 'acled-2020-layout.csv');

  it('reads all twelve rows, with no errors', () => {
    expect(result).toMatchObject({ rowsRead: 12, rowsRejected: 0 });
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('gives each event the story event’s day, place, type and deaths it was written from', () => {
    for (const incident of result.incidents) {
      const story = stories.get(`CS${incident.id.slice(4)}`)!;
      expect([iso(incident.dateStart), incident.lat, incident.lon, incident.eventType, incident.deathsBest, incident.country]).toEqual([
        iso(story.dateStart),
        story.lat,
        story.lon,
        story.eventType,
        story.deathsBest,
        story.country,
      ]);
      expect(incident.summary).toBe(story.summary);
    }
  });

  it('names sources as publishers without links, and leaves low and high empty', () => {
    expect(result.incidents[0].sources).toEqual([{ title: '', url: null, publisher: 'Wikipedia', date: '' }]);
    expect(result.incidents.every((i) => i.deathsLow === null && i.deathsHigh === null && i.dataset === 'acled')).toBe(true);
  });
});

describe('parseAcled on the 2023+ layout fixture', () => {
  const result = parseAcled(read('test/fixtures/acled-2023-layout.csv'), 'acled-2023-layout.csv', 'user-1');

  it('reads ISO dates and text inter codes, into the dataset it is given', () => {
    expect(result).toMatchObject({ rowsRead: 12, rowsRejected: 0 });
    expect(iso(result.incidents[0].dateStart)).toBe('2020-08-09');
    expect(result.incidents.every((i) => i.dataset === 'user-1')).toBe(true);
  });

  it('splits the `; `-list of sources and joins associated actors to the actor', () => {
    const koure = result.incidents[0];
    expect(koure.sources.map((s) => s.publisher)).toEqual(['NYK Daily (AFP)', 'Le Sahel', 'ActuNiger']);
    expect(koure.actor1).toBe('Unidentified armed group (with Civilians (Niger); Police Forces of Niger (2021-))');
  });
});

describe('parseAcled on broken rows', () => {
  const result = parseAcled(read('test/fixtures/acled-broken.csv'), 'acled-broken.csv');
  const at = (row: number, severity: ImportIssue['severity']) => result.issues.filter((i) => i.row === row && i.severity === severity).map((i) => i.field);

  it('rejects rows 3, 4, 5, 6 and 13 with the spreadsheet row, field and value', () => {
    expect(result.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.field, i.value])).toEqual([
      [3, 'latitude', ''],
      [4, 'event_date', '3/21/2021'],
      [5, 'event_type', 'Massacre'],
      [6, 'fatalities', 'ten'],
      [13, 'event_date', '31 February 2021'],
    ]);
    expect(result).toMatchObject({ rowsRead: 12, rowsRejected: 5 });
  });

  it('warns about swapped coordinates (7), a repeated id (8), a year that disagrees (9) and unknown precision (12), and keeps them', () => {
    expect(at(7, 'warning')).toEqual(['latitude']);
    expect(result.issues.find((i) => i.row === 7)?.message).toMatch(/look swapped/);
    expect(at(8, 'warning')).toEqual(['event_id_cnty']);
    expect(at(9, 'warning')).toEqual(['year']);
    expect(at(12, 'warning')).toEqual(['fatalities', 'geo_precision']);
    expect(result.incidents.map((i) => i.id)).toEqual(['NIG9901', 'NIG9906', 'NIG9901', 'NIG9908', 'NIG9909', 'NIG9910', 'NIG9911']);
  });

  it('keeps markup in notes as text and links only the http(s) source', () => {
    const row11 = result.incidents.find((i) => i.id === 'NIG9910')!;
    expect(row11.summary).toBe('<img src=x onerror=alert(1)> "quoted", and\na second line');
    expect(row11.sources).toEqual([
      { title: '', url: null, publisher: 'javascript:alert(1)', date: '' },
      { title: '', url: 'https://example.org/report', publisher: '', date: '' },
    ]);
  });

  it('a header without ACLED’s columns is one file-level error naming them', () => {
    const bad = parseAcled('event_id_cnty,event_date\nX,2021-01-01\n', 'x.csv');
    expect(bad).toMatchObject({ incidents: [], rowsRead: 1, rowsRejected: 1 });
    expect(bad.issues).toEqual([expect.objectContaining({ severity: 'error', row: 1, field: 'event_type, latitude, longitude' })]);
  });
});

describe('createAcledMapper on any row', () => {
  const header = readCsv(read('test/fixtures/acled-2023-layout.csv')).header;
  const cell = fc.oneof(fc.constantFrom('', '1', '3', '-1', '13,5', '12.5', '16-Feb-21', '21 March 2020', 'Battles', 'battles', '𝑾', 'javascript:x'), fc.string({ maxLength: 8 }));

  it('never throws, and a row is either an incident or has an error', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 34 }), { maxLength: 10 }), (rows) => {
        const issues: ImportIssue[] = [];
        const mapper = createAcledMapper(header, { file: 'f', dataset: 'd', issues });
        rows.forEach((fields, k) => {
          const before = issues.length;
          const incident = mapper.map({ row: k + 2, fields });
          const errors = issues.slice(before).filter((i) => i.severity === 'error');
          expect(incident === null).toBe(errors.length > 0);
          if (incident) expect(Number.isFinite(incident.lat) && Number.isFinite(incident.lon) && !Number.isNaN(incident.dateStart.getTime())).toBe(true);
        });
      }),
    );
  });
});
