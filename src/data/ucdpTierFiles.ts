/**
 * What the build (scripts/vite/ucdpTierSplit.ts) and the app (ucdpTiers.ts, app/loadUcdpTiers.ts)
 * agree on about the two tiers of a bundled GED file. Imports nothing: Vite loads it with its config.
 */

/**
 * The long texts of a GED row: what a popup shows (place description, source offices, dates and
 * headlines) but no map, timeline or total needs. They are two thirds of the gzipped file, so
 * the build moves them into a second file that the app reads after the map is interactive.
 */
export const UCDP_DETAIL_COLUMNS = ['where_description', 'source_office', 'source_date', 'source_headline'] as const;

export interface UcdpTiers {
  /** A GED CSV with the map columns: parseUcdpGed reads it alone, with empty summaries and sources. */
  map: string;
  /** The detail columns of the same rows, in the same order (no id: the row is the key). */
  details: string;
}

/** Where the build puts the two tiers of a bundled GED file: beside it, `.map.csv` and `.details.csv`. */
export function ucdpTierFiles(file: string): { map: string; details: string } {
  const stem = file.replace(/\.csv$/i, '');
  return { map: `${stem}.map.csv`, details: `${stem}.details.csv` };
}
