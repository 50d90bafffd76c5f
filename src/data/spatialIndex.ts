import KDBush from 'kdbush';
import type { FilterMasks, IncidentColumns } from './incidentColumns';
import { passesMasks } from './incidentColumns';

/**
 * A k-d tree over the columns' positions, so hover and click find the markers under the pointer
 * without reading pixels back from the GPU (which would stall the frame). Ids are column indices,
 * so the time window is a range test on the id. Float32 coordinates: 12 bytes per event.
 */
export interface SpatialIndex {
  readonly tree: KDBush | null;
  readonly columns: IncidentColumns;
}

/** What is drawn: the slice `[lo, hi)` of the columns, filtered by the masks. */
export interface PickWindow {
  lo: number;
  hi: number;
  masks: FilterMasks;
}

/** A hit: the column index and its distance from the point in CSS pixels. */
export interface PickHit {
  index: number;
  distancePx: number;
}

export function createSpatialIndex(columns: IncidentColumns): SpatialIndex {
  const n = columns.count;
  if (n === 0) return { tree: null, columns };
  const tree = new KDBush(n, 64, Float32Array);
  const { xy } = columns;
  for (let i = 0; i < n; i++) tree.add(xy[2 * i], xy[2 * i + 1]);
  return { tree: tree.finish(), columns };
}

/** The same index from a tree built elsewhere (the import worker) over the same columns: `data` is KDBush's buffer. */
export function spatialIndexFromData(columns: IncidentColumns, data: ArrayBuffer | null): SpatialIndex {
  return { tree: data ? KDBush.from(data) : null, columns };
}

/**
 * Events whose marker covers the point `(x, y)` (absolute Web Mercator), nearest first; events
 * stacked on one spot are all returned, the one drawn last (on top) first.
 *
 * `unitsPerPx` is the Mercator size of one CSS pixel at the point (1 / (512 · 2^zoom) on a flat
 * map), which turns each marker's radius in pixels into map units: picking follows the zoom as the
 * drawing does. `tolerancePx` widens every marker a little, so that a 2.5 px dot can be hovered.
 */
export function pickNear(index: SpatialIndex, x: number, y: number, unitsPerPx: number, window: PickWindow, tolerancePx = 2): PickHit[] {
  const { tree, columns } = index;
  if (!tree || !(unitsPerPx > 0) || window.hi <= window.lo) return [];
  const qx = x - columns.originX;
  const qy = y - columns.originY;
  const candidates = tree.within(qx, qy, (columns.maxRadius + tolerancePx) * unitsPerPx);
  const hits: PickHit[] = [];
  const { xy, radius, classes } = columns;
  for (const i of candidates) {
    if (i < window.lo || i >= window.hi || radius[i] <= 0) continue;
    if (!passesMasks(classes[i], window.masks)) continue;
    const d = Math.hypot(xy[2 * i] - qx, xy[2 * i + 1] - qy) / unitsPerPx;
    if (d <= radius[i] + tolerancePx) hits.push({ index: i, distancePx: d });
  }
  return hits.sort((a, b) => a.distancePx - b.distancePx || b.index - a.index);
}
