import type { IncidentFilter, Incident, EventType } from '../types';
import { APPROXIMATE_PRECISIONS, EVENT_TYPES } from '../types';
import { COUNTRY_SLOTS, countrySlot, filterMasks, passesSlots, typeSlot, UNKNOWN_TYPE } from './incidentClass';
import { dayNumber, type TimeIndex } from './timeIndex';
import { LOCATION_PRECISIONS, type IncidentTable } from './incidentTable';

/** Location precision codes at which a point is a centroid. */
const APPROXIMATE_CODES = new Set(LOCATION_PRECISIONS.flatMap((p, k) => (APPROXIMATE_PRECISIONS.has(p) ? [k] : [])));

/** What the index needs to know of an area: no geometry, so an assignment made in a worker fits too. */
export interface AreaMeta {
  /** `NE-5` (ISO 3166-2) for a region, `tahoua`, `border` … for a focus area. */
  id: string;
  kind: 'region' | 'focus';
  name: string;
  nameFr: string;
}

/**
 * Where each incident of `index.incidents` lies, in that order: `region[i]` indexes `regions`
 * (-1 outside every region), bit k of `focus[i]` is `focusAreas[k]`. `assignAreas`'s result fits.
 */
export interface AreaAssignmentColumns {
  readonly regions: readonly AreaMeta[];
  readonly focusAreas: readonly AreaMeta[];
  readonly region: Int16Array;
  readonly focus: Uint8Array;
}

/** The pseudo-area of the incidents outside every admin-1 region (across a border, in a lake, a swapped coordinate). */
export const OUTSIDE_AREA_ID = 'outside';

/** Incidents and summed best-estimate deaths of one event type. */
export interface TypeTotals {
  incidents: number;
  deaths: number;
}

/** An area's figures in a window through the filters. */
export interface AreaTotals {
  incidents: number;
  /** Summed best estimates. */
  deaths: number;
  /** Summed low estimates (an incident without one adds its best estimate). */
  deathsLow: number;
  /** Summed high estimates (an incident without one adds its best estimate). */
  deathsHigh: number;
  byType: Record<EventType, TypeTotals>;
  /** Incidents placed only at a district, region or country centroid (UCDP where_prec ≥ 3, ACLED geo_precision 3), or at an unknown precision. */
  centroidOnly: number;
}

/** A span of whole UTC days, both ends inclusive (the derived view's `DayWindow` fits). */
export interface AreaWindow {
  from: Date;
  to: Date;
}

/** What a region is shaded by, and what a series counts. `events` is the histogram's name for incidents. */
export type AreaMetric = 'incidents' | 'deaths' | 'events';

export interface AreaIndex {
  /** The time index the positions refer to. */
  readonly index: TimeIndex;
  /** The regions' ids (ISO 3166-2), in the assignment's order: the order of {@link regionValues}. */
  readonly regionIds: readonly string[];
  /** The focus areas' ids, in the assignment's order. */
  readonly focusIds: readonly string[];
  /** Regions then focus areas. */
  readonly areas: readonly AreaMeta[];
  /** An area by id, any case (`ne-5` finds `NE-5`); undefined when unknown. */
  area(id: string): AreaMeta | undefined;
  /** An area's figures (or {@link OUTSIDE_AREA_ID}'s) in a window through the filters: two bisections per (type × country) bucket, never a scan. Zero for an unknown id. */
  totals(areaId: string, window: AreaWindow, filter: IncidentFilter): AreaTotals;
  /** The area's positions in `index.incidents`, ascending (so by day); computed once per area, then cached. */
  positions(areaId: string): Uint32Array;
  /** The part of {@link positions} whose day lies in the window (a subarray: two bisections). */
  positionsIn(areaId: string, window: AreaWindow): Uint32Array;
  /** Per region, in {@link regionIds} order: its incidents or best-estimate deaths in the window through the filters. */
  regionValues(window: AreaWindow, filter: IncidentFilter, metric: AreaMetric): Float64Array;
  /** Visits every incident of an area that passes the filters (not in day order): its day number and best-estimate deaths. */
  eachEntry(areaId: string, filter: IncidentFilter, visit: (day: number, deaths: number) => void): void;
}

type Sums = Int32Array | Float64Array;

