import type { DatePrecision, EventType, Incident, LocationPrecision, Source } from '../types';
import { EVENT_TYPES } from '../types';

const DATE_PRECISIONS: readonly DatePrecision[] = ['day', 'week', 'month', 'year', 'unknown'];
const LOCATION_PRECISIONS: readonly LocationPrecision[] = ['exact', 'near', 'district', 'region', 'country', 'unknown'];
const DAY = 86_400_000;

/** Text fields that repeat across rows (a few hundred places and actors): sent once each, with an index per incident. */
const REPEATED = ['dataset', 'country', 'admin1', 'admin2', 'subEventType', 'actor1', 'actor2'] as const;
/** Text fields that are mostly unique: sent as they are. */
const UNIQUE = ['id', 'place', 'summary'] as const;

type Repeated = (typeof REPEATED)[number];
type Unique = (typeof UNIQUE)[number];

/**
 * A column of mostly unique text as one string and the end of each value in it: one long string
 * crosses to the page as a single copy, where a million short ones are a million objects to rebuild.
 */
export interface Joined {
  text: string;
  ends: Uint32Array;
}

/** A column of repeated values: the distinct values and, per incident, which one. */
export interface Dictionary<T> {
  values: T[];
  index: Uint32Array;
}

/**
 * Incidents as columns, for the import worker to post to the page: numbers in typed arrays
 * (transferred, not copied), repeated text and shared source lists once each. Structured cloning
 * a million Incident objects costs seconds on each side and blocks the page while it lands; this
 * costs a fraction, and the page rebuilds the objects in one pass.
 */
export interface PackedIncidents {
  count: number;
  /** Whole UTC days since 1970. */
  start: Int32Array;
  end: Int32Array;
  lon: Float64Array;
  lat: Float64Array;
  best: Float64Array;
  /** NaN for null. */
  low: Float64Array;
  high: Float64Array;
  datePrecision: Uint8Array;
  locationPrecision: Uint8Array;
  eventType: Uint8Array;
  repeated: Record<Repeated, Dictionary<string>>;
  /** The summaries are absent when the worker keeps them (see ImportRequest.detailsOnDemand). */
  unique: Record<'id' | 'place', Joined> & { summary?: Joined };
  /**
   * Each distinct source list once, as JSON joined into one string, and per incident which one:
   * a million small arrays of objects would be a million objects for the page to deserialise in
   * one task when the message lands; one string is one copy, parsed a slice at a time.
   */
  sources?: { index: Uint32Array; lists: Joined };
}

/**
 * Past this many distinct values a column is not repeated after all (UCDP's source lists are one
 * per event): later values are appended without being hashed, so a million of them do not grow a
 * Map of a million entries, which at that size costs more in garbage collection than it saves.
 */
const MAX_HASHED = 50_000;

function dictionary<T>(n: number): { dict: Dictionary<T>; add(i: number, value: T): void } {
  const dict: Dictionary<T> = { values: [], index: new Uint32Array(n) };
  const seen = new Map<T, number>();
  let last: T | undefined;
  let lastAt = -1;
  return {
    dict,
    add(i, value) {
      // Consecutive rows often repeat a value: skip the hash then.
      if (lastAt >= 0 && value === last) {
        dict.index[i] = lastAt;
        return;
      }
      let at = seen.get(value);
      if (at === undefined) {
        at = dict.values.push(value) - 1;
        if (seen.size < MAX_HASHED) seen.set(value, at);
      }
      dict.index[i] = at;
      last = value;
      lastAt = at;
    },
  };
}

/** Packed with every column, the long texts included. */
export type FullPackedIncidents = PackedIncidents & { unique: Record<Unique, Joined>; sources: NonNullable<PackedIncidents['sources']> };

