import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import fc from 'fast-check';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { assignAreas, prepareAreas, type Area } from '../../../src/geo/areaAssignment';
import { readGeodata } from './geodataFiles';

const areas = prepareAreas(readGeodata('admin1.geojson'), readGeodata('focus-areas.geojson'));

/** Even-odd ray casting over every ring: an independent route from turf's point-in-polygon. */
function insideByRayCasting(area: Area, lon: number, lat: number): boolean {
  const g = area.feature.geometry;
  const polygons: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let inside = false;
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}

const focusBit = (id: string) => 1 << areas.filter((a) => a.kind === 'focus').findIndex((a) => a.id === id);

describe('assignAreas', () => {
  it('puts Tchoma Bangou and Banibangou in the Mali band, Torodi in the Burkina Faso band, and Niamey and Tahoua outside the belt', () => {
    const towns: [string, number, number][] = [
      ['Tchoma Bangou', 1.8125, 14.83],
      ['Banibangou', 2.7037, 15.0416],
      ['Torodi', 1.79869, 13.11915],
      ['Niamey', 2.11471, 13.51865],
      ['Tahoua', 5.25993, 14.89998],
    ];
    const a = assignAreas(towns.map((t) => t[1]), towns.map((t) => t[2]), areas);
    const has = (i: number, id: string) => (a.focus[i] & focusBit(id)) !== 0;
    expect([has(0, 'border-mali'), has(1, 'border-mali'), has(2, 'border-bf')]).toEqual([true, true, true]);
    expect([has(0, 'border'), has(1, 'border'), has(2, 'border'), has(3, 'border'), has(4, 'border')]).toEqual([true, true, true, false, false]);
    expect(a.regions[a.region[3]].id).toBe('NE-8');
    expect(a.regions[a.region[4]].id).toBe('NE-5');
    expect(has(3, 'niamey') && has(4, 'tahoua')).toBe(true);
  });

  it('the bundled UCDP events outside every region are exactly those an independent ray-casting count finds, and are listed by row', () => {
    const rows = csvParse(readFileSync(new URL('../../../public/data/ucdp/ucdp-ged-sahel.csv', import.meta.url), 'utf8'));
    const lons = rows.map((r) => Number(r.longitude));
    const lats = rows.map((r) => Number(r.latitude));
    const a = assignAreas(lons, lats, areas);
    const regions = areas.filter((x) => x.kind === 'region');
    const independent = lons.map((lon, i) => i).filter((i) => !regions.some((r) => insideByRayCasting(r, lons[i], lats[i])));
    expect(a.outside).toEqual(independent);
    console.log(`bundled UCDP events outside every admin-1 region: ${a.outside.length} of ${rows.length}`);
    for (let i = 0; i < rows.length; i++) if (a.region[i] >= 0) expect(insideByRayCasting(a.regions[a.region[i]], lons[i], lats[i])).toBe(true);
  }, 30_000);

  it('agrees with ray casting on random points over the three countries, and calls bad coordinates outside (property)', () => {
    const regions = areas.filter((x) => x.kind === 'region');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -13, max: 17, noNaN: true }), fc.double({ min: 8, max: 26, noNaN: true })), { maxLength: 60 }), (points) => {
        const a = assignAreas(points.map((p) => p[0]), points.map((p) => p[1]), areas);
        points.forEach(([lon, lat], i) => {
          const expected = regions.findIndex((r) => insideByRayCasting(r, lon, lat));
          if (expected < 0) expect(a.region[i]).toBe(-1);
          else expect(insideByRayCasting(a.regions[a.region[i]], lon, lat)).toBe(true);
        });
      }),
      { numRuns: 100 },
    );
    expect(assignAreas([Number.NaN, 200], [14, Number.POSITIVE_INFINITY], areas).outside).toEqual([0, 1]);
  });

  it('gives the same answers with the grid prefilter as without it, on random points and on the bundled UCDP events (property)', () => {
    const rows = csvParse(readFileSync(new URL('../../../public/data/ucdp/ucdp-ged-sahel.csv', import.meta.url), 'utf8'));
    const lons = rows.map((r) => Number(r.longitude));
    const lats = rows.map((r) => Number(r.latitude));
    const a = assignAreas(lons, lats, areas, { grid: true });
    const b = assignAreas(lons, lats, areas, { grid: false });
    expect(a.region).toEqual(b.region);
    expect(a.focus).toEqual(b.focus);
    expect(a.outside).toEqual(b.outside);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -14, max: 18, noNaN: true }), fc.double({ min: 6, max: 27, noNaN: true })), { maxLength: 300 }), (points) => {
        const x = points.map((p) => p[0]);
        const y = points.map((p) => p[1]);
        const withGrid = assignAreas(x, y, areas, { grid: true });
        const without = assignAreas(x, y, areas, { grid: false });
        expect(withGrid.region).toEqual(without.region);
        expect(withGrid.focus).toEqual(without.focus);
      }),
      { numRuns: 100 },
    );
  }, 30_000);
});