/** One (type × country) bucket of one area: positions ascending, running sums (length + 1). */
interface Bucket {
  key: number;
  pos: Uint32Array;
  best: Sums;
  low: Sums;
  high: Sums;
  centroid: Int32Array;
}

const KEYS = EVENT_TYPES.length * COUNTRY_SLOTS;

/** What the area index reads of each incident: a table's columns. */
export type AreaSource = Pick<IncidentTable, 'length' | 'best' | 'low' | 'high' | 'locationPrecision' | 'typeSlot' | 'countrySlot'>;

const bestOf = (t: AreaSource, i: number): number => (Number.isFinite(t.best[i]) ? t.best[i] : 0);

/** Low as sums use it: a missing estimate is the best one, and the lower of the pair (the sources' is not always ordered). */
function lowOf(t: AreaSource, i: number, best: number): number {
  const low = Number.isFinite(t.low[i]) ? t.low[i] : best;
  const high = Number.isFinite(t.high[i]) ? t.high[i] : best;
  return Math.min(low, high);
}

function highOf(t: AreaSource, i: number, best: number): number {
  const low = Number.isFinite(t.low[i]) ? t.low[i] : best;
  const high = Number.isFinite(t.high[i]) ? t.high[i] : best;
  return Math.max(low, high);
}

export function emptyAreaTotals(): AreaTotals {
  const byType = {} as Record<EventType, TypeTotals>;
  for (const t of EVENT_TYPES) byType[t] = { incidents: 0, deaths: 0 };
  return { incidents: 0, deaths: 0, deathsLow: 0, deathsHigh: 0, byType, centroidOnly: 0 };
}

/**
 * An area index as plain typed arrays and small metadata, so the import worker can build it and
 * transfer the buffers ({@link areaIndexPartsTransfer}); {@link areaIndexFromParts} wraps it
 * without a pass over the incidents. Positions refer to the incidents it was built over.
 */
export interface AreaIndexParts {
  /** The regions, in the assignment's order. */
  regions: AreaMeta[];
  /** The focus areas kept (at most 8), in the assignment's order. */
  focusAreas: AreaMeta[];
  /** How many incidents the parts were built over (the time index's length). */
  count: number;
  /** Entries per (slot × type-country key): slots are regions, focus areas, then outside. */
  sizes: Int32Array;
  /** Every bucket's positions, bucket after bucket in (slot, key) order. */
  pos: Uint32Array;
  /** Every bucket's running sums (length + 1 each), in the same order. */
  best: Sums;
  low: Sums;
  high: Sums;
  centroid: Int32Array;
  /** Per region, where its run starts in {@link regionDays} (length regions + 1). */
  regionStart: Int32Array;
  /** Per region, the days of its counted incidents, ascending. */
  regionDays: Int32Array;
  /** Per region, running best-estimate sums over its run (length + 1 each, region r at regionStart[r] + r). */
  regionBest: Sums;
}

/**
 * Per area (each region, each focus area and the outside bucket), per (event type × country)
 * bucket: the positions of its incidents and running sums of deaths (best, low, high) and of
 * centroid-only placements. A window's totals are then two bisections per bucket, as in the
 * time index. Days are read through `index.days[position]`, so an entry costs its position (4
 * bytes) and four running sums (4 bytes each when every figure is a whole number below 2³¹,
 * else 8): about 20 bytes per (incident, area) pair, and an incident lies in one region and a
 * few focus areas; plus, per region, a run of days and best-estimate sums over all its incidents
 * (8 bytes per incident) for the choropleth under the usual filter.
 */
export function createAreaIndex(index: TimeIndex, assignment: AreaAssignmentColumns): AreaIndex {
  return areaIndexFromParts(index, buildAreaIndexParts(index, assignment));
}

/** The buffers to transfer with the parts. */
export function areaIndexPartsTransfer(p: AreaIndexParts): ArrayBuffer[] {
  return [p.sizes, p.pos, p.best, p.low, p.high, p.centroid, p.regionStart, p.regionDays, p.regionBest].map((a) => a.buffer as ArrayBuffer);
}

/**
 * The work of {@link createAreaIndex} that grows with the data, over incidents in time order and
 * their days (a time index, or sortForTimeIndex's incidents and `parts.days` in the import worker).
 */
