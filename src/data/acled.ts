import type { DatePrecision, EventType, LocationPrecision, ParseResult, Source } from '../types';
import { EVENT_TYPES } from '../types';
import { parseAcledDate } from './acledDate';
import { missingColumns, type FormatDefinition } from './formatDefinition';
import { parseCsvText } from './parseCsvText';
import { columnIndex, createInterner, fieldAt, ownCopy, type MapperContext, type RowMapper } from './rowMapper';
import { safeUrl } from './safeUrl';
import { checkPlace, checkWidth, createRowReports, isValidDate, parseCode, parseCount, parseDegrees } from './validate';

/**
 * The two layouts of ACLED's CSV export. `2020` is the 2020–2022 export (31 columns, with
 * `data_id`, `event_id_no_cnty` and `iso3`); `2023` the current one (no `data_id`,
 * `event_id_no_cnty` or `iso3`; adds `disorder_type`, `civilian_targeting` and `tags`, and may
 * write `inter1`/`inter2` as text). Both are read by column name, so a header with columns in
 * another order, or with extra ones, is read alike; `other` is an ACLED header of neither shape.
 */
export type AcledLayout = '2020' | '2023' | 'other';

/** Without these the map can neither place nor colour an event. */
export const ACLED_REQUIRED = ['event_id_cnty', 'event_date', 'event_type', 'latitude', 'longitude'] as const;

/** Which ACLED layout a header is, or null when it is not ACLED's (it lacks a required column). */
export function detectAcledLayout(header: readonly string[]): AcledLayout | null {
  if (missingColumns(ACLED_FORMAT, header).length > 0) return null;
  if (header.includes('data_id') || header.includes('event_id_no_cnty')) return '2020';
  if (header.includes('disorder_type')) return '2023';
  return 'other';
}

/** ACLED `time_precision` (codebook): 1 the exact day; 2 only the week; 3 only the month. */
export function acledDatePrecision(code: number): DatePrecision {
  return code === 1 ? 'day' : code === 2 ? 'week' : code === 3 ? 'month' : 'unknown';
}

/**
 * ACLED `geo_precision` (codebook): 1 the named town or village itself; 2 a part of a region or a
 * place near a named town, coded at that town; 3 only a larger region is known, coded at its
 * capital or centroid.
 */
export function acledLocationPrecision(code: number): LocationPrecision {
  return code === 1 ? 'exact' : code === 2 ? 'near' : code === 3 ? 'region' : 'unknown';
}

const EVENT_TYPE_BY_NAME = new Map<string, EventType>(EVENT_TYPES.map((t) => [t, t]));
const EVENT_TYPE_BY_LOWER = new Map<string, EventType>(EVENT_TYPES.map((t) => [t.toLowerCase(), t]));

