import { bisectLeft, bisectRight } from 'd3-array';
import type { Incident, IncidentFilter } from '../types';
import { EVENT_TYPES } from '../types';
import { COUNTRY_SLOTS, countrySlot, filterMasks, passesSlots, typeSlot, UNKNOWN_TYPE, type FilterMasks } from './incidentClass';
import { tableOfIncidents, type IncidentTable } from './incidentTable';
import { narrowFloat } from './narrowArrays';

const MS_PER_DAY = 86_400_000;

/** Whole days since 1970-01-01 UTC (floored, so any time of a UTC day gives that day). NaN for an invalid date. */
export function dayNumber(date: Date): number {
  return Math.floor(date.getTime() / MS_PER_DAY);
}

/** UTC midnight of a day number: the inverse of {@link dayNumber}. */
export function dateOfDay(day: number): Date {
  return new Date(day * MS_PER_DAY);
}

export interface TimeIndex {
  /** Incidents sorted by dateStart (stable for equal days): objects for a bundled file, columns for an import. */
  readonly incidents: IncidentTable;
  /** dayNumber(dateStart) of each incident, ascending (same order as incidents). */
  readonly days: Int32Array;
  /** [first dateStart, last dateStart], or null when empty. */
  readonly extent: [Date, Date] | null;
  /** Largest deathsBest in the index (0 when empty): fixes the marker scale's domain. */
  readonly maxDeaths: number;
  /** Index range [lo, hi) of incidents whose dateStart lies in [from, to], whole days, both inclusive (bisection). */
  range(from: Date, to: Date): [number, number];
  /** Incidents and summed deathsBest in [from, to] passing the filter, in O(log n + types×countries) via prefix sums per (event type × country-or-other) bucket — never a scan. */
  totals(from: Date, to: Date, filter: IncidentFilter): { incidents: number; deaths: number };
  /** Does this incident pass the type/country filter (country outside COUNTRIES always passes)? */
  passes(incident: Incident, filter: IncidentFilter): boolean;
  /** The same test for incident i of {@link incidents}, from its columns (see filterMasks). */
  passesAt(i: number, masks: FilterMasks): boolean;
  /**
   * Incidents and summed deathsBest passing the filter between consecutive day numbers of `edges`
   * (ascending): bin k is `[edges[k], edges[k + 1])`. From the per-bucket running sums, as the totals
   * are: O(buckets × bins × log n), never a pass over the incidents.
   */
  binSums(edges: readonly number[], filter: IncidentFilter): { incidents: Float64Array; deaths: Float64Array };
}

/** One (type × country slot) bucket: the days of its own events, ascending, and their running deaths (length + 1). */
interface Bucket {
  days: Int32Array;
  /** Float32 when every running sum is exact in it (see narrowFloat). */
  deaths: Float32Array | Float64Array;
}

/**
 * Positions in time order, stable: a counting sort over whole days (O(n + days spanned)), since
 * events are calendar days within a few decades. A span far wider than the data (a stray year
 * 9999) falls back to a comparison sort rather than allocate a counter per day.
 */
export function timeOrder(dayOf: Float64Array | Int32Array): Uint32Array {
  const n = dayOf.length;
  const order = new Uint32Array(n);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    if (dayOf[i] < min) min = dayOf[i];
    if (dayOf[i] > max) max = dayOf[i];
  }
  if (n === 0) return order;
  const span = max - min + 1;
  if (span > 4 * n + 100_000) {
    for (let i = 0; i < n; i++) order[i] = i;
    return order.sort((x, y) => dayOf[x] - dayOf[y] || x - y);
  }
  const start = new Uint32Array(span + 1);
  for (let i = 0; i < n; i++) start[dayOf[i] - min + 1]++;
  for (let d = 1; d <= span; d++) start[d] += start[d - 1];
  for (let i = 0; i < n; i++) order[start[dayOf[i] - min]++] = i;
  return order;
}

/**
 * What a time index is made of besides its incidents, as typed arrays only: the import worker
 * builds it next to the incidents it sorts and transfers it, so the page gets its index without a
 * pass over a million objects ({@link timeIndexFromParts}).
 */
