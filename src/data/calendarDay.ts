/**
 * Calendar days as the app writes and checks them: UTC midnights, `YYYY-MM-DD`. One module, so
 * the URL, the embed API, the importers and the exports agree on what a day is.
 */

/**
 * UTC midnight of year/month/day, or null when that day does not exist: `2021-02-30` is rejected
 * rather than rolled over to 2 March, as `Date.UTC` would do. Years 0–99 are taken as written
 * (never the 1900s: `Date.UTC` maps them there, so they are set with `setUTCFullYear`).
 */
export function calendarDay(year: number, month: number, day: number): Date | null {
  if (![year, month, day].every(Number.isInteger) || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date;
}

/** `YYYY-MM-DD` of a UTC day (years 0–9999, the ones the format can write). */
export function formatDay(date: Date): string {
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** UTC midnight of a `YYYY-MM-DD` string naming a real calendar day, or null. */
export function parseDay(text: string): Date | null {
  const match = DAY_PATTERN.exec(text);
  return match ? calendarDay(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}
