import { calendarDay } from './calendarDay';
import type { ImportIssue } from '../types';
import type { IssueSink } from './issueLog';

/**
 * Field checks shared by the parsers. Each `parse*` returns null for an empty field and NaN (or an
 * invalid Date) for a value it cannot read, so a parser can tell "not given" from "wrong".
 */

const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]*Z?)?$/;
const US_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp][Mm])?)?$/;
const INVALID_DATE = (): Date => new Date(Number.NaN);

/** UTC midnight of a calendar day, or an invalid Date when the day does not exist (e.g. 31 February). */
function utcDay(year: number, month: number, day: number): Date {
  return calendarDay(year, month, day) ?? INVALID_DATE();
}

/**
 * `YYYY-MM-DD`, with an optional time part that is ignored (GED releases have written
 * `2021-03-21 00:00:00.000`): events are calendar days, so the day is kept as UTC midnight.
 */
export function parseIsoDay(raw: string): Date | null {
  const text = raw.trim();
  if (text === '') return null;
  const m = ISO_DAY.exec(text);
  return m ? utcDay(+m[1], +m[2], +m[3]) : INVALID_DATE();
}

/**
 * US month-first `MM/DD/YYYY`, optionally followed by a time (UCDP's country download writes
 * `10/06/2023 00:00:00`, which is 6 October). Never read as day-first: UCDP does not write that.
 */
export function parseUsDay(raw: string): Date | null {
  const text = raw.trim();
  if (text === '') return null;
  const m = US_DAY.exec(text);
  return m ? utcDay(+m[3], +m[1], +m[2]) : INVALID_DATE();
}

/** Either date form; ISO first because it cannot be misread. */
export function parseDay(raw: string): Date | null {
  const iso = parseIsoDay(raw);
  if (iso === null || !Number.isNaN(iso.getTime())) return iso;
  return parseUsDay(raw);
}

/** A Date that exists (parsers return an invalid Date for text they could not read). */
export function isValidDate(date: Date | null): date is Date {
  return date !== null && !Number.isNaN(date.getTime());
}

/**
 * The value of a field of 1 to 9 ASCII digits and nothing else, else -1: the usual death count or
 * code, read without the trim, regular expression and Number() of the general case (three per UCDP row).
 */
function plainDigits(raw: string): number {
  const n = raw.length;
  if (n === 0 || n > 9) return -1;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const d = raw.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** A death count: a whole number ≥ 0. Null when empty, NaN when it is anything else. */
export function parseCount(raw: string): number | null {
  const digits = plainDigits(raw);
  if (digits >= 0) return digits;
  const text = raw.trim();
  if (text === '') return null;
  if (!/^\+?\d+(?:\.0*)?$/.test(text)) return Number.NaN;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : Number.NaN;
}

/** A decimal degree within ±limit. Null when empty, NaN when unreadable or out of range. */
export function parseDegrees(raw: string, limit: 90 | 180): number | null {
  const text = raw.trim();
  if (text === '') return null;
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)$/.test(text)) return Number.NaN;
  const value = Number(text);
  return Math.abs(value) <= limit ? value : Number.NaN;
}

/** A small integer code such as UCDP's `where_prec`; NaN unless the field is a whole number. */
export function parseCode(raw: string): number {
  const digits = plainDigits(raw);
  if (digits >= 0) return digits;
  const text = raw.trim();
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}

/** The box the map is about, generously: points outside it are kept but flagged. */
export const SAHEL_BOX = { west: -20, east: 30, south: 0, north: 30 } as const;

/** Collects one row's problems; the row is rejected when it has any error. */
export interface RowReport {
  error(field: string | null, value: string, message: string): void;
  warn(field: string | null, value: string, message: string): void;
  readonly hasErrors: boolean;
  /** Moves this row's issues into the file's list. */
  flushTo(issues: IssueSink): void;
}

export function createRowReport(file: string, row: number): RowReport {
  return new RowIssues(file, row);
}

/**
 * One report reused row after row, for a mapper that reads millions of rows: each call starts row
 * `row` afresh. The previous row's issues must have been flushed (every mapper flushes each row).
 */
export function createRowReports(file: string): (row: number) => RowReport {
  const report = new RowIssues(file, 0);
  return (row) => report.begin(row);
}

/**
 * A class rather than an object of closures: the importer makes one per row of files with a
 * million rows, and most rows have no issue, so the lists are only made for a row that needs them.
 */
class RowIssues implements RowReport {
  private errors: ImportIssue[] | null = null;
  private warnings: ImportIssue[] | null = null;

  constructor(
    private readonly file: string,
    private row: number,
  ) {}

  begin(row: number): this {
    this.row = row;
    this.errors = null;
    this.warnings = null;
    return this;
  }

