import type { Incident, ParseResult, Source } from '../types';
import type { FormatDefinition } from './formatDefinition';
import { parseCsvText } from './parseCsvText';
import { columnIndex, createInterner, fieldAt, ownCopy, type MapperContext, type RowMapper } from './rowMapper';
import { ucdpAdminName, ucdpDatePrecision, ucdpLocationPrecision } from './ucdpCodes';
import { ucdpEventType } from './ucdpEventType';
import { ucdpSources } from './ucdpSources';
import { ucdpSourcesText } from './sourcesText';
import { checkEstimates, checkPlace, checkWidth, createRowReports, isValidDate, parseCode, parseCount, parseDay, parseDegrees } from './validate';

/**
 * The two CSV layouts UCDP publishes for GED. The per-country download names the estimates
 * `best_est`/`low_est`/`high_est`, writes `MM/DD/YYYY 00:00:00` dates and ends rows with a comma;
 * the global file names them `best`/`low`/`high` and writes ISO dates. Both dates are accepted in
 * both layouts, since neither can be misread as the other.
 */
export type UcdpLayout = 'country' | 'global';

const ESTIMATES = {
  country: { best: 'best_est', low: 'low_est', high: 'high_est' },
  global: { best: 'best', low: 'low', high: 'high' },
} as const;

const REQUIRED = ['id', 'date_start', 'latitude', 'longitude', 'type_of_violence', 'country'];

/** Which layout a header is, from its estimate columns; null when it is not a GED header. */
export function detectUcdpLayout(header: readonly string[]): UcdpLayout | null {
  const has = (name: string) => header.includes(name);
  const layout: UcdpLayout | null = has('best_est') ? 'country' : has('best') ? 'global' : null;
  if (layout === null || !REQUIRED.every(has)) return null;
  return layout;
}

/** The one message for a header that is not GED's, with what it needs. */
export function ucdpHeaderMessage(): string {
  return `This is not a UCDP GED file: its header needs ${REQUIRED.join(', ')} and either best_est (country download) or best (global file). Export the events again from ucdp.uu.se as CSV.`;
}

/** UCDP GED's CSV, either layout: {@link REQUIRED} and one of the two best-estimate columns. */
export const UCDP_FORMAT: FormatDefinition = {
  id: 'ucdp',
  name: 'a UCDP GED file',
  required: [...REQUIRED, ['best_est', 'best']],
  detect(header) {
    const layout = detectUcdpLayout(header);
    if (layout === null) return null;
    return {
      info: { id: 'ucdp', layout, label: layout === 'country' ? 'UCDP GED, per-country download' : 'UCDP GED, global CSV', role: 'counted', precisionColumns: { date: 'date_prec', location: 'where_prec' } },
      dateColumn: 'date_start',
      createMapper: (context) => createUcdpMapper(header, layout, context),
    };
  },
  headerIssue: () => ({ field: null, message: ucdpHeaderMessage() }),
};

/**
 * Reads a UCDP GED CSV (either layout, detected from the header) into incidents, rejecting each
 * row it cannot place on the map or the timeline and warning about values it keeps but doubts.
 * Never throws. `file` names the file in every issue.
 */
export function parseUcdpGed(text: string, file: string): ParseResult {
  return parseCsvText(text, file, 'ucdp', UCDP_FORMAT);
}

/** A unit's name as the map shows it, in a string of its own (an interned value must not keep a piece of the file alive). */
const adminName = (raw: string): string => ownCopy(ucdpAdminName(raw));

/**
 * The per-row reader of a GED file whose header is `header` (see {@link RowMapper}). Built as the
 * ACLED mapper is, for files of a million rows: columns looked up once, one row report reused,
 * each field read once, dates parsed once per distinct text, value strings for a message built
 * only for a row that gets one.
 */
