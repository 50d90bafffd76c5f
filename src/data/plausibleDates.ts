import { formatDay } from './calendarDay';
import type { Incident, ImportIssue } from '../types';

/** The days an event of these datasets can fall on, both inclusive. */
export interface DateRange {
  from: Date;
  to: Date;
}

/**
 * The earliest plausible day: no dataset the map reads starts before the end of the Second World
 * War (UCDP GED starts in 1989, ACLED in 1997), so an earlier date is a slip (0021 for 2021) or a
 * placeholder.
 */
export const EARLIEST_PLAUSIBLE = new Date(Date.UTC(1946, 0, 1));

/** 1946-01-01 to a year after `now`: a date beyond is a placeholder such as 9999-12-31, or a typing slip. */
export function defaultDateRange(now: Date = new Date()): DateRange {
  const to = new Date(Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth(), now.getUTCDate()));
  return { from: EARLIEST_PLAUSIBLE, to };
}

const day = (date: Date) => (Number.isNaN(date.getTime()) ? String(date) : formatDay(date));

/**
 * An issue for an incident whose start or end day lies outside `range`, or null. By default it is an
 * error, so the row is left out: one event in the year 9999 would stretch the timeline over eight
 * thousand years and squash every real week into nothing. With `keep` it is a warning.
 */
export function checkDateRange(file: string, row: number, field: string, value: string, incident: Incident, range: DateRange, keep: boolean): ImportIssue | null {
  const start = incident.dateStart.getTime();
  const end = incident.dateEnd.getTime();
  const lo = range.from.getTime();
  const hi = range.to.getTime();
  if (start >= lo && start <= hi && end >= lo && end <= hi) return null;
  const bad = start < lo || start > hi ? incident.dateStart : incident.dateEnd;
  const what = `The date ${day(bad)} is outside the plausible range ${day(range.from)} to ${day(range.to)}: usually a typing slip or a placeholder such as 9999-12-31.`;
  return {
    severity: keep ? 'warning' : 'error',
    file,
    row,
    field,
    value: value.length > 60 ? `${value.slice(0, 57)}…` : value,
    message: keep ? `${what} Kept as given; check the date.` : `${what} The row is left out; correct the date and load the file again.`,
  };
}