export function packIncidents(incidents: readonly Incident[]): FullPackedIncidents {
  const n = incidents.length;
  const packed = {
    count: n,
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
  const repeated = Object.fromEntries(REPEATED.map((k) => [k, dictionary<string>(n)])) as Record<Repeated, ReturnType<typeof dictionary<string>>>;
  const unique = Object.fromEntries(UNIQUE.map((k) => [k, new Array<string>(n)])) as Record<Unique, string[]>;
  const ends = Object.fromEntries(UNIQUE.map((k) => [k, new Uint32Array(n)])) as Record<Unique, Uint32Array>;
  const lengths = Object.fromEntries(UNIQUE.map((k) => [k, 0])) as Record<Unique, number>;
  const sources = dictionary<Source[]>(n);
  for (let i = 0; i < n; i++) {
    const x = incidents[i];
    packed.start[i] = Math.floor(x.dateStart.getTime() / DAY);
    packed.end[i] = Math.floor(x.dateEnd.getTime() / DAY);
    packed.lon[i] = x.lon;
    packed.lat[i] = x.lat;
    packed.best[i] = x.deathsBest;
    packed.low[i] = x.deathsLow ?? Number.NaN;
    packed.high[i] = x.deathsHigh ?? Number.NaN;
    packed.datePrecision[i] = DATE_PRECISIONS.indexOf(x.datePrecision);
    packed.locationPrecision[i] = LOCATION_PRECISIONS.indexOf(x.locationPrecision);
    packed.eventType[i] = EVENT_TYPES.indexOf(x.eventType);
    for (const k of REPEATED) repeated[k].add(i, x[k]);
    for (const k of UNIQUE) {
      unique[k][i] = x[k];
      ends[k][i] = lengths[k] += x[k].length;
    }
    sources.add(i, x.sources);
  }
  return {
    ...packed,
    repeated: Object.fromEntries(REPEATED.map((k) => [k, repeated[k].dict])) as Record<Repeated, Dictionary<string>>,
    unique: Object.fromEntries(UNIQUE.map((k) => [k, { text: unique[k].join(''), ends: ends[k] }])) as Record<Unique, Joined>,
    sources: { index: sources.dict.index, lists: joinJson(sources.dict.values) },
  };
}

function joinJson(values: readonly unknown[]): Joined {
  const texts = values.map((v) => JSON.stringify(v));
  const ends = new Uint32Array(texts.length);
  let end = 0;
  texts.forEach((t, i) => (ends[i] = end += t.length));
  return { text: texts.join(''), ends };
}

/** The buffers to transfer with a packed column set (they move to the page rather than being copied). */
export function packedTransfer(p: PackedIncidents): ArrayBuffer[] {
  const arrays = [
    ...[p.start, p.end, p.lon, p.lat, p.best, p.low, p.high, p.datePrecision, p.locationPrecision, p.eventType],
    ...Object.values(p.repeated).map((d) => d.index),
    ...Object.values(p.unique).map((u) => u.ends),
    ...(p.sources ? [p.sources.index, p.sources.lists.ends] : []),
  ];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

/**
 * The incidents again. Days are rebuilt as one shared Date per distinct day, and a source list
 * shared in the worker is shared here too: neither may be mutated (nothing in the app does).
 */
export function unpackIncidents(p: PackedIncidents): Incident[] {
  const out = new Array<Incident>(p.count);
  unpackRange(p, out, 0, p.count, new Map(), []);
  return out;
}

/** Incidents rebuilt between two checks of the clock. */
const CHUNK = 1000;

/**
 * The same, a slice at a time with a pause between slices, so a million incidents never hold the
 * page for long: a slice ends after `slice` incidents or once `budgetMs` have passed, whichever
 * comes first, so a busy machine makes more pauses rather than longer tasks.
 */
export async function unpackIncidentsInSlices(
  p: PackedIncidents,
  slice = 20_000,
  pause: () => Promise<void> = () => new Promise((r) => setTimeout(r, 0)),
  budgetMs = 12,
  now: () => number = () => performance.now(),
): Promise<Incident[]> {
  const out = new Array<Incident>(p.count);
  const days = new Map<number, Date>();
  const lists: Source[][] = [];
  let from = 0;
  while (from < p.count) {
    if (from > 0) await pause();
    const started = now();
    const end = Math.min(p.count, from + slice);
    while (from < end) {
      const to = Math.min(end, from + CHUNK);
      unpackRange(p, out, from, to, days, lists);
      from = to;
      if (now() - started > budgetMs) break;
    }
  }
  return out;
}

function unpackRange(p: PackedIncidents, out: Incident[], from: number, to: number, days: Map<number, Date>, lists: Source[][]): void {
  const dateOf = (day: number) => {
    let d = days.get(day);
    if (!d) days.set(day, (d = new Date(day * DAY)));
    return d;
  };
  const r = p.repeated;
  const u = p.unique;
  const text = (column: Joined, i: number) => column.text.slice(i === 0 ? 0 : column.ends[i - 1], column.ends[i]);
  const sources = p.sources;
  const sourcesOf = (i: number): Source[] => {
    if (!sources) return [];
    const k = sources.index[i];
    return (lists[k] ??= JSON.parse(text(sources.lists, k)) as Source[]);
  };
  for (let i = from; i < to; i++) {
    const low = p.low[i];
    const high = p.high[i];
    out[i] = {
      id: text(u.id, i),
      dataset: r.dataset.values[r.dataset.index[i]],
      dateStart: dateOf(p.start[i]),
      dateEnd: dateOf(p.end[i]),
      datePrecision: DATE_PRECISIONS[p.datePrecision[i]] ?? 'unknown',
      country: r.country.values[r.country.index[i]],
      admin1: r.admin1.values[r.admin1.index[i]],
      admin2: r.admin2.values[r.admin2.index[i]],
      place: text(u.place, i),
      lon: p.lon[i],
      lat: p.lat[i],
      locationPrecision: LOCATION_PRECISIONS[p.locationPrecision[i]] ?? 'unknown',
      eventType: EVENT_TYPES[p.eventType[i]] as EventType,
      subEventType: r.subEventType.values[r.subEventType.index[i]],
      actor1: r.actor1.values[r.actor1.index[i]],
      actor2: r.actor2.values[r.actor2.index[i]],
      deathsBest: p.best[i],
      deathsLow: Number.isNaN(low) ? null : low,
      deathsHigh: Number.isNaN(high) ? null : high,
      summary: u.summary ? text(u.summary, i) : '',
      sources: sourcesOf(i),
    };
  }
}
