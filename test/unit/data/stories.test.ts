import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STORY_COLUMNS, parseStoryEvents } from '../../../src/data/stories';
import { EVENT_TYPES } from '../../../src/types';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const bundled = parseStoryEvents(read('public/data/stories/incidents-sources.csv'), 'incidents-sources.csv');
const byId = new Map(bundled.incidents.map((i) => [i.id, i]));
const countBy = <T>(items: readonly T[], key: (item: T) => string) => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
};
const day = (id: string) => byId.get(id)?.dateStart.toISOString().slice(0, 10);
const deaths = (id: string) => {
  const i = byId.get(id);
  return [i?.deathsBest, i?.deathsLow, i?.deathsHigh];
};

describe('parseStoryEvents on the bundled file', () => {
  it('reads all 54 story events with no issue', () => {
    expect(bundled).toMatchObject({ rowsRead: 54, rowsRejected: 0, issues: [] });
    expect(bundled.incidents).toHaveLength(54);
    expect(bundled.incidents.every((i) => i.dataset === 'stories')).toBe(true);
  });

  it('counts Burkina Faso 12, Mali 12, Niger 30 and the event types INCIDENTS.md lists', () => {
    expect(countBy(bundled.incidents, (i) => i.country)).toEqual({ 'Burkina Faso': 12, Mali: 12, Niger: 30 });
    expect(countBy(bundled.incidents, (i) => i.eventType)).toEqual({
      Battles: 19,
      'Explosions/Remote violence': 2,
      Riots: 3,
      'Strategic developments': 7,
      'Violence against civilians': 23,
    });
  });

  it('CS020 is the Banibangou market attack of 15 March 2021: 58 dead (58–66)', () => {
    expect(day('CS020')).toBe('2021-03-15');
    expect(deaths('CS020')).toEqual([58, 58, 66]);
    expect(byId.get('CS020')?.admin2).toBe('Banibangou');
    expect(byId.get('CS020')?.sources[0].title).toBe('Gunmen kill at least 58 in attack on Niger market sellers');
  });

  it('CS022 is the Tahoua attacks of 21 March 2021: 137 dead (137–141), placed near Tillia', () => {
    expect(day('CS022')).toBe('2021-03-21');
    expect(deaths('CS022')).toEqual([137, 137, 141]);
    expect([byId.get('CS022')?.admin1, byId.get('CS022')?.locationPrecision]).toEqual(['Tahoua', 'near']);
  });

  it('CS024 is the 31 March 2021 coup attempt: Battles, 0 deaths', () => {
    expect(day('CS024')).toBe('2021-03-31');
    expect(deaths('CS024')).toEqual([0, 0, 0]);
    expect(byId.get('CS024')?.eventType).toBe('Battles');
    expect(byId.get('CS024')?.sources[0].url).toBe('https://kion546.com/?p=389117');
  });

  it('CS027 is the 2 April 2021 inauguration in Niamey: a strategic development without deaths', () => {
    expect(day('CS027')).toBe('2021-04-02');
    expect(deaths('CS027')).toEqual([0, 0, 0]);
    expect([byId.get('CS027')?.eventType, byId.get('CS027')?.place]).toEqual(['Strategic developments', 'Niamey, Mahatma Gandhi International Conference Centre']);
  });

  it('keeps every source link as an http(s) URL', () => {
    expect(bundled.incidents.every((i) => i.sources.length === 1 && /^https?:\/\//.test(i.sources[0].url ?? ''))).toBe(true);
  });
});

describe('parseStoryEvents on broken rows', () => {
  const result = parseStoryEvents(read('test/fixtures/stories-broken.csv'), 'stories-broken.csv');
  const errors = result.issues.filter((i) => i.severity === 'error');
  const warningsAt = (row: number) => result.issues.filter((i) => i.severity === 'warning' && i.row === row).map((i) => i.field);

  it('rejects rows 3–5 and 7 with the spreadsheet row, field and value', () => {
    expect(errors.map((i) => [i.row, i.field, i.value])).toEqual([
      [3, 'latitude', ''],
      [4, 'event_date', '2021-02-30'],
      [5, 'event_type', 'Massacre'],
      [7, 'fatalities_best', 'ten'],
    ]);
    expect(result).toMatchObject({ rowsRead: 7, rowsRejected: 4 });
    expect(result.incidents.map((i) => i.id)).toEqual(['T001', 'T005', 'T007']);
  });

  it('keeps a script tag in a text field as plain text and drops a javascript: link', () => {
    const t005 = result.incidents[1];
    expect(t005.summary).toBe('<script>alert("x")</script> and <img src=x onerror=alert(1)>');
    expect(t005.sources[0]).toEqual({ title: '<b>bold</b> title', url: null, publisher: 'Example', date: '' });
    expect(warningsAt(6)).toEqual(['source_url']);
  });

  it('warns about unknown precisions, out-of-order estimates and a data: link but keeps row 8', () => {
    expect(warningsAt(7)).toEqual(['date_precision', 'geo_precision']);
    expect(warningsAt(8)).toEqual(['source_url', 'fatalities_low', 'fatalities_high']);
    const t007 = result.incidents[2];
    expect([t007.datePrecision, t007.locationPrecision, t007.deathsBest, t007.deathsLow, t007.deathsHigh]).toEqual(['week', 'region', 5, 6, 4]);
  });

  it('a file without the required columns is one file-level error, every row rejected', () => {
    const bad = parseStoryEvents('id,date\nX,2021-01-01\n', 'x.csv');
    expect(bad).toMatchObject({ incidents: [], rowsRead: 1, rowsRejected: 1 });
    expect(bad.issues[0]).toMatchObject({ severity: 'error', row: 1, field: 'event_date, latitude, longitude, event_type' });
  });
});

describe('parseStoryEvents on any input', () => {
  const cell = fc.oneof(
    fc.constantFrom('', '0', '2', '13.5', '2.1', '2021-03-21', 'day', ...EVENT_TYPES, '"a,b"', '"x\ny"', 'javascript:alert(1)', 'https://x.org'),
    fc.string({ maxLength: 6 }),
  );
  const row = fc.array(cell, { maxLength: 26 }).map((cells) => cells.join(','));
  const fileLike = fc.array(row, { maxLength: 8 }).map((rows) => [STORY_COLUMNS.join(','), ...rows].join('\r\n'));

  it('never throws, rowsRead = incidents + rejected rows, and every kept link is http(s)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fileLike), (text) => {
        const r = parseStoryEvents(text, 'any.csv');
        expect(r.rowsRead).toBe(r.incidents.length + r.rowsRejected);
        for (const i of r.incidents) for (const s of i.sources) expect(s.url === null || /^https?:/.test(s.url)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
