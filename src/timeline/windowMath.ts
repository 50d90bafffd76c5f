import { utcDay, utcMonth, utcWeek } from 'd3-time';
import { dayNumber } from '../data/timeIndex';
import type { TimeWindow } from './timeScale';

/** How far one press of a step button moves the window. */
export type StepUnit = 'day' | 'week' | 'month';
export const STEP_UNITS: readonly StepUnit[] = ['day', 'week', 'month'];

/** The data's first and last day (UTC midnights, both inclusive): the window never leaves it. */
export type DayExtent = readonly [Date, Date];

/** Whole UTC days, earliest first: a caller's window may carry a time of day or come reversed. */
function normalise(window: TimeWindow): TimeWindow {
  const a = utcDay.floor(window.from);
  const b = utcDay.floor(window.to);
  return a <= b ? { from: a, to: b } : { from: b, to: a };
}

/** Days from the window's first to its last day: 0 for a one-day window. */
export function windowSpan(window: TimeWindow): number {
  const w = normalise(window);
  return dayNumber(w.to) - dayNumber(w.from);
}

/**
 * Moves the window as a whole, keeping its length, until it lies inside the extent; a window
 * longer than the data becomes the whole extent. Used for every move that should not resize.
 */
export function clampWindow(window: TimeWindow, extent: DayExtent): TimeWindow {
  const w = normalise(window);
  const e = normalise({ from: extent[0], to: extent[1] });
  const span = windowSpan(w);
  if (span >= windowSpan(e)) return e;
  if (w.from < e.from) return { from: e.from, to: utcDay.offset(e.from, span) };
  if (w.to > e.to) return { from: utcDay.offset(e.to, -span), to: e.to };
  return w;
}

/**
 * Cuts each end back into the extent: for resizing with a handle, where a dragged edge should
 * stop at the data's edge rather than push the whole window along. Never shorter than one day.
 */
export function clampEnds(window: TimeWindow, extent: DayExtent): TimeWindow {
  const w = normalise(window);
  const e = normalise({ from: extent[0], to: extent[1] });
  const from = w.from < e.from ? e.from : w.from > e.to ? e.to : w.from;
  const to = w.to > e.to ? e.to : w.to < from ? from : w.to;
  return { from, to };
}

/** The window moved by whole days (negative: back), keeping its length, clamped to the extent. */
export function shiftWindow(window: TimeWindow, days: number, extent: DayExtent): TimeWindow {
  const w = normalise(window);
  return clampWindow({ from: utcDay.offset(w.from, days), to: utcDay.offset(w.to, days) }, extent);
}

/**
 * The same day of the month `months` later, or that month's last day when it is shorter:
 * 31 January + 1 month is 28 February, not 3 March as Date's own month overflow would give.
 */
export function offsetMonths(date: Date, months: number): Date {
  const day = utcDay.floor(date);
  const target = utcMonth.offset(utcMonth.floor(day), months);
  const monthLength = utcDay.count(target, utcMonth.offset(target, 1));
  return utcDay.offset(target, Math.min(day.getUTCDate(), monthLength) - 1);
}

/**
 * One step back (-1) or forward (+1) by a day, a week or a calendar month. The window keeps its
 * length in days (a month step moves the first day by a calendar month), then is clamped.
 */
export function stepWindow(window: TimeWindow, unit: StepUnit, direction: 1 | -1, extent: DayExtent): TimeWindow {
  const w = normalise(window);
  const from =
    unit === 'day' ? utcDay.offset(w.from, direction) : unit === 'week' ? utcWeek.offset(w.from, direction) : offsetMonths(w.from, direction);
  return clampWindow({ from, to: utcDay.offset(from, windowSpan(w)) }, extent);
}

/** Is the window's last day at (or past) the data's last day? Play stops there. */
export function isAtEnd(window: TimeWindow, extent: DayExtent): boolean {
  return utcDay.floor(window.to) >= utcDay.floor(extent[1]);
}

/** Is the window's first day at (or before) the data's first day? */
export function isAtStart(window: TimeWindow, extent: DayExtent): boolean {
  return utcDay.floor(window.from) <= utcDay.floor(extent[0]);
}

/**
 * The next frame of play: the window shifted by one step, or null once it already ends on the
 * data's last day. The last frame is clamped, so play always shows the very end before stopping.
 */
export function playAdvance(window: TimeWindow, extent: DayExtent, unit: StepUnit = 'week'): TimeWindow | null {
  if (isAtEnd(window, extent)) return null;
  return stepWindow(window, unit, 1, extent);
}

/** The window moved, same length, to the data's start: where play restarts after reaching the end. */
export function rewindWindow(window: TimeWindow, extent: DayExtent): TimeWindow {
  const from = utcDay.floor(extent[0]);
  return clampWindow({ from, to: utcDay.offset(from, windowSpan(window)) }, extent);
}

/** The window moved, same length, to end on the data's last day. */
export function windowAtEnd(window: TimeWindow, extent: DayExtent): TimeWindow {
  const to = utcDay.floor(extent[1]);
  return clampWindow({ from: utcDay.offset(to, -windowSpan(window)), to }, extent);
}

/**
 * The stored window moved, same length, so that it ends on `to`: in cumulative mode only the end
 * is visible, and moving it must leave the window mode's length as the reader set it.
 */
export function windowEndingAt(window: TimeWindow, to: Date, extent: DayExtent): TimeWindow {
  return shiftWindow(window, dayNumber(utcDay.floor(to)) - dayNumber(utcDay.floor(window.to)), extent);
}
