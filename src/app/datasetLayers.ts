import type { Map as MaplibreMap } from 'maplibre-gl';
import type { DerivedSource, DerivedViewHandle, Store } from '../state';
import type { Dataset, Incident } from '../types';
import { createTimeIndex, type TimeIndex } from '../data/timeIndex';
import type { AreaIndex } from '../data/areaIndex';
import type { Area } from '../geo/areaAssignment';
import { indexAreas } from '../geo/indexAreas';
import { buildIdTable, findId, type IdTable } from '../data/idTable';
import type { IncidentLayer, IncidentLayerFactory, PrebuiltLayerData } from '../map/incidentLayer';
import type { MarkerStyle } from '../map/markerStyle';
import { layerStateFor } from './syncIncidentLayers';

export interface DatasetEntry {
  dataset: Dataset;
  index: TimeIndex;
  layer: IncidentLayer;
  /** The index's incidents by id. */
  ids: IdTable;
  /** Where a counted dataset's incidents lie (regions, focus areas); null for annotations or without the areas' geodata. */
  areas: AreaIndex | null;
}

/** What a caller may have built already for a dataset (the import worker builds all of it). */
export interface PrebuiltDataset {
  /** The dataset's time index: sorting a large file twice is the slow part. */
  index?: TimeIndex;
  /** The layer's columns and k-d tree over `index`, built with this app's marker scale. */
  layer?: PrebuiltLayerData;
  /** `index.incidents` by id. */
  ids?: IdTable;
  /** The dataset's area index over `index`, when it was built already (the import worker builds a large file's parts); otherwise a counted dataset is assigned and indexed here. */
  areas?: AreaIndex | null;
  /** Called when the dataset leaves the map (an import's worker, which holds its summaries and sources, is stopped). */
  dispose?: () => void;
}

export interface DatasetLayersOptions {
  map: MaplibreMap;
  store: Store;
  /** The app's derived view: told about every dataset added or removed, read for each new layer's first state. */
  derived: DerivedViewHandle;
  /** How every dataset's markers look (sizes from the legend's scale). */
  style: MarkerStyle;
  /** Builds the layer of a counted dataset (the GPU layer, or the circle layer). */
  countedFactory: IncidentLayerFactory;
  /** Builds the layer of an annotation dataset (story events). */
  annotationFactory: IncidentLayerFactory;
  /** Counted layers go below this style layer (the labels). */
  beforeId?: string;
  /** The regions and focus areas each counted dataset's incidents are assigned to; null when the geodata did not load. */
  areas?: readonly Area[] | null;
}

export interface DatasetLayers {
  /**
   * Adds a dataset as its own layer, or replaces the one with the same id. Pass `prebuilt` with
   * what the caller already built (the time index, the layer's parts, the id table): with all of
   * it, adding a million incidents is no pass over them.
   */
  add(dataset: Dataset, incidents: readonly Incident[] | TimeIndex, prebuilt?: PrebuiltDataset): DatasetEntry;
  /** How every dataset's markers look: a prebuilt layer must use this scale. */
  readonly style: MarkerStyle;
  remove(id: string): void;
  entries(): readonly DatasetEntry[];
  /** Layers in picking order: annotations on top, then the newest counted dataset first. */
  pickOrder(): readonly IncidentLayer[];
  lookup(key: string): Incident | undefined;
  /** The position of an incident id in a dataset's time index (its id table), or -1. */
  positionOf(dataset: string, id: string): number;
  /** The incident of this key with its summary and sources, when its table fetches them (an import); null when lookup() has them already or the key is unknown. */
  details(key: string): Promise<Incident> | null;
  /** The areas arrived (they load after the map): every counted dataset without an area index gets one, and the derived view hears of it. */
  setAreas(areas: readonly Area[]): void;
  /** Called after a dataset was added or removed. */
  onChange(listener: () => void): () => void;
}

const isTimeIndex = (x: readonly Incident[] | TimeIndex): x is TimeIndex => !Array.isArray(x);

