import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binDensity, cellAt, cellSizeForZoom, countInBox, type BinColumns } from '../../../src/data/densityBins';
import { passesMasks, type FilterMasks } from '../../../src/data/incidentColumns';

/** Arbitrary columns: positions near an origin in the Sahel, class bytes of any value, some unplaced events (radius 0). */
const columnsArb = fc
  .record({
    originX: fc.double({ min: 0.44, max: 0.6, noNaN: true }),
    originY: fc.double({ min: 0.4, max: 0.5, noNaN: true }),
    events: fc.array(
      fc.record({
        dx: fc.double({ min: -0.05, max: 0.05, noNaN: true }),
        dy: fc.double({ min: -0.05, max: 0.05, noNaN: true }),
        cls: fc.integer({ min: 0, max: 255 }),
        deaths: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2000 })),
        placed: fc.integer({ min: 0, max: 9 }).map((k) => k > 0),
      }),
      { maxLength: 300 },
    ),
  })
  .map(({ originX, originY, events }): BinColumns => ({
    count: events.length,
    originX,
    originY,
    xy: Float32Array.from(events.flatMap((e) => [e.dx, e.dy])),
    deaths: Float32Array.from(events, (e) => e.deaths),
    classes: Uint8Array.from(events, (e) => e.cls),
    radius: Float32Array.from(events, (e) => (e.placed ? 4 : 0)),
  }));

const masksArb: fc.Arbitrary<FilterMasks> = fc.record({ types: fc.integer({ min: 0, max: 255 }), countries: fc.integer({ min: 0, max: 15 }) });
const sizeArb = fc.integer({ min: 2, max: 12 }).map((zoom) => cellSizeForZoom(zoom, 20));

/** The events of [lo, hi) that are drawn: placed and passing the masks. */
function drawn(c: BinColumns, lo: number, hi: number, masks: FilterMasks): number[] {
  const out: number[] = [];
  for (let i = Math.max(0, lo); i < Math.min(c.count, hi); i++) if (c.radius[i] > 0 && passesMasks(c.classes[i], masks)) out.push(i);
  return out;
}

describe('binDensity', () => {
  it('gives each cell the count and deaths of a brute-force pass over the window, filters and cell size', () => {
    fc.assert(
      fc.property(columnsArb, fc.nat(320), fc.nat(320), masksArb, sizeArb, (c, a, b, masks, size) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const bins = binDensity(c, lo, hi, masks, size);
        const expected = new Map<string, { count: number; deaths: number }>();
        for (const i of drawn(c, lo, hi, masks)) {
          const key = `${Math.floor((c.xy[2 * i] + c.originX) / size)},${Math.floor((c.xy[2 * i + 1] + c.originY) / size)}`;
          const cell = expected.get(key) ?? { count: 0, deaths: 0 };
          cell.count++;
          cell.deaths += c.deaths[i];
          expected.set(key, cell);
        }
        const got = new Map<string, { count: number; deaths: number }>();
        for (let k = 0; k < bins.length; k++) got.set(`${bins.ix[k]},${bins.iy[k]}`, { count: bins.counts[k], deaths: bins.deaths[k] });
        expect(got).toEqual(expected);
        expect(bins.size).toBe(size);
        expect(bins.maxCount).toBe(Math.max(0, ...bins.counts));
      }),
    );
  });

  it('puts every event in the square that contains it', () => {
    fc.assert(
      fc.property(columnsArb, masksArb, sizeArb, (c, masks, size) => {
        const bins = binDensity(c, 0, c.count, masks, size);
        for (const i of drawn(c, 0, c.count, masks)) {
          const x = c.xy[2 * i] + c.originX;
          const y = c.xy[2 * i + 1] + c.originY;
          const k = cellAt(bins, x, y);
          expect(k).toBeGreaterThanOrEqual(0);
          // Within a rounding error of the cell's edges.
          expect(x).toBeGreaterThanOrEqual(bins.ix[k] * size - 1e-12);
          expect(x).toBeLessThanOrEqual((bins.ix[k] + 1) * size + 1e-12);
          expect(y).toBeGreaterThanOrEqual(bins.iy[k] * size - 1e-12);
          expect(y).toBeLessThanOrEqual((bins.iy[k] + 1) * size + 1e-12);
        }
      }),
    );
  });

  it('gives no cells for an empty or inverted window, or a size that is not a positive number', () => {
    const c: BinColumns = { count: 2, originX: 0.5, originY: 0.5, xy: Float32Array.from([0, 0, 0.001, 0.001]), deaths: Float32Array.from([3, 4]), classes: Uint8Array.from([0, 0]), radius: Float32Array.from([4, 4]) };
    const all = { types: 255, countries: 15 };
    expect(binDensity(c, 1, 1, all, 0.01).length).toBe(0);
    expect(binDensity(c, 2, 0, all, 0.01).length).toBe(0);
    for (const size of [0, -1, Number.NaN, Infinity]) expect(binDensity(c, 0, 2, all, size).length).toBe(0);
    const one = binDensity(c, -5, 99, all, 0.01);
    expect(Array.from(one.counts)).toEqual([2]);
    expect(Array.from(one.deaths)).toEqual([7]);
  });
});

