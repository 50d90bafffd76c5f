import { formatDay, parseDay } from '../data/calendarDay';
import type { Country, EventType } from '../types';
import { COUNTRIES, EVENT_TYPES } from '../types';
import type { AppState } from './store';
import {
  AREA_IDS,
  CHOROPLETH_MODES,
  COUNTRY_CODES,
  EVENT_TYPE_SLUGS,
  FOCUS_AREA_IDS,
  FOCUS_AREA_POLYGON_IDS,
  MATCH_VALUES,
  METRICS,
  NO_VIEW,
  PARAM_KEYS,
  SPEEDS,
  STATE_PARAMS,
  TIME_MODES,
  isSpeed,
  type ChoroplethMode,
  type FocusAreaId,
  type HistogramMetric,
  type StateParam,
  type TimeMode,
} from './vocabulary';

/** Dataset ids are short slugs (`ucdp`, `stories`); anything else is a typo or an injection attempt. */
const DATASET_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const MAX_SELECTION_LENGTH = 200;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/** Is this a `${dataset}:${id}` selection key the map could hold? */
export function isSelection(value: string): boolean {
  const colon = value.indexOf(':');
  if (colon < 1 || colon === value.length - 1) return false;
  if (value.length > MAX_SELECTION_LENGTH || CONTROL_CHARS.test(value)) return false;
  return DATASET_ID_PATTERN.test(value.slice(0, colon)) && value.trim() === value;
}

export function isDatasetId(value: string): boolean {
  return DATASET_ID_PATTERN.test(value);
}

type Warn = (message: string) => void;

/** The bad value as the reader typed it, short enough for a console line. */
function show(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function report(warn: Warn, key: string, value: unknown, accepted: string): void {
  warn(`Sahel Incident Map: ignored "${key}" = ${show(value)}; expected ${accepted}.`);
}

function decodeDay(key: string, value: unknown, warn: Warn): Date | undefined {
  if (value instanceof Date) {
    // A local-time Date would name the wrong day east or west of UTC; only UTC midnight is unambiguous.
    if (Number.isFinite(value.getTime()) && value.getTime() % 86_400_000 === 0 && value.getUTCFullYear() >= 1000) return value;
  } else if (typeof value === 'string') {
    // Years before 1000 cannot be told apart from a typo in a hand-typed URL.
    const day = parseDay(value.trim());
    if (day && day.getUTCFullYear() >= 1000) return day;
  }
  report(warn, key, value, 'a calendar date as YYYY-MM-DD, e.g. 2021-03-21');
  return undefined;
}

function decodeChoice<T extends string>(key: string, value: unknown, choices: readonly T[], warn: Warn): T | undefined {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : value;
  const found = choices.find((c) => c === text);
  if (found !== undefined) return found;
  report(warn, key, value, `one of ${choices.join(', ')}`);
  return undefined;
}

/** Splits `a,b` or takes an array; null when the value is neither. */
function listItems(value: unknown): string[] | null {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? [] : trimmed.split(',').map((s) => s.trim());
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.map((s: string) => s.trim());
  return null;
}

/**
 * A list of known names, returned in `order`. Unknown items are dropped one by one with a
 * warning; the field is dropped only when nothing in it was recognised, so a typo cannot hide
 * every event. An empty value (`types=`) means "none", which the filter panel can produce.
 */
function decodeList<T extends string>(key: string, value: unknown, order: readonly T[], lookup: (item: string) => T | undefined, accepted: string, warn: Warn): T[] | undefined {
  const items = listItems(value);
  if (items === null) {
    report(warn, key, value, `a comma-separated list of ${accepted}`);
    return undefined;
  }
  const chosen = new Set<T>();
  for (const item of items) {
    const found = lookup(item);
    if (found === undefined) report(warn, key, item, accepted);
    else chosen.add(found);
  }
  if (items.length > 0 && chosen.size === 0) return undefined;
  return order.filter((o) => chosen.has(o));
}

function lookupType(item: string): EventType | undefined {
  const lower = item.toLowerCase();
  return EVENT_TYPES.find((t) => t.toLowerCase() === lower || EVENT_TYPE_SLUGS[t] === lower);
}

function lookupCountry(item: string): Country | undefined {
  const lower = item.toLowerCase();
  return COUNTRIES.find((c) => c.toLowerCase() === lower || COUNTRY_CODES[c] === lower);
}

function decodeHidden(value: unknown, warn: Warn): string[] | undefined {
  const items = listItems(value);
  if (items === null) {
    report(warn, 'hidden', value, 'a comma-separated list of dataset ids');
    return undefined;
  }
  const ids: string[] = [];
  for (const item of items) {
    if (!isDatasetId(item)) report(warn, 'hidden', item, 'a dataset id (letters, digits, "-", "_", ".")');
    else if (!ids.includes(item)) ids.push(item);
  }
  if (items.length > 0 && ids.length === 0) return undefined;
  return ids;
}

function decodeView(value: unknown, warn: Warn): FocusAreaId | null | undefined {
  if (value === null) return null;
  if (typeof value === 'string' && [NO_VIEW, ''].includes(value.trim().toLowerCase())) return null;
  return decodeChoice('view', value, FOCUS_AREA_IDS, warn);
}

function decodeSelection(value: unknown, warn: Warn): string | null | undefined {
  if (value === null || value === '') return null;
  if (typeof value === 'string' && isSelection(value)) return value;
  report(warn, 'selection', value, '"<dataset>:<incident id>", e.g. ucdp:123456, or an empty value');
  return undefined;
}

/** An area id of AREA_IDS in its canonical case (`ne-5` → `NE-5`), or null for none (`area=`, `area=none`). */
function decodeArea(value: unknown, warn: Warn): string | null | undefined {
  if (value === null) return null;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (text === '' || text === NO_VIEW) return null;
    const found = AREA_IDS.find((id) => id.toLowerCase() === text);
    if (found !== undefined) return found;
  }
  report(warn, 'area', value, `an admin-1 region code such as NE-5 or ML-6, a focus area (${FOCUS_AREA_POLYGON_IDS.join(', ')}) or an empty value`);
  return undefined;
}