export function buildAreaIndexParts(index: { readonly incidents: AreaSource; readonly days: Int32Array }, assignment: AreaAssignmentColumns): AreaIndexParts {
  const { incidents, days } = index;
  const n = incidents.length;
  const regionCount = assignment.regions.length;
  const focusCount = Math.min(8, assignment.focusAreas.length);
  const meta = ({ id, kind, name, nameFr }: AreaMeta): AreaMeta => ({ id, kind, name, nameFr });
  const regions = assignment.regions.map(meta);
  const focusAreas = assignment.focusAreas.slice(0, focusCount).map(meta);
  const outsideSlot = regionCount + focusCount;
  const slotCount = outsideSlot + 1;

  // No allocation per incident: at a million incidents, garbage collection is the cost.
  const keyOf = new Int8Array(n);
  const sizes = new Int32Array(slotCount * KEYS);
  let integral = true;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const type = incidents.typeSlot(i);
    const key = type === UNKNOWN_TYPE ? -1 : type * COUNTRY_SLOTS + incidents.countrySlot(i);
    keyOf[i] = key;
    if (key < 0) continue;
    const r = assignment.region[i];
    sizes[(r >= 0 ? r : outsideSlot) * KEYS + key]++;
    const bits = assignment.focus[i];
    for (let k = 0; k < focusCount; k++) if ((bits >> k) & 1) sizes[(regionCount + k) * KEYS + key]++;
    const best = bestOf(incidents, i);
    const low = lowOf(incidents, i, best);
    const high = highOf(incidents, i, best);
    if (!Number.isInteger(low) || !Number.isInteger(high) || !Number.isInteger(best) || low < 0) integral = false;
    sum += Math.max(Math.abs(low), Math.abs(high), Math.abs(best));
  }
  // Whole figures whose grand total fits in 31 bits are summed exactly in Int32Arrays, at half the memory.
  const makeSums = integral && sum < 2 ** 31 - 1 ? (m: number): Sums => new Int32Array(m) : (m: number): Sums => new Float64Array(m);

  // Five buffers for the whole index, each bucket a view into them: thousands of separate typed
  // arrays would each count as new external memory, and V8 answers that with full collections of
  // a heap that holds a million incidents.
  let entries = 0;
  let bucketCount = 0;
  for (let c = 0; c < sizes.length; c++) {
    entries += sizes[c];
    if (sizes[c] > 0) bucketCount++;
  }
  const pos = new Uint32Array(entries);
  const bestSums = makeSums(entries + bucketCount);
  const lowSums = makeSums(entries + bucketCount);
  const highSums = makeSums(entries + bucketCount);
  const centroidSums = new Int32Array(entries + bucketCount);
  // Where each (slot × key) bucket starts in `pos` and in the running sums.
  const posAt = new Int32Array(slotCount * KEYS);
  const runAtOf = new Int32Array(slotCount * KEYS);
  let at = 0;
  let runAt = 0;
  for (let c = 0; c < sizes.length; c++) {
    if (sizes[c] === 0) continue;
    posAt[c] = at;
    runAtOf[c] = runAt;
    at += sizes[c];
    runAt += sizes[c] + 1;
  }
  // Per region, every counted incident in one run of days and best-estimate sums: the choropleth
  // under the usual filter (everything shown) is then one bisection pair per region on contiguous
  // days, not one per (type × country) bucket through the positions. 8 bytes per incident.
  const regionStart = new Int32Array(regionCount + 1);
  for (let r = 0; r < regionCount; r++) {
    let m = 0;
    for (let key = 0; key < KEYS; key++) m += sizes[r * KEYS + key];
    regionStart[r + 1] = regionStart[r] + m;
  }
  const regionDays = new Int32Array(regionStart[regionCount]);
  const regionBest = makeSums(regionStart[regionCount] + regionCount);
  const regionFilled = new Int32Array(regionCount);
  const filled = new Int32Array(slotCount * KEYS);
  const add = (slot: number, key: number, i: number, best: number, low: number, high: number, centroid: number) => {
    const c = slot * KEYS + key;
    const j = filled[c]++;
    pos[posAt[c] + j] = i;
    const r = runAtOf[c] + j;
    bestSums[r + 1] = bestSums[r] + best;
    lowSums[r + 1] = lowSums[r] + low;
    highSums[r + 1] = highSums[r] + high;
    centroidSums[r + 1] = centroidSums[r] + centroid;
  };
  for (let i = 0; i < n; i++) {
    const key = keyOf[i];
    if (key < 0) continue;
    const best = bestOf(incidents, i);
    const low = lowOf(incidents, i, best);
    const high = highOf(incidents, i, best);
    const centroid = APPROXIMATE_CODES.has(incidents.locationPrecision[i]) ? 1 : 0;
    const r = assignment.region[i];
    add(r >= 0 ? r : outsideSlot, key, i, best, low, high, centroid);
    if (r >= 0) {
      const j = regionFilled[r]++;
      regionDays[regionStart[r] + j] = days[i];
      regionBest[regionStart[r] + r + j + 1] = regionBest[regionStart[r] + r + j] + best;
    }
    const bits = assignment.focus[i];
    for (let k = 0; k < focusCount; k++) if ((bits >> k) & 1) add(regionCount + k, key, i, best, low, high, centroid);
  }
  return { regions, focusAreas, count: n, sizes, pos, best: bestSums, low: lowSums, high: highSums, centroid: centroidSums, regionStart, regionDays, regionBest };
}

