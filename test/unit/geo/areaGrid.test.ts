import { describe, expect, it } from 'vitest';
import { CELL_BOUNDARY, CELL_INSIDE, CELL_OUTSIDE, cellOf, classifyCells } from '../../../src/geo/areaGrid';

describe('classifyCells', () => {
  it('marks the cells a square’s edges cross as boundary, the ones within as inside and the rest as outside', () => {
    // A 4 × 4 grid of unit cells over [0, 4]²; the square [0.5, 2.5]² crosses cells 0–2 in each direction.
    const frame = { west: 0, south: 0, size: 1, columns: 4, rows: 4 };
    const ring: [number, number][] = [[0.5, 0.5], [2.5, 0.5], [2.5, 2.5], [0.5, 2.5], [0.5, 0.5]];
    const contains = (x: number, y: number) => x > 0.5 && x < 2.5 && y > 0.5 && y < 2.5;
    const cells = classifyCells(frame, [ring], [0.5, 0.5, 2.5, 2.5], contains);
    const at = (i: number, j: number) => cells[j * 4 + i];
    expect(at(1, 1)).toBe(CELL_INSIDE);
    expect([at(0, 0), at(2, 0), at(0, 2), at(2, 2), at(1, 0), at(0, 1)]).toEqual(Array(6).fill(CELL_BOUNDARY));
    expect([at(3, 3), at(3, 0), at(0, 3)]).toEqual([CELL_OUTSIDE, CELL_OUTSIDE, CELL_OUTSIDE]);
  });

  it('marks every cell a long diagonal edge passes through, not only its ends', () => {
    const frame = { west: 0, south: 0, size: 1, columns: 10, rows: 10 };
    const ring: [number, number][] = [[0.5, 0.5], [9.5, 9.5], [0.5, 9.5], [0.5, 0.5]];
    const cells = classifyCells(frame, [ring], [0.5, 0.5, 9.5, 9.5], () => false);
    for (let k = 0; k < 10; k++) expect(cells[k * 10 + k]).toBe(CELL_BOUNDARY);
  });

  it('cellOf gives -1 off the grid', () => {
    const frame = { west: 0, south: 0, size: 1, columns: 2, rows: 2 };
    expect([cellOf(frame, 0.5, 0.5), cellOf(frame, 1.5, 1.5), cellOf(frame, -0.1, 0.5), cellOf(frame, 0.5, 2.1), cellOf(frame, Number.NaN, 0)]).toEqual([0, 3, -1, -1, -1]);
  });
});
