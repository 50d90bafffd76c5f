import type { Incident, ParseResult } from '../types';
import { fieldReader, type CsvRecord } from './csv';
import type { FormatDefinition } from './formatDefinition';
import { parseCsvText } from './parseCsvText';
import { ownCopy, type MapperContext, type RowMapper } from './rowMapper';
import { ucdpAdminName, ucdpDatePrecision, ucdpLocationPrecision } from './ucdpCodes';
import { ucdpEventType } from './ucdpEventType';
import { ucdpSources } from './ucdpSources';
import { checkEstimates, checkPlace, checkWidth, createRowReport, isValidDate, parseCode, parseCount, parseDay, parseDegrees } from './validate';

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

/** The per-row reader of a GED file whose header is `header` (see {@link RowMapper}). */
export function createUcdpMapper(header: readonly string[], layout: UcdpLayout, context: MapperContext): RowMapper {
  const get = fieldReader(header);
  const seen = new Set<string>();
  return {
    map: (record) => readRow(record, (name) => get(record, name), ESTIMATES[layout], header.length, context, seen),
  };
}

function readRow(
  record: CsvRecord,
  get: (name: string) => string,
  names: (typeof ESTIMATES)[UcdpLayout],
  width: number,
  { file, dataset, issues }: MapperContext,
  seen: Set<string>,
): Incident | null {
  const report = createRowReport(file, record.row);
  checkWidth(report, record.fields.length, width);
  const id = get('id').trim();
  if (id === '') report.error('id', '', 'The event has no id. Give each row its UCDP id.');
  else if (seen.has(id)) report.warn('id', id, `The id ${id} appears on an earlier row too. Both rows are kept; remove the duplicate.`);

  const lat = parseDegrees(get('latitude'), 90);
  const lon = parseDegrees(get('longitude'), 180);
  if (lat === null || Number.isNaN(lat)) report.error('latitude', get('latitude'), 'The latitude is missing or not a number between -90 and 90. Fill in the event’s latitude in decimal degrees.');
  if (lon === null || Number.isNaN(lon)) report.error('longitude', get('longitude'), 'The longitude is missing or not a number between -180 and 180. Fill in the event’s longitude in decimal degrees.');

  const dateStart = parseDay(get('date_start'));
  const validStart = isValidDate(dateStart);
  if (!validStart) report.error('date_start', get('date_start'), 'The start date is missing or unreadable. Write it as YYYY-MM-DD or as UCDP’s MM/DD/YYYY.');
  let dateEnd = parseDay(get('date_end'));
  if (dateEnd !== null && Number.isNaN(dateEnd.getTime())) {
    report.error('date_end', get('date_end'), 'The end date is unreadable. Write it as YYYY-MM-DD or as UCDP’s MM/DD/YYYY, or leave it empty for a one-day event.');
  } else if (validStart && dateEnd !== null && dateEnd < dateStart) {
    report.warn('date_end', get('date_end'), 'The end date is before the start date. Kept as given; check the row.');
  }
  if (dateEnd === null) dateEnd = dateStart;

  const type = ucdpEventType(parseCode(get('type_of_violence')));
  if (type === null) report.error('type_of_violence', get('type_of_violence'), 'type_of_violence must be 1 (state-based), 2 (non-state) or 3 (one-sided).');

  const best = parseCount(get(names.best));
  const low = parseCount(get(names.low));
  const high = parseCount(get(names.high));
  for (const [name, value] of [[names.best, best], [names.low, low], [names.high, high]] as const) {
    if (Number.isNaN(value)) report.error(name, get(name), `${name} must be a whole number of deaths (0 or more), or empty.`);
  }
  if (best === null) report.warn(names.best, '', 'No best estimate of deaths: counted as 0.');

  const datePrec = parseCode(get('date_prec'));
  if (get('date_prec').trim() !== '' && ucdpDatePrecision(datePrec) === 'unknown') {
    report.warn('date_prec', get('date_prec'), 'date_prec should be 1 to 5; the date precision is shown as unknown.');
  }
  const wherePrec = parseCode(get('where_prec'));
  if (get('where_prec').trim() !== '' && !(wherePrec >= 1 && wherePrec <= 7)) {
    report.warn('where_prec', get('where_prec'), 'where_prec should be 1 to 7; the location precision is shown as unknown.');
  }

  if (report.hasErrors || lat === null || lon === null || type === null || !isValidDate(dateStart) || dateEnd === null) {
    report.flushTo(issues);
    return null;
  }
  seen.add(ownCopy(id));
  checkPlace(report, lon, lat, `${get('latitude')},${get('longitude')}`, get('country'));
  const deathsBest = best ?? 0;
  checkEstimates(report, names, deathsBest, low, high);
  report.flushTo(issues);

  const description = get('where_description').trim();
  const sources = ucdpSources(get('source_office'), get('source_date'), get('source_headline'));
  return {
    id,
    dataset,
    dateStart,
    dateEnd,
    datePrecision: ucdpDatePrecision(datePrec),
    country: get('country').trim(),
    admin1: ucdpAdminName(get('adm_1')),
    admin2: ucdpAdminName(get('adm_2')),
    place: get('where_coordinates').trim() || description,
    lon,
    lat,
    locationPrecision: ucdpLocationPrecision(wherePrec),
    eventType: type.eventType,
    subEventType: type.subEventType,
    actor1: get('side_a').trim(),
    actor2: get('side_b').trim(),
    deathsBest,
    deathsLow: low,
    deathsHigh: high,
    summary: description || sources.map((s) => s.title).filter((t) => t !== '').join('; '),
    sources,
  };
}