/** `on`/`off` (also `true`/`false`, `1`/`0`, or a boolean from the embed API). */
function decodeMatch(value: unknown, warn: Warn): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const text = typeof value === 'string' ? value.trim().toLowerCase() : value;
  if (text === 'on' || text === 'true' || text === '1') return true;
  if (text === 'off' || text === 'false' || text === '0') return false;
  report(warn, 'match', value, `one of ${MATCH_VALUES.join(', ')}`);
  return undefined;
}

function decodeSpeed(value: unknown, warn: Warn): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value.trim().replace(/x$/i, '')) : value;
  if (isSpeed(n)) return n;
  report(warn, 'speed', value, `one of ${SPEEDS.join(', ')}`);
  return undefined;
}

/**
 * The one decoder for state coming from outside (URL parameters as strings, embed messages as
 * strings, arrays, numbers or null). Returns only the fields that are valid; each invalid one is
 * dropped with a warning naming the parameter, the bad value and what is accepted. Never throws.
 * Keys outside {@link STATE_PARAMS} are ignored silently: the URL may carry other parameters.
 *
 * When both `from` and `to` are given and `from` is later, they are swapped: a reversed pair is
 * still an unambiguous window, and keeping it loses nothing the reader typed (a warning says so).
 */
export function decodeStatePatch(input: Record<string, unknown>, warn: Warn): Partial<AppState> {
  const patch: Partial<AppState> = {};
  const has = (key: StateParam) => Object.prototype.hasOwnProperty.call(input, key) && input[key] !== undefined;
  const set = <K extends keyof AppState>(key: K, value: AppState[K] | undefined) => {
    if (value !== undefined) patch[key] = value;
  };
  if (has('from')) set('from', decodeDay('from', input.from, warn));
  if (has('to')) set('to', decodeDay('to', input.to, warn));
  if (patch.from && patch.to && patch.from.getTime() > patch.to.getTime()) {
    warn(`Sahel Incident Map: "from" (${formatDay(patch.from)}) is after "to" (${formatDay(patch.to)}); swapped them.`);
    [patch.from, patch.to] = [patch.to, patch.from];
  }
  if (has('mode')) set('mode', decodeChoice<TimeMode>('mode', input.mode, TIME_MODES, warn));
  if (has('types')) set('types', decodeList('types', input.types, EVENT_TYPES, lookupType, `event types (${Object.values(EVENT_TYPE_SLUGS).join(', ')} or the ACLED names)`, warn));
  if (has('countries')) set('countries', decodeList('countries', input.countries, COUNTRIES, lookupCountry, `countries (${Object.values(COUNTRY_CODES).join(', ')} or ${COUNTRIES.join(', ')})`, warn));
  if (has('hidden')) set(PARAM_KEYS.hidden, decodeHidden(input.hidden, warn));
  if (has('view')) set('view', decodeView(input.view, warn));
  if (has('selection')) set('selection', decodeSelection(input.selection, warn));
  if (has('metric')) set('metric', decodeChoice<HistogramMetric>('metric', input.metric, METRICS, warn));
  if (has('speed')) set('speed', decodeSpeed(input.speed, warn));
  if (has('area')) set('area', decodeArea(input.area, warn));
  if (has('choropleth')) set('choropleth', decodeChoice<ChoroplethMode>('choropleth', input.choropleth, CHOROPLETH_MODES, warn));
  if (has('match')) set(PARAM_KEYS.match, decodeMatch(input.match, warn));
  return patch;
}

