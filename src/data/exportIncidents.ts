import type { Dataset, Incident, Source } from '../types';
import { formatDay } from './calendarDay';
import { safeCsv } from './csvCells';

/**
 * Writers for "Export what you see": the incidents of the current view as CSV and GeoJSON, and a
 * match table as CSV. Pure (no DOM): the download menu builds the text with them, tests read it.
 * Every file names the view's URL, the export date, and each dataset's licence and attribution,
 * because a figure copied out of the map must still say where it came from.
 */

/** What every export states about itself. */
export interface ExportMeta {
  /** The URL that reopens the view the file was taken from. */
  viewUrl: string;
  /** When the file was written. */
  exportedAt: Date;
  /** The datasets the incidents belong to, by id (an unknown id is written as itself, with no licence). */
  datasets: ReadonlyMap<string, Dataset>;
}

/**
 * The credit ACLED's terms of use ask every derived product to carry, besides the access date
 * (which the app's ACLED attribution line already holds, see src/import/acledAttribution.ts).
 */
export const ACLED_CREDIT = 'Armed Conflict Location & Event Data (ACLED); www.acleddata.com';

/** One dataset as an export's header or metadata describes it. */
export interface ExportDataset {
  id: string;
  name: string;
  licence: string;
  attribution: string;
  url: string | null;
  /** ACLED's required credit line, for an ACLED-derived dataset only. */
  credit?: string;
  /** The access date the reader gave for an ACLED import (YYYY-MM-DD), when the attribution holds one. */
  accessed?: string;
}

/** Whether a dataset came from an ACLED import (src/import/importDataset.ts sets this licence and URL). */
export function isAcledDataset(dataset: Dataset): boolean {
  return dataset.licence === 'ACLED terms of use' || /(^|\/\/|\.)acleddata\.com/.test(dataset.url ?? '');
}

function datasetOf(id: string, datasets: ReadonlyMap<string, Dataset>): Dataset {
  return datasets.get(id) ?? { id, name: id, role: 'counted', licence: '', attribution: '', url: null };
}

/** The header/metadata entry of a dataset: ACLED's gets the required credit and the access date. */
export function exportDataset(dataset: Dataset): ExportDataset {
  const out: ExportDataset = { id: dataset.id, name: dataset.name, licence: dataset.licence, attribution: dataset.attribution, url: dataset.url };
  if (isAcledDataset(dataset)) {
    out.credit = ACLED_CREDIT;
    const accessed = /\d{4}-\d{2}-\d{2}/.exec(dataset.attribution);
    if (accessed) out.accessed = accessed[0];
  }
  return out;
}

/** The datasets of the rows, in order of first appearance (each once). */
function datasetsOfRows(rows: readonly Incident[], datasets: ReadonlyMap<string, Dataset>): Dataset[] {
  const seen = new Map<string, Dataset>();
  for (const r of rows) if (!seen.has(r.dataset)) seen.set(r.dataset, datasetOf(r.dataset, datasets));
  return [...seen.values()];
}

/** A UTF-8 byte order mark: Excel reads a CSV without one as the system's code page and mangles é and ç. */
export const BOM = '\uFEFF';

/** One source as one cell: "publisher, title, date, url", empty parts left out. */
export function sourceText(source: Source): string {
  return [source.publisher, source.title, source.date, source.url ?? ''].filter((p) => p.trim() !== '').join(', ');
}

/** The incident CSV's columns, in order (docs/import.md "Export what you see" describes each). */
export const INCIDENT_COLUMNS = [
  'id', 'dataset', 'date_start', 'date_end', 'date_precision', 'country', 'admin1', 'admin2', 'place', 'lon', 'lat',
  'location_precision', 'event_type', 'sub_event_type', 'actor1', 'actor2', 'deaths_best', 'deaths_low', 'deaths_high',
  'notes', 'sources', 'dataset_licence', 'dataset_attribution',
] as const;

const num = (n: number | null) => (n === null || !Number.isFinite(n) ? '' : String(n));

/**
 * The preamble rows every CSV export starts with, before its column header: each row's first
 * cell starts with `#` so a reader (or `grep -v '^#'`) can tell them from data.
 * `# export`, the app; `# view`, the URL; `# exported`, the ISO time; then one `# dataset` row
 * per dataset (name, licence, attribution, url) and, for ACLED, a `# credit` row with the
 * required credit and the access date.
 */
function preamble(what: string, meta: ExportMeta, datasets: readonly Dataset[]): string[][] {
  const rows: string[][] = [
    ['# export', `Sahel Incident Map: ${what}`],
    ['# view', meta.viewUrl],
    ['# exported', meta.exportedAt.toISOString()],
  ];
  for (const d of datasets) {
    const e = exportDataset(d);
    rows.push(['# dataset', e.name, e.licence, e.attribution, e.url ?? '']);
    if (e.credit) rows.push(['# credit', e.name, e.credit, e.accessed ? `accessed ${e.accessed}` : 'access date not given']);
  }
  return rows;
}

/** An incident's CSV cells, in {@link INCIDENT_COLUMNS} order. */
function incidentCells(i: Incident, dataset: Dataset): string[] {
  return [
    i.id, dataset.name, formatDay(i.dateStart), formatDay(i.dateEnd), i.datePrecision, i.country, i.admin1, i.admin2, i.place,
    num(i.lon), num(i.lat), i.locationPrecision, i.eventType, i.subEventType, i.actor1, i.actor2,
    num(i.deathsBest), num(i.deathsLow), num(i.deathsHigh), i.summary, i.sources.map(sourceText).join(' | '),
    dataset.licence, dataset.attribution,
  ];
}