/** `a; b; c` → ['a', 'b', 'c']: ACLED's lists (`source`, `assoc_actor_*`, `tags`). */
function splitList(raw: string): string[] {
  const text = raw.trim();
  if (text === '') return [];
  if (!text.includes(';')) return [text];
  return text
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** An actor with its associated actors: "Military Forces of Niger (2021-) (with Police Forces of Niger (2021-))". */
function actorWith(actor: string, assoc: string): string {
  const main = actor.trim();
  if (assoc === '') return main;
  const with_ = splitList(assoc);
  if (with_.length === 0) return main;
  return main === '' ? with_.join('; ') : `${main} (with ${with_.join('; ')})`;
}

/** A decimal comma (`13,51` from a semicolon-delimited European export) read as a point. */
function degrees(raw: string, limit: 90 | 180): number | null {
  const value = parseDegrees(raw, limit);
  if (value === null || !Number.isNaN(value)) return value;
  return /^\s*[+-]?\d+,\d+\s*$/.test(raw) ? parseDegrees(raw.replace(',', '.'), limit) : value;
}

/**
 * One {@link Source} per entry of ACLED's `source` list: ACLED names its sources (publishers)
 * and links none. An entry that is itself an http(s) address becomes the link.
 */
function acledSources(raw: string): Source[] {
  return splitList(raw).map((name) => {
    // Most entries are names: only something that starts like a web address is parsed as one.
    const url = /^https?:/i.test(name) ? safeUrl(name) : null;
    return { title: '', url, publisher: url ? '' : name, date: '' };
  });
}

/**
 * The per-row reader of an ACLED export (either layout; see docs/data-model.md for the mapping).
 * A row is rejected without an id, a readable date, coordinates or one of the six event types,
 * or with fatalities that are not a whole number; it is kept with a warning for a missing
 * fatality count, a `year` that disagrees with the date, unknown precision codes, a repeated id
 * or a point that looks misplaced.
 */
export function createAcledMapper(header: readonly string[], { file, dataset, issues, onIdChecked }: MapperContext): RowMapper {
  const col = columnIndex(header);
  const c = {
    id: col('event_id_cnty'),
    date: col('event_date'),
    year: col('year'),
    timePrecision: col('time_precision'),
    eventType: col('event_type'),
    subEventType: col('sub_event_type'),
    actor1: col('actor1'),
    assoc1: col('assoc_actor_1'),
    actor2: col('actor2'),
    assoc2: col('assoc_actor_2'),
    country: col('country'),
    admin1: col('admin1'),
    admin2: col('admin2'),
    location: col('location'),
    lat: col('latitude'),
    lon: col('longitude'),
    geoPrecision: col('geo_precision'),
    source: col('source'),
    notes: col('notes'),
    fatalities: col('fatalities'),
  };
  const width = header.length;
  const seen = new Set<string>();
  // Dates and source lists repeat across rows: one shared value each, parsed once (see
  // createInterner). They are shared between incidents, so nothing may mutate them. Names are not
  // interned: hashing every field of every row costs more than the strings it saves.
  const reportFor = createRowReports(file);
  const dates = createInterner<Date | null>();
  const sourceLists = createInterner<Source[]>();
  const name = (f: readonly string[], i: number) => fieldAt(f, i).trim();
  const actor = (f: readonly string[], i: number, assoc: number) => actorWith(fieldAt(f, i), fieldAt(f, assoc));

  return {
    seenId: (id) => seen.has(id),
    map(record) {
      const f = record.fields;
      const report = reportFor(record.row);
      checkWidth(report, f.length, width);
      const id = fieldAt(f, c.id).trim();
      if (id === '') report.error('event_id_cnty', '', 'The event has no event_id_cnty. Export the events again from ACLED, or give the row a unique id.');
      else {
        onIdChecked?.(id);
        if (seen.size === seen.add(ownCopy(id)).size) report.warn('event_id_cnty', id, `The id ${id} appears on an earlier row too. Both rows are kept; remove the duplicate.`);
      }

      const rawDate = fieldAt(f, c.date);
      const date = dates(rawDate, parseAcledDate);
      if (!isValidDate(date)) {
        report.error('event_date', rawDate, 'The date is missing or unreadable. Write it as 21 March 2020, 21-Mar-20 or 2020-03-21 (a date such as 3/21/2020 is ambiguous after a spreadsheet).');
      } else if (c.year >= 0) {
        const year = fieldAt(f, c.year).trim();
        if (year !== '' && Number(year) !== date.getUTCFullYear()) {
          report.warn('year', year, `The year column says ${year} but event_date is in ${date.getUTCFullYear()}. The event is placed by event_date; check the row.`);
        }
      }

      const rawLat = fieldAt(f, c.lat);
      const rawLon = fieldAt(f, c.lon);
      const lat = degrees(rawLat, 90);
      const lon = degrees(rawLon, 180);
      if (lat === null || Number.isNaN(lat)) report.error('latitude', rawLat, 'The latitude is missing or not a number between -90 and 90. Fill in the event’s latitude in decimal degrees.');
      if (lon === null || Number.isNaN(lon)) report.error('longitude', rawLon, 'The longitude is missing or not a number between -180 and 180. Fill in the event’s longitude in decimal degrees.');

      const rawType = fieldAt(f, c.eventType);
      const eventType = EVENT_TYPE_BY_NAME.get(rawType) ?? EVENT_TYPE_BY_LOWER.get(rawType.trim().toLowerCase());
      if (eventType === undefined) report.error('event_type', rawType, `The event type must be one of ACLED's six: ${EVENT_TYPES.join('; ')}.`);

      const rawDeaths = fieldAt(f, c.fatalities);
      const deaths = parseCount(rawDeaths);
      if (Number.isNaN(deaths)) report.error('fatalities', rawDeaths, 'fatalities must be a whole number of deaths (0 or more), or empty.');
      else if (deaths === null) report.warn('fatalities', '', 'No fatality count: counted as 0.');

      const rawTime = fieldAt(f, c.timePrecision);
      const datePrecision = acledDatePrecision(parseCode(rawTime));
      if (datePrecision === 'unknown') report.warn('time_precision', rawTime, 'time_precision should be 1 (day), 2 (week) or 3 (month); the date precision is shown as unknown.');
      const rawGeo = fieldAt(f, c.geoPrecision);
      const locationPrecision = acledLocationPrecision(parseCode(rawGeo));
      if (locationPrecision === 'unknown') report.warn('geo_precision', rawGeo, 'geo_precision should be 1 (the place itself), 2 (near it) or 3 (a region); the location precision is shown as unknown.');

      if (report.hasErrors || lat === null || lon === null || !isValidDate(date) || eventType === undefined || Number.isNaN(deaths)) {
        report.flushTo(issues);
        return null;
      }
      const country = name(f, c.country);
      checkPlace(report, lon, lat, () => `${rawLat},${rawLon}`, country);
      report.flushTo(issues);

      return {
        id,
        dataset,
        dateStart: date,
        dateEnd: date,
        datePrecision,
        country,
        admin1: name(f, c.admin1),
        admin2: name(f, c.admin2),
        place: name(f, c.location),
        lon,
        lat,
        locationPrecision,
        eventType,
        subEventType: name(f, c.subEventType),
        actor1: actor(f, c.actor1, c.assoc1),
        actor2: actor(f, c.actor2, c.assoc2),
        deathsBest: deaths ?? 0,
        deathsLow: null,
        deathsHigh: null,
        summary: fieldAt(f, c.notes).trim(),
        sources: sourceLists(fieldAt(f, c.source), acledSources),
      };
    },
  };
}

const ACLED_LABELS: Record<AcledLayout, string> = {
  '2020': 'ACLED export, 2020–2022 layout',
  '2023': 'ACLED export, 2023+ layout',
  other: 'ACLED export (columns read by name)',
};

/** ACLED's CSV export, either layout: recognised by {@link ACLED_REQUIRED}. */
export const ACLED_FORMAT: FormatDefinition = {
  id: 'acled',
  name: 'an ACLED export',
  required: ACLED_REQUIRED,
  detect(header) {
    const layout = detectAcledLayout(header);
    if (layout === null) return null;
    return {
      info: { id: 'acled', layout, label: ACLED_LABELS[layout], role: 'counted', precisionColumns: { date: 'time_precision', location: 'geo_precision' } },
      dateColumn: 'event_date',
      createMapper: (context) => createAcledMapper(header, context),
    };
  },
  headerIssue(header) {
    const missing = missingColumns(ACLED_FORMAT, header);
    return { field: missing.join(', '), message: `This is not an ACLED export: its header lacks ${missing.join(', ')}. Export the events again from ACLED's data export tool as CSV.` };
  },
};

/**
 * Reads a whole ACLED CSV export (comma-delimited) at once: the text form of what parseFile does
 * for a streamed file. Never throws; a header without ACLED's columns is one file-level error.
 */
export function parseAcled(text: string, file: string, dataset = 'acled'): ParseResult {
  return parseCsvText(text, file, dataset, ACLED_FORMAT);
}