export interface TimeIndexParts {
  /** dayNumber(dateStart) of each incident, ascending. */
  days: Int32Array;
  /** Per non-empty (type slot × country slot) bucket: its key, its days and their running deaths (length + 1). */
  buckets: (Bucket & { key: number })[];
  maxDeaths: number;
}

/**
 * Sorts incidents by start day (stable) and builds the index's parts over them: the work of
 * {@link createTimeIndex} that grows with the data. Incidents whose dateStart is not a valid date
 * are left out; the caller's array is not mutated.
 */
export function sortForTimeIndex(input: readonly Incident[]): { incidents: Incident[]; parts: TimeIndexParts } {
  const validDays = new Float64Array(input.length);
  let kept = 0;
  for (let i = 0; i < input.length; i++) {
    const day = dayNumber(input[i].dateStart);
    if (Number.isFinite(day)) validDays[kept++] = day;
  }
  // Usually every date is valid and the caller's array serves as it is; otherwise keep the valid ones.
  const valid = kept === input.length ? input : input.filter((incident) => Number.isFinite(dayNumber(incident.dateStart)));
  const order = timeOrder(validDays.subarray(0, kept));
  const n = order.length;
  const incidents: Incident[] = new Array(n);
  const days = new Int32Array(n);
  const best = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const incident = valid[order[i]];
    incidents[i] = incident;
    days[i] = validDays[order[i]];
    best[i] = incident.deathsBest;
  }
  const slots = { length: n, best, typeSlot: (i: number) => typeSlot(incidents[i].eventType), countrySlot: (i: number) => countrySlot(incidents[i].country) };
  return { incidents, parts: timeIndexPartsOf(days, slots) };
}

/** What the time index's parts are built from: a table's deaths and slots, in time order. */
export type TimeIndexSource = Pick<IncidentTable, 'length' | 'best' | 'typeSlot' | 'countrySlot'>;

/**
 * The parts over incidents already in time order, `days[i]` being incident i's start day: the
 * per-bucket days and running deaths. The import worker calls it over its columns, sortForTimeIndex
 * over objects; a missing or non-finite best estimate adds nothing.
 */
export function timeIndexPartsOf(days: Int32Array, incidents: TimeIndexSource): TimeIndexParts {
  const n = incidents.length;
  const keyOf = new Int8Array(n);
  const slots = EVENT_TYPES.length * COUNTRY_SLOTS;
  const sizes = new Int32Array(slots);
  const deathsAt = (i: number) => (Number.isFinite(incidents.best[i]) ? incidents.best[i] : 0);
  let maxDeaths = 0;
  for (let i = 0; i < n; i++) {
    const d = deathsAt(i);
    if (d > maxDeaths) maxDeaths = d;
    // A bucket per (type slot × country slot) of incidentClass.ts; an unknown type is never counted.
    const type = incidents.typeSlot(i);
    const key = type === UNKNOWN_TYPE ? -1 : type * COUNTRY_SLOTS + incidents.countrySlot(i);
    keyOf[i] = key;
    if (key >= 0) sizes[key]++;
  }
  // Summed in float64, narrowed once filled.
  const buckets: { key: number; days: Int32Array; deaths: Float64Array }[] = [];
  const byKey: (typeof buckets)[number][] = [];
  for (let key = 0; key < slots; key++) {
    if (sizes[key] === 0) continue;
    const bucket = { key, days: new Int32Array(sizes[key]), deaths: new Float64Array(sizes[key] + 1) };
    buckets.push(bucket);
    byKey[key] = bucket;
  }
  const filled = new Int32Array(slots);
  for (let i = 0; i < n; i++) {
    const key = keyOf[i];
    if (key < 0) continue;
    const bucket = byKey[key];
    const j = filled[key]++;
    bucket.days[j] = days[i];
    bucket.deaths[j + 1] = bucket.deaths[j] + deathsAt(i);
  }
  // Running sums of whole death counts stay exact in float32 below 2²⁴ (16.7 million): then 4 B an
  // event instead of 8, else float64 as summed.
  return { days, buckets: buckets.map((b) => ({ ...b, deaths: narrowFloat(b.deaths) })), maxDeaths };
}

