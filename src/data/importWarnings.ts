import { formatDay } from './calendarDay';
import type { Incident, ImportIssue } from '../types';
import { REPLACEMENT } from './decodeText';
import type { FormatInfo } from './formatDefinition';

const warning = (file: string, row: number | null, field: string | null, value: string | null, message: string): ImportIssue => ({ severity: 'warning', file, row, field, value, message });

/** A row holding `�`: bytes that were not valid UTF-8 in a file read as UTF-8. Null when the row is clean. */
export function badBytesWarning(file: string, row: number, record: readonly string[], names: readonly string[]): ImportIssue | null {
  const at = record.findIndex((f) => f.includes(REPLACEMENT));
  if (at < 0) return null;
  return warning(
    file,
    row,
    names[at] ?? null,
    record[at],
    'This row holds bytes that are not valid UTF-8, shown as �. The file is probably saved in another encoding: save it as UTF-8 (in Excel, “CSV UTF-8”) and load it again.',
  );
}

/** The file-level summary of the rows {@link badBytesWarning} named: `rows` are the first ones (ten are shown), `total` all of them. */
export function badBytesSummary(file: string, rows: readonly number[], total = rows.length): ImportIssue {
  const s = total === 1 ? '' : 's';
  const shown = `${rows.slice(0, 10).join(', ')}${total > 10 ? ', …' : ''}`;
  return warning(file, null, null, null, `${total} row${s} of ${file} hold bytes that are not valid UTF-8 (row${s} ${shown}). Save the file as UTF-8 and load it again.`);
}

/** A file that was not UTF-8 and was read as Windows-1252. */
export function legacyEncodingWarning(file: string): ImportIssue {
  return warning(
    file,
    null,
    null,
    null,
    `${file} is not UTF-8: it was read as Windows-1252 (Latin-1), the encoding of older Excel and Windows exports. If accented names look wrong, save it as UTF-8 and load it again.`,
  );
}

/**
 * Coarse precision is kept, but a reader should know the day or the point is approximate: a date
 * known only to the month or year, a place known only to the region or country. `codes` are the
 * row's values in the format's precision columns.
 */
export function coarsePrecisionWarnings(file: string, row: number, incident: Incident, format: FormatInfo, codes: { date: string; location: string }): ImportIssue[] {
  const out: ImportIssue[] = [];
  if (incident.datePrecision === 'month' || incident.datePrecision === 'year') {
    const day = formatDay(incident.dateStart);
    out.push(warning(file, row, format.precisionColumns.date, codes.date, `The date is known only to the ${incident.datePrecision}: the event is placed on ${day}, the day the file gives. Kept.`));
  }
  if (incident.locationPrecision === 'region' || incident.locationPrecision === 'country') {
    out.push(
      warning(file, row, format.precisionColumns.location, codes.location, `The place is known only to the ${incident.locationPrecision}: the point is a centroid, drawn as an approximate location. Kept.`),
    );
  }
  return out;
}
