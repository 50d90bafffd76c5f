import { formatDay } from './calendarDay';
import { csvFormatRows } from 'd3-dsv';
import type { Incident, LocationPrecision } from '../types';
import { STORY_COLUMNS } from './stories';

const GEO_PRECISION: Partial<Record<LocationPrecision, string>> = { exact: '1', near: '2', region: '3' };

/** A degree value as the story parser reads it: plain decimals, never `1e-7`. */
function degrees(value: number): string {
  const text = String(value);
  return /e/i.test(text) ? value.toFixed(12).replace(/\.?0+$/, '') : text;
}

const day = formatDay;
const count = (value: number | null) => (value === null ? '' : String(value));

/**
 * Writes incidents in our story-events format (public/data/stories/INCIDENTS.md), the format
 * analysts can edit and load back: `parseStoryEvents` or the importer reads the text to the same
 * incidents. The format has one source per event, so only the first source is written, and no end
 * date (a span is told in `notes`); precisions it cannot say (a year, a district) are left empty.
 */
export function formatStoryEvents(incidents: readonly Incident[]): string {
  const rows = incidents.map((i) => {
    const source = i.sources[0];
    const values: Record<(typeof STORY_COLUMNS)[number], string> = {
      id: i.id,
      event_date: day(i.dateStart),
      date_precision: i.datePrecision === 'day' || i.datePrecision === 'week' || i.datePrecision === 'month' ? i.datePrecision : '',
      country: i.country,
      admin1: i.admin1,
      admin2: i.admin2,
      location: i.place,
      latitude: degrees(i.lat),
      longitude: degrees(i.lon),
      geo_precision: GEO_PRECISION[i.locationPrecision] ?? '',
      event_type: i.eventType,
      sub_event_type: i.subEventType,
      actor1: i.actor1,
      actor2: i.actor2,
      fatalities_best: String(i.deathsBest),
      fatalities_low: count(i.deathsLow),
      fatalities_high: count(i.deathsHigh),
      summary: i.summary,
      source_title: source?.title ?? '',
      source_url: source?.url ?? '',
      source_publisher: source?.publisher ?? '',
      source_date: source?.date ?? '',
      notes: '',
    };
    return STORY_COLUMNS.map((c) => values[c]);
  });
  return `${csvFormatRows([[...STORY_COLUMNS], ...rows])}\n`;
}
