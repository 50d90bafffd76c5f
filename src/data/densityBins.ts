import { passesMasks, type FilterMasks, type IncidentColumns } from './incidentColumns';

/** The columns the bins read: positions, deaths, classes (for the filters) and radius (0 = unplaced). */
export type BinColumns = Pick<IncidentColumns, 'count' | 'originX' | 'originY' | 'xy' | 'deaths' | 'classes' | 'radius'>;

/**
 * The events of a window slice in square cells of Web Mercator: one entry per non-empty cell, in
 * the order first met. A cell `(ix, iy)` covers absolute Mercator `[ix·size, (ix+1)·size)` ×
 * `[iy·size, (iy+1)·size)`, so the grid does not move when the map pans or the window changes.
 */
export interface DensityBins {
  /** Side of a cell in Mercator units (0..1 across the world). */
  readonly size: number;
  /** Number of non-empty cells. */
  readonly length: number;
  readonly ix: Int32Array;
  readonly iy: Int32Array;
  /** Events in each cell. */
  readonly counts: Uint32Array;
  /** Sum of the best death estimates in each cell. */
  readonly deaths: Float64Array;
  /** The largest entry of `counts` (0 without cells). */
  readonly maxCount: number;
}

/** Tile size maplibre uses for zoom: the world is 512·2^zoom CSS px wide. */
const WORLD_PX = 512;

/** A cell's side in Mercator units, so that it covers about `px` CSS px at `zoom`. */
export function cellSizeForZoom(zoom: number, px: number): number {
  return px / (WORLD_PX * 2 ** zoom);
}

/** Cells per axis fit in 2^21 at any size used (the world is below 2^21 cells of 1 px at zoom 11). */
const KEY_SPAN = 2 ** 22;

/**
 * Bins the events `[lo, hi)` of the columns that pass the masks (and can be placed) into cells of
 * side `size`. Out-of-range slices are clamped; a size that is not a positive number gives no cells.
 */
export function binDensity(columns: BinColumns, lo: number, hi: number, masks: FilterMasks, size: number): DensityBins {
  const from = Math.max(0, Math.floor(lo));
  const to = Math.min(columns.count, Math.floor(hi));
  const cellOf = new Map<number, number>();
  const ix: number[] = [];
  const iy: number[] = [];
  const counts: number[] = [];
  const deaths: number[] = [];
  if (!(size > 0) || !Number.isFinite(size)) return finish(size, ix, iy, counts, deaths);
  const { xy, originX, originY, classes, radius } = columns;
  for (let i = from; i < to; i++) {
    if (!(radius[i] > 0) || !passesMasks(classes[i], masks)) continue;
    const cx = Math.floor((xy[2 * i] + originX) / size);
    const cy = Math.floor((xy[2 * i + 1] + originY) / size);
    const key = (cx + KEY_SPAN / 2) * KEY_SPAN + (cy + KEY_SPAN / 2);
    let k = cellOf.get(key);
    if (k === undefined) {
      k = ix.length;
      cellOf.set(key, k);
      ix.push(cx);
      iy.push(cy);
      counts.push(0);
      deaths.push(0);
    }
    counts[k]++;
    deaths[k] += columns.deaths[i];
  }
  return finish(size, ix, iy, counts, deaths);
}

function finish(size: number, ix: number[], iy: number[], counts: number[], deaths: number[]): DensityBins {
  let maxCount = 0;
  for (const c of counts) if (c > maxCount) maxCount = c;
  return { size, length: ix.length, ix: Int32Array.from(ix), iy: Int32Array.from(iy), counts: Uint32Array.from(counts), deaths: Float64Array.from(deaths), maxCount };
}

/** A box in absolute Web Mercator, `minX <= x <= maxX`, `minY <= y <= maxY`. */
export interface MercatorBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** How many events of `[lo, hi)` that pass the masks (and can be placed) lie in the box: what the density rule weighs. */
export function countInBox(columns: BinColumns, lo: number, hi: number, masks: FilterMasks, box: MercatorBox): number {
  const from = Math.max(0, Math.floor(lo));
  const to = Math.min(columns.count, Math.floor(hi));
  const { xy, classes, radius } = columns;
  // Compare in the columns' relative frame: one subtraction per box edge, not per event.
  const minX = box.minX - columns.originX;
  const maxX = box.maxX - columns.originX;
  const minY = box.minY - columns.originY;
  const maxY = box.maxY - columns.originY;
  let n = 0;
  for (let i = from; i < to; i++) {
    const x = xy[2 * i];
    const y = xy[2 * i + 1];
    if (x < minX || x > maxX || y < minY || y > maxY || !(radius[i] > 0)) continue;
    if (passesMasks(classes[i], masks)) n++;
  }
  return n;
}

/** The index in `bins` of the cell holding absolute Mercator `(x, y)`, or -1 for an empty place. */
export function cellAt(bins: DensityBins, x: number, y: number): number {
  if (!(bins.size > 0)) return -1;
  const cx = Math.floor(x / bins.size);
  const cy = Math.floor(y / bins.size);
  for (let k = 0; k < bins.length; k++) if (bins.ix[k] === cx && bins.iy[k] === cy) return k;
  return -1;
}
