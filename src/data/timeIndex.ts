import { bisectLeft, bisectRight } from 'd3-array';
import type { Incident, IncidentFilter } from '../types';
import { COUNTRIES, EVENT_TYPES } from '../types';

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
  /** Incidents sorted by dateStart (stable for equal days). */
  readonly incidents: readonly Incident[];
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
}

/** Country slots of a bucket: one per entry of COUNTRIES, then "other", which every country filter lets through. */
const COUNTRY_SLOTS = COUNTRIES.length + 1;
const OTHER_SLOT = COUNTRIES.length;

function countrySlot(country: string): number {
  const i = (COUNTRIES as readonly string[]).indexOf(country);
  return i < 0 ? OTHER_SLOT : i;
}

/** Deaths that count towards sums: a missing or non-finite best estimate adds nothing. */
function deathsOf(incident: Incident): number {
  return Number.isFinite(incident.deathsBest) ? incident.deathsBest : 0;
}

/** Running counts and deaths of one (type × country slot) bucket at every index position: length n + 1. */
interface Prefix {
  count: Int32Array;
  deaths: Float64Array;
}

/**
 * Builds the time index the map, timeline and totals read. Window membership is by `dateStart`:
 * an event is drawn on the day it began, so a slider step shows or hides it once; a multi-day
 * span (UCDP date_start..date_end) is told in the popup, not smeared over the timeline.
 *
 * Incidents whose dateStart is not a valid date cannot be placed on a timeline and are left out
 * (the parsers never produce them; this guards hand-built input). The caller's array is not mutated.
 *
 * Totals use one prefix-sum pair per non-empty (event type × country-or-other) bucket over index
 * positions, so a window's totals are two bisections plus at most 6 × 4 subtractions, cheap enough
 * for every slider step. Memory is O(n × non-empty buckets).
 */
export function createTimeIndex(input: readonly Incident[]): TimeIndex {
  const keyed = input
    .map((incident, order) => ({ incident, order, day: dayNumber(incident.dateStart) }))
    .filter((k) => Number.isFinite(k.day));
  keyed.sort((a, b) => a.day - b.day || a.order - b.order);
  const incidents = keyed.map((k) => k.incident);
  const days = Int32Array.from(keyed, (k) => k.day);
  const n = incidents.length;

  const buckets = new Map<number, Prefix>();
  let maxDeaths = 0;
  incidents.forEach((incident, i) => {
    const d = deathsOf(incident);
    if (d > maxDeaths) maxDeaths = d;
    const type = EVENT_TYPES.indexOf(incident.eventType);
    if (type < 0) return;
    const key = type * COUNTRY_SLOTS + countrySlot(incident.country);
    let prefix = buckets.get(key);
    if (!prefix) {
      prefix = { count: new Int32Array(n + 1), deaths: new Float64Array(n + 1) };
      buckets.set(key, prefix);
    }
    prefix.count[i + 1] = 1;
    prefix.deaths[i + 1] = d;
  });
  for (const { count, deaths } of buckets.values()) {
    for (let i = 1; i <= n; i++) {
      count[i] += count[i - 1];
      deaths[i] += deaths[i - 1];
    }
  }

  const range = (from: Date, to: Date): [number, number] => {
    const a = dayNumber(from);
    const b = dayNumber(to);
    if (!Number.isFinite(a) || !Number.isFinite(b)) return [0, 0];
    const lo = bisectLeft(days, a);
    return [lo, Math.max(lo, bisectRight(days, b))];
  };

  const passes = (incident: Incident, filter: IncidentFilter): boolean => {
    if (!filter.types.includes(incident.eventType)) return false;
    const slot = countrySlot(incident.country);
    return slot === OTHER_SLOT || filter.countries.includes(COUNTRIES[slot]);
  };

  const totals = (from: Date, to: Date, filter: IncidentFilter): { incidents: number; deaths: number } => {
    const [lo, hi] = range(from, to);
    let count = 0;
    let deaths = 0;
    if (hi <= lo) return { incidents: 0, deaths: 0 };
    for (const [key, prefix] of buckets) {
      const type = EVENT_TYPES[Math.floor(key / COUNTRY_SLOTS)];
      const slot = key % COUNTRY_SLOTS;
      if (!filter.types.includes(type)) continue;
      if (slot !== OTHER_SLOT && !filter.countries.includes(COUNTRIES[slot])) continue;
      count += prefix.count[hi] - prefix.count[lo];
      deaths += prefix.deaths[hi] - prefix.deaths[lo];
    }
    return { incidents: count, deaths };
  };

  return {
    incidents,
    days,
    extent: n === 0 ? null : [dateOfDay(days[0]), dateOfDay(days[n - 1])],
    maxDeaths,
    range,
    totals,
    passes,
  };
}
