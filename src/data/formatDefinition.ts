import type { DatasetRole } from '../types';
import type { MapperContext, RowMapper } from './rowMapper';

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
  /** The column an incident's start date is read from, named when the date is implausible. */
  dateColumn: string;
  createMapper(context: MapperContext): RowMapper;
}

/**
 * Everything the importer knows about one format, in one place: which columns it cannot do
 * without (the header check and the "closest format" message both read `required`), how a header
 * is recognised, and what its own whole-text parser says about a header that is not its own.
 */
export interface FormatDefinition {
  id: FormatId;
  /** How a message names the format: "an ACLED export". */
  name: string;
  /** Columns every layout needs. An entry with alternatives lists them, the first is the one named. */
  required: readonly (string | readonly string[])[];
  /** The header's format and mapper, or null when the header is not this format's. */
  detect(header: readonly string[]): DetectedFormat | null;
  /** The file-level issue of the format's own parser for a header it cannot read. */
  headerIssue(header: readonly string[]): { field: string | null; message: string };
}

/** The required columns `header` lacks (by their first name). */
export function missingColumns(format: Pick<FormatDefinition, 'required'>, header: readonly string[]): string[] {
  const has = new Set(header);
  const missing: string[] = [];
  for (const need of format.required) {
    const names = typeof need === 'string' ? [need] : need;
    if (!names.some((n) => has.has(n))) missing.push(names[0]);
  }
  return missing;
}
