import KDBush from 'kdbush';
import type { DatePrecision, Incident, LocationPrecision } from '../types';
import { DATE_PRECISIONS, LOCATION_PRECISIONS, tableOfIncidents, type IncidentTable } from './incidentTable';

/**
 * Finding the likely pairs between two datasets (UCDP GED and an ACLED export, say), so that the
 * same attack is shown once as "matched" rather than counted twice. Pure: no DOM, no worker.
 *
 * Rule. A pair (a, b) is a candidate when
 * - the day gap between the two events' date ranges is at most the larger of the two rows' date
 *   tolerances (`dayTolerance[precision]`), and
 * - the great-circle distance is at most the larger of the two rows' distance tolerances
 *   (`distanceKm[precision]`).
 * Its score is
 *   `wDay·(1 − gap/dayTol) + wDistance·(1 − km/kmTol) + wDeaths·deathsAgreement + wType·[same type]`
 * where `deathsAgreement = 1 − |da − db| / max(da, db, 1)`. Candidates scoring below `minScore` are
 * dropped. With the defaults a same-day, same-place pair of different event types scores 0.85 and
 * still matches (the sources often disagree on the type); it loses to a same-type candidate.
 *
 * Assignment is greedy: candidates sorted by score (descending), then day gap, distance, `ia + ib`,
 * `min(ia, ib)`, `ia` (ascending), each taken when neither event is matched yet. Known failure
 * cases: greedy is not an optimal assignment (a slightly better pair can take the event that was the
 * only candidate of another, leaving that one unmatched); several events on one day and spot (a
 * series of attacks in one commune) pair up arbitrarily; coarse rows (region, country, year) match
 * whatever is nearest in time within hundreds of km. Swapping A and B gives the same pairs swapped
 * except when two candidates tie on score, gap, distance and `{ia, ib}` crosswise (`(i, j)` and
 * `(j, i)`), where the last key `ia` decides differently.
 */
export interface MatchOptions {
  /** Days allowed between two events, by date precision; a pair uses the larger of its two. */
  dayTolerance: Readonly<Record<DatePrecision, number>>;
  /** Kilometres allowed, by location precision; a pair uses the larger of its two. */
  distanceKm: Readonly<Record<LocationPrecision, number>>;
  /** Weight of the day gap (default 0.35). */
  wDay: number;
  /** Weight of the distance (default 0.35). */
  wDistance: number;
  /** Weight of the deaths agreement (default 0.15). */
  wDeaths: number;
  /** Weight of an equal event type (default 0.15). */
  wType: number;
  /** Candidates scoring less are not pairs (default 0.3). */
  minScore: number;
}

export const DEFAULT_MATCH_OPTIONS: MatchOptions = {
  dayTolerance: { day: 1, week: 7, month: 31, year: 366, unknown: 366 },
  distanceKm: { exact: 10, near: 10, district: 50, region: 150, country: 500, unknown: 500 },
  wDay: 0.35,
  wDistance: 0.35,
  wDeaths: 0.15,
  wType: 0.15,
  minScore: 0.3,
};

/** The matched pairs as parallel arrays (compact, and transferable from a worker). */
export interface MatchPairs {
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly score: Float32Array;
  readonly dayGap: Float32Array;
  readonly distanceKm: Float32Array;
}

export interface MatchResult {
  readonly pairs: MatchPairs;
  /** Indices in A with no pair, ascending. */
  readonly onlyA: Int32Array;
  /** Indices in B with no pair, ascending. */
  readonly onlyB: Int32Array;
  readonly summary: MatchSummary;
}

export interface MatchSummary {
  matched: number;
  onlyA: number;
  onlyB: number;
  /** Best-estimate deaths of A's side of the matched pairs. */
  deathsA: number;
  /** Best-estimate deaths of B's side of the matched pairs. */
  deathsB: number;
}

/** The columns the matcher reads: also what the worker transfers. */
export interface MatchColumns {
  readonly count: number;
  /** Days since 1970-01-01 of the first and last day. */
  readonly dayStart: Float64Array;
  readonly dayEnd: Float64Array;
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  /** Tolerances already resolved from the precisions. */
  readonly dayTol: Float32Array;
  readonly kmTol: Float32Array;
  /** Event type as a small integer (any consistent coding). */
  readonly type: Int32Array;
  readonly deaths: Float64Array;
}

