import type { Map as MaplibreMap } from 'maplibre-gl';
import type { DayWindow, TimeMode } from '../state';
import type { Dataset, Incident, IncidentFilter } from '../types';
import type { IncidentColumns } from '../data/incidentColumns';
import type { TimeIndex } from '../data/timeIndex';
import type { MarkerStyle } from './markerStyle';

/**
 * The incident layer's seam: the timeline, popups and state talk only to this interface, so the
 * rendering technique (maplibre circle layers, a custom WebGL layer) can be swapped without
 * touching them.
 */
export interface IncidentLayerState {
  /**
   * `[lo, hi)` of the layer's index to draw: the shown window's slice from the derived view
   * (src/state/derive.ts), so no layer works out the window rule itself.
   */
  slice: readonly [number, number];
  /** The reader's window: in cumulative mode, events before its first day are dimmed. */
  window: DayWindow;
  mode: TimeMode;
  filter: IncidentFilter;
  visible: boolean;
  /** `${dataset}:${id}` of the selected incident, or null. */
  selection: string | null;
  /**
   * The matching toggle (AppState.matching): when true and the layer has match flags, matched
   * events are dimmed and the events one source has alone are ringed (solid for A, dashed for B).
   */
  matching: boolean;
}

export interface IncidentLayerOptions {
  /** Layer id prefix; must be unique on the map. */
  id: string;
  dataset: Dataset;
  /** How markers look, sizes included: the one style the legend also reads. */
  style: MarkerStyle;
  /** Insert below this style layer (so labels stay on top), if given. */
  beforeId?: string;
  /** The position of an incident id in the index the layer is given (the dataset's id table): without it, the layer scans the ids. */
  positionOf?: (id: string) => number;
}

/**
 * What a layer would build over the index itself, built elsewhere (the import worker) over the
 * same index with the same marker scale: a layer that can use it skips that work.
 */
export interface PrebuiltLayerData {
  columns: IncidentColumns;
  /** KDBush's buffer over `columns` (see spatialIndexFromData); null without incidents. */
  tree: ArrayBuffer | null;
}

export interface IncidentLayer {
  readonly id: string;
  /** Replaces the data (once per dataset load, not per slider step); `prebuilt` spares the build. */
  setData(index: TimeIndex, prebuilt?: PrebuiltLayerData): void;
  /** Applies the window, mode, filters and selection. Called on every slider step: must be cheap. */
  update(state: IncidentLayerState): void;
  /** Incidents drawn under a screen point (CSS pixels), nearest first; all of a stack are returned. */
  pick(point: { x: number; y: number }): Incident[];
  /**
   * One flag per event in the index's order (src/data/datasetMatch.ts `MATCH_FLAG`), or null to
   * forget them. A column, not objects: at 100,000 events it is 100 kB. Layers that never take
   * part in matching (story events) leave this out.
   */
  setMatchFlags?(flags: Uint8Array | null): void;
  /** The density view's square under a screen point (CSS pixels), or null where it draws none (or draws markers). */
  pickCell?(point: { x: number; y: number }): DensityCellHit | null;
  remove(): void;
}

/** A square of the density view: its events (in the window, passing the filters) and their deaths, all from one dataset. */
export interface DensityCellHit {
  datasetId: string;
  count: number;
  deaths: number;
  /** The square's corners, [west, south, east, north] in degrees: what a click zooms to. */
  bounds: [number, number, number, number];
  /** The square's centre [lon, lat], where its card opens. */
  centre: [number, number];
}

export type IncidentLayerFactory = (map: MaplibreMap, options: IncidentLayerOptions) => IncidentLayer;
