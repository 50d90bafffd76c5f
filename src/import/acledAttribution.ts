import { formatDay } from '../data/calendarDay';
import { t, type Messages } from '../i18n/messages';

/**
 * ACLED's export tool names a file after its filters: `2021-01-01-2021-12-31-Niger.csv`, or with
 * several areas `2021-01-01-2021-12-31-Western_Africa-Mali-Niger.csv`. Returns the filters as a
 * reader would write them ("2021-01-01 to 2021-12-31; Niger"), or "" for any other name.
 */
export function acledFiltersFromFileName(name: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})-(\d{4}-\d{2}-\d{2})(?:-(.+?))?(?: \(\d+\))?\.(?:csv|tsv|txt|xlsx?|json|geojson)$/i.exec(name.trim());
  if (!m) return '';
  const areas = (m[3] ?? '')
    .split('-')
    .map((a) => a.replace(/_/g, ' ').trim())
    .filter((a) => a !== '');
  return [`${m[1]} to ${m[2]}`, ...(areas.length > 0 ? [areas.join(', ')] : [])].join('; ');
}

/** A day as `YYYY-MM-DD` (UTC): the value of a date input. */
export function isoDay(time: number): string {
  return formatDay(new Date(time));
}

/** Whether a date input's value is a real `YYYY-MM-DD` day. */
export function isIsoDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/**
 * The attribution ACLED's terms ask for: "Data: ACLED, accessed 2024-05-02; filters: …". The
 * date stays ISO, which reads the same in every language and cannot be misread.
 */
export function acledAttributionText(messages: Messages, accessed: string, filters: string): string {
  const f = filters.trim().replace(/\s+/g, ' ');
  return f === '' ? t(messages.acledAttribution, { date: accessed }) : t(messages.acledAttributionFilters, { date: accessed, filters: f });
}
