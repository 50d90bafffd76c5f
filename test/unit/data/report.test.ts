import { readFileSync } from 'node:fs';
import { csvParseRows } from 'd3-dsv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBytes, parseText } from '../../../src/data/parseFile';
import { firstIssues, formatReportText, issueLine, reportToCsv, reportToJson, safeCell, summarise } from '../../../src/data/report';

const bytesOf = (path: string) => new Uint8Array(readFileSync(new URL(`../../../${path}`, import.meta.url)));
const broken = parseBytes(bytesOf('test/fixtures/acled-broken.csv'), { file: 'acled-broken.csv', dataset: 'u' });

describe('summarise', () => {
  it('summarise(result) counts rows, deaths, dates and countries of the accepted events', () => {
    const s = summarise(broken);
    expect(s).toMatchObject({ file: 'acled-broken.csv', format: 'ACLED export, 2020–2022 layout', encoding: 'UTF-8', delimiter: 'comma', rowsRead: 12, accepted: 7, rejected: 5, errors: 5 });
    expect(s.rowsRead).toBe(s.accepted + s.rejected);
    expect(s.warnings).toBe(broken.issues.length - 5);
    // CS022 counts 137 deaths; row 12 has no count (0).
    expect(s.deaths).toBe(137 * 6);
    expect(s.dateRange).toEqual({ from: '2021-03-21', to: '2021-03-21' });
    expect(s.countries).toEqual([{ country: 'Niger', incidents: 7, deaths: 137 * 6 }]);
  });

  it('summarises a file-level error with no dates and no countries', () => {
    const s = summarise(parseText('', { file: 'empty.csv', dataset: 'u' }));
    expect(s).toMatchObject({ rowsRead: 0, accepted: 0, dateRange: null, countries: [], fileError: expect.stringMatching(/^empty\.csv is empty/) });
  });

  it('sorts countries by events, most first', () => {
    const s = summarise(parseBytes(bytesOf('test/fixtures/acled-2020-layout.csv'), { file: 'a', dataset: 'u' }));
    expect(s.countries.map((c) => c.incidents)).toEqual([...s.countries.map((c) => c.incidents)].sort((a, b) => b - a));
    expect(s.countries.reduce((t, c) => t + c.incidents, 0)).toBe(12);
  });
});

describe('text and JSON reports', () => {
  it('formatReportText prints the summary, countries and the first errors with their rows', () => {
    const text = formatReportText(summarise(broken), broken.issues, 3);
    expect(text).toMatch(/^File: +acled-broken\.csv \(6,\d{3} bytes, UTF-8, comma-delimited\)$/m);
    expect(text).toMatch(/^Rows read: +12$/m);
    expect(text).toMatch(/^Accepted: +7$/m);
    expect(text).toMatch(/^Rejected: +5$/m);
    expect(text).toMatch(/^ +Niger +7 events +822 deaths$/m);
    expect(text).toContain('First 3 of 5 errors:\n  row 3, latitude = "": The latitude is missing');
    expect(text).toContain('  row 4, event_date = "3/21/2021": The date is missing or unreadable');
  });

  it('issueLine names a file-level issue as "file" and a GeoJSON row as a feature', () => {
    expect(issueLine({ severity: 'error', file: 'f', row: null, field: null, value: null, message: 'm' }, 'row')).toBe('file: m');
    expect(issueLine({ severity: 'error', file: 'f', row: 2, field: 'geometry', value: 'LineString', message: 'm' }, 'feature')).toBe('feature 2, geometry = "LineString": m');
  });

  it('reportToJson is the summary with every issue', () => {
    const json = JSON.parse(JSON.stringify(reportToJson(summarise(broken), broken.issues)));
    expect(json.rowsRead).toBe(12);
    expect(json.issues).toHaveLength(broken.issues.length);
  });

  it('firstIssues keeps the order found and stops at the limit', () => {
    expect(firstIssues(broken.issues, 'error', 2).map((i) => i.row)).toEqual([3, 4]);
  });
});

describe('reportToCsv', () => {
  it('writes the summary, the attribution line and every issue, readable back as CSV', () => {
    const csv = reportToCsv(summarise(broken), broken.issues, 'Data: ACLED, accessed 2024-05-02; filters: Niger, 2021');
    const rows = csvParseRows(csv);
    expect(rows[0]).toEqual(['severity', 'row', 'field', 'value', 'message']);
    expect(rows).toContainEqual(['info', '', 'rows read', '12', '']);
    expect(rows).toContainEqual(['info', '', 'attribution', 'Data: ACLED, accessed 2024-05-02; filters: Niger, 2021', '']);
    const issues = rows.filter((r) => r[0] === 'error' || r[0] === 'warning');
    expect(issues).toHaveLength(broken.issues.length);
    expect(issues[0].slice(0, 3)).toEqual(['error', '3', 'latitude']);
  });

  it('never lets a cell from the file start a spreadsheet formula', () => {
    expect(safeCell('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(safeCell('@SUM(1)')).toBe("'@SUM(1)");
    expect(safeCell('-3.5')).toBe('-3.5');
    expect(safeCell('Tillabéri')).toBe('Tillabéri');
    fc.assert(fc.property(fc.string(), (s) => !/^[=+@\t\r]/.test(safeCell(s)) && (!safeCell(s).startsWith('-') || /^-\d+(\.\d+)?$/.test(s))));
  });
});
