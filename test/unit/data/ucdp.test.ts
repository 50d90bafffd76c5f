import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/data/csv';
import { detectUcdpLayout, parseUcdpGed } from '../../../src/data/ucdp';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const BUNDLED = read('public/data/ucdp/ucdp-ged-sahel.csv');
const bundled = parseUcdpGed(BUNDLED, 'ucdp-ged-sahel.csv');
const byId = new Map(bundled.incidents.map((i) => [i.id, i]));
const countBy = <T>(items: readonly T[], key: (item: T) => string) => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
};

describe('parseUcdpGed on the bundled per-country file', () => {
  it('reads all 4,212 events and rejects none', () => {
    expect(bundled.rowsRead).toBe(4212);
    expect(bundled.incidents).toHaveLength(4212);
    expect(bundled.rowsRejected).toBe(0);
    expect(bundled.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('counts Burkina Faso 1,504, Mali 2,120 and Niger 588 events', () => {
    expect(countBy(bundled.incidents, (i) => i.country)).toEqual({ 'Burkina Faso': 1504, Mali: 2120, Niger: 588 });
  });

  it('gives every incident its UCDP id, once, in the ucdp dataset', () => {
    expect(byId.size).toBe(4212);
    expect(bundled.incidents.every((i) => i.dataset === 'ucdp' && /^\d+$/.test(i.id))).toBe(true);
  });

  it('reads the US month-first date 10/06/2023 as 6 October 2023 (event 497710)', () => {
    const nouna = byId.get('497710');
    expect(nouna?.dateStart.toISOString()).toBe('2023-10-06T00:00:00.000Z');
    expect(nouna?.dateEnd.toISOString()).toBe('2023-10-06T00:00:00.000Z');
  });

  it('keeps event 497710’s best 0, low 0 and high 12 as given, and maps it to Violence against civilians', () => {
    const nouna = byId.get('497710');
    expect([nouna?.deathsBest, nouna?.deathsLow, nouna?.deathsHigh]).toEqual([0, 0, 12]);
    expect([nouna?.eventType, nouna?.subEventType]).toEqual(['Violence against civilians', 'One-sided violence']);
    expect([nouna?.admin1, nouna?.admin2, nouna?.place]).toEqual(['Boucle du Mouhoun', 'Kossi', 'Nouna town']);
    expect(nouna?.sources).toEqual([{ title: 'Burkina Faso OCTOBER 2023', url: null, publisher: 'Crisis Watch', date: '2023-11-02' }]);
  });

  it('finds the Niger events of 21 March 2021 that a scan of the raw text finds, with the same deaths', () => {
    // Independent route: split the raw text at lines that start a record (id,relid such as
    // "390480,NIR-2021-…"), then read the fixed tail of each record with a regular expression.
    const chunks = BUNDLED.split(/\n(?=\d+,[A-Z]{3}-\d{4}-)/).slice(1);
    const tail = /,Niger,436,[^,\n]*,\d+,\d+,03\/21\/2021 00:00:00,[^,]*,\d+,\d+,\d+,\d+,(\d+),(\d+),(\d+),\s*$/;
    const expected = chunks
      .map((chunk) => ({ id: /^\d+/.exec(chunk)?.[0], m: tail.exec(chunk) }))
      .filter((x) => x.m !== null)
      .map((x) => ({ id: x.id, best: Number(x.m![1]), high: Number(x.m![2]), low: Number(x.m![3]) }));
    expect(chunks).toHaveLength(4212);
    expect(expected.length).toBeGreaterThan(0);
    const day = Date.UTC(2021, 2, 21);
    const parsed = bundled.incidents
      .filter((i) => i.country === 'Niger' && i.dateStart.getTime() === day)
      .map((i) => ({ id: i.id, best: i.deathsBest, high: i.deathsHigh, low: i.deathsLow }));
    expect(parsed).toEqual(expected);
    expect(parsed).toEqual([{ id: '390480', best: 170, high: 177, low: 141 }]);
  });

  it('keeps line breaks inside quoted fields and numbers the rows as a spreadsheet does', () => {
    const tillia = byId.get('390480');
    expect(tillia?.summary).toContain('Intazayene, Bakoarate and Wistane and surrounding areas');
    expect(tillia?.summary.split('\n').length).toBeGreaterThan(3);
    // SOURCES.md: 5,624 physical lines (header included) for 4,212 records.
    expect(BUNDLED.split('\n').length - 1).toBe(5624);
    const { records } = readCsv(BUNDLED);
    expect(records[records.length - 1].row).toBe(4213);
  });

  it('tolerates the trailing comma: 47 header names, 48 fields a row, no width warning', () => {
    const { header, records } = readCsv(BUNDLED);
    expect(header).toHaveLength(47);
    expect(records.every((r) => r.fields.length === 47)).toBe(true);
    expect(BUNDLED.split('\n')[1].endsWith(',')).toBe(true);
    expect(bundled.issues.filter((i) => i.field === null)).toEqual([]);
  });

  it('keeps astral-plane characters intact in source titles and publishers', () => {
    const astral = new Set(BUNDLED.match(/[\u{10000}-\u{10FFFF}]+/gu) ?? []);
    expect(astral.size).toBeGreaterThan(0);
    const text = bundled.incidents.flatMap((i) => i.sources.flatMap((s) => [s.title, s.publisher])).join('\n');
    expect(text).toContain('𝑾𝒆𝒏𝒅𝒑𝒐𝒖𝒊𝒓𝒆');
    expect(text).not.toContain('\uFFFD');
  });

  it('warns about the 45 best > high and 18 low > best rows but keeps them', () => {
    const warnings = bundled.issues.filter((i) => i.severity === 'warning');
    expect(warnings.filter((i) => i.field === 'high_est')).toHaveLength(45);
    expect(warnings.filter((i) => i.field === 'low_est')).toHaveLength(18);
    expect(warnings).toHaveLength(64);
  });

  it('warns that row 1267 (Mouhoun province, Burkina Faso, longitude 3.658818) looks like it lost its minus sign', () => {
    const sign = bundled.issues.filter((i) => i.field === 'longitude');
    expect(sign.map((i) => [i.row, i.value])).toEqual([[1267, '11.955231,3.658818']]);
    expect(sign[0].message).toMatch(/lost its sign/);
  });

  it('maps where_prec 1–6 onto exact, near, district, region (4 and 5) and country', () => {
    expect(countBy(bundled.incidents, (i) => i.locationPrecision)).toEqual({ exact: 1806, near: 1437, district: 346, region: 119 + 469, country: 35 });
  });

  it('maps type_of_violence 1, 2 and 3 to Battles, Battles and Violence against civilians', () => {
    expect(countBy(bundled.incidents, (i) => i.subEventType)).toEqual({ 'State-based armed conflict': 2545, 'Non-state conflict': 396, 'One-sided violence': 1271 });
    expect(countBy(bundled.incidents, (i) => i.eventType)).toEqual({ Battles: 2545 + 396, 'Violence against civilians': 1271 });
  });

  it('drops the " region" word from adm_1 so names match the basemap ("Tillabéri region" → "Tillabéri")', () => {
    const admin1 = new Set(bundled.incidents.map((i) => i.admin1));
    expect(admin1.has('Tillabéri')).toBe(true);
    expect([...admin1].some((name) => / region$/i.test(name))).toBe(false);
  });
});

describe('parseUcdpGed on the global layout', () => {
  const text = read('test/fixtures/ucdp-global-layout.csv');
  const result = parseUcdpGed(text, 'ucdp-global-layout.csv');

  it('detectUcdpLayout tells the global file (best) from the country download (best_est)', () => {
    expect(detectUcdpLayout(readCsv(text).header)).toBe('global');
    expect(detectUcdpLayout(readCsv(BUNDLED).header)).toBe('country');
    expect(detectUcdpLayout(['id', 'best'])).toBeNull();
  });

  it('reads ISO dates and the best, high, low columns of each row', () => {
    expect(result.issues).toEqual([]);
    expect(result.incidents.map((i) => [i.id, i.dateStart.toISOString().slice(0, 10), i.deathsBest, i.deathsLow, i.deathsHigh])).toEqual([
      ['390480', '2021-03-21', 170, 141, 177],
      ['497710', '2023-10-06', 0, 0, 12],
      ['900101', '2021-03-01', 3, 3, 3],
    ]);
  });

  it('gives the same incident for event 390480 as the bundled per-country row, apart from the sources and summary', () => {
    const { sources, summary, ...global } = result.incidents[0];
    const { sources: s2, summary: m2, ...country } = byId.get('390480')!;
    expect(global).toEqual(country);
    expect(sources.map((s) => s.publisher)).toEqual(['Agence France Presse', 'Agence France Presse']);
    expect(summary).toBe('Intazayene, Bakorat and Wistane\nTillia department, Tahoua region');
    expect(s2.length + m2.length).toBeGreaterThan(0);
  });

  it('reads a month-precision, country-centroid event with GED’s timestamped dates', () => {
    const mali = result.incidents[2];
    expect([mali.datePrecision, mali.locationPrecision, mali.place, mali.eventType]).toEqual(['month', 'country', 'Mali', 'Battles']);
    expect(mali.dateEnd.toISOString()).toBe('2021-03-31T00:00:00.000Z');
    expect(mali.sources).toEqual([]);
  });
});

describe('parseUcdpGed on broken rows', () => {
  const result = parseUcdpGed(read('test/fixtures/ucdp-country-broken.csv'), 'ucdp-country-broken.csv');
  const errors = result.issues.filter((i) => i.severity === 'error');
  const warnings = result.issues.filter((i) => i.severity === 'warning');

  it('rejects the rows it cannot place, naming file, spreadsheet row, field and value', () => {
    expect(errors.map((i) => [i.row, i.field, i.value])).toEqual([
      [3, 'latitude', ''],
      [3, 'longitude', ''],
      [4, 'date_start', '31/10/2023 00:00:00'],
      [5, 'best_est', 'twelve'],
    ]);
    expect(errors.every((i) => i.file === 'ucdp-country-broken.csv' && i.message.length > 20)).toBe(true);
    expect(result.rowsRead).toBe(8);
    expect(result.rowsRejected).toBe(3);
    expect(result.incidents.map((i) => i.id)).toEqual(['900001', '900005', '900006', '900001', '900008']);
  });

  it('keeps HTML in a text field as plain text, untouched', () => {
    expect(result.incidents[1].summary).toBe('<script>alert("x")</script> Nouna & <b>Kossi</b>');
  });

  it('warns, after a multi-line record, on the right rows: low > best (7), duplicate id (8), a point outside the Sahel (9)', () => {
    expect(warnings.map((i) => [i.row, i.field])).toEqual([
      [7, 'low_est'],
      [8, 'id'],
      [9, 'longitude'],
    ]);
  });

  it('a file without a GED header is one file-level error, every row rejected', () => {
    const bad = parseUcdpGed('a,b\n1,2\n3,4\n', 'x.csv');
    expect(bad).toMatchObject({ incidents: [], rowsRead: 2, rowsRejected: 2 });
    expect(bad.issues).toHaveLength(1);
    expect(bad.issues[0]).toMatchObject({ severity: 'error', file: 'x.csv', row: 1 });
  });
});

describe('parseUcdpGed on any input', () => {
  const header = readCsv(BUNDLED).header.join(',');
  const cell = fc.oneof(fc.constantFrom('', '1', '3', '-1', '12.5', 'True', '10/06/2023 00:00:00', '2021-03-21', '"a,b"', '"x\ny"', '𝑾'), fc.string({ maxLength: 6 }));
  const row = fc.array(cell, { minLength: 0, maxLength: 50 }).map((cells) => cells.join(','));
  const fileLike = fc.array(row, { maxLength: 8 }).map((rows) => [header, ...rows].join('\n'));

  it('never throws, and rowsRead = incidents + rejected rows', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fileLike), (text) => {
        const r = parseUcdpGed(text, 'any.csv');
        expect(r.rowsRead).toBe(r.incidents.length + r.rowsRejected);
        expect(r.incidents.every((i) => Number.isFinite(i.lat) && Number.isFinite(i.lon) && !Number.isNaN(i.dateStart.getTime()))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseUcdpGed source lists', () => {
  it('gives consecutive rows with the same source fields one shared list, and a changed row its own', () => {
    const [header, first] = read('test/fixtures/ucdp-global-layout.csv').split(/\r?\n(?=\d)/);
    const again = first.replace(/^\d+/, '999001');
    const other = first.replace(/^\d+/, '999002').replaceAll('Agence France Presse', 'Reuters News');
    const { incidents } = parseUcdpGed([header, first, again, other].join('\n'), 'u.csv');
    expect(incidents).toHaveLength(3);
    expect(incidents[1].sources).toBe(incidents[0].sources);
    expect(incidents[1].sources).toEqual(incidents[0].sources);
    expect(incidents[2].sources).not.toBe(incidents[0].sources);
    expect(incidents[2].sources.map((s) => s.publisher)).toContain('Reuters News');
  });
});
