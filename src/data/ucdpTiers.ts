import { csvFormatRows } from 'd3-dsv';
import type { Incident, Source } from '../types';
import { parseUcdpGed } from './ucdp';
import { readCsv } from './csv';
import { UCDP_DETAIL_COLUMNS } from './ucdpTierFiles';

export { ucdpTierFiles, UCDP_DETAIL_COLUMNS, type UcdpTiers } from './ucdpTierFiles';

/**
 * The map tier with its detail columns put back, row by row; null when the two do not belong
 * together (different row counts: one of them is stale), so the caller keeps the map tier alone.
 */
export function joinUcdpTiers(map: string, details: string): string | null {
  const m = readCsv(map);
  const d = readCsv(details);
  if (m.records.length !== d.records.length || !UCDP_DETAIL_COLUMNS.every((c, i) => d.header[i] === c)) return null;
  const rows = [[...m.header, ...d.header], ...m.records.map((r, i) => [...r.fields, ...d.records[i].fields])];
  return csvFormatRows(rows);
}

/** What only the detail tier knows, row by row in the map tier's order (ucdpDetailsOf). */
export interface UcdpDetails {
  ids: string[];
  summary: string[];
  sources: Source[][];
  place: string[];
}

/**
 * The tiers joined back into one GED file and read through the same parser, kept to what the
 * popups need: what the page's details worker answers (src/app/ucdpDetailsWorker.ts). Null when
 * the tiers do not belong together (joinUcdpTiers).
 */
export function ucdpDetailsOf(map: string, details: string, file: string): UcdpDetails | null {
  const joined = joinUcdpTiers(map, details);
  if (joined === null) return null;
  const full = parseUcdpGed(joined, file).incidents;
  return { ids: full.map((i) => i.id), summary: full.map((i) => i.summary), sources: full.map((i) => i.sources), place: full.map((i) => i.place) };
}

/**
 * Copies what only the detail tier knows (summary, sources, and the place when UCDP gives only a
 * description) onto the incidents read from the map tier, in place: the map, the index and the
 * popups hold those objects. Rows pair by position and must agree on the id; returns how many
 * were filled.
 */
export function fillUcdpDetails(target: readonly Incident[], details: UcdpDetails): number {
  let filled = 0;
  for (let i = 0; i < target.length && i < details.ids.length; i++) {
    const t = target[i];
    if (t.id !== details.ids[i]) continue;
    t.summary = details.summary[i];
    t.sources = details.sources[i];
    t.place = details.place[i];
    filled++;
  }
  return filled;
}
