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
  const deathsAt = (p: number) => (Number.isFinite(index.incidents[p].deathsBest) ? index.incidents[p].deathsBest : 0);
  for (let j = 0; j < positions.length; j++) {
    const p = positions[j];
    if (!index.passes(index.incidents[p], filter)) continue;
    const d = deathsAt(p);
    if (top.length === k && d <= deathsAt(top[k - 1])) continue;
    let at = top.length;
    while (at > 0 && (deathsAt(top[at - 1]) < d || (deathsAt(top[at - 1]) === d && top[at - 1] > p))) at--;
    top.splice(at, 0, p);
    if (top.length > k) top.pop();
  }
  return top;
}

const domainCache = new WeakMap<AreaIndex, Map<string, number>>();

/**
 * The largest value any region reaches in any window of `lengthDays` days across the data: the
 * choropleth's stable domain while the slider moves. Per region, the daily figures go into one
 * array over the data's extent and a running window finds the maximum: O(incidents + regions ×
 * days). Cached per (length, filters, metric), so it runs when one of them changes, not per step.
 */
export function regionWindowMax(areaIndex: AreaIndex, lengthDays: number, filter: IncidentFilter, metric: AreaMetric): number {
  const extent = areaIndex.index.extent;
  if (!extent || !(lengthDays >= 1)) return 0;
  const masks = filterMasks(filter);
  const deaths = metric === 'deaths';
  const key = `${Math.round(lengthDays)}|${masks.types}|${masks.countries}|${deaths ? 'd' : 'i'}`;
  let cache = domainCache.get(areaIndex);
  if (!cache) domainCache.set(areaIndex, (cache = new Map()));
  const hit = cache.get(key);
  if (hit !== undefined) return hit;

  const first = dayNumber(extent[0]);
  const span = dayNumber(extent[1]) - first + 1;
  const length = Math.min(Math.round(lengthDays), span);
  let max = 0;
  if (span <= 4 * areaIndex.index.incidents.length + 100_000) {
    const daily = new Float64Array(span);
    for (const id of areaIndex.regionIds) {
      daily.fill(0);
      areaIndex.eachEntry(id, filter, (day, d) => {
        daily[day - first] += deaths ? d : 1;
      });
      let sum = 0;
      for (let d = 0; d < span; d++) {
        sum += daily[d];
        if (d >= length) sum -= daily[d - length];
        if (sum > max) max = sum;
      }
    }
  } else {
    // A stray far date would make the daily array huge: windows starting on each incident's day instead.
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
  }
  if (cache.size > 32) cache.clear();
  cache.set(key, max);
  return max;
}
