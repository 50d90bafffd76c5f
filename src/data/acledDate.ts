import { calendarDay } from './calendarDay';
import { parseIsoDay } from './validate';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** `21 March 2020` (ACLED's export tool) and `16-Feb-21` (the same after a spreadsheet saved it). */
const NAMED = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{4}|\d{2})$/;

/** Month 1–12 from an English name or its three-letter (or four-letter `Sept`) abbreviation; 0 if none. */
function monthOf(name: string): number {
  const lower = name.toLowerCase();
  const k = MONTHS.indexOf(lower.slice(0, 3)) + 1;
  if (k === 0) return 0;
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'][k - 1];
  return full.startsWith(lower) || lower === 'sept' ? k : 0;
}

/**
 * An ACLED `event_date` as UTC midnight: `21 March 2020`, `16-Feb-21` or `2022-09-23`. Null when
 * empty; an invalid Date when unreadable or not a real day. A two-digit year is 20xx below 70 and
 * 19xx from 70 (ACLED's data begin in 1997). Slashed dates such as `2/3/2021` are refused: after a
 * spreadsheet they may be day-first or month-first, and guessing would misplace events by months.
 */
export function parseAcledDate(raw: string): Date | null {
  const text = raw.trim();
  if (text === '') return null;
  const m = NAMED.exec(text);
  if (!m) return parseIsoDay(text);
  const month = monthOf(m[2]);
  const year = m[3].length === 2 ? (Number(m[3]) < 70 ? 2000 : 1900) + Number(m[3]) : Number(m[3]);
  const day = Number(m[1]);
  // calendarDay keeps a four-digit 0021 the year 21 (then refused as implausible), never 1921.
  return calendarDay(year, month, day) ?? new Date(Number.NaN);
}