/**
 * Wraps parts built over `index.incidents` (by {@link buildAreaIndexParts}, here or in the import
 * worker) as the index: views into the parts' buffers, one per bucket; no pass over the incidents.
 */
export function areaIndexFromParts(index: TimeIndex, parts: AreaIndexParts): AreaIndex {
  const { days } = index;
  if (parts.count !== index.incidents.length) throw new Error(`area index parts over ${parts.count} incidents, time index of ${index.incidents.length}`);
  const { sizes, regionStart, regionDays: regionDaysAll, regionBest: regionBestAll } = parts;
  const regionCount = parts.regions.length;
  const areas: AreaMeta[] = [...parts.regions, ...parts.focusAreas];
  const outsideSlot = areas.length;
  const slotCount = areas.length + 1;
  if (sizes.length !== slotCount * KEYS) throw new Error('area index parts: sizes do not match the areas');
  const slotOf = new Map<string, number>(areas.map((a, i) => [a.id.toLowerCase(), i]));
  slotOf.set(OUTSIDE_AREA_ID, outsideSlot);

  const buckets: Bucket[][] = Array.from({ length: slotCount }, () => []);
  let at = 0;
  let runAt = 0;
  for (let s = 0; s < slotCount; s++) {
    for (let key = 0; key < KEYS; key++) {
      const m = sizes[s * KEYS + key];
      if (m === 0) continue;
      buckets[s].push({
        key,
        pos: parts.pos.subarray(at, at + m),
        best: parts.best.subarray(runAt, runAt + m + 1),
        low: parts.low.subarray(runAt, runAt + m + 1),
        high: parts.high.subarray(runAt, runAt + m + 1),
        centroid: parts.centroid.subarray(runAt, runAt + m + 1),
      });
      at += m;
      runAt += m + 1;
    }
  }

  /** First j in the bucket whose day is ≥ day. */
  const lowerBound = (pos: Uint32Array, day: number): number => {
    let lo = 0;
    let hi = pos.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (days[pos[mid]] < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const windowDays = (window: AreaWindow): [number, number] | null => {
    const a = dayNumber(window.from);
    const b = dayNumber(window.to);
    return Number.isFinite(a) && Number.isFinite(b) && a <= b ? [a, b] : null;
  };
  const slotFor = (id: string): number | undefined => slotOf.get(id.toLowerCase());

  const totals = (areaId: string, window: AreaWindow, filter: IncidentFilter): AreaTotals => {
    const out = emptyAreaTotals();
    const slot = slotFor(areaId);
    const span = windowDays(window);
    if (slot === undefined || !span) return out;
    const masks = filterMasks(filter);
    for (const bucket of buckets[slot]) {
      const type = Math.floor(bucket.key / COUNTRY_SLOTS);
      if (!passesSlots(type, bucket.key % COUNTRY_SLOTS, masks)) continue;
      const lo = lowerBound(bucket.pos, span[0]);
      const hi = lowerBound(bucket.pos, span[1] + 1);
      if (hi <= lo) continue;
      const deaths = bucket.best[hi] - bucket.best[lo];
      out.incidents += hi - lo;
      out.deaths += deaths;
      out.deathsLow += bucket.low[hi] - bucket.low[lo];
      out.deathsHigh += bucket.high[hi] - bucket.high[lo];
      out.centroidOnly += bucket.centroid[hi] - bucket.centroid[lo];
      const byType = out.byType[EVENT_TYPES[type]];
      byType.incidents += hi - lo;
      byType.deaths += deaths;
    }
    return out;
  };

  const sorted = new Map<number, Uint32Array>();
  const positions = (areaId: string): Uint32Array => {
    const slot = slotFor(areaId);
    if (slot === undefined) return new Uint32Array(0);
    let list = sorted.get(slot);
    if (!list) {
      let m = 0;
      for (const b of buckets[slot]) m += b.pos.length;
      list = new Uint32Array(m);
      let at = 0;
      for (const b of buckets[slot]) {
        list.set(b.pos, at);
        at += b.pos.length;
      }
      list.sort();
      sorted.set(slot, list);
    }
    return list;
  };

  const positionsIn = (areaId: string, window: AreaWindow): Uint32Array => {
    const list = positions(areaId);
    const span = windowDays(window);
    if (!span) return list.subarray(0, 0);
    return list.subarray(lowerBound(list, span[0]), lowerBound(list, span[1] + 1));
  };

  /** Does the filter let every counted incident through (all six types, all three countries)? */
  const passesAll = (masks: { types: number; countries: number }) => (masks.types & 0b111111) === 0b111111 && (masks.countries & 0b1111) === 0b1111;
  /** First j in the region's run whose day is ≥ day. */
  const lowerRegion = (r: number, day: number): number => {
    let lo = regionStart[r];
    let hi = regionStart[r + 1];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (regionDaysAll[mid] < day) lo = mid + 1;
      else hi = mid;
    }
    return lo - regionStart[r];
  };

  const regionValues = (window: AreaWindow, filter: IncidentFilter, metric: AreaMetric): Float64Array => {
    const values = new Float64Array(regionCount);
    const span = windowDays(window);
    if (!span) return values;
    const masks = filterMasks(filter);
    const deaths = metric === 'deaths';
    if (passesAll(masks)) {
      for (let r = 0; r < regionCount; r++) {
        const lo = lowerRegion(r, span[0]);
        const hi = lowerRegion(r, span[1] + 1);
        const base = regionStart[r] + r;
        values[r] = deaths ? regionBestAll[base + hi] - regionBestAll[base + lo] : hi - lo;
      }
      return values;
    }
    for (let r = 0; r < regionCount; r++) {
      let v = 0;
      for (const bucket of buckets[r]) {
        if (!passesSlots(Math.floor(bucket.key / COUNTRY_SLOTS), bucket.key % COUNTRY_SLOTS, masks)) continue;
        const lo = lowerBound(bucket.pos, span[0]);
        const hi = lowerBound(bucket.pos, span[1] + 1);
        v += deaths ? bucket.best[hi] - bucket.best[lo] : hi - lo;
      }
      values[r] = v;
    }
    return values;
  };

  const eachEntry = (areaId: string, filter: IncidentFilter, visit: (day: number, deaths: number) => void): void => {
    const slot = slotFor(areaId);
    if (slot === undefined) return;
    const masks = filterMasks(filter);
    if (slot < regionCount && passesAll(masks)) {
      // The region's own run: days in order, read contiguously.
      const base = regionStart[slot] + slot;
      for (let j = 0; j < regionStart[slot + 1] - regionStart[slot]; j++) visit(regionDaysAll[regionStart[slot] + j], regionBestAll[base + j + 1] - regionBestAll[base + j]);
      return;
    }
    for (const bucket of buckets[slot]) {
      if (!passesSlots(Math.floor(bucket.key / COUNTRY_SLOTS), bucket.key % COUNTRY_SLOTS, masks)) continue;
      const { pos, best } = bucket;
      for (let j = 0; j < pos.length; j++) visit(days[pos[j]], best[j + 1] - best[j]);
    }
  };

  return {
    index,
    regionIds: areas.slice(0, regionCount).map((a) => a.id),
    focusIds: areas.slice(regionCount).map((a) => a.id),
    areas,
    area: (id) => {
      const slot = slotFor(id);
      return slot === undefined || slot === outsideSlot ? undefined : areas[slot];
    },
    totals,
    positions,
    positionsIn,
    regionValues,
    eachEntry,
  };
}
