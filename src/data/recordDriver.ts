import type { Incident } from '../types';
import type { CsvRecord } from './csv';
import { REPLACEMENT } from './decodeText';
import type { DetectedFormat } from './formatDefinition';
import { badBytesWarning, coarsePrecisionWarnings } from './importWarnings';
import type { IssueLog } from './issueLog';
import { checkDateRange, type DateRange } from './plausibleDates';
import type { RowMapper } from './rowMapper';
import { nulRowError, repeatedHeaderError } from './rowChecks';

export interface RecordDriverOptions {
  file: string;
  dataset: string;
  issues: IssueLog;
  /** The format of a header, or null when none matches (the caller then reports the header). */
  detect(header: readonly string[]): DetectedFormat | null;
  /** Warn about kept rows with coarse date or location precision (the importer does, the bundled-data parsers do not). */
  precisionWarnings: boolean;
  /** Warn about rows holding `�` once {@link RecordDriver.watch} has seen one (a streamed CSV). */
  badBytesWarnings: boolean;
  /** Each accepted incident, in row order, with its row as issues number it. */
  onIncident(incident: Incident, row: number): void;
  /** Dates outside it are warned about and, unless `keepImplausible`, the row is rejected. */
  dateRange: DateRange;
  keepImplausible?: boolean;
  /** Hears each non-empty id the format's mapper compares with earlier rows' (see MapperContext). */
  onIdChecked?(id: string): void;
  /** Let the mapper give the sources as text (see MapperContext). @defaultValue false */
  deferSources?: boolean;
}

/** The first rows named by the bad-bytes summary (importWarnings' badBytesSummary shows ten and says there are more). */
const BAD_BYTE_ROWS_NOTED = 11;

/** Header detection, then each record mapped, checked and counted: the stage every parser shares. */
export interface RecordDriver {
  /** Reads the header; returns the format, or null when none matches (every later record is then rejected). */
  header(names: readonly string[]): DetectedFormat | null;
  /** Maps one data record: an incident for `onIncident`, or a rejected row. */
  record(record: CsvRecord): void;
  /** Looks at a piece of the text for what makes rows need a closer look (NUL bytes, `�`). */
  watch(text: string): void;
  readonly format: DetectedFormat | null;
  readonly rowsRead: number;
  readonly rowsRejected: number;
  /** The first rows named by a bad-bytes warning, and how many there were, for the file-level summary. */
  readonly badByteRows: readonly number[];
  readonly badByteCount: number;
  /** Whether the format's mapper can tell which ids it has seen (seenId). */
  readonly tracksIds: boolean;
  /** Whether a later row with this id would be warned about as a duplicate; null when the format's mapper cannot tell. */
  seenId(id: string): boolean | null;
  /** Counts the rows of a later part of the file, read by another driver, as if read here; `rowOffset` moves its row numbers. */
  absorb(part: Pick<RecordDriver, 'rowsRead' | 'rowsRejected' | 'badByteRows' | 'badByteCount'>, rowOffset: number): void;
}

/**
 * The one parse driver: rowsRead = accepted + rejected always holds, and each rejected row has an
 * error naming it. A record that repeats the header (two exports joined into one file) or holds
 * a NUL byte is rejected with one issue saying so, before its fields are read.
 */
export function createRecordDriver(options: RecordDriverOptions): RecordDriver {
  const { file, issues } = options;
  let format: DetectedFormat | null = null;
  let mapper: RowMapper | null = null;
  let names: readonly string[] = [];
  let precisionAt = { date: -1, location: -1 };
  let rowsRead = 0;
  let rowsRejected = 0;
  let checkNul = false;
  let checkBadBytes = false;
  const badByteRows: number[] = [];
  let badByteCount = 0;

  /** Column of the format's date, looked up once per file rather than per row. */
  let dateAt = -1;

  function header(given: readonly string[]): DetectedFormat | null {
    names = given;
    format = options.detect(given);
    if (format === null) return null;
    mapper = format.createMapper({ file, dataset: options.dataset, issues, ...(options.onIdChecked ? { onIdChecked: options.onIdChecked } : {}), ...(options.deferSources ? { deferSources: true } : {}) });
    const { date, location } = format.info.precisionColumns;
    precisionAt = { date: given.indexOf(date), location: given.indexOf(location) };
    dateAt = given.indexOf(format.dateColumn);
    return format;
  }

  function record({ row, fields }: CsvRecord): void {
    rowsRead++;
    if (mapper === null || format === null) {
      rowsRejected++;
      return;
    }
    const early = (checkNul && nulRowError(file, row, fields, names)) || repeatedHeaderError(file, row, fields, names);
    if (early) {
      issues.push(early);
      rowsRejected++;
      return;
    }
    if (checkBadBytes) {
      const issue = badBytesWarning(file, row, fields, names);
      if (issue) {
        if (badByteRows.length < BAD_BYTE_ROWS_NOTED) badByteRows.push(row);
        badByteCount++;
        issues.push(issue);
      }
    }
    const incident = mapper.map({ row, fields });
    if (incident === null) {
      rowsRejected++;
      return;
    }
    const dateIssue = checkDateRange(file, row, format.dateColumn, fields[dateAt] ?? '', incident, options.dateRange, options.keepImplausible ?? false);
    if (dateIssue) {
      issues.push(dateIssue);
      if (dateIssue.severity === 'error') {
        rowsRejected++;
        return;
      }
    }
    options.onIncident(incident, row);
    if (options.precisionWarnings) warnCoarse(incident, fields, row, format);
  }

  function warnCoarse(incident: Incident, fields: readonly string[], row: number, detected: DetectedFormat): void {
    const coarseDate = incident.datePrecision === 'month' || incident.datePrecision === 'year';
    const coarsePlace = incident.locationPrecision === 'region' || incident.locationPrecision === 'country';
    if (!coarseDate && !coarsePlace) return;
    const codes = { date: fields[precisionAt.date] ?? '', location: fields[precisionAt.location] ?? '' };
    for (const issue of coarsePrecisionWarnings(file, row, incident, detected.info, codes)) issues.push(issue);
  }

  return {
    header,
    record,
    watch(text) {
      if (!checkNul && text.includes('\u0000')) checkNul = true;
      if (options.badBytesWarnings && !checkBadBytes && text.includes(REPLACEMENT)) checkBadBytes = true;
    },
    get format() {
      return format;
    },
    get rowsRead() {
      return rowsRead;
    },
    get rowsRejected() {
      return rowsRejected;
    },
    badByteRows,
    get badByteCount() {
      return badByteCount;
    },
    get tracksIds() {
      return mapper?.seenId !== undefined;
    },
    seenId: (id) => (mapper?.seenId ? mapper.seenId(id) : null),
    absorb(part, rowOffset) {
      rowsRead += part.rowsRead;
      rowsRejected += part.rowsRejected;
      for (const row of part.badByteRows) if (badByteRows.length < BAD_BYTE_ROWS_NOTED) badByteRows.push(row + rowOffset);
      badByteCount += part.badByteCount;
    },
  };
}
