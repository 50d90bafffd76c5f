import type { TimeIndex } from '../data/timeIndex';
import type { AppState } from '../state';
import { cumulativeWindow } from '../timeline/windowMath';
import type { VisibleTotals } from './outgoing';

/** A counted dataset's index under its dataset id (annotation datasets never count). */
export interface CountedIndex {
  id: string;
  index: TimeIndex;
}

/**
 * Incidents and deaths the map shows for `state`: the counted datasets that are not hidden, in the
 * window (from the data's first day in cumulative mode, as the timeline's status line counts),
 * through the type and country filters. Cheap (prefix sums), so it runs on every state change.
 */
export function visibleTotals(state: AppState, counted: readonly CountedIndex[]): VisibleTotals {
  let incidents = 0;
  let deaths = 0;
  for (const { id, index } of counted) {
    if (state.hiddenDatasets.includes(id)) continue;
    const shown = state.mode === 'cumulative' && index.extent ? cumulativeWindow(state, index.extent) : state;
    const t = index.totals(shown.from, shown.to, { types: state.types, countries: state.countries });
    incidents += t.incidents;
    deaths += t.deaths;
  }
  return { incidents, deaths };
}
