import type { AreaIndex } from '../data/areaIndex';
import type { TimeIndex } from '../data/timeIndex';
import type { DatasetRole, IncidentFilter } from '../types';
import { deriveAreaView, deriveChoropleth, type AreaSource, type AreaView, type ChoroplethView, type DayWindow } from './deriveAreas';
import type { AppState, ChangeSource, Store } from './store';

export type { DayWindow } from './deriveAreas';

/** Incidents and summed best-estimate deaths. */
export interface Totals {
  incidents: number;
  deaths: number;
}

/** A dataset as the derived view sees it: its id, its role and its time index. */
export interface DerivedSource {
  id: string;
  role: DatasetRole;
  index: TimeIndex;
  /** The name the reader sees ("UCDP GED"): per-dataset figures are labelled with it. @defaultValue the id */
  name?: string;
  /** Where each incident of `index` lies (regions, focus areas): without it the dataset has no area figures. */
  areas?: AreaIndex;
}

/** What one dataset shows for the state. */
export interface DatasetShown {
  id: string;
  /** The dataset's name as the reader sees it. */
  name: string;
  role: DatasetRole;
  /** The dataset's time index: `slice` indexes its `incidents`. */
  index: TimeIndex;
  /** False when the reader hid the dataset's layer. */
  visible: boolean;
  /**
   * `[lo, hi)` in the index's order (by start day): the events of the shown window before the type
   * and country filters. The layers draw this slice and the picker tests against it.
   */
  slice: readonly [number, number];
  /** The slice's events that pass the filters, for counted datasets; null for annotations (never counted). */
  totals: Totals | null;
  /** The dataset's area index (positions, weekly series), or null when it has none (yet). */
  areas: AreaIndex | null;
}

/**
 * What the map shows, derived once per state or data change and read by every view: the timeline,
 * the layers, the status line, the empty notice, the embed bridge and the text summaries. No view
 * works out the window rule or the totals itself.
 */
export interface DerivedView {
  readonly state: AppState;
  /** First and last start day of the shown counted datasets (all shown datasets when none is counted); null without data. */
  readonly extent: readonly [Date, Date] | null;
  /** The days shown: the reader's window, or from the data's first day in cumulative mode. */
  readonly shown: DayWindow;
  /** Every dataset, in the order the sources were given. */
  readonly datasets: readonly DatasetShown[];
  /** The counted datasets that are shown, in the same order, each with its own figures. */
  readonly counted: readonly DatasetShown[];
  /**
   * Incidents and deaths of the one counted dataset shown (zero when none is). Null when several
   * are shown: two datasets' figures are never added into one number (an attack recorded by both
   * would count twice), so every view then reads `counted`, one figure per dataset.
   */
  readonly totals: Totals | null;
  /** Does any shown counted dataset have an incident in the window and filters? */
  readonly hasIncidents: boolean;
  /**
   * The selected area (`state.area`) with, per counted shown dataset that has an area index, its
   * figures in the shown window, the previous period and a year earlier; null when no area is
   * selected or no dataset knows it.
   */
  readonly area: AreaView | null;
  /** The regions' shading (`state.choropleth`), or null when off or no counted shown dataset has an area index. */
  readonly choropleth: ChoroplethView | null;
}

/** The state keys the derived view depends on: a change to any other key keeps its figures. */
const DERIVED_KEYS: readonly (keyof AppState)[] = ['from', 'to', 'mode', 'types', 'countries', 'hiddenDatasets'];
/** Keys only one part of the view depends on: a change to them re-derives that part alone. */
const AREA_KEY: keyof AppState = 'area';
const CHOROPLETH_KEY: keyof AppState = 'choropleth';

const MS_PER_DAY = 86_400_000;
const floorDay = (date: Date): Date => new Date(Math.floor(date.getTime() / MS_PER_DAY) * MS_PER_DAY);

/**
 * The window rule, in one place. `window` mode shows the reader's window; `cumulative` mode shows
 * everything from the data's first day to the window's last day (a window ending before the data
 * begins shows just its last day). The stored window keeps its length either way, so switching
 * back restores it.
 */
export function shownWindow(state: Pick<AppState, 'from' | 'to' | 'mode'>, extent: readonly [Date, Date] | null): DayWindow {
  if (state.mode !== 'cumulative' || !extent) return { from: state.from, to: state.to };
  const to = floorDay(state.to);
  const start = floorDay(extent[0]);
  return { from: start <= to ? start : to, to };
}

/** The filter part of the state. */
export function filterOf(state: Pick<AppState, 'types' | 'countries'>): IncidentFilter {
  return { types: state.types, countries: state.countries };
}

