import { bin, bisectLeft } from 'd3-array';
import { utcDay, utcMonday } from 'd3-time';
import { dateOfDay, dayNumber, type TimeIndex } from '../data/timeIndex';
import type { IncidentFilter } from '../types';

/** One week of the histogram: [x0, x1) is Monday 00:00 UTC to the next Monday. */
export interface WeekBin {
  x0: Date;
  x1: Date;
  /** Incidents that began this week and pass the filter. */
  incidents: number;
  /** Their summed best death estimates. */
  deaths: number;
}

/** What binning needs from the time index (a narrower type keeps tests free to build their own). */
export type BinnableIndex = Pick<TimeIndex, 'incidents' | 'days' | 'passes'>;

/**
 * Weekly counts of the incidents passing `filter`, one bin per Monday-to-Sunday week of `domain`
 * (widened to whole weeks; the end is exclusive, as `paddedDomain` in timeScale.ts gives it).
 *
 * Weeks start on Monday (utcMonday, ISO 8601), not on d3's default Sunday (utcWeek): the Sahel
 * datasets and the press date weeks from Monday, and "Week of 15 Mar 2021" reads as that Monday.
 * Binning runs d3-array's `bin` on whole day numbers with the Mondays as thresholds, so equality at
 * a boundary is exact integer comparison, not Date coercion. Deaths follow the time index's rule:
 * a non-finite best estimate adds nothing. Incidents outside the domain are not counted.
 */
export function weeklyBins(index: BinnableIndex, filter: IncidentFilter, domain: readonly [Date, Date]): WeekBin[] {
  const start = utcMonday.floor(domain[0]);
  let end = utcMonday.ceil(domain[1]);
  if (!(end > start)) end = utcDay.offset(start, 7);
  const startDay = dayNumber(start);
  const endDay = dayNumber(end);
  if (!Number.isFinite(startDay) || !Number.isFinite(endDay)) return [];

  const { days, incidents } = index;
  const positions: number[] = [];
  for (let i = bisectLeft(days, startDay); i < days.length && days[i] < endDay; i++) {
    if (index.passes(incidents[i], filter)) positions.push(i);
  }
  const thresholds = utcMonday.range(utcDay.offset(start, 1), end).map(dayNumber);
  const binned = bin<number, number>()
    .value((i) => days[i])
    .domain([startDay, endDay])
    .thresholds(thresholds)(positions);

  return binned.map((b) => {
    let deaths = 0;
    for (const i of b) {
      const d = incidents[i].deathsBest;
      if (Number.isFinite(d)) deaths += d;
    }
    return { x0: dateOfDay(b.x0!), x1: dateOfDay(b.x1!), incidents: b.length, deaths };
  });
}
