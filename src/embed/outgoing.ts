import { formatDay } from '../data/calendarDay';
import { encodeStatePatch, PARAM_KEYS, STATE_PARAMS, type AppState, type DerivedView } from '../state';
import type { Incident } from '../types';
import { EMBED_APP, PROTOCOL_VERSION } from './messages';

/**
 * The state as the map reports it: the URL's spellings (slugs, ISO3 codes, `YYYY-MM-DD`), with
 * lists as arrays. A page can send any of these fields back in `set-state` unchanged.
 */
export interface WireState {
  from: string;
  to: string;
  mode: AppState['mode'];
  types: string[];
  countries: string[];
  hidden: string[];
  view: string | null;
  selection: string | null;
  metric: AppState['metric'];
  speed: number;
  /** The matching toggle, as the URL writes it. */
  match: 'on' | 'off';
  playing: boolean;
  /** The selected area's id (`NE-5`, `border` …) or null. */
  area: string | null;
  choropleth: AppState['choropleth'];
}

/**
 * What the map shows in the window with the filters: counted datasets only, as the status line.
 * `incidents` and `deaths` are the one counted dataset's figures, and null when several are shown:
 * two datasets are never added into one number. `datasets` always has one entry per shown counted
 * dataset, in a stable order.
 */
export interface VisibleTotals {
  incidents: number | null;
  deaths: number | null;
  datasets: { id: string; name: string; incidents: number; deaths: number }[];
  /** The selected area's figures, one entry per counted shown dataset (never summed); null when no area is selected. */
  area: WireArea | null;
}

/** One period's figures of an area for one dataset. */
export interface WireAreaTotals {
  incidents: number;
  deaths: number;
  deathsLow: number;
  deathsHigh: number;
  /** Incidents placed only at a district, region or country centroid. */
  centroidOnly: number;
}

/** The selected area as the `visible` member reports it. */
export interface WireArea {
  id: string;
  kind: 'region' | 'focus';
  name: string;
  nameFr: string;
  datasets: { id: string; name: string; current: WireAreaTotals; previous: WireAreaTotals; yearEarlier: WireAreaTotals; outside: WireAreaTotals }[];
}

const wireAreaTotals = ({ incidents, deaths, deathsLow, deathsHigh, centroidOnly }: WireAreaTotals): WireAreaTotals => ({ incidents, deaths, deathsLow, deathsHigh, centroidOnly });

/** The `area` member of {@link VisibleTotals}, from the derived view. */
export function wireArea(view: DerivedView): WireArea | null {
  const area = view.area;
  if (!area) return null;
  return {
    id: area.id,
    kind: area.kind,
    name: area.name,
    nameFr: area.nameFr,
    datasets: area.datasets.map((d) => ({ id: d.id, name: d.name, current: wireAreaTotals(d.current), previous: wireAreaTotals(d.previous), yearEarlier: wireAreaTotals(d.yearEarlier), outside: wireAreaTotals(d.outside) })),
  };
}

/** The `visible` member of the map's messages, from the derived view. */
export function visibleTotals(view: DerivedView): VisibleTotals {
  return {
    incidents: view.totals?.incidents ?? null,
    deaths: view.totals?.deaths ?? null,
    datasets: view.counted.map((d) => ({ id: d.id, name: d.name, incidents: d.totals?.incidents ?? 0, deaths: d.totals?.deaths ?? 0 })),
    area: wireArea(view),
  };
}

/** The incident an `incident-selected` message describes: plain values, no sources, no markup. */
export interface WireIncident {
  key: string;
  dataset: string;
  id: string;
  dateStart: string;
  dateEnd: string;
  place: string;
  admin1: string;
  country: string;
  eventType: string;
  deathsBest: number;
  deathsLow: number | null;
  deathsHigh: number | null;
}

interface Envelope {
  app: typeof EMBED_APP;
  version: typeof PROTOCOL_VERSION;
}

/** Map → page messages. `height` is also posted in AMP's and Pym.js's formats (heightPoster.ts). */
export type MapMessage = Envelope &
  (
    | { type: 'ready'; state: WireState; visible: VisibleTotals }
    | { type: 'state'; state: WireState; visible: VisibleTotals; changed: string[]; requestId?: string }
    | { type: 'incident-selected'; incident: WireIncident | null }
    | { type: 'error'; message: string; requestId?: string }
    | { type: 'height'; height: number }
  );

const split = (list: string | undefined): string[] => (list ? list.split(',') : []);

export function wireState(state: AppState): WireState {
  const e = encodeStatePatch(state);
  return {
    from: e.from!,
    to: e.to!,
    mode: state.mode,
    types: split(e.types),
    countries: split(e.countries),
    hidden: split(e.hidden),
    view: state.view,
    selection: state.selection,
    metric: state.metric,
    speed: state.speed,
    match: state.matching ? 'on' : 'off',
    playing: state.playing,
    area: state.area,
    choropleth: state.choropleth,
  };
}

/** The state keys the embed reports, under their wire names: the URL's parameters, then `playing`. */
const WIRE_KEYS: readonly [keyof AppState, string][] = [...STATE_PARAMS.map((p): [keyof AppState, string] => [PARAM_KEYS[p], p]), ['playing', 'playing']];

/** The changed state keys under their wire names (`hiddenDatasets` → `hidden`), in a stable order. */
export function wireKeys(keys: readonly (keyof AppState)[]): string[] {
  return WIRE_KEYS.filter(([k]) => keys.includes(k)).map(([, wire]) => wire);
}

export function wireIncident(incident: Incident): WireIncident {
  return {
    key: `${incident.dataset}:${incident.id}`,
    dataset: incident.dataset,
    id: incident.id,
    dateStart: formatDay(incident.dateStart),
    dateEnd: formatDay(incident.dateEnd),
    place: incident.place,
    admin1: incident.admin1,
    country: incident.country,
    eventType: incident.eventType,
    deathsBest: incident.deathsBest,
    deathsLow: incident.deathsLow,
    deathsHigh: incident.deathsHigh,
  };
}

const envelope: Envelope = { app: EMBED_APP, version: PROTOCOL_VERSION };

export const readyMessage = (state: AppState, visible: VisibleTotals): MapMessage => ({ ...envelope, type: 'ready', state: wireState(state), visible });

export function stateMessage(state: AppState, visible: VisibleTotals, changed: readonly (keyof AppState)[], requestId?: string): MapMessage {
  const message: MapMessage = { ...envelope, type: 'state', state: wireState(state), visible, changed: wireKeys(changed) };
  return requestId === undefined ? message : { ...message, requestId };
}

export const incidentMessage = (incident: Incident | null): MapMessage => ({ ...envelope, type: 'incident-selected', incident: incident ? wireIncident(incident) : null });

export function errorMessage(message: string, requestId?: string): MapMessage {
  const m: MapMessage = { ...envelope, type: 'error', message };
  return requestId === undefined ? m : { ...m, requestId };
}

export const heightMessage = (height: number): MapMessage => ({ ...envelope, type: 'height', height });
