import { utcDay, utcYear } from 'd3-time';
import { OUTSIDE_AREA_ID, type AreaIndex, type AreaMeta, type AreaTotals } from '../data/areaIndex';
import { regionWindowMax } from '../data/areaSeries';
import { dayNumber } from '../data/timeIndex';
import type { IncidentFilter } from '../types';
import type { AppState } from './store';
import type { ChoroplethMode } from './vocabulary';

/** A span of whole UTC days, both ends inclusive. */
export interface DayWindow {
  from: Date;
  to: Date;
}

/** One counted dataset's figures for the selected area: never added to another dataset's. */
export interface AreaDatasetFigures {
  id: string;
  name: string;
  /** The shown window. */
  current: AreaTotals;
  /** The period of the same length just before it. */
  previous: AreaTotals;
  /** The same days a year earlier. */
  yearEarlier: AreaTotals;
  /**
   * The dataset's incidents in the shown window (and filters) that lie outside every region (across
   * a border, in a lake, a swapped coordinate): reported beside any area, never silently dropped.
   */
  outside: AreaTotals;
}

/** The selected area and its figures, per counted shown dataset that has an area index. */
export interface AreaView extends AreaMeta {
  datasets: readonly AreaDatasetFigures[];
}

/** The regions' shading: one dataset's figures (two datasets are never added), per region in `regionIds` order. */
export interface ChoroplethView {
  metric: Exclude<ChoroplethMode, 'off'>;
  /** The first counted shown dataset with an area index: the shading is its figures alone. */
  datasetId: string;
  regionIds: readonly string[];
  /** Per region, for the shown window and filters. */
  values: Float64Array;
  /**
   * [0, max]: max is the largest value any region reaches in any window of the shown window's
   * length across the data (in cumulative mode, over the whole data), so the shading is
   * comparable while the slider moves. Computed once per length, filters and metric.
   */
  domain: readonly [number, number];
}

/** What deriveAreaView and deriveChoropleth read of each counted shown dataset. */
export interface AreaSource {
  id: string;
  name: string;
  areas: AreaIndex | null;
}

/** The window of the same length that ends the day before `window` starts. */
export function previousWindow(window: DayWindow): DayWindow {
  const length = dayNumber(window.to) - dayNumber(window.from) + 1;
  return { from: utcDay.offset(window.from, -length), to: utcDay.offset(window.from, -1) };
}

/** The same days a year earlier (29 February falls on 1 March). */
export function yearEarlierWindow(window: DayWindow): DayWindow {
  return { from: utcYear.offset(window.from, -1), to: utcYear.offset(window.to, -1) };
}

/** The selected area's figures in the shown window, the previous period and a year earlier: O(datasets × buckets × log n). */
export function deriveAreaView(areaId: string | null, shown: DayWindow, filter: IncidentFilter, sources: readonly AreaSource[]): AreaView | null {
  if (areaId === null) return null;
  let meta: AreaMeta | undefined;
  const datasets: AreaDatasetFigures[] = [];
  const previous = previousWindow(shown);
  const yearEarlier = yearEarlierWindow(shown);
  for (const s of sources) {
    const found = s.areas?.area(areaId);
    if (!s.areas || !found) continue;
    meta ??= found;
    datasets.push({
      id: s.id,
      name: s.name,
      current: s.areas.totals(found.id, shown, filter),
      previous: s.areas.totals(found.id, previous, filter),
      yearEarlier: s.areas.totals(found.id, yearEarlier, filter),
      outside: s.areas.totals(OUTSIDE_AREA_ID, shown, filter),
    });
  }
  return meta ? { id: meta.id, kind: meta.kind, name: meta.name, nameFr: meta.nameFr, datasets } : null;
}

/** The regions' shading for the first counted shown dataset with an area index, or null when off or none has one. */
export function deriveChoropleth(state: Pick<AppState, 'choropleth' | 'mode'>, shown: DayWindow, filter: IncidentFilter, sources: readonly AreaSource[]): ChoroplethView | null {
  if (state.choropleth === 'off') return null;
  const source = sources.find((s) => s.areas !== null);
  if (!source?.areas) return null;
  const areas = source.areas;
  const metric = state.choropleth;
  const values = areas.regionValues(shown, filter, metric);
  const extent = areas.index.extent;
  let max = 0;
  if (extent && state.mode === 'cumulative') {
    // A cumulative window only grows: its largest value is the whole data's.
    for (const v of areas.regionValues({ from: extent[0], to: extent[1] }, filter, metric)) max = Math.max(max, v);
  } else {
    max = regionWindowMax(areas, dayNumber(shown.to) - dayNumber(shown.from) + 1, filter, metric);
  }
  for (const v of values) max = Math.max(max, v);
  return { metric, datasetId: source.id, regionIds: areas.regionIds, values, domain: [0, max] };
}
