import { scaleUtc, type ScaleTime } from 'd3-scale';
import { utcDay, utcMonday, utcMonth, utcYear, type TimeInterval } from 'd3-time';

/** A window of whole UTC days, both ends inclusive (as AppState's `from` and `to`). */
export interface TimeWindow {
  from: Date;
  to: Date;
}

const DAY_MS = 86_400_000;

/**
 * The track's domain: the data's first and last day widened to whole Monday-to-Sunday weeks, so
 * the first and last weekly bars are as wide as the others. The end is exclusive: the Monday after
 * the week of the last day (a day occupies [day, day + 1) on the track).
 */
export function paddedDomain(extent: readonly [Date, Date]): [Date, Date] {
  const start = utcMonday.floor(extent[0]);
  const end = utcMonday.ceil(utcDay.offset(utcDay.floor(extent[1]), 1));
  return [start, end > start ? end : utcDay.offset(start, 7)];
}

/** Time → pixels on a track `width` wide. Clamped, so a window outside the data stops at the track's edge. */
export function createTimeScale(domain: readonly [Date, Date], width: number): ScaleTime<number, number> {
  return scaleUtc()
    .domain([domain[0], domain[1]])
    .range([0, Math.max(1, width)])
    .clamp(true);
}

/**
 * Candidate tick intervals, finest first, with their length in days. Weeks start on Monday like
 * the bins (d3's default week ticks fall on Sunday, a day off the bars), and no interval is
 * shorter than a day: the data has no time of day.
 */
const TICK_INTERVALS: [number, TimeInterval][] = [
  [1, utcDay],
  [2, utcDay.every(2)!],
  [7, utcMonday],
  [14, utcMonday.every(2)!],
  [30, utcMonth],
  [91, utcMonth.every(3)!],
  [182, utcMonth.every(6)!],
  [365, utcYear],
  [730, utcYear.every(2)!],
  [1826, utcYear.every(5)!],
  [3652, utcYear.every(10)!],
];

/** One label per this many pixels at most: "15 Mar" is ~40 px wide in the axis font. */
export const TICK_SPACING = 60;

/**
 * Tick dates for a track `width` wide: the finest interval that leaves at least TICK_SPACING
 * pixels between ticks, so labels never collide, always at UTC midnights.
 */
export function axisTicks(scale: ScaleTime<number, number>, width: number): Date[] {
  const [start, end] = scale.domain();
  const days = (end.getTime() - start.getTime()) / DAY_MS;
  const most = Math.max(1, Math.floor(width / TICK_SPACING));
  const interval = (TICK_INTERVALS.find(([step]) => days / step <= most) ?? TICK_INTERVALS[TICK_INTERVALS.length - 1])[1];
  return interval.range(start, new Date(end.getTime() + 1));
}

/** The UTC day boundary nearest to a pixel: where a dragged window edge lands. */
export function snapToDay(scale: ScaleTime<number, number>, px: number): Date {
  return utcDay.round(scale.invert(px));
}

/** Pixels a window covers: from the start of its first day to the end of its last day. */
export function windowToPixels(scale: ScaleTime<number, number>, window: TimeWindow): [number, number] {
  return [scale(utcDay.floor(window.from)), scale(utcDay.offset(utcDay.floor(window.to), 1))];
}

/**
 * The whole-day window a pixel span covers: both edges snap to the nearest day boundary, the last
 * day is the one before the right boundary, and the window is at least one day long.
 */
export function pixelsToWindow(scale: ScaleTime<number, number>, span: readonly [number, number]): TimeWindow {
  const from = snapToDay(scale, Math.min(span[0], span[1]));
  const end = snapToDay(scale, Math.max(span[0], span[1]));
  const to = utcDay.offset(end, -1);
  return { from, to: to < from ? from : to };
}
