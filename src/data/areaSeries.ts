import { utcDay, utcMonday } from 'd3-time';
import type { IncidentFilter } from '../types';
import type { AreaIndex, AreaMetric } from './areaIndex';
import { filterMasks } from './incidentClass';
import { dayNumber, type TimeIndex } from './timeIndex';

/** An area's weekly figures: `values[k]` counts the week starting on `weeks[k]` (Monday, UTC). */
export interface WeeklySeries {
  weeks: readonly Date[];
  values: Float64Array;
}

/**
 * The area's incidents or best-estimate deaths per week across the whole dataset (the index's
 * extent), through the filters. Weeks start on Monday (utcMonday), as the timeline's bins do.
 * O(the area's incidents).
 */
export function weeklySeries(areaIndex: AreaIndex, areaId: string, filter: IncidentFilter, metric: AreaMetric): WeeklySeries {
  const extent = areaIndex.index.extent;
  if (!extent) return { weeks: [], values: new Float64Array(0) };
  const start = utcMonday.floor(extent[0]);
  const weeks = utcMonday.range(start, utcDay.offset(extent[1], 1));
  const values = new Float64Array(weeks.length);
  const firstDay = dayNumber(start);
  const deaths = metric === 'deaths';
  areaIndex.eachEntry(areaId, filter, (day, d) => {
    values[Math.floor((day - firstDay) / 7)] += deaths ? d : 1;
  });
  return { weeks, values };
}

/**
 * The k deadliest incidents among `positions` (positions in `index.incidents`, e.g. an area's
 * window from `AreaIndex.positionsIn`) that pass the filters: their positions, most deaths first,
 * the earlier one first on a tie. O(positions × k).
 */
export function deadliest(index: TimeIndex, positions: ArrayLike<number>, filter: IncidentFilter, k = 5): number[] {
  const top: number[] = [];
  const best = index.incidents.best;
  const masks = filterMasks(filter);
  const deathsAt = (p: number) => (Number.isFinite(best[p]) ? best[p] : 0);
  for (let j = 0; j < positions.length; j++) {
    const p = positions[j];
    if (!index.passesAt(p, masks)) continue;
    const d = deathsAt(p);
    if (top.length === k && d <= deathsAt(top[k - 1])) continue;
    let at = top.length;
    while (at > 0 && (deathsAt(top[at - 1]) < d || (deathsAt(top[at - 1]) === d && top[at - 1] > p))) at--;
    top.splice(at, 0, p);
    if (top.length > k) top.pop();
  }
  return top;
}

/** Per region, the running sum of its daily figures over the data's extent: `prefix[r·(span+1) + d]` sums days [0, d). */
interface RegionPrefix {
  span: number;
  prefix: Float64Array;
}

const prefixCache = new WeakMap<AreaIndex, Map<string, RegionPrefix | null>>();
const maxCache = new WeakMap<AreaIndex, Map<string, number>>();

function cached<V>(caches: WeakMap<AreaIndex, Map<string, V>>, areaIndex: AreaIndex, key: string, limit: number, make: () => V): V {
  let cache = caches.get(areaIndex);
  if (!cache) caches.set(areaIndex, (cache = new Map()));
  if (cache.has(key)) return cache.get(key)!;
  const value = make();
  if (cache.size >= limit) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
  return value;
}

/** The regions' running daily sums, or null when the extent is far wider than the data (a stray far date). */
function regionPrefix(areaIndex: AreaIndex, filter: IncidentFilter, deaths: boolean): RegionPrefix | null {
  const extent = areaIndex.index.extent!;
  const first = dayNumber(extent[0]);
  const span = dayNumber(extent[1]) - first + 1;
  if (span > 4 * areaIndex.index.incidents.length + 100_000) return null;
  const stride = span + 1;
  const prefix = new Float64Array(areaIndex.regionIds.length * stride);
  areaIndex.regionIds.forEach((id, r) => {
    areaIndex.eachEntry(id, filter, (day, d) => {
      prefix[r * stride + day - first + 1] += deaths ? d : 1;
    });
    for (let d = 1; d < stride; d++) prefix[r * stride + d] += prefix[r * stride + d - 1];
  });
  return { span, prefix };
}

/**
 * The largest value any region reaches in any window of `lengthDays` days across the data: the
 * choropleth's stable domain while the slider moves. The regions' running daily sums are made
 * once per filters and metric (O(incidents + regions × days)); each window length then costs
 * O(regions × days) and is cached, so a slider step costs nothing and dragging a handle (a new
 * length each step) about a millisecond.
 */
export function regionWindowMax(areaIndex: AreaIndex, lengthDays: number, filter: IncidentFilter, metric: AreaMetric): number {
  const extent = areaIndex.index.extent;
  if (!extent || !(lengthDays >= 1)) return 0;
  const masks = filterMasks(filter);
  const deaths = metric === 'deaths';
  const filterKey = `${masks.types}|${masks.countries}|${deaths ? 'd' : 'i'}`;
  return cached(maxCache, areaIndex, `${Math.round(lengthDays)}|${filterKey}`, 64, () => {
    const running = cached(prefixCache, areaIndex, filterKey, 4, () => regionPrefix(areaIndex, filter, deaths));
    if (running) {
      const { span, prefix } = running;
      const stride = span + 1;
      const length = Math.min(Math.round(lengthDays), span);
      let max = 0;
      for (let r = 0; r < areaIndex.regionIds.length; r++) {
        const base = r * stride;
        for (let d = 0; d + length <= span; d++) {
          const v = prefix[base + d + length] - prefix[base + d];
          if (v > max) max = v;
        }
      }
      return max;
    }
    return windowMaxByEntries(areaIndex, Math.round(lengthDays), filter, deaths);
  });
}

/** The same maximum, windows starting on each incident's day: for an extent too wide for daily sums. */
function windowMaxByEntries(areaIndex: AreaIndex, length: number, filter: IncidentFilter, deaths: boolean): number {
  let max = 0;
  for (const id of areaIndex.regionIds) {
    const entries: [number, number][] = [];
    areaIndex.eachEntry(id, filter, (day, d) => entries.push([day, deaths ? d : 1]));
    entries.sort((a, b) => a[0] - b[0]);
    let sum = 0;
    for (let lo = 0, hi = 0; lo < entries.length; lo++) {
      while (hi < entries.length && entries[hi][0] < entries[lo][0] + length) sum += entries[hi++][1];
      if (sum > max) max = sum;
      sum -= entries[lo][1];
    }
  }
  return max;
}
