import { rowsOf } from '../../../src/data/incidentTable';
import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import fc from 'fast-check';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createAreaIndex, OUTSIDE_AREA_ID, type AreaAssignmentColumns, type AreaMeta } from '../../../src/data/areaIndex';
import { createTimeIndex } from '../../../src/data/timeIndex';
import { parseUcdpGed } from '../../../src/data/ucdp';
import { assignAreas, prepareAreas } from '../../../src/geo/areaAssignment';
import { COUNTRIES, EVENT_TYPES, type Country, type EventType, type Incident, type LocationPrecision } from '../../../src/types';
import { readGeodata } from '../geo/geodataFiles';
import { makeIncident } from './makeIncident';

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const ALL = { types: EVENT_TYPES, countries: COUNTRIES };

/** Even-odd ray casting over every ring of a feature: not turf, so the count is independent. */
function insideByRayCasting(feature: Feature, lon: number, lat: number): boolean {
  const g = feature.geometry as Polygon | MultiPolygon;
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

const meta = (id: string, kind: 'region' | 'focus' = 'region'): AreaMeta => ({ id, kind, name: id, nameFr: id });

describe('createAreaIndex on hand-made incidents', () => {
  const incidents = [
    makeIncident({ id: 'a', dateStart: utc(2021, 3, 1), deathsBest: 5, deathsLow: 3, deathsHigh: 9 }),
    makeIncident({ id: 'b', dateStart: utc(2021, 3, 5), deathsBest: 2, deathsLow: null, deathsHigh: 4, eventType: 'Violence against civilians', locationPrecision: 'region' }),
    makeIncident({ id: 'c', dateStart: utc(2021, 3, 5), deathsBest: 10, deathsLow: 12, deathsHigh: 8, country: 'Mali' }),
    makeIncident({ id: 'd', dateStart: utc(2021, 4, 1), deathsBest: 1 }),
  ];
  const index = createTimeIndex(incidents);
  // Positions follow index.incidents: a, b, c, d (already in day order).
  const assignment: AreaAssignmentColumns = {
    regions: [meta('NE-5'), meta('ML-5')],
    focusAreas: [meta('tahoua', 'focus'), meta('border', 'focus')],
    region: Int16Array.from([0, 0, 1, -1]),
    focus: Uint8Array.from([0b01, 0b11, 0b10, 0]),
  };
  const areas = createAreaIndex(index, assignment);

  it('totals(area, window, filter) sums counts, best, low and high (a missing estimate is the best, a reversed pair is ordered), by type, and centroid-only placements', () => {
    const t = areas.totals('NE-5', { from: utc(2021, 3, 1), to: utc(2021, 3, 31) }, ALL);
    expect(t).toMatchObject({ incidents: 2, deaths: 7, deathsLow: 5, deathsHigh: 13, centroidOnly: 1 });
    expect(t.byType.Battles).toEqual({ incidents: 1, deaths: 5 });
    expect(t.byType['Violence against civilians']).toEqual({ incidents: 1, deaths: 2 });
    expect(areas.totals('ML-5', { from: utc(2021, 3, 5), to: utc(2021, 3, 5) }, ALL)).toMatchObject({ incidents: 1, deaths: 10, deathsLow: 8, deathsHigh: 12 });
    expect(areas.totals('border', { from: utc(2021, 1, 1), to: utc(2021, 12, 31) }, { types: EVENT_TYPES, countries: ['Niger'] })).toMatchObject({ incidents: 1, deaths: 2 });
  });

  it('matches ids in any case, counts the outside bucket, and gives zero for an unknown id', () => {
    const year = { from: utc(2021, 1, 1), to: utc(2021, 12, 31) };
    expect(areas.area('ne-5')?.id).toBe('NE-5');
    expect(areas.totals('ne-5', year, ALL).incidents).toBe(2);
    expect(areas.totals(OUTSIDE_AREA_ID, year, ALL)).toMatchObject({ incidents: 1, deaths: 1 });
    expect(areas.positions(OUTSIDE_AREA_ID)).toEqual(Uint32Array.from([3]));
    expect(areas.totals('XX-1', year, ALL).incidents).toBe(0);
    expect(areas.area('XX-1')).toBeUndefined();
    expect(areas.area(OUTSIDE_AREA_ID)).toBeUndefined();
  });

  it('lists regionIds and focusIds in the assignment order, positions ascending and positionsIn by window', () => {
    expect(areas.regionIds).toEqual(['NE-5', 'ML-5']);
    expect(areas.focusIds).toEqual(['tahoua', 'border']);
    expect([...areas.positions('border')]).toEqual([1, 2]);
    expect([...areas.positionsIn('NE-5', { from: utc(2021, 3, 2), to: utc(2021, 3, 31) })]).toEqual([1]);
    expect([...areas.regionValues({ from: utc(2021, 3, 1), to: utc(2021, 3, 31) }, ALL, 'deaths')]).toEqual([7, 10]);
    expect([...areas.regionValues({ from: utc(2021, 3, 1), to: utc(2021, 3, 31) }, ALL, 'incidents')]).toEqual([2, 1]);
  });
});

describe('createAreaIndex (property)', () => {
  const precisions: LocationPrecision[] = ['exact', 'near', 'district', 'region', 'country', 'unknown'];
  const incidentArb = fc.record({
    day: fc.integer({ min: 0, max: 60 }),
    type: fc.constantFrom<EventType>(...EVENT_TYPES),
    country: fc.constantFrom<Country | 'Chad'>(...COUNTRIES, 'Chad'),
    best: fc.integer({ min: 0, max: 50 }),
    low: fc.option(fc.integer({ min: 0, max: 80 }), { nil: null }),
    high: fc.option(fc.double({ min: 0, max: 80, noNaN: true }), { nil: null }),
    precision: fc.constantFrom(...precisions),
    region: fc.integer({ min: -1, max: 2 }),
    focus: fc.integer({ min: 0, max: 3 }),
  });

  it('totals over any window and filter equal a brute-force filter of the incidents', () => {
    fc.assert(
      fc.property(
        fc.array(incidentArb, { maxLength: 40 }),
        fc.integer({ min: -5, max: 65 }),
        fc.integer({ min: 0, max: 70 }),
        fc.subarray([...EVENT_TYPES]),
        fc.subarray([...COUNTRIES]),
        (rows, start, length, types, countries) => {
          const input: Incident[] = rows.map((r, i) =>
            makeIncident({ id: String(i), dateStart: new Date(Date.UTC(2021, 0, 1 + r.day)), eventType: r.type, country: r.country, deathsBest: r.best, deathsLow: r.low, deathsHigh: r.high, locationPrecision: r.precision }),
          );
          const index = createTimeIndex(input);
          const rowOf = new Map(input.map((inc, i) => [inc, rows[i]]));
          const ordered = rowsOf(index.incidents).map((inc) => rowOf.get(inc)!);
          const areas = createAreaIndex(index, {
            regions: [meta('A'), meta('B'), meta('C')],
            focusAreas: [meta('f0', 'focus'), meta('f1', 'focus')],
            region: Int16Array.from(ordered.map((r) => r.region)),
            focus: Uint8Array.from(ordered.map((r) => r.focus)),
          });
          const window = { from: new Date(Date.UTC(2021, 0, 1 + start)), to: new Date(Date.UTC(2021, 0, 1 + start + length)) };
          const filter = { types, countries };
          const ids = ['A', 'B', 'C', 'f0', 'f1', OUTSIDE_AREA_ID];
          const member = (r: (typeof rows)[number], id: string) =>
            id === OUTSIDE_AREA_ID ? r.region === -1 : id.startsWith('f') ? ((r.focus >> Number(id[1])) & 1) === 1 : r.region === ids.indexOf(id);
          for (const id of ids) {
            const chosen = rowsOf(index.incidents).filter((inc, p) => member(ordered[p], id) && inc.dateStart >= window.from && inc.dateStart <= window.to && index.passes(inc, filter));
            const t = areas.totals(id, window, filter);
            expect(t.incidents).toBe(chosen.length);
            expect(t.deaths).toBeCloseTo(chosen.reduce((s, inc) => s + inc.deathsBest, 0), 9);
            const lows = chosen.map((inc) => Math.min(inc.deathsLow ?? inc.deathsBest, inc.deathsHigh ?? inc.deathsBest));
            const highs = chosen.map((inc) => Math.max(inc.deathsLow ?? inc.deathsBest, inc.deathsHigh ?? inc.deathsBest));
            expect(t.deathsLow).toBeCloseTo(lows.reduce((s, x) => s + x, 0), 9);
            expect(t.deathsHigh).toBeCloseTo(highs.reduce((s, x) => s + x, 0), 9);
            expect(t.centroidOnly).toBe(chosen.filter((inc) => ['district', 'region', 'country', 'unknown'].includes(inc.locationPrecision)).length);
            for (const type of EVENT_TYPES) expect(t.byType[type].incidents).toBe(chosen.filter((inc) => inc.eventType === type).length);
            if (['A', 'B', 'C'].includes(id)) {
              for (const f of [filter, ALL]) {
                const r = ['A', 'B', 'C'].indexOf(id);
                const t2 = areas.totals(id, window, f);
                expect(areas.regionValues(window, f, 'incidents')[r]).toBe(t2.incidents);
                expect(areas.regionValues(window, f, 'deaths')[r]).toBeCloseTo(t2.deaths, 9);
              }
            }
            const inWindow = [...areas.positionsIn(id, window)];
            expect(inWindow).toEqual(rowsOf(index.incidents).map((inc, p) => p).filter((p) => member(ordered[p], id) && index.incidents.get(p).dateStart >= window.from && index.incidents.get(p).dateStart <= window.to));
          }
        },
      ),
      { numRuns: 200 },
    );
  }, 30_000);
});

describe('createAreaIndex on the bundled UCDP file', () => {
  const text = readFileSync(new URL('../../../public/data/ucdp/ucdp-ged-sahel.csv', import.meta.url), 'utf8');
  const index = createTimeIndex(parseUcdpGed(text, 'ucdp-ged-sahel.csv').incidents);
  const admin1 = readGeodata('admin1.geojson');
  const focus = readGeodata('focus-areas.geojson');
  const prepared = prepareAreas(admin1, focus);
  const assignment = assignAreas(rowsOf(index.incidents).map((i) => i.lon), rowsOf(index.incidents).map((i) => i.lat), prepared);
  const areas = createAreaIndex(index, assignment);
  // Independently: the raw rows, their coordinates (not adm_1), their own dates (MM/DD/YYYY), ray casting.
  const rows = csvParse(text).map((r) => {
    const [m, d, y] = r.date_start!.split(' ')[0].split('/').map(Number);
    return { lon: Number(r.longitude), lat: Number(r.latitude), day: Date.UTC(y, m - 1, d), best: Number(r.best_est) };
  });
  const count = (feature: Feature, from: Date, to: Date) => {
    const inside = rows.filter((r) => r.day >= from.getTime() && r.day <= to.getTime() && insideByRayCasting(feature, r.lon, r.lat));
    return { incidents: inside.length, deaths: inside.reduce((s, r) => s + r.best, 0) };
  };

  it("the Tahoua region's (NE-5) 2021 totals equal an independent point-in-polygon count of the raw rows", () => {
    const feature = admin1.features.find((f) => f.properties?.iso_3166_2 === 'NE-5')!;
    const expected = count(feature, utc(2021, 1, 1), utc(2021, 12, 31));
    expect(expected.incidents).toBeGreaterThan(0);
    expect(areas.totals('NE-5', { from: utc(2021, 1, 1), to: utc(2021, 12, 31) }, ALL)).toMatchObject(expected);
  }, 30_000);

  it('the border belt’s March–April 2021 totals equal an independent point-in-polygon count of the raw rows', () => {
    const feature = focus.features.find((f) => f.properties?.id === 'border')!;
    const expected = count(feature, utc(2021, 3, 1), utc(2021, 4, 30));
    expect(expected.incidents).toBeGreaterThan(0);
    expect(areas.totals('border', { from: utc(2021, 3, 1), to: utc(2021, 4, 30) }, ALL)).toMatchObject(expected);
  }, 30_000);

  it('the events outside every region equal an independent count, and every event is in one region or outside', () => {
    const all = { from: utc(1989, 1, 1), to: utc(2030, 12, 31) };
    const outside = rows.filter((r) => !admin1.features.some((f) => insideByRayCasting(f, r.lon, r.lat)));
    const t = areas.totals(OUTSIDE_AREA_ID, all, ALL);
    expect(t.incidents).toBe(outside.length);
    expect(t.deaths).toBe(outside.reduce((s, r) => s + r.best, 0));
    const inRegions = areas.regionIds.reduce((s, id) => s + areas.totals(id, all, ALL).incidents, 0);
    expect(inRegions + t.incidents).toBe(rows.length);
    console.log(`bundled UCDP events outside every admin-1 region: ${t.incidents} of ${rows.length}`);
  }, 30_000);
});
