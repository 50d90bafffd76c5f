import { buildIdTable, idTableOfHashes, type IdTable } from '../data/idTable';
import { buildIncidentColumns, type IncidentColumns } from '../data/incidentColumns';
import { createSpatialIndex } from '../data/spatialIndex';
import { tableOfIncidents, type IncidentTable } from '../data/incidentTable';
import type { TimeIndexParts } from '../data/timeIndex';
import { createMarkerScale, type MarkerScaleOptions } from '../map/markerScale';
import type { Incident } from '../types';

/** The app's marker scale as data, for the worker to size markers as the legend does. */
export interface MarkerScaleSpec {
  /** The top of the scale's domain (`scale().domain()[1]`). */
  domainMax: number;
  options: MarkerScaleOptions;
}

/**
 * Everything the page would otherwise build over a million incidents before drawing them, built in
 * the import worker over the incidents in time order and transferred as typed arrays: the time
 * index's parts, the GPU columns, the k-d tree for picking and the id table for lookups.
 */
export interface LayerParts {
  index: TimeIndexParts;
  columns: IncidentColumns;
  /** KDBush's buffer over the columns' positions; null when there are no incidents. */
  tree: ArrayBuffer | null;
  ids: IdTable;
}

/** `sorted` and `index` from sortForTimeIndex; `marker` the app's scale. */
export function buildLayerParts(sorted: readonly Incident[], index: TimeIndexParts, marker: MarkerScaleSpec): LayerParts {
  return layerPartsOfTable(tableOfIncidents(sorted), index, marker);
}

/**
 * The same over a table in time order (the import worker's, over its packed columns): `index` is
 * the time index's parts over it; `idHashes`, each incident's hashId, if the ids were hashed already.
 */
export function layerPartsOfTable(table: IncidentTable, index: TimeIndexParts, marker: MarkerScaleSpec, idHashes?: Uint32Array): LayerParts {
  const scale = createMarkerScale(marker.domainMax, marker.options);
  const columns = buildIncidentColumns({ incidents: table, days: index.days }, scale.radius);
  const tree = createSpatialIndex(columns).tree;
  return { index, columns, tree: tree ? (tree.data as ArrayBuffer) : null, ids: idHashes ? idTableOfHashes(idHashes) : buildIdTable(table.length, table.id) };
}

/** The buffers to transfer with the parts. */
export function layerPartsTransfer(p: LayerParts): ArrayBuffer[] {
  const c = p.columns;
  const arrays = [p.index.days, ...p.index.buckets.flatMap((b) => [b.days, b.deaths]), c.xy, c.day, c.radius, c.deaths, c.classes, p.ids.slots];
  return [...arrays.map((a) => a.buffer as ArrayBuffer), ...(p.tree ? [p.tree] : [])];
}
