import { tableOfIncidents } from '../../../src/data/incidentTable';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { areaIndexFromParts, areaIndexPartsTransfer, type AreaIndex } from '../../../src/data/areaIndex';
import { sortForTimeIndex, timeIndexFromParts } from '../../../src/data/timeIndex';
import { createTimeIndex } from '../../../src/data/timeIndex';
import { prepareAreas } from '../../../src/geo/areaAssignment';
import { indexAreas, indexAreasInWorker } from '../../../src/geo/indexAreas';
import { COUNTRIES, EVENT_TYPES, type IncidentFilter, type LocationPrecision } from '../../../src/types';
import { makeIncident } from '../data/makeIncident';
import { readGeodata } from './geodataFiles';

const geodata = { admin1: readGeodata('admin1.geojson'), focusAreas: readGeodata('focus-areas.geojson') };
const areas = prepareAreas(geodata.admin1, geodata.focusAreas);
const ids = [...areas.map((a) => a.id), 'outside'];
const PRECISIONS: LocationPrecision[] = ['exact', 'near', 'district', 'region', 'country', 'unknown'];
const utc = (day: number) => new Date(Date.UTC(2021, 0, 1 + day));

const row = fc.record({
  day: fc.integer({ min: 0, max: 90 }),
  // Some undated, so the worker's sort drops them as the page's does.
  undated: fc.integer({ min: 0, max: 9 }).map((k) => k === 0),
  lon: fc.double({ min: -6, max: 10, noNaN: true }),
  lat: fc.double({ min: 10, max: 20, noNaN: true }),
  best: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 20, noNaN: true })),
  low: fc.option(fc.integer({ min: 0, max: 30 })),
  high: fc.option(fc.integer({ min: 0, max: 30 })),
  type: fc.constantFrom(...EVENT_TYPES, 'Something else'),
  country: fc.constantFrom(...COUNTRIES, 'Chad'),
  precision: fc.constantFrom(...PRECISIONS),
});
const filter: fc.Arbitrary<IncidentFilter> = fc.oneof(
  fc.constant({ types: EVENT_TYPES, countries: COUNTRIES }),
  fc.record({ types: fc.subarray([...EVENT_TYPES]), countries: fc.subarray([...COUNTRIES]) }),
);
const window = fc.tuple(fc.integer({ min: -5, max: 95 }), fc.integer({ min: -5, max: 95 })).map(([a, b]) => ({ from: utc(Math.min(a, b)), to: utc(Math.max(a, b)) }));

function entries(index: AreaIndex, id: string, f: IncidentFilter): [number, number][] {
  const out: [number, number][] = [];
  index.eachEntry(id, f, (day, deaths) => out.push([day, deaths]));
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

describe('indexAreasInWorker', () => {
  it('its parts, transferred and wrapped on the page, give the index the page builds (property)', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.array(fc.tuple(window, filter), { minLength: 1, maxLength: 4 }), (rows, queries) => {
        const input = rows.map((r, i) =>
          makeIncident({
            id: String(i),
            dateStart: r.undated ? new Date(NaN) : utc(r.day),
            lon: r.lon,
            lat: r.lat,
            deathsBest: r.best,
            deathsLow: r.low,
            deathsHigh: r.high,
            eventType: r.type as (typeof EVENT_TYPES)[number],
            country: r.country,
            locationPrecision: r.precision,
          }),
        );
        const onPage = indexAreas(createTimeIndex(input), areas);
        // The worker's half, then the trip across postMessage with the buffers transferred.
        const sorted = sortForTimeIndex(input);
        const parts = indexAreasInWorker(sorted.incidents, sorted.parts.days, geodata);
        const sent = structuredClone({ parts, timeParts: sorted.parts }, { transfer: areaIndexPartsTransfer(parts) });
        expect(parts.pos.byteLength).toBe(0); // transferred, not copied
        const index = timeIndexFromParts(tableOfIncidents(sorted.incidents), sent.timeParts);
        const fromWorker = areaIndexFromParts(index, sent.parts);
        expect(fromWorker.regionIds).toEqual(onPage.regionIds);
        expect(fromWorker.focusIds).toEqual(onPage.focusIds);
        expect(fromWorker.areas).toEqual(onPage.areas);
        for (const [w, f] of queries) {
          for (const metric of ['incidents', 'deaths'] as const) expect([...fromWorker.regionValues(w, f, metric)]).toEqual([...onPage.regionValues(w, f, metric)]);
          for (const id of ids) {
            expect(fromWorker.totals(id, w, f)).toEqual(onPage.totals(id, w, f));
            expect([...fromWorker.positionsIn(id, w)]).toEqual([...onPage.positionsIn(id, w)]);
            expect(entries(fromWorker, id, f)).toEqual(entries(onPage, id, f));
          }
        }
        for (const id of ids) expect([...fromWorker.positions(id)]).toEqual([...onPage.positions(id)]);
      }),
      { numRuns: 60 },
    );
  });

  it('the wrapper refuses parts built over another number of incidents', () => {
    const input = [makeIncident({ id: 'a' }), makeIncident({ id: 'b' })];
    const sorted = sortForTimeIndex(input);
    const parts = indexAreasInWorker(sorted.incidents, sorted.parts.days, geodata);
    expect(() => areaIndexFromParts(createTimeIndex(input.slice(1)), parts)).toThrow();
  });
});