/**
 * Builds the time index the map, timeline and totals read. Window membership is by `dateStart`:
 * an event is drawn on the day it began, so a slider step shows or hides it once; a multi-day
 * span (UCDP date_start..date_end) is told in the popup, not smeared over the timeline.
 *
 * Incidents whose dateStart is not a valid date cannot be placed on a timeline and are left out
 * (the parsers never produce them; this guards hand-built input). The caller's array is not mutated.
 *
 * Totals keep, per non-empty (event type × country-or-other) bucket, the sorted days of that
 * bucket's events and their running deaths: a window's totals are two bisections per bucket the
 * filter lets through (at most 6 × 4), O(log n) for every slider step, in O(n) memory overall.
 */
export function createTimeIndex(input: readonly Incident[]): TimeIndex {
  const { incidents, parts } = sortForTimeIndex(input);
  return timeIndexFromParts(tableOfIncidents(incidents), parts);
}

/**
 * The time index of incidents already sorted by {@link sortForTimeIndex}, from its parts: no pass
 * over the incidents (`incidents[i]` must be the incident of `parts.days[i]`).
 */
export function timeIndexFromParts(incidents: IncidentTable, parts: TimeIndexParts): TimeIndex {
  const { days, maxDeaths } = parts;
  const n = days.length;
  const buckets = new Map<number, Bucket>(parts.buckets.map((b) => [b.key, b]));

  const range = (from: Date, to: Date): [number, number] => {
    const a = dayNumber(from);
    const b = dayNumber(to);
    if (!Number.isFinite(a) || !Number.isFinite(b)) return [0, 0];
    const lo = bisectLeft(days, a);
    return [lo, Math.max(lo, bisectRight(days, b))];
  };

  const passes = (incident: Incident, filter: IncidentFilter): boolean =>
    passesSlots(typeSlot(incident.eventType), countrySlot(incident.country), filterMasks(filter));
  const passesAt = (i: number, masks: FilterMasks): boolean => passesSlots(incidents.typeSlot(i), incidents.countrySlot(i), masks);

  const totals = (from: Date, to: Date, filter: IncidentFilter): { incidents: number; deaths: number } => {
    const a = dayNumber(from);
    const b = dayNumber(to);
    let count = 0;
    let deaths = 0;
    if (!Number.isFinite(a) || !Number.isFinite(b) || b < a) return { incidents: 0, deaths: 0 };
    const masks = filterMasks(filter);
    for (const [key, bucket] of buckets) {
      if (!passesSlots(Math.floor(key / COUNTRY_SLOTS), key % COUNTRY_SLOTS, masks)) continue;
      const lo = bisectLeft(bucket.days, a);
      const hi = bisectRight(bucket.days, b);
      if (hi <= lo) continue;
      count += hi - lo;
      deaths += bucket.deaths[hi] - bucket.deaths[lo];
    }
    return { incidents: count, deaths };
  };

  const binSums = (edges: readonly number[], filter: IncidentFilter) => {
    const bins = Math.max(0, edges.length - 1);
    const counts = new Float64Array(bins);
    const deaths = new Float64Array(bins);
    const masks = filterMasks(filter);
    for (const [key, bucket] of buckets) {
      if (!passesSlots(Math.floor(key / COUNTRY_SLOTS), key % COUNTRY_SLOTS, masks)) continue;
      let lo = bisectLeft(bucket.days, edges[0]);
      for (let k = 0; k < bins; k++) {
        const hi = bisectLeft(bucket.days, edges[k + 1], lo);
        counts[k] += hi - lo;
        deaths[k] += bucket.deaths[hi] - bucket.deaths[lo];
        lo = hi;
      }
    }
    return { incidents: counts, deaths };
  };

  return {
    incidents,
    days,
    binSums,
    extent: n === 0 ? null : [dateOfDay(days[0]), dateOfDay(days[n - 1])],
    maxDeaths,
    range,
    totals,
    passes,
    passesAt,
  };
}