/** The one totals function: a counted index's incidents and deaths in a window through the filters (O(log n)). */
export function windowTotals(index: TimeIndex, window: DayWindow, filter: IncidentFilter): Totals {
  return index.totals(window.from, window.to, filter);
}

function unionExtent(sources: readonly DerivedSource[]): [Date, Date] | null {
  let first: Date | null = null;
  let last: Date | null = null;
  for (const { index } of sources) {
    if (!index.extent) continue;
    if (!first || index.extent[0] < first) first = index.extent[0];
    if (!last || index.extent[1] > last) last = index.extent[1];
  }
  return first && last ? [first, last] : null;
}

/** Pure: the view of `state` over `sources`. */
export function deriveView(state: AppState, sources: readonly DerivedSource[]): DerivedView {
  const isShown = (s: DerivedSource) => !state.hiddenDatasets.includes(s.id);
  const countedSources = sources.filter((s) => s.role === 'counted' && isShown(s));
  const extent = unionExtent(countedSources.length ? countedSources : sources.filter(isShown));
  const shown = shownWindow(state, extent);
  const filter = filterOf(state);
  const cumulative = state.mode === 'cumulative';
  const datasets = sources.map((s): DatasetShown => {
    const [lo, hi] = s.index.range(shown.from, shown.to);
    const visible = isShown(s);
    return {
      id: s.id,
      name: s.name ?? s.id,
      role: s.role,
      index: s.index,
      visible,
      // Cumulative mode shows everything before the window too, whatever the dataset's first day.
      slice: [cumulative ? 0 : lo, hi],
      totals: s.role === 'counted' ? windowTotals(s.index, shown, filter) : null,
      areas: s.areas ?? null,
    };
  });
  const counted = datasets.filter((d) => d.role === 'counted' && d.visible);
  const totals = counted.length === 0 ? { incidents: 0, deaths: 0 } : counted.length === 1 ? counted[0].totals : null;
  const hasIncidents = counted.some((d) => d.totals!.incidents > 0);
  const area = deriveAreaView(state.area, shown, filter, counted);
  const choropleth = deriveChoropleth(state, shown, filter, counted);
  return { state, extent, shown, datasets, counted, totals, hasIncidents, area, choropleth };
}

/** The view for a state that differs from `view.state` only in keys outside DERIVED_KEYS: the figures are kept, `area` and `choropleth` re-derived if their key changed. */
function rederiveParts(view: DerivedView, state: AppState): DerivedView {
  const sources: readonly AreaSource[] = view.counted;
  const filter = filterOf(state);
  const area = state[AREA_KEY] !== view.state[AREA_KEY] ? deriveAreaView(state.area, view.shown, filter, sources) : view.area;
  const choropleth = state[CHOROPLETH_KEY] !== view.state[CHOROPLETH_KEY] ? deriveChoropleth(state, view.shown, filter, sources) : view.choropleth;
  return { ...view, state, area, choropleth };
}

export type DerivedListener = (view: DerivedView, previous: DerivedView, source: ChangeSource) => void;

/** The derived view kept in step with a store and the loaded datasets. */
export interface DerivedViewHandle {
  get(): DerivedView;
  /** The datasets changed (a file added or removed): derives again and notifies with source `data`. */
  setSources(sources: readonly DerivedSource[]): void;
  /**
   * Called after every store change (and data change) with the new view; a change to a key the view
   * does not depend on (play, speed, metric, view, selection) reuses the figures and only swaps `state`;
   * a change of `area` or `choropleth` re-derives only that part.
   */
  on(event: 'change', listener: DerivedListener): () => void;
  destroy(): void;
}

/** Derives once per change, before any listener runs, so every view reads the same figures. */
export function createDerivedView(store: Store, initial: readonly DerivedSource[] = []): DerivedViewHandle {
  let sources = initial;
  let view = deriveView(store.get(), sources);
  const listeners = new Set<DerivedListener>();
  const emit = (previous: DerivedView, source: ChangeSource) => {
    for (const listener of [...listeners]) listener(view, previous, source);
  };
  const off = store.on('change', (state, before, source) => {
    const previous = view;
    view = DERIVED_KEYS.some((k) => state[k] !== before[k]) ? deriveView(state, sources) : rederiveParts(view, state);
    emit(previous, source);
  });
  return {
    get: () => view,
    setSources(next) {
      sources = next;
      const previous = view;
      view = deriveView(store.get(), sources);
      emit(previous, 'data');
    },
    on(_event, listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      off();
      listeners.clear();
    },
  };
}
