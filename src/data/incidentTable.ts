import type { DatePrecision, EventType, Incident, LocationPrecision, Source } from '../types';
import { EVENT_TYPES } from '../types';
import { countrySlot, typeSlot, UNKNOWN_TYPE } from './incidentClass';
import { textAt, textCount, type TextColumn } from './textColumn';
import { sourceListReader } from './sourcesText';

/** Codes of the precision columns: a precision's index in these lists (the import worker's packing uses the same order). */
export const DATE_PRECISIONS: readonly DatePrecision[] = ['day', 'week', 'month', 'year', 'unknown'];
export const LOCATION_PRECISIONS: readonly LocationPrecision[] = ['exact', 'near', 'district', 'region', 'country', 'unknown'];

const DAY = 86_400_000;

/** An incident's long texts, which a large import keeps in its worker until a popup or an export asks. */
export interface IncidentDetails {
  summary: string;
  sources: Source[];
}

/**
 * The numbers of every incident as typed arrays, in the table's order: what the totals, the
 * picker, the areas, the matching and the histogram read, so none of them needs an object per
 * incident.
 */
export interface IncidentNumbers {
  /** Whole UTC days since 1970 of dateStart and dateEnd. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  /**
   * deathsBest as the incident gives it. An import's column is a Float32Array when every value of
   * it survives float32 exactly (whole numbers below 2²⁴, NaN), a Float64Array otherwise.
   */
  readonly best: Float32Array | Float64Array;
  /** deathsLow and deathsHigh, NaN for null; float32 or float64 as `best`. */
  readonly low: Float32Array | Float64Array;
  readonly high: Float32Array | Float64Array;
  /** Index in {@link DATE_PRECISIONS} and {@link LOCATION_PRECISIONS}. */
  readonly datePrecision: Uint8Array;
  readonly locationPrecision: Uint8Array;
  /** Index in EVENT_TYPES, 255 for a type outside it. */
  readonly eventType: Uint8Array;
}

/**
 * The incidents of one dataset in a fixed order (a time index's: by start day). A bundled file's
 * table wraps its Incident objects; an imported file's table is columns only, about a hundred
 * bytes an incident, and rebuilds an incident when one is asked for.
 */
export interface IncidentTable extends IncidentNumbers {
  readonly length: number;
  /** Country slot (incidentClass) of incident i. */
  countrySlot(i: number): number;
  /** Type slot (incidentClass) of incident i. */
  typeSlot(i: number): number;
  id(i: number): string;
  /**
   * Incident i. When {@link detailed} is false its summary is '' and its sources [] until
   * {@link details} fetches them; every other field is there.
   */
  get(i: number): Incident;
  /** Whether get() carries the summary and the sources. */
  readonly detailed: boolean;
  /** The incidents at these positions with their summary and sources, in the same order. */
  details(rows: readonly number[]): Promise<Incident[]>;
}

/** The table of incidents already in the wanted order: get(i) is `incidents[i]` itself. */
export function tableOfIncidents(incidents: readonly Incident[]): IncidentTable {
  const n = incidents.length;
  const numbers = {
    start: new Int32Array(n),
    end: new Int32Array(n),
    lon: new Float64Array(n),
    lat: new Float64Array(n),
    best: new Float64Array(n),
    low: new Float64Array(n),
    high: new Float64Array(n),
    datePrecision: new Uint8Array(n),
    locationPrecision: new Uint8Array(n),
    eventType: new Uint8Array(n),
  };
  const countries = new Uint8Array(n);
  const types = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const x = incidents[i];
    numbers.start[i] = Math.floor(x.dateStart.getTime() / DAY);
    numbers.end[i] = Math.floor(x.dateEnd.getTime() / DAY);
    numbers.lon[i] = x.lon;
    numbers.lat[i] = x.lat;
    numbers.best[i] = x.deathsBest;
    numbers.low[i] = x.deathsLow ?? Number.NaN;
    numbers.high[i] = x.deathsHigh ?? Number.NaN;
    numbers.datePrecision[i] = codeOf(DATE_PRECISIONS, x.datePrecision);
    numbers.locationPrecision[i] = codeOf(LOCATION_PRECISIONS, x.locationPrecision);
    numbers.eventType[i] = codeOf(EVENT_TYPES, x.eventType);
    countries[i] = countrySlot(x.country);
    types[i] = typeSlot(x.eventType);
  }
  return {
    ...numbers,
    length: n,
    countrySlot: (i) => countries[i],
    typeSlot: (i) => types[i],
    id: (i) => incidents[i].id,
    get: (i) => incidents[i],
    detailed: true,
    details: (rows) => Promise.resolve(rows.map((i) => incidents[i])),
  };
}

function codeOf<T>(list: readonly T[], value: T): number {
  const k = list.indexOf(value);
  return k < 0 ? 255 : k;
}

/** One column of repeated text: the distinct values and, per incident, which one (in the narrowest array that holds every index). */
export interface RepeatedText {
  values: TextColumn;
  index: Uint8Array | Uint16Array | Uint32Array;
}

/**
 * Text fields that repeat across rows (a few hundred actors, some thousands of places): sent once
 * each, with an index per incident. A place was unique text until issue 13's second round: a 1M
 * UCDP file names about 10,000 places, so its text and ends cost 24 B an event where an index costs 2.
 */
export const REPEATED = ['dataset', 'country', 'admin1', 'admin2', 'subEventType', 'actor1', 'actor2', 'place'] as const;
type RepeatedField = (typeof REPEATED)[number];