/** The incidents of the view as CSV: BOM, the `#` preamble, the column header, one row per incident in the given order. */
export function incidentsCsv(rows: readonly Incident[], meta: ExportMeta): string {
  const used = datasetsOfRows(rows, meta.datasets);
  const out = preamble('incidents in view', meta, used);
  out.push([...INCIDENT_COLUMNS]);
  for (const i of rows) out.push(incidentCells(i, datasetOf(i.dataset, meta.datasets)));
  return BOM + safeCsv(out);
}

/** The GeoJSON export's top-level `metadata` member. */
export interface ExportMetadata {
  generator: 'Sahel Incident Map';
  viewUrl: string;
  exportedAt: string;
  datasets: ExportDataset[];
}

/** A feature's properties: the CSV's columns, with numbers as numbers and sources as objects. */
export interface IncidentProperties {
  id: string;
  dataset: string;
  dataset_id: string;
  date_start: string;
  date_end: string;
  date_precision: string;
  country: string;
  admin1: string;
  admin2: string;
  place: string;
  location_precision: string;
  event_type: string;
  sub_event_type: string;
  actor1: string;
  actor2: string;
  deaths_best: number;
  deaths_low: number | null;
  deaths_high: number | null;
  notes: string;
  sources: Source[];
  dataset_licence: string;
  dataset_attribution: string;
}

/** The incidents export as an object, before it is written as text. */
export interface IncidentCollection {
  type: 'FeatureCollection';
  metadata: ExportMetadata;
  features: { type: 'Feature'; geometry: { type: 'Point'; coordinates: [number, number] }; properties: IncidentProperties }[];
}

/** The incidents of the view as a GeoJSON FeatureCollection of Points (RFC 7946: no BOM), with a `metadata` member. */
export function incidentsGeoJson(rows: readonly Incident[], meta: ExportMeta): string {
  const collection: IncidentCollection = {
    type: 'FeatureCollection',
    metadata: {
      generator: 'Sahel Incident Map',
      viewUrl: meta.viewUrl,
      exportedAt: meta.exportedAt.toISOString(),
      datasets: datasetsOfRows(rows, meta.datasets).map(exportDataset),
    },
    features: rows.map((i) => {
      const d = datasetOf(i.dataset, meta.datasets);
      return {
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [i.lon, i.lat] as [number, number] },
        properties: {
          id: i.id, dataset: d.name, dataset_id: d.id, date_start: formatDay(i.dateStart), date_end: formatDay(i.dateEnd),
          date_precision: i.datePrecision, country: i.country, admin1: i.admin1, admin2: i.admin2, place: i.place,
          location_precision: i.locationPrecision, event_type: i.eventType, sub_event_type: i.subEventType,
          actor1: i.actor1, actor2: i.actor2, deaths_best: i.deathsBest, deaths_low: i.deathsLow, deaths_high: i.deathsHigh,
          notes: i.summary, sources: i.sources.map((s) => ({ ...s })), dataset_licence: d.licence, dataset_attribution: d.attribution,
        },
      };
    }),
  };
  return `${JSON.stringify(collection, null, 1)}\n`;
}

/** One matched pair, as the matcher reports it. */
export interface MatchPair {
  a: Incident;
  b: Incident;
  score: number;
  dayGap: number;
  distanceKm: number;
}

/** A match result between dataset A and dataset B: the pairs and the events each side has alone. */
export interface MatchTable {
  pairs: readonly MatchPair[];
  onlyA: readonly Incident[];
  onlyB: readonly Incident[];
}

/** The match table's columns: the pair's figures, then A's event, then B's. */
export const MATCH_COLUMNS = [
  'match', 'score', 'day_gap', 'distance_km',
  'a_id', 'a_date', 'a_place', 'a_deaths_best', 'a_deaths_low', 'a_deaths_high',
  'b_id', 'b_date', 'b_place', 'b_deaths_best', 'b_deaths_low', 'b_deaths_high',
] as const;

const side = (i: Incident | null): string[] =>
  i === null ? ['', '', '', '', '', ''] : [i.id, formatDay(i.dateStart), [i.place, i.admin1].filter((p) => p.trim() !== '').join(', '), num(i.deathsBest), num(i.deathsLow), num(i.deathsHigh)];

/**
 * The match table as CSV: BOM, the `#` preamble naming both datasets (A first, then B) with their
 * licence and attribution, then a row per pair (`match` = `pair`), per event only in A
 * (`only A`, B's side empty) and per event only in B (`only B`, A's side empty).
 */
export function matchTableCsv(table: MatchTable, a: Dataset, b: Dataset, meta: ExportMeta): string {
  const out = preamble(`match table, A = ${a.name}, B = ${b.name}`, meta, a.id === b.id ? [a] : [a, b]);
  out.push([...MATCH_COLUMNS]);
  const fixed = (x: number, digits: number) => (Number.isFinite(x) ? x.toFixed(digits) : '');
  for (const p of table.pairs) out.push(['pair', fixed(p.score, 3), num(p.dayGap), fixed(p.distanceKm, 1), ...side(p.a), ...side(p.b)]);
  for (const i of table.onlyA) out.push(['only A', '', '', '', ...side(i), ...side(null)]);
  for (const i of table.onlyB) out.push(['only B', '', '', '', ...side(null), ...side(i)]);
  return BOM + safeCsv(out);
}
