import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIncidentColumns, encodeClass, filterMasks, passesMasks } from '../../../src/data/incidentColumns';
import { createSpatialIndex, pickNear } from '../../../src/data/spatialIndex';
import { createTimeIndex, dateOfDay } from '../../../src/data/timeIndex';
import { createMarkerScale } from '../../../src/map/markerScale';
import type { Country, EventType, IncidentFilter } from '../../../src/types';
import { COUNTRIES, EVENT_TYPES } from '../../../src/types';
import { makeIncident } from './makeIncident';

const scale = createMarkerScale(200);
const ALL: IncidentFilter = { types: EVENT_TYPES, countries: COUNTRIES };
/** One CSS pixel in Mercator units at zoom 8 (512-px tiles). */
const PX = 1 / (512 * 2 ** 8);

function build(points: { lon: number; lat: number; day?: number; deaths?: number; type?: EventType; country?: Country }[]) {
  const incidents = points.map((p, i) =>
    makeIncident({
      id: String(i),
      lon: p.lon,
      lat: p.lat,
      dateStart: dateOfDay(18_000 + (p.day ?? 0)),
      deathsBest: p.deaths ?? 1,
      eventType: p.type ?? 'Battles',
      country: p.country ?? 'Niger',
    }),
  );
  const index = createTimeIndex(incidents);
  const columns = buildIncidentColumns(index, scale.radius);
  return { index, columns, spatial: createSpatialIndex(columns) };
}

const absolute = (columns: ReturnType<typeof build>['columns'], i: number) => [columns.xy[2 * i] + columns.originX, columns.xy[2 * i + 1] + columns.originY];

describe('pickNear', () => {
  it('returns every event of a stack, the one drawn last first', () => {
    const { columns, spatial } = build([0, 1, 2, 3, 4].map((day) => ({ lon: 2, lat: 13.5, day })));
    const [x, y] = absolute(columns, 0);
    const hits = pickNear(spatial, x, y, PX, { lo: 0, hi: 5, masks: filterMasks(ALL) });
    expect(hits.map((h) => h.index)).toEqual([4, 3, 2, 1, 0]);
  });

  it('puts the nearest marker first and leaves out a marker that does not cover the point', () => {
    const { columns, spatial } = build([
      { lon: 2, lat: 13.5, deaths: 200 },
      { lon: 2 + 10 * 360 * PX, lat: 13.5, deaths: 1 },
      { lon: 2 + 60 * 360 * PX, lat: 13.5, deaths: 1 },
    ]);
    const [x0, y0] = absolute(columns, 0);
    const hits = pickNear(spatial, x0 + 9 * PX, y0, PX, { lo: 0, hi: 3, masks: filterMasks(ALL) });
    expect(hits.map((h) => h.index)).toEqual([1, 0]);
    expect(hits[0].distancePx).toBeCloseTo(1, 3);
  });

  it('leaves out events outside the drawn slice or the filter', () => {
    const { columns, spatial } = build([
      { lon: 2, lat: 13.5, day: 0 },
      { lon: 2, lat: 13.5, day: 5, type: 'Riots' },
      { lon: 2, lat: 13.5, day: 9, country: 'Mali' },
    ]);
    const [x, y] = absolute(columns, 0);
    expect(pickNear(spatial, x, y, PX, { lo: 1, hi: 3, masks: filterMasks(ALL) }).map((h) => h.index)).toEqual([2, 1]);
    const noRiots = filterMasks({ types: ['Battles'], countries: COUNTRIES });
    expect(pickNear(spatial, x, y, PX, { lo: 0, hi: 3, masks: noRiots }).map((h) => h.index)).toEqual([2, 0]);
    const nigerOnly = filterMasks({ types: EVENT_TYPES, countries: ['Niger'] });
    expect(pickNear(spatial, x, y, PX, { lo: 0, hi: 3, masks: nigerOnly }).map((h) => h.index)).toEqual([1, 0]);
  });

  it('finds nothing in an empty index', () => {
    const { spatial } = build([]);
    expect(pickNear(spatial, 0.5, 0.5, PX, { lo: 0, hi: 0, masks: filterMasks(ALL) })).toEqual([]);
  });

  it('agrees with a brute-force scan of every marker', () => {
    let runs = 0;
    let runsWithStacks = 0;
    const pointArb = fc.record({
      lon: fc.double({ min: 1.98, max: 2.02, noNaN: true }),
      lat: fc.double({ min: 13.48, max: 13.52, noNaN: true }),
      day: fc.integer({ min: 0, max: 30 }),
      deaths: fc.integer({ min: 0, max: 300 }),
      type: fc.constantFrom(...EVENT_TYPES),
      country: fc.constantFrom(...COUNTRIES),
    });
    const filterArb = fc.oneof(
      fc.constant(ALL),
      fc.record({ types: fc.subarray([...EVENT_TYPES]), countries: fc.subarray([...COUNTRIES]) }),
    );
    fc.assert(
      fc.property(
        fc.array(pointArb, { minLength: 1, maxLength: 120 }),
        fc.double({ min: 1.98, max: 2.02, noNaN: true }),
        fc.double({ min: 13.48, max: 13.52, noNaN: true }),
        fc.integer({ min: 6, max: 11 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        filterArb,
        (points, lon, lat, zoom, a, b, filter) => {
          runs += 1;
          const { columns, spatial, index } = build(points);
          const unitsPerPx = 1 / (512 * 2 ** zoom);
          const probe = createTimeIndex([makeIncident({ lon, lat })]);
          const q = buildIncidentColumns(probe, scale.radius);
          const [x, y] = [q.originX, q.originY];
          const [lo, hi] = index.range(dateOfDay(18_000 + Math.min(a, b)), dateOfDay(18_000 + Math.max(a, b)));
          const masks = filterMasks(filter);
          const expected: { index: number; d: number }[] = [];
          for (let i = lo; i < hi; i++) {
            if (!passesMasks(encodeClass(index.incidents.get(i)), masks)) continue;
            const [px, py] = absolute(columns, i);
            const d = Math.hypot(px - x, py - y) / unitsPerPx;
            if (d <= columns.radius[i] + 2) expected.push({ index: i, d });
          }
          expected.sort((p, r) => p.d - r.d || r.index - p.index);
          const got = pickNear(spatial, x, y, unitsPerPx, { lo, hi, masks });
          expect(got.map((h) => h.index)).toEqual(expected.map((e) => e.index));
          if (got.length > 1) runsWithStacks += 1;
        },
      ),
      { numRuns: 200 },
    );
    // The property must have met overlapping markers, or it proved little.
    expect(runsWithStacks).toBeGreaterThan(runs / 20);
  });
});
