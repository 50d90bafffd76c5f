import type { DatePrecision, EventType, Incident, LocationPrecision, ParseResult } from '../types';
import { EVENT_TYPES } from '../types';
import { fieldReader, type CsvRecord } from './csv';
import { missingColumns, type FormatDefinition } from './formatDefinition';
import { parseCsvText } from './parseCsvText';
import { ownCopy, type MapperContext, type RowMapper } from './rowMapper';
import { safeUrl } from './safeUrl';
import { checkEstimates, checkPlace, checkWidth, createRowReport, isValidDate, parseCount, parseDegrees, parseIsoDay } from './validate';

/** The header of our curated story-events file (public/data/stories/INCIDENTS.md describes each column). */
export const STORY_COLUMNS = [
  'id', 'event_date', 'date_precision', 'country', 'admin1', 'admin2', 'location', 'latitude', 'longitude',
  'geo_precision', 'event_type', 'sub_event_type', 'actor1', 'actor2', 'fatalities_best', 'fatalities_low',
  'fatalities_high', 'summary', 'source_title', 'source_url', 'source_publisher', 'source_date', 'notes',
] as const;

const REQUIRED = ['id', 'event_date', 'latitude', 'longitude', 'event_type'];
const DATE_PRECISIONS: readonly DatePrecision[] = ['day', 'week', 'month', 'year'];

/** Our `geo_precision`: 1 the named place itself, 2 a nearby locality or district seat, 3 a region centroid. */
const GEO_PRECISION: Record<string, LocationPrecision> = { '1': 'exact', '2': 'near', '3': 'region' };

const isEventType = (value: string): value is EventType => (EVENT_TYPES as readonly string[]).includes(value);

/** Our story-events CSV: recognised by {@link REQUIRED}. */
export const STORY_FORMAT: FormatDefinition = {
  id: 'stories',
  name: 'our story-events format',
  required: REQUIRED,
  detect(header) {
    if (!isStoryHeader(header)) return null;
    return {
      info: { id: 'stories', layout: 'stories', label: 'Sahel Incident Map story events', role: 'annotation', precisionColumns: { date: 'date_precision', location: 'geo_precision' } },
      dateColumn: 'event_date',
      createMapper: (context) => createStoryMapper(header, context),
    };
  },
  headerIssue(header) {
    const missing = missingColumns(STORY_FORMAT, header);
    return { field: missing.join(', '), message: `The header lacks ${missing.join(', ')}. Start the file with the header line: ${STORY_COLUMNS.join(',')}.` };
  },
};

/**
 * Reads our curated story-events CSV. Each row has one primary source (title, http(s) link,
 * publisher, date); `notes` (coordinate provenance, alternative tolls) stays in the file for
 * readers and editors and is not carried into the model. Never throws.
 */
export function parseStoryEvents(text: string, file: string): ParseResult {
  return parseCsvText(text, file, 'stories', STORY_FORMAT);
}

/** Whether a header has the columns our story format cannot do without. */
export function isStoryHeader(header: readonly string[]): boolean {
  return missingColumns(STORY_FORMAT, header).length === 0;
}

/** The per-row reader of a story-events file whose header is `header` (see {@link RowMapper}). */
export function createStoryMapper(header: readonly string[], context: MapperContext): RowMapper {
  const get = fieldReader(header);
  const seen = new Set<string>();
  return { map: (record) => readRow(record, (name) => get(record, name), header.length, context, seen) };
}

function readRow(record: CsvRecord, get: (name: string) => string, width: number, { file, dataset, issues }: MapperContext, seen: Set<string>): Incident | null {
  const report = createRowReport(file, record.row);
  checkWidth(report, record.fields.length, width);
  const id = get('id').trim();
  if (id === '') report.error('id', '', 'The event has no id. Give it the next free id (CS055, CS056…).');
  else if (seen.has(id)) report.warn('id', id, `The id ${id} appears on an earlier row too. Both rows are kept; give this one a new id.`);

  const date = parseIsoDay(get('event_date'));
  if (!isValidDate(date)) report.error('event_date', get('event_date'), 'The date is missing or unreadable. Write it as YYYY-MM-DD (the first day of a multi-day event).');
  const lat = parseDegrees(get('latitude'), 90);
  const lon = parseDegrees(get('longitude'), 180);
  if (lat === null || Number.isNaN(lat)) report.error('latitude', get('latitude'), 'The latitude is missing or not a number between -90 and 90. Fill it in, in decimal degrees, from the gazetteer page cited in notes.');
  if (lon === null || Number.isNaN(lon)) report.error('longitude', get('longitude'), 'The longitude is missing or not a number between -180 and 180. Fill it in, in decimal degrees, from the gazetteer page cited in notes.');

  const eventType = get('event_type').trim();
  if (!isEventType(eventType)) report.error('event_type', eventType, `The event type must be one of ACLED's six: ${EVENT_TYPES.join('; ')}.`);

  const best = parseCount(get('fatalities_best'));
  const low = parseCount(get('fatalities_low'));
  const high = parseCount(get('fatalities_high'));
  for (const [name, value] of [['fatalities_best', best], ['fatalities_low', low], ['fatalities_high', high]] as const) {
    if (Number.isNaN(value)) report.error(name, get(name), `${name} must be a whole number of deaths (0 or more), or empty.`);
  }
  if (best === null) report.warn('fatalities_best', '', 'No best estimate of deaths: shown as 0. Write 0 when none were reported.');

  const precisionText = get('date_precision').trim();
  const datePrecision = DATE_PRECISIONS.find((p) => p === precisionText) ?? 'unknown';
  if (datePrecision === 'unknown') report.warn('date_precision', precisionText, 'date_precision should be day, week or month; shown as unknown.');
  const locationPrecision = GEO_PRECISION[get('geo_precision').trim()] ?? 'unknown';
  if (locationPrecision === 'unknown') report.warn('geo_precision', get('geo_precision'), 'geo_precision should be 1 (exact), 2 (near) or 3 (region); shown as unknown.');
  const rawUrl = get('source_url').trim();
  const url = safeUrl(rawUrl);
  if (rawUrl !== '' && url === null) report.warn('source_url', rawUrl, 'The source link is not an http(s) address, so it is not shown. Use the full https:// address of the page.');

  if (report.hasErrors || !isValidDate(date) || lat === null || lon === null || !isEventType(eventType)) {
    report.flushTo(issues);
    return null;
  }
  seen.add(ownCopy(id));
  checkPlace(report, lon, lat, `${get('latitude')},${get('longitude')}`, get('country'));
  const deathsBest = best ?? 0;
  checkEstimates(report, { best: 'fatalities_best', low: 'fatalities_low', high: 'fatalities_high' }, deathsBest, low, high);
  report.flushTo(issues);

  const title = get('source_title').trim();
  const publisher = get('source_publisher').trim();
  const sourceDate = get('source_date').trim();
  const hasSource = title !== '' || url !== null || publisher !== '' || sourceDate !== '';
  return {
    id,
    dataset,
    dateStart: date,
    dateEnd: date,
    datePrecision,
    country: get('country').trim(),
    admin1: get('admin1').trim(),
    admin2: get('admin2').trim(),
    place: get('location').trim(),
    lon,
    lat,
    locationPrecision,
    eventType,
    subEventType: get('sub_event_type').trim(),
    actor1: get('actor1').trim(),
    actor2: get('actor2').trim(),
    deathsBest,
    deathsLow: low,
    deathsHigh: high,
    summary: get('summary').trim(),
    sources: hasSource ? [{ title, url, publisher, date: sourceDate }] : [],
  };
}