/**
 * The string form of each field present in `patch`, keyed by parameter name: what the URL and the
 * embed API write. `decodeStatePatch(encodeStatePatch(p))` gives `p` back for valid fields.
 */
export function encodeStatePatch(patch: Partial<AppState>): Partial<Record<StateParam, string>> {
  const out: Partial<Record<StateParam, string>> = {};
  if (patch.from) out.from = formatDay(patch.from);
  if (patch.to) out.to = formatDay(patch.to);
  if (patch.mode !== undefined) out.mode = patch.mode;
  if (patch.types) out.types = EVENT_TYPES.filter((t) => patch.types!.includes(t)).map((t) => EVENT_TYPE_SLUGS[t]).join(',');
  if (patch.countries) out.countries = COUNTRIES.filter((c) => patch.countries!.includes(c)).map((c) => COUNTRY_CODES[c]).join(',');
  if (patch.hiddenDatasets) out.hidden = patch.hiddenDatasets.join(',');
  if (patch.view !== undefined) out.view = patch.view ?? NO_VIEW;
  if (patch.selection !== undefined) out.selection = patch.selection ?? '';
  if (patch.metric !== undefined) out.metric = patch.metric;
  if (patch.speed !== undefined) out.speed = String(patch.speed);
  if (patch.area !== undefined) out.area = patch.area ?? '';
  if (patch.choropleth !== undefined) out.choropleth = patch.choropleth;
  if (patch.matching !== undefined) out.match = patch.matching ? 'on' : 'off';
  return out;
}

/**
 * The patch, made safe to merge into `state`: when only one end of the window is given and it
 * crosses the other end (`?from=2022-01-01` against a default window in 2021), the other end moves
 * to the same day, with a warning. A one-day window shows what was asked for; swapping would show
 * a window the reader never named. (When both ends are given, {@link decodeStatePatch} already
 * ordered them.)
 */
export function reconcileWindow(state: AppState, patch: Partial<AppState>, warn: Warn): Partial<AppState> {
  const from = patch.from ?? state.from;
  const to = patch.to ?? state.to;
  if (from.getTime() <= to.getTime()) return patch;
  if (patch.from && !patch.to) {
    warn(`Sahel Incident Map: "from" (${formatDay(from)}) is after the window's end (${formatDay(to)}); the window now ends on ${formatDay(from)} too.`);
    return { ...patch, to: from };
  }
  if (patch.to && !patch.from) {
    warn(`Sahel Incident Map: "to" (${formatDay(to)}) is before the window's start (${formatDay(from)}); the window now starts on ${formatDay(to)} too.`);
    return { ...patch, from: to };
  }
  return { ...patch, from: to, to: from };
}
