import { csvFormatRows } from 'd3-dsv';
import type { Incident } from '../types';
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

/**
 * Copies what only the detail tier knows (summary, sources, and the place when UCDP gives only a
 * description) from `full` onto the incidents read from the map tier, in place: the map, the index
 * and the popups hold those objects. Rows pair by position and must agree on the id; returns how
 * many were filled.
 */
export function fillUcdpDetails(target: readonly Incident[], full: readonly Incident[]): number {
  let filled = 0;
  for (let i = 0; i < target.length && i < full.length; i++) {
    const [t, f] = [target[i], full[i]];
    if (t.id !== f.id || t.dataset !== f.dataset) continue;
    t.summary = f.summary;
    t.sources = f.sources;
    t.place = f.place;
    filled++;
  }
  return filled;
}
