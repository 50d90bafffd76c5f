import type { Country, EventType } from '../types';

/**
 * The app's domain vocabulary: every name the store, the views, the URL and the embed API share.
 * It lives in the core, not in a codec, so a view can name a type or a speed without importing
 * the embed's wire format.
 */

/** `window`: only events inside [from, to]. `cumulative`: everything up to `to`, older events dimmed. */
export type TimeMode = 'window' | 'cumulative';
export const TIME_MODES: readonly TimeMode[] = ['window', 'cumulative'];

/** The focus areas the map can fly to (see src/geo/focusAreas.ts). */
export type FocusAreaId = 'sahel' | 'niamey' | 'tahoua' | 'border';
export const FOCUS_AREA_IDS: readonly FocusAreaId[] = ['sahel', 'niamey', 'tahoua', 'border'];

/**
 * The areas the app counts incidents in, known without loading the geodata (the URL is read
 * before it arrives): the 30 admin-1 regions of geodata/admin1.geojson by ISO 3166-2 code, then
 * the focus areas of geodata/focus-areas.geojson. A unit test checks both lists against the files.
 */
export const REGION_IDS = [
  'BF-01', 'BF-02', 'BF-03', 'BF-04', 'BF-05', 'BF-06', 'BF-07', 'BF-08', 'BF-09', 'BF-10', 'BF-11', 'BF-12', 'BF-13',
  'ML-1', 'ML-2', 'ML-3', 'ML-4', 'ML-5', 'ML-6', 'ML-7', 'ML-8', 'ML-BKO',
  'NE-1', 'NE-2', 'NE-3', 'NE-4', 'NE-5', 'NE-6', 'NE-7', 'NE-8',
] as const;
export const FOCUS_AREA_POLYGON_IDS = ['niamey', 'tahoua', 'border-mali', 'border-bf', 'border'] as const;
/** Every area id `area=` accepts (matched in any case: `ne-5` is `NE-5`). */
export const AREA_IDS: readonly string[] = [...REGION_IDS, ...FOCUS_AREA_POLYGON_IDS];

/** What the choropleth shades the regions by, or `off`. */
export type ChoroplethMode = 'off' | 'deaths' | 'incidents';
export const CHOROPLETH_MODES: readonly ChoroplethMode[] = ['off', 'deaths', 'incidents'];

/** What the histogram counts. */
export type HistogramMetric = 'events' | 'deaths';
/** The histogram metrics, in the order the timeline offers them. */
export const METRICS: readonly HistogramMetric[] = ['events', 'deaths'];

/** Play speeds the timeline offers; AppState.speed holds one of them. */
export const SPEEDS = [1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];

/** Is this one of the {@link SPEEDS}? */
export function isSpeed(value: unknown): value is Speed {
  return typeof value === 'number' && (SPEEDS as readonly number[]).includes(value);
}

/**
 * The short names of the event types in URLs, embed messages and test ids. Exact ACLED names are
 * accepted too (any case), but slugs need no escaping and survive being typed by hand.
 */
export const EVENT_TYPE_SLUGS: Readonly<Record<EventType, string>> = {
  Battles: 'battles',
  'Explosions/Remote violence': 'explosions',
  'Violence against civilians': 'violence-against-civilians',
  Protests: 'protests',
  Riots: 'riots',
  'Strategic developments': 'strategic-developments',
};

/** ISO 3166-1 alpha-3 codes, lower case, as written in URLs. */
export const COUNTRY_CODES: Readonly<Record<Country, string>> = {
  Niger: 'ner',
  Mali: 'mli',
  'Burkina Faso': 'bfa',
};

/**
 * The one table of the state fields that travel through the URL and the embed API: parameter name
 * → state key, in the order they are written. `playing` stays out of the URL: a shared link should
 * not start an animation by itself (the embed reports it under its own name, see {@link WIRE_KEYS}).
 */
export const PARAM_KEYS = {
  from: 'from',
  to: 'to',
  mode: 'mode',
  types: 'types',
  countries: 'countries',
  hidden: 'hiddenDatasets',
  view: 'view',
  selection: 'selection',
  metric: 'metric',
  speed: 'speed',
  area: 'area',
  choropleth: 'choropleth',
  match: 'matching',
} as const;

export type StateParam = keyof typeof PARAM_KEYS;
export const STATE_PARAMS = Object.keys(PARAM_KEYS) as StateParam[];

/** The parameters whose value is a comma-separated list (repeated URL parameters are joined). */
export const LIST_PARAMS: readonly StateParam[] = ['types', 'countries', 'hidden'];

/** `match=on|off`: the matching toggle's spellings in the URL and the embed API. */
export const MATCH_VALUES = ['on', 'off'] as const;

/** Written for `view: null` (the reader moved the map by hand), so the round trip keeps it. */
export const NO_VIEW = 'none';
