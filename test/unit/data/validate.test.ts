import { describe, expect, it } from 'vitest';
import type { ImportIssue } from '../../../src/types';
import { checkPlace, createRowReport, isValidDate, parseCount, parseDay, parseDegrees, parseIsoDay, parseUsDay } from '../../../src/data/validate';

const iso = (d: Date | null) => (d === null ? null : Number.isNaN(d.getTime()) ? 'invalid' : d.toISOString().slice(0, 10));

describe('date fields', () => {
  it('parseUsDay("10/06/2023 00:00:00") is 6 October 2023, UTC midnight', () => {
    const d = parseUsDay('10/06/2023 00:00:00');
    expect(d?.toISOString()).toBe('2023-10-06T00:00:00.000Z');
  });
  it('parseIsoDay accepts YYYY-MM-DD with or without a time and rejects days that do not exist', () => {
    expect(iso(parseIsoDay('2021-03-21'))).toBe('2021-03-21');
    expect(iso(parseIsoDay('2021-03-01 00:00:00.000'))).toBe('2021-03-01');
    expect(iso(parseIsoDay('2021-02-30'))).toBe('invalid');
    expect(iso(parseIsoDay('21/03/2021'))).toBe('invalid');
    expect(parseIsoDay('  ')).toBeNull();
  });
  it('parseDay reads ISO and US forms but never a day-first date', () => {
    expect(iso(parseDay('2023-10-06'))).toBe('2023-10-06');
    expect(iso(parseDay('10/6/2023 12:00:00 AM'))).toBe('2023-10-06');
    expect(iso(parseDay('31/10/2023'))).toBe('invalid');
    expect(isValidDate(parseDay('soon'))).toBe(false);
  });
});

describe('number fields', () => {
  it('parseCount reads whole numbers ≥ 0, null when empty, NaN otherwise', () => {
    expect(parseCount(' 137 ')).toBe(137);
    expect(parseCount('12.0')).toBe(12);
    expect(parseCount('')).toBeNull();
    for (const bad of ['twelve', '-1', '1.5', '1e3', '0x10']) expect(parseCount(bad)).toBeNaN();
  });
  it('parseDegrees reads decimal degrees within the limit', () => {
    expect(parseDegrees('-3.863050', 180)).toBe(-3.86305);
    expect(parseDegrees('', 90)).toBeNull();
    expect(parseDegrees('91', 90)).toBeNaN();
    expect(parseDegrees('12°N', 90)).toBeNaN();
  });
});

describe('createRowReport', () => {
  it('puts the file, row, field and value on every issue, errors first', () => {
    const report = createRowReport('f.csv', 7);
    report.warn('b', '2', 'w');
    report.error('a', '1', 'e');
    expect(report.hasErrors).toBe(true);
    const issues: ImportIssue[] = [];
    report.flushTo(issues);
    expect(issues).toEqual([
      { severity: 'error', file: 'f.csv', row: 7, field: 'a', value: '1', message: 'e' },
      { severity: 'warning', file: 'f.csv', row: 7, field: 'b', value: '2', message: 'w' },
    ]);
  });
});

describe('checkPlace', () => {
  const warningsFor = (lon: number, lat: number, country = '') => {
    const report = createRowReport('f.csv', 2);
    checkPlace(report, lon, lat, `${lat},${lon}`, country);
    const issues: ImportIssue[] = [];
    report.flushTo(issues);
    return issues.map((i) => i.message);
  };

  it('checkPlace keeps quiet about Niamey in Niger, and about a point near the Sahel with no country', () => {
    expect(warningsFor(2.11, 13.51, 'Niger')).toEqual([]);
    expect(warningsFor(14.5, 12.1)).toEqual([]);
  });

  it('says Niamey written as latitude 2.11, longitude 13.51 looks swapped', () => {
    expect(warningsFor(13.51, 2.11, 'Niger')).toEqual([expect.stringMatching(/look swapped/)]);
    expect(warningsFor(12.37, -1.52)).toEqual([expect.stringMatching(/look swapped/)]);
  });

  it('says a Burkina Faso point at longitude +3.66 lost its minus sign', () => {
    expect(warningsFor(3.658818, 11.955231, 'Burkina Faso')).toEqual([expect.stringMatching(/lost its sign/)]);
  });

  it('says a Mali row placed in Chad is outside Mali, and Paris is outside the central Sahel', () => {
    expect(warningsFor(18.7, 12.1, 'Mali')).toEqual([expect.stringMatching(/outside Mali/)]);
    expect(warningsFor(2.35, 48.85, 'Burkina Faso')).toEqual([expect.stringMatching(/outside the central Sahel/)]);
    expect(warningsFor(0, 0, 'Niger')).toEqual([expect.stringMatching(/0,0/)]);
  });
});