  error(field: string | null, value: string, message: string): void {
    (this.errors ??= []).push({ severity: 'error', file: this.file, row: this.row, field, value, message });
  }

  warn(field: string | null, value: string, message: string): void {
    (this.warnings ??= []).push({ severity: 'warning', file: this.file, row: this.row, field, value, message });
  }

  get hasErrors(): boolean {
    return this.errors !== null && this.errors.length > 0;
  }

  flushTo(issues: IssueSink): void {
    if (this.errors) for (const issue of this.errors) issues.push(issue);
    if (this.warnings) for (const issue of this.warnings) issues.push(issue);
    this.errors = null;
    this.warnings = null;
  }
}

/** A longitude/latitude box. */
export interface Box {
  west: number;
  east: number;
  south: number;
  north: number;
}

/**
 * The three countries' extents (Natural Earth, rounded outwards) padded by half a degree, so an
 * event on a border is inside. Used to tell a point that strays from its own country.
 */
export const COUNTRY_BOXES: Readonly<Record<string, Box>> = {
  Niger: { west: -0.4, east: 16.5, south: 11.2, north: 24.1 },
  Mali: { west: -12.8, east: 4.8, south: 9.6, north: 25.5 },
  'Burkina Faso': { west: -6.1, east: 2.9, south: 8.9, north: 15.6 },
};

const inBox = (b: Box, lon: number, lat: number) => lon >= b.west && lon <= b.east && lat >= b.south && lat <= b.north;

/**
 * Warns about a point that is kept but looks wrong: at 0,0 (usually a blank coordinate saved as
 * zero); outside {@link SAHEL_BOX}; or, for a row whose `country` is Niger, Mali or Burkina Faso,
 * outside that country. When exchanging latitude and longitude would put it where it belongs (a
 * common slip, and GeoJSON's [lon, lat] written as [lat, lon]), the warning says they look swapped.
 */
export function checkPlace(report: RowReport, lon: number, lat: number, given: string | (() => string), country = ''): void {
  const b = SAHEL_BOX;
  const name = country.trim();
  const own = Object.hasOwn(COUNTRY_BOXES, name) ? COUNTRY_BOXES[name] : undefined;
  const expected = own ?? b;
  if (inBox(expected, lon, lat) && inBox(b, lon, lat) && !(lon === 0 && lat === 0)) return;
  // Only a row that is warned about pays for its value string.
  const value = typeof given === 'string' ? given : given();
  if (lon === 0 && lat === 0) {
    report.warn('latitude', value, 'The point is 0,0, which usually means the coordinates were left blank. Kept; check the row.');
  } else if (inBox(expected, lon, lat) && inBox(b, lon, lat)) {
    return;
  } else if (inBox(expected, lat, lon)) {
    report.warn(
      'latitude',
      value,
      `The latitude and longitude look swapped: as given (latitude ${lat}, longitude ${lon}) the point is outside ${own ? country.trim() : 'the central Sahel'}, exchanged it is inside. Kept as given; swap the two columns if so.`,
    );
  } else if (own && inBox(own, -lon, lat)) {
    report.warn(
      'longitude',
      value,
      `The longitude looks like it lost its sign: ${lon} puts the point outside ${country.trim()}, ${-lon} would put it inside. Kept as given; check the longitude (west of Greenwich is negative).`,
    );
  } else if (own && inBox(b, lon, lat)) {
    report.warn('longitude', value, `The point lies outside ${country.trim()}, the row's country. Kept; check the coordinates and the country.`);
  } else {
    report.warn(
      'longitude',
      value,
      `The point lies outside the central Sahel (longitude ${b.west} to ${b.east}, latitude ${b.south} to ${b.north}). Kept; check that latitude and longitude are not swapped.`,
    );
  }
}

/**
 * Warns when a row is wider or narrower than the header (one trailing empty field is already
 * dropped by readCsv): usually a stray delimiter or an unclosed quote that shifted the fields.
 */
export function checkWidth(report: RowReport, fields: number, header: number): void {
  if (fields === header) return;
  report.warn(null, String(fields), `The row has ${fields} fields but the header names ${header}. Check it for a stray comma or an unclosed quote.`);
}

/** Warns when estimates are out of order. They are kept as given: sources do publish such figures. */
export function checkEstimates(report: RowReport, names: { best: string; low: string; high: string }, best: number, low: number | null, high: number | null): void {
  if (low !== null && low > best) {
    report.warn(names.low, String(low), `The low estimate (${low}) is above the best estimate (${best}). Kept as given.`);
  }
  if (high !== null && best > high) {
    report.warn(names.high, String(high), `The best estimate (${best}) is above the high estimate (${high}). Kept as given.`);
  }
}
