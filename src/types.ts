/** Shared shapes of the app: no logic here. */

/** ACLED's six event types: the one typology every dataset is mapped onto. */
export const EVENT_TYPES = [
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
  'Protests',
  'Riots',
  'Strategic developments',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** The three countries the map is about. Events elsewhere are kept but filtered as "other". */
export const COUNTRIES = ['Niger', 'Mali', 'Burkina Faso'] as const;
export type Country = (typeof COUNTRIES)[number];

/**
 * How exactly the date is known. UCDP `date_prec` 1–5 and ACLED `time_precision` 1–3 map onto it;
 * `day` is exact.
 */
export type DatePrecision = 'day' | 'week' | 'month' | 'year' | 'unknown';

/**
 * How exactly the place is known, coarsest last. UCDP `where_prec` 1–7, ACLED `geo_precision` 1–3
 * and our own `geo_precision` 1–3 map onto it.
 */
export type LocationPrecision = 'exact' | 'near' | 'district' | 'region' | 'country' | 'unknown';

/** A location precision at which the point is a centroid, not the place: drawn as approximate. */
export const APPROXIMATE_PRECISIONS: ReadonlySet<LocationPrecision> = new Set(['district', 'region', 'country', 'unknown']);

export interface Source {
  /** Headline or title as the dataset gives it (may be empty). */
  title: string;
  /** Only http(s) URLs are kept; anything else becomes null. */
  url: string | null;
  publisher: string;
  /** As given by the dataset (ISO date, month, or empty). */
  date: string;
}

/** One event, whatever dataset it came from. */
export interface Incident {
  /** Unique within its dataset (UCDP `id`, ACLED `event_id_cnty`, our `CS001`). */
  id: string;
  /** The dataset id (see {@link Dataset}). */
  dataset: string;
  /** First day, UTC midnight. */
  dateStart: Date;
  /** Last day, UTC midnight (equal to dateStart for one-day events). */
  dateEnd: Date;
  datePrecision: DatePrecision;
  country: string;
  admin1: string;
  admin2: string;
  place: string;
  lon: number;
  lat: number;
  locationPrecision: LocationPrecision;
  eventType: EventType;
  subEventType: string;
  actor1: string;
  actor2: string;
  /** The source's best estimate of deaths (0 when none were reported). */
  deathsBest: number;
  /** Low and high estimates as the source gives them; null when it gives none. Not assumed ordered. */
  deathsLow: number | null;
  deathsHigh: number | null;
  summary: string;
  sources: Source[];
  /**
   * The sources in the column store's text form, from a mapper asked to defer them
   * (MapperContext.deferSources, the import worker's): `sources` is then empty, and
   * sourcesOfText (src/data/sourcesText.ts) gives the list. Absent everywhere else.
   */
  sourcesText?: string;
}

/**
 * A dataset's role: `counted` datasets drive totals and the histogram; `annotation` datasets are
 * drawn on top as callouts and never added to the counts (they overlap the counted ones).
 */
export type DatasetRole = 'counted' | 'annotation';

export interface Dataset {
  id: string;
  /** Short name for the legend and toggles, e.g. "UCDP GED". */
  name: string;
  role: DatasetRole;
  /** Licence name, e.g. "CC BY 4.0". */
  licence: string;
  /** Attribution line shown on the map (plain text). */
  attribution: string;
  /** Link for the attribution (http/https) or null. */
  url: string | null;
  /** The full citation the dataset's authors ask for (README, exports); the attribution is its short form. */
  citation?: string;
}

export type IssueSeverity = 'error' | 'warning';

/** A problem found in an input file: names the file, row (as a spreadsheet numbers it), field and value. */
export interface ImportIssue {
  severity: IssueSeverity;
  file: string;
  /** 1-based row number as a spreadsheet shows it (the header is row 1); null for file-level issues. */
  row: number | null;
  field: string | null;
  value: string | null;
  message: string;
}

/** What a parser returns: never throws on bad input. rowsRead = incidents.length + rejected rows. */
export interface ParseResult {
  incidents: Incident[];
  issues: ImportIssue[];
  rowsRead: number;
  rowsRejected: number;
}

/**
 * Which incidents are shown besides the time window. An incident whose country is not one of
 * COUNTRIES (possible in a user's file) passes the country filter.
 */
export interface IncidentFilter {
  types: readonly EventType[];
  countries: readonly Country[];
}