describe('countInBox', () => {
  it('counts the drawn events of the window inside the box, as a brute-force pass does', () => {
    fc.assert(
      fc.property(
        columnsArb,
        fc.nat(320),
        fc.nat(320),
        masksArb,
        fc.tuple(fc.double({ min: 0.38, max: 0.66, noNaN: true }), fc.double({ min: 0.38, max: 0.66, noNaN: true }), fc.double({ min: 0.34, max: 0.56, noNaN: true }), fc.double({ min: 0.34, max: 0.56, noNaN: true })),
        (c, a, b, masks, [x0, x1, y0, y1]) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const box = { minX: Math.min(x0, x1), maxX: Math.max(x0, x1), minY: Math.min(y0, y1), maxY: Math.max(y0, y1) };
          const inside = (i: number) => {
            const x = c.xy[2 * i] + c.originX;
            const y = c.xy[2 * i + 1] + c.originY;
            return x >= box.minX && x <= box.maxX && y >= box.minY && y <= box.maxY;
          };
          // Events on a box edge may fall either side of it in float32: count those apart.
          const edge = (i: number) => [box.minX, box.maxX].some((e) => Math.abs(c.xy[2 * i] + c.originX - e) < 1e-9) || [box.minY, box.maxY].some((e) => Math.abs(c.xy[2 * i + 1] + c.originY - e) < 1e-9);
          const d = drawn(c, lo, hi, masks);
          const n = countInBox(c, lo, hi, masks, box);
          expect(n).toBeGreaterThanOrEqual(d.filter((i) => inside(i) && !edge(i)).length);
          expect(n).toBeLessThanOrEqual(d.filter((i) => inside(i) || edge(i)).length);
        },
      ),
    );
  });
});

describe('cellSizeForZoom', () => {
  it('is px CSS pixels of a 512 px world at zoom 0, halving with each zoom level', () => {
    expect(cellSizeForZoom(0, 512)).toBe(1);
    expect(cellSizeForZoom(3, 20)).toBeCloseTo(20 / 4096, 15);
    expect(cellSizeForZoom(6, 20) / cellSizeForZoom(7, 20)).toBeCloseTo(2, 12);
  });
});

describe('cellAt', () => {
  it('finds no cell where no event is', () => {
    const c: BinColumns = { count: 1, originX: 0.5, originY: 0.5, xy: Float32Array.from([0, 0]), deaths: Float32Array.from([1]), classes: Uint8Array.from([0]), radius: Float32Array.from([4]) };
    const bins = binDensity(c, 0, 1, { types: 1, countries: 1 }, 0.01);
    expect(cellAt(bins, 0.5, 0.5)).toBe(0);
    expect(cellAt(bins, 0.52, 0.5)).toBe(-1);
  });
});