const DAY_MS = 86_400_000;
const EARTH_KM = 6371.0088;
const KM_PER_DEG = (Math.PI * EARTH_KM) / 180;

function mergeOptions(options: Partial<MatchOptions> = {}): MatchOptions {
  return {
    ...DEFAULT_MATCH_OPTIONS,
    ...options,
    dayTolerance: { ...DEFAULT_MATCH_OPTIONS.dayTolerance, ...options.dayTolerance },
    distanceKm: { ...DEFAULT_MATCH_OPTIONS.distanceKm, ...options.distanceKm },
  };
}

/** Packs incidents into match columns; rows with bad coordinates or dates get NaN days (never matched). */
export function toMatchColumns(incidents: readonly Incident[], options: Partial<MatchOptions> = {}): MatchColumns {
  const c = matchColumnsOfTable(tableOfIncidents(incidents), options);
  // A table's days are whole numbers: an invalid date is marked here (a time index never holds one).
  incidents.forEach((e, i) => {
    const s = e.dateStart instanceof Date ? e.dateStart.getTime() : NaN;
    const en = e.dateEnd instanceof Date ? e.dateEnd.getTime() : NaN;
    if (!Number.isFinite(s)) c.dayStart[i] = c.dayEnd[i] = NaN;
    else if (!(Number.isFinite(en) && en >= s)) c.dayEnd[i] = c.dayStart[i];
  });
  return c;
}

/**
 * The same from a table's columns (no object per incident): what the page sends the match worker.
 * Event types are coded by their index in EVENT_TYPES, so both sides agree without a shared map.
 */
export function matchColumnsOfTable(t: Pick<IncidentTable, 'length' | 'start' | 'end' | 'lon' | 'lat' | 'best' | 'datePrecision' | 'locationPrecision' | 'eventType'>, options: Partial<MatchOptions> = {}): MatchColumns {
  const o = mergeOptions(options);
  const n = t.length;
  const c = {
    count: n,
    dayStart: new Float64Array(n), dayEnd: new Float64Array(n), lon: new Float64Array(n), lat: new Float64Array(n),
    dayTol: new Float32Array(n), kmTol: new Float32Array(n), type: new Int32Array(n), deaths: new Float64Array(n),
  };
  const dayTol = DATE_PRECISIONS.map((p) => o.dayTolerance[p] ?? o.dayTolerance.unknown);
  const kmTol = LOCATION_PRECISIONS.map((p) => o.distanceKm[p] ?? o.distanceKm.unknown);
  for (let i = 0; i < n; i++) {
    const s = t.start[i];
    const en = t.end[i];
    const lon = t.lon[i];
    const lat = t.lat[i];
    const ok = Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
    c.dayStart[i] = ok ? s : NaN;
    c.dayEnd[i] = ok ? (en >= s ? en : s) : NaN;
    c.lon[i] = lon;
    c.lat[i] = lat;
    c.dayTol[i] = dayTol[t.datePrecision[i]] ?? o.dayTolerance.unknown;
    c.kmTol[i] = kmTol[t.locationPrecision[i]] ?? o.distanceKm.unknown;
    c.type[i] = t.eventType[i];
    c.deaths[i] = Number.isFinite(t.best[i]) ? t.best[i] : 0;
  }
  return c;
}

function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Matches two incident lists; see {@link MatchOptions} for the rule. */
export function matchIncidents(a: readonly Incident[], b: readonly Incident[], options: Partial<MatchOptions> = {}): MatchResult {
  return matchColumns(toMatchColumns(a, options), toMatchColumns(b, options), options);
}

/**
 * The matcher on columns. B is indexed with one kdbush tree per distinct distance tolerance (so a
 * query's radius is the larger of the two tolerances, never the global maximum); each valid A row
 * queries every tree, then the day gap and exact distance are checked. Never all pairs.
 */
