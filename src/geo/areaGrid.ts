import type { Position } from 'geojson';

/** What a grid cell knows of one area: every point of the (closed) cell is outside it, inside it, or the cell touches its boundary. */
export const CELL_OUTSIDE = 0;
export const CELL_INSIDE = 1;
export const CELL_BOUNDARY = 2;

/** A grid over a box: cell (i, j) covers [west + i·size, west + (i+1)·size] × [south + j·size, south + (j+1)·size]. */
export interface GridFrame {
  west: number;
  south: number;
  size: number;
  columns: number;
  rows: number;
}

/** The cell index of a point, or -1 off the grid. */
export function cellOf(frame: GridFrame, lon: number, lat: number): number {
  const i = Math.floor((lon - frame.west) / frame.size);
  const j = Math.floor((lat - frame.south) / frame.size);
  if (!(i >= 0 && i < frame.columns && j >= 0 && j < frame.rows)) return -1;
  return j * frame.columns + i;
}

/**
 * Classifies every cell of the frame against one polygonal area (its rings, any nesting): cells
 * that a boundary segment comes within a hair of are CELL_BOUNDARY; every other cell lies wholly on
 * one side of the boundary. A row's run of cells between boundary cells is connected and crossed
 * by no boundary, so it is all inside or all outside: one exact test (`contains`, at the run's
 * first cell's centre) settles the whole run. So an area costs one pass over its segments, one
 * over the cells of its bounding box, and one exact test per run.
 */
export function classifyCells(frame: GridFrame, rings: readonly (readonly Position[])[], bbox: readonly [number, number, number, number], contains: (lon: number, lat: number) => boolean): Uint8Array {
  const { west, south, size, columns, rows } = frame;
  const cells = new Uint8Array(columns * rows);
  const eps = size * 1e-6;
  const mark = (x0: number, y0: number, x1: number, y1: number) => {
    const i0 = Math.max(0, Math.floor((Math.min(x0, x1) - eps - west) / size));
    const i1 = Math.min(columns - 1, Math.floor((Math.max(x0, x1) + eps - west) / size));
    const j0 = Math.max(0, Math.floor((Math.min(y0, y1) - eps - south) / size));
    const j1 = Math.min(rows - 1, Math.floor((Math.max(y0, y1) + eps - south) / size));
    for (let j = j0; j <= j1; j++) for (let i = i0; i <= i1; i++) cells[j * columns + i] = CELL_BOUNDARY;
  };
  for (const ring of rings) {
    for (let k = 1; k < ring.length; k++) {
      const [ax, ay] = ring[k - 1];
      const [bx, by] = ring[k];
      // Pieces no longer than a cell, so each piece's box covers at most 2 × 2 cells.
      const pieces = Math.max(1, Math.ceil(Math.max(Math.abs(bx - ax), Math.abs(by - ay)) / size));
      for (let p = 0; p < pieces; p++) {
        const t0 = p / pieces;
        const t1 = (p + 1) / pieces;
        mark(ax + (bx - ax) * t0, ay + (by - ay) * t0, ax + (bx - ax) * t1, ay + (by - ay) * t1);
      }
    }
  }
  const [w, s, e, n] = bbox;
  const i0 = Math.max(0, Math.floor((w - west) / size));
  const i1 = Math.min(columns - 1, Math.floor((e - west) / size));
  const j0 = Math.max(0, Math.floor((s - south) / size));
  const j1 = Math.min(rows - 1, Math.floor((n - south) / size));
  for (let j = j0; j <= j1; j++) {
    let i = i0;
    while (i <= i1) {
      if (cells[j * columns + i] === CELL_BOUNDARY) {
        i++;
        continue;
      }
      const inside = contains(west + (i + 0.5) * size, south + (j + 0.5) * size);
      while (i <= i1 && cells[j * columns + i] !== CELL_BOUNDARY) {
        if (inside) cells[j * columns + i] = CELL_INSIDE;
        i++;
      }
    }
  }
  return cells;
}
