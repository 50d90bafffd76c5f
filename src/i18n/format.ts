import { formatLocale, type FormatLocaleDefinition } from 'd3-format';
import { timeFormatLocale, type TimeLocaleDefinition } from 'd3-time-format';
import { utcMonth, utcYear } from 'd3-time';

/** Dates and numbers are formatted through d3 locales, so a French interface only adds definitions. */
export interface Formatters {
  /** "21 Mar 2021" */
  day(date: Date): string;
  /** "Mar 2021" */
  month(date: Date): string;
  /** "21–27 Mar 2021", "28 Mar – 3 Apr 2021", "1 Dec 2020 – 5 Jan 2021"; one day: "21 Mar 2021". */
  range(from: Date, to: Date): string;
  /** "1,234" */
  integer(n: number): string;
  /** A number with a fixed count of decimals in the page's notation: "0.87", "0,87". */
  decimal(n: number, digits: number): string;
  /** Axis tick at a UTC midnight: "2021" on 1 January, "Mar" on the 1st of a month, "15 Mar" otherwise. */
  axisTick(date: Date): string;
}

export const EN_NUMBER: FormatLocaleDefinition = {
  decimal: '.',
  thousands: ',',
  grouping: [3],
  currency: ['$', ''],
};

export const EN_TIME: TimeLocaleDefinition = {
  dateTime: '%a %e %b %Y %X',
  date: '%d/%m/%Y',
  time: '%H:%M:%S',
  periods: ['AM', 'PM'],
  days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  shortDays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  shortMonths: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/**
 * How a day of the month is written: d3's `%-d` has no ordinals, and French writes the first of a
 * month "1er" ("1er mars 2021", "1er–31 mars 2021"). @defaultValue String (1 → "1")
 */
export type DayOfMonth = (day: number) => string;

export function createFormatters(
  numberLocale: FormatLocaleDefinition = EN_NUMBER,
  timeLocale: TimeLocaleDefinition = EN_TIME,
  dayOfMonth: DayOfMonth = String,
): Formatters {
  const num = formatLocale(numberLocale);
  const time = timeFormatLocale(timeLocale);
  const monthYear = time.utcFormat('%b %Y');
  const monthAlone = time.utcFormat('%b');
  const dayOnly = (date: Date) => dayOfMonth(date.getUTCDate());
  const dayFmt = (date: Date) => `${dayOnly(date)} ${monthYear(date)}`;
  const dayMonth = (date: Date) => `${dayOnly(date)} ${monthAlone(date)}`;
  const monthFmt = time.utcFormat('%b %Y');
  const integer = num.format(',d');
  const yearFmt = time.utcFormat('%Y');
  const monthOnly = time.utcFormat('%b');
  return {
    day: dayFmt,
    month: monthFmt,
    integer: (n) => integer(n),
    decimal: (n, digits) => num.format(`,.${Math.max(0, Math.min(6, Math.round(digits)))}f`)(n),
    axisTick(date) {
      if (utcMonth.floor(date) < date) return dayMonth(date);
      return utcYear.floor(date) < date ? monthOnly(date) : yearFmt(date);
    },
    range(from, to) {
      if (from.getTime() === to.getTime()) return dayFmt(from);
      const sameYear = from.getUTCFullYear() === to.getUTCFullYear();
      const sameMonth = sameYear && from.getUTCMonth() === to.getUTCMonth();
      if (sameMonth) return `${dayOnly(from)}–${dayFmt(to)}`;
      if (sameYear) return `${dayMonth(from)} – ${dayFmt(to)}`;
      return `${dayFmt(from)} – ${dayFmt(to)}`;
    },
  };
}