/**
 * Incidents as the import worker posts them (its PackedIncidents): numbers, repeated and unique
 * text as code units in transferred buffers (see TextColumn), and optionally the long texts.
 */
export interface IncidentColumnsStore extends IncidentNumbers {
  count: number;
  repeated: Record<RepeatedField, RepeatedText>;
  unique: { id: TextColumn; summary?: TextColumn };
  /** Each distinct source list as JSON, and per incident which one; absent when the worker keeps them. */
  sources?: { index: Uint32Array; lists: TextColumn };
}

/** Fetches the long texts of the incidents at these positions (from the import worker). */
export type DetailsFetcher = (rows: readonly number[]) => Promise<IncidentDetails[]>;

/** How many rebuilt incidents a column table keeps, so that asking twice gives the same object. */
const RECENT = 512;

/** Dictionaries up to this size are decoded whole when the table is made; a larger one (a column of mostly distinct values) a value at a time. */
const DECODE_WHOLE = 4096;

/** Value of incident i in a repeated column. */
function repeatedReader(column: RepeatedText): (i: number) => string {
  const { values, index } = column;
  if (textCount(values) <= DECODE_WHOLE) {
    const decoded = Array.from({ length: textCount(values) }, (_, k) => textAt(values, k));
    return (i) => decoded[index[i]];
  }
  return (i) => textAt(values, index[i]);
}

/** Each incident's country slot (incidentClass) through its repeated country column: one slot per distinct name, looked up once. */
export function countrySlotsOf(country: RepeatedText): (i: number) => number {
  const slotOfCountry = Uint8Array.from({ length: textCount(country.values) }, (_, k) => countrySlot(textAt(country.values, k)));
  return (i) => slotOfCountry[country.index[i]];
}

/** Each incident's type slot (incidentClass) from the event type column's codes. */
export const typeSlotsOf =
  (eventType: Uint8Array): ((i: number) => number) =>
  (i) =>
    eventType[i] < EVENT_TYPES.length ? eventType[i] : UNKNOWN_TYPE;

/**
 * The table over the worker's columns, without building an object per incident. Without the long
 * texts in `store`, `fetchDetails` supplies them; with neither, details() gives '' and [].
 */
export function tableOfColumns(store: IncidentColumnsStore, fetchDetails?: DetailsFetcher): IncidentTable {
  const r = store.repeated;
  const text = Object.fromEntries(REPEATED.map((k) => [k, repeatedReader(r[k])])) as Record<RepeatedField, (i: number) => string>;
  const recent = new Map<number, Incident>();
  const { summary } = store.unique;
  const sources = store.sources;
  const sourcesOf = sources ? sourceListReader(sources) : (): Source[] => [];
  const detailed = summary !== undefined && sources !== undefined;
  const build = (i: number): Incident => {
    const low = store.low[i];
    const high = store.high[i];
    return {
      id: textAt(store.unique.id, i),
      dataset: text.dataset(i),
      dateStart: new Date(store.start[i] * DAY),
      dateEnd: new Date(store.end[i] * DAY),
      datePrecision: DATE_PRECISIONS[store.datePrecision[i]] ?? 'unknown',
      country: text.country(i),
      admin1: text.admin1(i),
      admin2: text.admin2(i),
      place: text.place(i),
      lon: store.lon[i],
      lat: store.lat[i],
      locationPrecision: LOCATION_PRECISIONS[store.locationPrecision[i]] ?? 'unknown',
      eventType: (EVENT_TYPES[store.eventType[i]] ?? '') as EventType,
      subEventType: text.subEventType(i),
      actor1: text.actor1(i),
      actor2: text.actor2(i),
      deathsBest: store.best[i],
      deathsLow: Number.isNaN(low) ? null : low,
      deathsHigh: Number.isNaN(high) ? null : high,
      summary: summary ? textAt(summary, i) : '',
      sources: sourcesOf(i),
    };
  };
  const get = (i: number): Incident => {
    let incident = recent.get(i);
    if (incident) return incident;
    incident = build(i);
    if (recent.size >= RECENT) recent.delete(recent.keys().next().value as number);
    recent.set(i, incident);
    return incident;
  };
  const details = async (rows: readonly number[]): Promise<Incident[]> => {
    const incidents = rows.map(get);
    if (detailed || !fetchDetails || rows.length === 0) return incidents;
    const texts = await fetchDetails(rows);
    // The cached objects gain their texts: a popup asked twice fetches once.
    incidents.forEach((incident, k) => {
      incident.summary = texts[k]?.summary ?? '';
      incident.sources = texts[k]?.sources ?? [];
    });
    return incidents;
  };
  return {
    start: store.start,
    end: store.end,
    lon: store.lon,
    lat: store.lat,
    best: store.best,
    low: store.low,
    high: store.high,
    datePrecision: store.datePrecision,
    locationPrecision: store.locationPrecision,
    eventType: store.eventType,
    length: store.count,
    countrySlot: countrySlotsOf(r.country),
    typeSlot: typeSlotsOf(store.eventType),
    id: (i) => textAt(store.unique.id, i),
    get,
    detailed,
    details,
  };
}

/** Every incident of a table as an array (for small tables and tests: a column table builds each one). */
export function rowsOf(table: IncidentTable): Incident[] {
  return Array.from({ length: table.length }, (_, i) => table.get(i));
}
