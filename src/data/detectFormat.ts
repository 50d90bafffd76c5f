import type { DatasetRole } from '../types';
import { ACLED_REQUIRED, createAcledMapper, detectAcledLayout } from './acled';
import type { MapperContext, RowMapper } from './rowMapper';
import { createStoryMapper, isStoryHeader } from './stories';
import { createUcdpMapper, detectUcdpLayout } from './ucdp';

export type FormatId = 'acled' | 'ucdp' | 'stories';

/** A file format as a report names it. Plain data, so a worker can post it. */
export interface FormatInfo {
  id: FormatId;
  /** The layout within the format: ACLED `2020`/`2023`/`other`, UCDP `country`/`global`, stories `stories`. */
  layout: string;
  /** e.g. "ACLED export, 2023+ layout". */
  label: string;
  /**
   * Our story format is drawn as annotations (labelled callouts, never counted), like the bundled
   * story events; ACLED and UCDP files are counted layers, added to the totals and the histogram.
   */
  role: DatasetRole;
  /** The columns whose codes give the date and location precision, for the coarse-precision warnings. */
  precisionColumns: { date: string; location: string };
}

/** A format recognised from a header, with the mapper for its rows. */
export interface DetectedFormat {
  info: FormatInfo;
  createMapper(context: MapperContext): RowMapper;
}

const ACLED_LABELS: Record<string, string> = {
  '2020': 'ACLED export, 2020–2022 layout',
  '2023': 'ACLED export, 2023+ layout',
  other: 'ACLED export (columns read by name)',
};

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
  const acled = detectAcledLayout(header);
  if (acled) {
    return {
      info: { id: 'acled', layout: acled, label: ACLED_LABELS[acled], role: 'counted', precisionColumns: { date: 'time_precision', location: 'geo_precision' } },
      createMapper: (context) => createAcledMapper(header, context),
    };
  }
  const ucdp = detectUcdpLayout(header);
  if (ucdp) {
    return {
      info: {
        id: 'ucdp',
        layout: ucdp,
        label: ucdp === 'country' ? 'UCDP GED, per-country download' : 'UCDP GED, global CSV',
        role: 'counted',
        precisionColumns: { date: 'date_prec', location: 'where_prec' },
      },
      createMapper: (context) => createUcdpMapper(header, ucdp, context),
    };
  }
  if (isStoryHeader(header)) {
    return {
      info: { id: 'stories', layout: 'stories', label: 'Sahel Incident Map story events', role: 'annotation', precisionColumns: { date: 'date_precision', location: 'geo_precision' } },
      createMapper: (context) => createStoryMapper(header, context),
    };
  }
  return null;
}

const NEEDS: readonly { name: string; columns: readonly string[] }[] = [
  { name: 'an ACLED export', columns: ACLED_REQUIRED },
  { name: 'a UCDP GED file', columns: ['id', 'date_start', 'latitude', 'longitude', 'type_of_violence', 'country', 'best_est'] },
  { name: 'our story-events format', columns: ['id', 'event_date', 'latitude', 'longitude', 'event_type'] },
];

/**
 * What to say when no format matches: the closest format and the columns it lacks, then what
 * each format needs. `where` says where the names were read ("the first row", "the features'
 * properties").
 */
export function unrecognisedHeaderMessage(header: readonly string[], where: string): string {
  const has = new Set(header);
  const scored = NEEDS.map((n) => ({ ...n, missing: n.columns.filter((c) => !(has.has(c) || (c === 'best_est' && has.has('best')))) }));
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
