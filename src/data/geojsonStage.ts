import type { ImportIssue } from '../types';
import { readGeoJson } from './geojson';
import type { IssueLog } from './issueLog';
import type { RecordDriver } from './recordDriver';

/** Past this many characters a GeoJSON text is refused: it must be parsed whole, and a browser string cannot hold much more. */
export const MAX_GEOJSON_CHARS = 400_000_000;

/** Collects a GeoJSON text (it is parsed whole), refusing one past {@link MAX_GEOJSON_CHARS}. */
export interface GeoJsonCollector {
  push(text: string): void;
  readonly tooLarge: boolean;
  /** The whole text, once; the pieces are let go. */
  take(): string;
}

export function createGeoJsonCollector(): GeoJsonCollector {
  let pieces: string[] = [];
  let chars = 0;
  let tooLarge = false;
  return {
    push(text) {
      if (tooLarge) return;
      chars += text.length;
      if (chars > MAX_GEOJSON_CHARS) {
        tooLarge = true;
        pieces = [];
        return;
      }
      pieces.push(text);
    },
    get tooLarge() {
      return tooLarge;
    },
    take() {
      const all = pieces.join('');
      pieces = [];
      return all;
    },
  };
}

/** What reading a GeoJSON text through the record driver gives besides the driver's counts. */
export interface GeoJsonOutcome {
  /** The file-level error's message, or null. */
  error: string | null;
  /** Features that could not become a record (not a Point…): read and rejected, outside the driver's counts. */
  rejectedFeatures: number;
}

/**
 * Reads a GeoJSON text as a table (geojson.ts) and drives its records through the record driver.
 * The table's geometry issues and the mappers' row issues go to `issues` in feature order, the
 * geometry ones of a feature first, as they are found for it.
 */
export function driveGeoJson(text: string, file: string, driver: RecordDriver, issues: IssueLog, unrecognised: (header: readonly string[]) => string): GeoJsonOutcome {
  const table = readGeoJson(text, file);
  if ('error' in table) return { error: table.error, rejectedFeatures: 0 };
  const rejectedFeatures = table.rejected.length;
  if (driver.header(table.header) === null) {
    for (const record of table.records) driver.record(record);
    return { error: unrecognised(table.header), rejectedFeatures };
  }
  const geometry = mergeByRow(table.rejected, table.warnings);
  let g = 0;
  for (const record of table.records) {
    while (g < geometry.length && (geometry[g].row ?? 0) <= record.row) issues.push(geometry[g++]);
    driver.record(record);
  }
  while (g < geometry.length) issues.push(geometry[g++]);
  return { error: null, rejectedFeatures };
}

/** Two lists each in row order, merged in row order (the first list first within a row). */
function mergeByRow(a: readonly ImportIssue[], b: readonly ImportIssue[]): ImportIssue[] {
  const out: ImportIssue[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && (a[i].row ?? 0) <= (b[j].row ?? 0))) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}