/** Every dataset on the map, each as its own layer; the derived view hears of each one added or removed. */
export function createDatasetLayers(options: DatasetLayersOptions): DatasetLayers {
  const { map, store } = options;
  let areaList = options.areas ?? null;
  const entries = new Map<string, DatasetEntry>();
  const listeners = new Set<() => void>();
  const disposers = new Map<string, () => void>();

  const changed = () => {
    for (const l of [...listeners]) l();
  };
  const sources = (): DerivedSource[] =>
    [...entries.values()].map((e) => ({ id: e.dataset.id, role: e.dataset.role, index: e.index, name: e.dataset.name, ...(e.areas ? { areas: e.areas } : {}) }));
  const areasOf = (dataset: Dataset, index: TimeIndex, prebuilt: PrebuiltDataset = {}): AreaIndex | null => {
    const areas = areaList;
    if (prebuilt.areas) return prebuilt.areas;
    if (!areas || dataset.role !== 'counted') return null;
    return indexAreas(index, areas);
  };

  // A key is `${dataset}:${id}` (incidentKey); the id table finds the id without a Map of every key.
  const position = (key: string): { entry: DatasetEntry; at: number } | null => {
    for (const entry of entries.values()) {
      const prefix = `${entry.dataset.id}:`;
      if (!key.startsWith(prefix)) continue;
      const at = findId(entry.ids, key.slice(prefix.length), entry.index.incidents.id);
      if (at >= 0) return { entry, at };
    }
    return null;
  };

  const api: DatasetLayers = {
    add(dataset, incidents, prebuilt) {
      api.remove(dataset.id);
      const index = prebuilt?.index ?? (isTimeIndex(incidents) ? incidents : createTimeIndex(incidents));
      const factory = dataset.role === 'counted' ? options.countedFactory : options.annotationFactory;
      const ids = prebuilt?.ids ?? buildIdTable(index.incidents.length, index.incidents.id);
      const positionOf = (id: string) => findId(ids, id, index.incidents.id);
      const layer = factory(map, { id: `dataset-${dataset.id}`, dataset, style: options.style, beforeId: dataset.role === 'counted' ? options.beforeId : undefined, positionOf });
      layer.setData(index, prebuilt?.layer);
      const entry = { dataset, index, layer, ids, areas: areasOf(dataset, index, prebuilt) };
      entries.set(dataset.id, entry);
      if (prebuilt?.dispose) disposers.set(dataset.id, prebuilt.dispose);
      options.derived.setSources(sources());
      layer.update(layerStateFor(options.derived.get(), dataset.id));
      changed();
      return entry;
    },
    remove(id) {
      const entry = entries.get(id);
      if (!entry) return;
      entry.layer.remove();
      entries.delete(id);
      disposers.get(id)?.();
      disposers.delete(id);
      options.derived.setSources(sources());
      changed();
    },
    entries: () => [...entries.values()],
    pickOrder() {
      const all = [...entries.values()];
      return [...all.filter((e) => e.dataset.role === 'annotation'), ...all.filter((e) => e.dataset.role === 'counted').reverse()].map((e) => e.layer);
    },
    positionOf(dataset, id) {
      const entry = entries.get(dataset);
      return entry ? findId(entry.ids, id, entry.index.incidents.id) : -1;
    },
    lookup(key) {
      const found = position(key);
      return found ? found.entry.index.incidents.get(found.at) : undefined;
    },
    details(key) {
      const found = position(key);
      if (!found) return null;
      const incidents = found.entry.index.incidents;
      if (incidents.detailed) return null;
      return incidents.details([found.at]).then(([incident]) => incident);
    },
    style: options.style,
    setAreas(areas) {
      areaList = areas;
      let changedAny = false;
      for (const e of entries.values()) {
        if (e.areas || e.dataset.role !== 'counted') continue;
        e.areas = indexAreas(e.index, areas);
        changedAny = true;
      }
      if (changedAny) options.derived.setSources(sources());
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return api;
}