export function createUcdpMapper(header: readonly string[], layout: UcdpLayout, { file, dataset, issues, onIdChecked, deferSources = false }: MapperContext): RowMapper {
  const col = columnIndex(header);
  const names = ESTIMATES[layout];
  const c = {
    id: col('id'),
    lat: col('latitude'),
    lon: col('longitude'),
    dateStart: col('date_start'),
    dateEnd: col('date_end'),
    type: col('type_of_violence'),
    best: col(names.best),
    low: col(names.low),
    high: col(names.high),
    datePrec: col('date_prec'),
    wherePrec: col('where_prec'),
    country: col('country'),
    adm1: col('adm_1'),
    adm2: col('adm_2'),
    whereCoordinates: col('where_coordinates'),
    whereDescription: col('where_description'),
    sideA: col('side_a'),
    sideB: col('side_b'),
    office: col('source_office'),
    sourceDate: col('source_date'),
    headline: col('source_headline'),
  };
  const width = header.length;
  const seen = new Set<string>();
  const reportFor = createRowReports(file);
  // Days repeat across rows: one shared Date per distinct text (nothing may mutate them).
  const days = createInterner<Date | null>();
  // A file names a few hundred units: each raw name is trimmed and stripped of its kind once.
  const adminNames = createInterner<string>();
  // Events coded from the same articles sit on consecutive rows with the same three source
  // fields: they share one list (nothing may mutate it), or one text, which the import worker
  // then stores once.
  let last: { office: string; date: string; headline: string; list?: Source[]; text?: string } = { office: '', date: '', headline: '' };
  const noSources: Source[] = [];
  return {
    seenId: (id) => seen.has(id),
    map(record) {
      const f = record.fields;
      const report = reportFor(record.row);
      checkWidth(report, f.length, width);
      const id = fieldAt(f, c.id).trim();
      if (id === '') report.error('id', '', 'The event has no id. Give each row its UCDP id.');
      else {
        onIdChecked?.(id);
        if (seen.has(id)) report.warn('id', id, `The id ${id} appears on an earlier row too. Both rows are kept; remove the duplicate.`);
      }

      const rawLat = fieldAt(f, c.lat);
      const rawLon = fieldAt(f, c.lon);
      const lat = parseDegrees(rawLat, 90);
      const lon = parseDegrees(rawLon, 180);
      if (lat === null || Number.isNaN(lat)) report.error('latitude', rawLat, 'The latitude is missing or not a number between -90 and 90. Fill in the event’s latitude in decimal degrees.');
      if (lon === null || Number.isNaN(lon)) report.error('longitude', rawLon, 'The longitude is missing or not a number between -180 and 180. Fill in the event’s longitude in decimal degrees.');

      const rawStart = fieldAt(f, c.dateStart);
      const dateStart = days(rawStart, parseDay);
      const validStart = isValidDate(dateStart);
      if (!validStart) report.error('date_start', rawStart, 'The start date is missing or unreadable. Write it as YYYY-MM-DD or as UCDP’s MM/DD/YYYY.');
      const rawEnd = fieldAt(f, c.dateEnd);
      let dateEnd = rawEnd === rawStart ? dateStart : days(rawEnd, parseDay);
      if (dateEnd !== null && Number.isNaN(dateEnd.getTime())) {
        report.error('date_end', rawEnd, 'The end date is unreadable. Write it as YYYY-MM-DD or as UCDP’s MM/DD/YYYY, or leave it empty for a one-day event.');
      } else if (validStart && dateEnd !== null && dateEnd < dateStart) {
        report.warn('date_end', rawEnd, 'The end date is before the start date. Kept as given; check the row.');
      }
      if (dateEnd === null) dateEnd = dateStart;

      const rawType = fieldAt(f, c.type);
      const type = ucdpEventType(parseCode(rawType));
      if (type === null) report.error('type_of_violence', rawType, 'type_of_violence must be 1 (state-based), 2 (non-state) or 3 (one-sided).');

      const rawBest = fieldAt(f, c.best);
      const rawLow = fieldAt(f, c.low);
      const rawHigh = fieldAt(f, c.high);
      const best = parseCount(rawBest);
      const low = parseCount(rawLow);
      const high = parseCount(rawHigh);
      if (Number.isNaN(best)) report.error(names.best, rawBest, `${names.best} must be a whole number of deaths (0 or more), or empty.`);
      if (Number.isNaN(low)) report.error(names.low, rawLow, `${names.low} must be a whole number of deaths (0 or more), or empty.`);
      if (Number.isNaN(high)) report.error(names.high, rawHigh, `${names.high} must be a whole number of deaths (0 or more), or empty.`);
      if (best === null) report.warn(names.best, '', 'No best estimate of deaths: counted as 0.');

      const rawDatePrec = fieldAt(f, c.datePrec);
      const datePrec = parseCode(rawDatePrec);
      const datePrecision = ucdpDatePrecision(datePrec);
      if (datePrecision === 'unknown' && rawDatePrec.trim() !== '') {
        report.warn('date_prec', rawDatePrec, 'date_prec should be 1 to 5; the date precision is shown as unknown.');
      }
      const rawWherePrec = fieldAt(f, c.wherePrec);
      const wherePrec = parseCode(rawWherePrec);
      if (!(wherePrec >= 1 && wherePrec <= 7) && rawWherePrec.trim() !== '') {
        report.warn('where_prec', rawWherePrec, 'where_prec should be 1 to 7; the location precision is shown as unknown.');
      }

      if (report.hasErrors || lat === null || lon === null || type === null || !isValidDate(dateStart) || dateEnd === null) {
        report.flushTo(issues);
        return null;
      }
      seen.add(ownCopy(id));
      const rawCountry = fieldAt(f, c.country);
      checkPlace(report, lon, lat, () => `${rawLat},${rawLon}`, rawCountry);
      const deathsBest = best ?? 0;
      checkEstimates(report, names, deathsBest, low, high);
      report.flushTo(issues);

      const description = fieldAt(f, c.whereDescription).trim();
      const office = fieldAt(f, c.office);
      const sourceDate = fieldAt(f, c.sourceDate);
      const headline = fieldAt(f, c.headline);
      // Deferred, the sources stay their three fields until asked for; a row without a
      // description needs its titles at once, for its summary.
      if (office !== last.office || sourceDate !== last.date || headline !== last.headline) last = { office, date: sourceDate, headline };
      const sourcesText = deferSources && description !== '' ? (last.text ??= ucdpSourcesText(office, sourceDate, headline)) : null;
      const sources = sourcesText === null ? (last.list ??= ucdpSources(office, sourceDate, headline)) : noSources;
      const incident: Incident = {
        id,
        dataset,
        dateStart,
        dateEnd,
        datePrecision,
        country: rawCountry.trim(),
        admin1: adminNames(fieldAt(f, c.adm1), adminName),
        admin2: adminNames(fieldAt(f, c.adm2), adminName),
        place: fieldAt(f, c.whereCoordinates).trim() || description,
        lon,
        lat,
        locationPrecision: ucdpLocationPrecision(wherePrec),
        eventType: type.eventType,
        subEventType: type.subEventType,
        actor1: fieldAt(f, c.sideA).trim(),
        actor2: fieldAt(f, c.sideB).trim(),
        deathsBest,
        deathsLow: low,
        deathsHigh: high,
        summary: description || sources.map((s) => s.title).filter((t) => t !== '').join('; '),
        sources,
      };
      if (sourcesText !== null) incident.sourcesText = sourcesText;
      return incident;
    },
  };
}