export function matchColumns(A: MatchColumns, B: MatchColumns, options: Partial<MatchOptions> = {}): MatchResult {
  const o = mergeOptions(options);
  const groups = new Map<number, number[]>();
  for (let j = 0; j < B.count; j++) {
    if (!Number.isFinite(B.dayStart[j])) continue;
    const g = groups.get(B.kmTol[j]);
    if (g) g.push(j);
    else groups.set(B.kmTol[j], [j]);
  }
  const trees: { tol: number; ids: number[]; tree: KDBush }[] = [];
  for (const [tol, ids] of groups) {
    const tree = new KDBush(ids.length, 64, Float64Array);
    for (const j of ids) tree.add(B.lon[j], B.lat[j]);
    trees.push({ tol, ids, tree: tree.finish() });
  }
  let ca: number[] = [], cb: number[] = [], cs: number[] = [], cg: number[] = [], cd: number[] = [];
  for (let i = 0; i < A.count; i++) {
    if (!Number.isFinite(A.dayStart[i])) continue;
    const lonA = A.lon[i], latA = A.lat[i];
    for (const { tol, ids, tree } of trees) {
      const km = Math.max(tol, A.kmTol[i]);
      // Degrees of longitude shrink with latitude: widen by the worst latitude within reach.
      const cosLat = Math.max(Math.cos((Math.min(89, Math.abs(latA) + km / KM_PER_DEG) * Math.PI) / 180), 1e-3);
      const found = tree.range(lonA - km / KM_PER_DEG / cosLat, latA - km / KM_PER_DEG, lonA + km / KM_PER_DEG / cosLat, latA + km / KM_PER_DEG);
      for (const k of found) {
        const j = ids[k];
        const gap = Math.max(0, B.dayStart[j] - A.dayEnd[i], A.dayStart[i] - B.dayEnd[j]);
        const dayTol = Math.max(A.dayTol[i], B.dayTol[j]);
        if (gap > dayTol) continue;
        const d = haversineKm(lonA, latA, B.lon[j], B.lat[j]);
        if (d > km) continue;
        const da = A.deaths[i], db = B.deaths[j];
        const score = o.wDay * (dayTol > 0 ? 1 - gap / dayTol : 1) + o.wDistance * (km > 0 ? 1 - d / km : 1) +
          o.wDeaths * (1 - Math.abs(da - db) / Math.max(da, db, 1)) + o.wType * (A.type[i] === B.type[j] ? 1 : 0);
        if (score < o.minScore) continue;
        ca.push(i); cb.push(j); cs.push(score); cg.push(gap); cd.push(d);
      }
    }
  }
  const order = Array.from(ca.keys()).sort((x, y) =>
    cs[y] - cs[x] || cg[x] - cg[y] || cd[x] - cd[y] || (ca[x] + cb[x]) - (ca[y] + cb[y]) ||
    Math.min(ca[x], cb[x]) - Math.min(ca[y], cb[y]) || ca[x] - ca[y]);
  const usedA = new Uint8Array(A.count), usedB = new Uint8Array(B.count);
  const taken: number[] = [];
  for (const k of order) {
    if (usedA[ca[k]] || usedB[cb[k]]) continue;
    usedA[ca[k]] = 1; usedB[cb[k]] = 1;
    taken.push(k);
  }
  taken.sort((x, y) => ca[x] - ca[y]);
  const m = taken.length;
  const pairs = { a: new Int32Array(m), b: new Int32Array(m), score: new Float32Array(m), dayGap: new Float32Array(m), distanceKm: new Float32Array(m) };
  let deathsA = 0, deathsB = 0;
  taken.forEach((k, p) => {
    pairs.a[p] = ca[k]; pairs.b[p] = cb[k]; pairs.score[p] = cs[k]; pairs.dayGap[p] = cg[k]; pairs.distanceKm[p] = cd[k];
    deathsA += A.deaths[ca[k]]; deathsB += B.deaths[cb[k]];
  });
  ca = cb = cs = cg = cd = [];
  const rest = (used: Uint8Array) => Int32Array.from(Array.from(used.keys()).filter((i) => !used[i]));
  const onlyA = rest(usedA), onlyB = rest(usedB);
  return { pairs, onlyA, onlyB, summary: { matched: m, onlyA: onlyA.length, onlyB: onlyB.length, deathsA, deathsB } };
}
