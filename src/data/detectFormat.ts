import { ACLED_FORMAT } from './acled';
import { missingColumns, type DetectedFormat, type FormatDefinition } from './formatDefinition';
import { STORY_FORMAT } from './stories';
import { UCDP_FORMAT } from './ucdp';

export type { DetectedFormat, FormatId, FormatInfo } from './formatDefinition';

/** The formats the importer reads, in the order a header is tried against them. */
export const FORMATS: readonly FormatDefinition[] = [ACLED_FORMAT, UCDP_FORMAT, STORY_FORMAT];

/**
 * Header names as the format checks read them: trimmed and lower-case ("Latitude " → "latitude"),
 * so a header retyped in a spreadsheet still matches. Leading BOMs are already gone (decodeText).
 */
export function normaliseHeader(header: readonly string[]): string[] {
  return header.map((name) => name.trim().toLowerCase());
}

/**
 * Which format a (normalised) header is: ACLED by `event_id_cnty`, UCDP GED by `best`/`best_est`
 * with its required columns, our story events by `id,event_date,latitude,longitude,event_type`.
 * Null when it is none of them. An unnamed leading column (a row index written by pandas or R) is
 * ignored: columns are looked up by name.
 */
export function detectFormat(header: readonly string[]): DetectedFormat | null {
  for (const format of FORMATS) {
    const detected = format.detect(header);
    if (detected) return detected;
  }
  return null;
}

/**
 * What to say when no format matches: the closest format and the columns it lacks (each format's
 * `required`), then what each format needs. `where` says where the names were read ("the first
 * row", "the features' properties").
 */
export function unrecognisedHeaderMessage(header: readonly string[], where: string): string {
  const scored = FORMATS.map((f) => ({ name: f.name, columns: f.required, missing: missingColumns(f, header) }));
  const closest = scored.reduce((a, b) => (b.missing.length < a.missing.length ? b : a));
  const shown = header.filter((h) => h !== '').slice(0, 8);
  const found = shown.length === 0 ? 'no column names' : `${shown.join(', ')}${header.length > shown.length ? ', …' : ''}`;
  const near = closest.missing.length < closest.columns.length ? ` It is closest to ${closest.name} but lacks ${closest.missing.join(', ')}.` : '';
  return (
    `No recognisable columns in ${where} (found: ${found}).${near} ` +
    `The map reads ACLED exports (event_id_cnty, event_date, event_type, latitude, longitude…), UCDP GED CSVs (id, date_start, type_of_violence, best or best_est…) and its own story-events format (id, event_date, latitude, longitude, event_type…). ` +
    'Check that the first row is the header, or export the file again from ACLED or UCDP.'
  );
}
