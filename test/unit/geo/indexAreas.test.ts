import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTimeIndex } from '../../../src/data/timeIndex';
import { prepareAreas } from '../../../src/geo/areaAssignment';
import { assignIncidents, indexAreas, indexAssignedAreas } from '../../../src/geo/indexAreas';
import { COUNTRIES, EVENT_TYPES } from '../../../src/types';
import { makeIncident } from '../data/makeIncident';
import { readGeodata } from './geodataFiles';

const geodata = { admin1: readGeodata('admin1.geojson'), focusAreas: readGeodata('focus-areas.geojson') };
const areas = prepareAreas(geodata.admin1, geodata.focusAreas);
const ALL = { types: EVENT_TYPES, countries: COUNTRIES };
const ids = [...areas.map((a) => a.id), 'outside'];

describe('indexAssignedAreas', () => {
  it('gives the same figures as assigning on the page, whatever order the worker assigned the incidents in (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 90 }), lon: fc.double({ min: -6, max: 10, noNaN: true }), lat: fc.double({ min: 10, max: 20, noNaN: true }), deaths: fc.integer({ min: 0, max: 20 }) }), { maxLength: 40 }),
        (rows) => {
          const input = rows.map((r, i) => makeIncident({ id: String(i), dateStart: new Date(Date.UTC(2021, 0, 1 + r.day)), lon: r.lon, lat: r.lat, deathsBest: r.deaths }));
          const index = createTimeIndex(input);
          const onPage = indexAreas(index, areas);
          const fromWorker = indexAssignedAreas(index, input, structuredClone(assignIncidents(input, geodata)), areas);
          const window = { from: new Date(Date.UTC(2021, 0, 1)), to: new Date(Date.UTC(2021, 1, 15)) };
          for (const id of ids) {
            expect(fromWorker.totals(id, window, ALL)).toEqual(onPage.totals(id, window, ALL));
            expect([...fromWorker.positions(id)]).toEqual([...onPage.positions(id)]);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
