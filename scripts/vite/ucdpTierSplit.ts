import { csvFormatRows, csvParseRows } from 'd3-dsv';
import { UCDP_DETAIL_COLUMNS, type UcdpTiers } from '../../src/data/ucdpTierFiles.js';

/** Every other column parseUcdpGed reads, in either layout. Columns it does not read are dropped. */
export const UCDP_MAP_COLUMNS = [
  'id', 'date_start', 'date_end', 'date_prec', 'latitude', 'longitude', 'where_prec', 'where_coordinates', 'type_of_violence',
  'country', 'adm_1', 'adm_2', 'side_a', 'side_b', 'best_est', 'low_est', 'high_est', 'best', 'low', 'high',
] as const;

const US_MIDNIGHT = /^(\d{2})\/(\d{2})\/(\d{4}) 00:00:00$/;
const DECIMAL_WITH_ZEROS = /^([+-]?\d+)(?:\.(\d*?))0+$/;

/**
 * A shorter spelling that the parsers read as the same value: UCDP's `MM/DD/YYYY 00:00:00` as
 * ISO `YYYY-MM-DD`, and decimals without trailing zeros (`12.729390` → `12.72939`). Anything else
 * is kept exactly, so a value the parser would reject is still rejected, with the same message.
 */
function shorten(column: string, value: string): string {
  if (column === 'date_start' || column === 'date_end') {
    const m = US_MIDNIGHT.exec(value);
    return m ? `${m[3]}-${m[1]}-${m[2]}` : value;
  }
  if (column === 'latitude' || column === 'longitude') {
    const m = DECIMAL_WITH_ZEROS.exec(value);
    return m ? (m[2] ? `${m[1]}.${m[2]}` : m[1]) : value;
  }
  return value;
}

/** The columns detectUcdpLayout (ucdp.ts) requires, repeated here so the build half imports none of the app. */
const REQUIRED = ['id', 'date_start', 'latitude', 'longitude', 'type_of_violence', 'country'];

/** readCsv's reading (csv.ts) without its row numbers: BOM dropped, blank lines skipped, UCDP's trailing comma dropped. */
function readRows(text: string): { header: string[]; records: string[][] } {
  const rows = csvParseRows(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const header = (rows[0] ?? []).map((name) => name.trim());
  const records = rows.slice(1).filter((r) => !(r.length === 1 && r[0].trim() === ''));
  for (const r of records) if (r.length === header.length + 1 && r[r.length - 1] === '') r.pop();
  return { header, records };
}

/**
 * Splits a UCDP GED CSV into its map tier and its detail tier (a build step: see
 * compactDataPlugin.ts). Null when the text is not a GED file: the build then ships the
 * original alone. `joinUcdpTiers` (src/data/ucdpTiers.ts) puts the two back into a file that parses like the original.
 * It imports nothing of the app but d3-dsv and the tiers' contract (src/data/ucdpTierFiles.ts): Vite
 * runs it in Node while it loads its config, and keeping app modules out of that graph keeps the
 * config small and free of warnings.
 */
export function splitUcdpTiers(text: string): UcdpTiers | null {
  const { header, records } = readRows(text);
  if (!REQUIRED.every((c) => header.includes(c)) || !(header.includes('best_est') || header.includes('best'))) return null;
  const mapColumns = UCDP_MAP_COLUMNS.filter((c) => header.includes(c));
  const mapIndex = mapColumns.map((c) => header.indexOf(c));
  const detailIndex = UCDP_DETAIL_COLUMNS.map((c) => header.indexOf(c));
  const mapRows = [mapColumns as string[], ...records.map((r) => mapIndex.map((i, k) => shorten(mapColumns[k], r[i] ?? '')))];
  const detailRows = [[...UCDP_DETAIL_COLUMNS] as string[], ...records.map((r) => detailIndex.map((i) => (i < 0 ? '' : (r[i] ?? ''))))];
  return { map: csvFormatRows(mapRows), details: csvFormatRows(detailRows) };
}
