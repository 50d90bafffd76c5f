import type { Country, EventType } from '../types';
import { COUNTRIES, EVENT_TYPES } from '../types';
import type { ChoroplethMode, FocusAreaId, HistogramMetric, TimeMode } from './vocabulary';

/** The single source of truth: every view derives from this; the URL and the embed API read and write it. */
export interface AppState {
  /** First day of the window, UTC midnight, inclusive. */
  from: Date;
  /** Last day of the window, UTC midnight, inclusive. */
  to: Date;
  mode: TimeMode;
  /** Event types shown, in EVENT_TYPES order. */
  types: readonly EventType[];
  /** Countries shown, in COUNTRIES order. */
  countries: readonly Country[];
  /** The focus area last asked for (null once the reader moved the map by hand). */
  view: FocusAreaId | null;
  /** Selected incident as `${dataset}:${id}`, or null. */
  selection: string | null;
  playing: boolean;
  /** Play speed multiplier: 1, 2 or 4. */
  speed: number;
  /** Dataset layers shown, by dataset id (missing = shown). */
  hiddenDatasets: readonly string[];
  metric: HistogramMetric;
  /** The area whose figures are shown (an id of AREA_IDS: `NE-5`, `border` …), or null. */
  area: string | null;
  /** What the admin-1 regions are shaded by, or `off`. */
  choropleth: ChoroplethMode;
  /**
   * Matching two counted datasets drawn on the map: when true, the events one source has alone are
   * ringed and the matched pairs dimmed (the match summary is shown either way).
   */
  matching: boolean;
}

/** Who made a change: views use it to avoid echoing their own changes back (e.g. the map camera). */
export type ChangeSource = 'init' | 'url' | 'ui' | 'map' | 'embed' | 'play' | 'data';

export type StateListener = (state: AppState, previous: AppState, source: ChangeSource) => void;

export interface Store {
  get(): AppState;
  /** Merges the patch; fires `change` only when something changed. */
  set(patch: Partial<AppState>, source: ChangeSource): void;
  /** Subscribes; returns the unsubscribe function. */
  on(event: 'change', listener: StateListener): () => void;
}

export const DEFAULT_STATE: AppState = {
  from: new Date(Date.UTC(2021, 2, 1)),
  to: new Date(Date.UTC(2021, 3, 5)),
  mode: 'window',
  types: EVENT_TYPES,
  countries: COUNTRIES,
  view: 'sahel',
  selection: null,
  playing: false,
  speed: 1,
  hiddenDatasets: [],
  metric: 'events',
  area: null,
  choropleth: 'off',
  matching: false,
};

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return Object.is(a, b);
}

/** Keys of `b` whose values differ from `a`. */
export function changedKeys(a: AppState, b: AppState): (keyof AppState)[] {
  return (Object.keys(b) as (keyof AppState)[]).filter((k) => !sameValue(a[k], b[k]));
}

export function createStore(initial: AppState = DEFAULT_STATE): Store {
  let state: AppState = { ...initial };
  const listeners = new Set<StateListener>();
  return {
    get: () => state,
    set(patch, source) {
      const next = { ...state, ...patch };
      if (changedKeys(state, next).length === 0) return;
      const previous = state;
      state = next;
      for (const listener of [...listeners]) listener(state, previous, source);
    },
    on(_event, listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
