import { bin, bisectLeft } from 'd3-array';
import { utcDay, utcMonday } from 'd3-time';
import { dateOfDay, dayNumber, type TimeIndex } from '../data/timeIndex';
import type { IncidentFilter } from '../types';
import { filterMasks } from '../data/incidentClass';

/**
 * Bins drawn at most, whatever the data's extent: more bars than the track has pixels cannot be
 * seen, and one event dated 9999 would otherwise make 416,000 weekly bars. Callers that know the
 * track's width pass it as `maxBins`.
 */
export const MAX_BINS = 4096;

/** One bin of the histogram: [x0, x1) is Monday 00:00 UTC to the next Monday, or to a later Monday when weeks are grouped. */
export interface WeekBin {
  x0: Date;
  x1: Date;
  /** Incidents that began this week and pass the filter. */
  incidents: number;
  /** Their summed best death estimates. */
  deaths: number;
}

/** What binning needs from the time index (a narrower type keeps tests free to build their own). */
export type BinnableIndex = Pick<TimeIndex, 'incidents' | 'days' | 'passesAt'> & Partial<Pick<TimeIndex, 'binSums'>>;

/**
 * Weekly counts of the incidents passing `filter`, one bin per Monday-to-Sunday week of `domain`
 * (widened to whole weeks; the end is exclusive, as `paddedDomain` in timeScale.ts gives it).
 *
 * Weeks start on Monday (utcMonday, ISO 8601), not on d3's default Sunday (utcWeek): the Sahel
 * datasets and the press date weeks from Monday, and "Week of 15 Mar 2021" reads as that Monday.
 * Binning runs d3-array's `bin` on whole day numbers with the Mondays as thresholds, so equality at
 * a boundary is exact integer comparison, not Date coercion. Deaths follow the time index's rule:
 * a non-finite best estimate adds nothing. Incidents outside the domain are not counted. When the
 * domain holds more than `maxBins` weeks, each bin groups the same whole number of weeks.
 */
export function weeklyBins(index: BinnableIndex, filter: IncidentFilter, domain: readonly [Date, Date], maxBins = MAX_BINS): WeekBin[] {
  const start = utcMonday.floor(domain[0]);
  let end = utcMonday.ceil(domain[1]);
  if (!(end > start)) end = utcDay.offset(start, 7);
  const startDay = dayNumber(start);
  let endDay = dayNumber(end);
  if (!Number.isFinite(startDay) || !Number.isFinite(endDay)) return [];
  // Whole weeks per bin, so that at most maxBins bins cover the domain (the end widened to a whole bin).
  const weeks = Math.round((endDay - startDay) / 7);
  const step = Math.max(1, Math.ceil(weeks / Math.max(1, Math.floor(maxBins))));
  const count = Math.ceil(weeks / step);
  endDay = startDay + count * step * 7;

  const thresholds: number[] = [];
  for (let k = 1; k < count; k++) thresholds.push(startDay + k * step * 7);
  if (index.binSums) {
    // The time index's running sums per bucket: no pass over a million incidents when a file is added or a filter changes.
    const edges = [startDay, ...thresholds, endDay];
    const sums = index.binSums(edges, filter);
    return Array.from({ length: edges.length - 1 }, (_, k) => ({ x0: dateOfDay(edges[k]), x1: dateOfDay(edges[k + 1]), incidents: sums.incidents[k], deaths: sums.deaths[k] }));
  }
  const { days, incidents } = index;
  const masks = filterMasks(filter);
  const positions: number[] = [];
  for (let i = bisectLeft(days, startDay); i < days.length && days[i] < endDay; i++) {
    if (index.passesAt(i, masks)) positions.push(i);
  }
  const binned = bin<number, number>()
    .value((i) => days[i])
    .domain([startDay, endDay])
    .thresholds(thresholds)(positions);

  return binned.map((b) => {
    let deaths = 0;
    for (const i of b) {
      const d = incidents.best[i];
      if (Number.isFinite(d)) deaths += d;
    }
    return { x0: dateOfDay(b.x0!), x1: dateOfDay(b.x1!), incidents: b.length, deaths };
  });
}
