import { rowsOf } from '../../../src/data/incidentTable';
import fc from 'fast-check';
import { MercatorCoordinate } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import {
  buildIncidentColumns,
  encodeClass,
  filterMasks,
  FLAG_APPROXIMATE,
  FLAG_IMPRECISE_DATE,
  FLAG_NO_DEATHS,
  OTHER_COUNTRY,
  passesMasks,
  UNKNOWN_TYPE,
} from '../../../src/data/incidentColumns';
import { createTimeIndex, dateOfDay, dayNumber } from '../../../src/data/timeIndex';
import { createMarkerScale } from '../../../src/map/markerScale';
import type { EventType, Incident } from '../../../src/types';
import { COUNTRIES, EVENT_TYPES } from '../../../src/types';
import { makeIncident } from './makeIncident';

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const DAY_1989 = dayNumber(utc(1989, 1, 1));
const DAY_2030 = dayNumber(utc(2030, 12, 31));
const scale = createMarkerScale(300);

const incidentArb = fc.record({
  day: fc.integer({ min: DAY_1989, max: DAY_2030 }),
  lon: fc.double({ min: -20, max: 30, noNaN: true }),
  lat: fc.double({ min: 0, max: 30, noNaN: true }),
  type: fc.constantFrom<string>(...EVENT_TYPES, 'Unlisted'),
  country: fc.constantFrom<string>(...COUNTRIES, 'Chad', ''),
  deaths: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1000 }), fc.constant(Number.NaN)),
});
type Row = { day: number; lon: number; lat: number; type: string; country: string; deaths: number };
const toIncident = (r: Row, i: number): Incident =>
  makeIncident({ id: String(i), dateStart: dateOfDay(r.day), lon: r.lon, lat: r.lat, eventType: r.type as EventType, country: r.country, deathsBest: r.deaths });

describe('buildIncidentColumns', () => {
  it('keeps the time index order, so the day column is ascending and row i is incident i', () => {
    const incidents = [20, 3, 11, 3, 7].map((d, i) => makeIncident({ id: String(i), dateStart: dateOfDay(18_000 + d) }));
    const index = createTimeIndex(incidents);
    const c = buildIncidentColumns(index, scale.radius);
    expect(Array.from(c.day)).toEqual([0, 0, 4, 8, 17]);
    expect(c.dayOrigin).toBe(18_003);
    expect(Array.from(c.day, (d) => d + c.dayOrigin)).toEqual(Array.from(index.days));
  });

  it('keeps every day exact in float32 for dates from 1989 to 2030', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: DAY_1989, max: DAY_2030 }), { minLength: 1, maxLength: 50 }), (days) => {
        const index = createTimeIndex(days.map((d, i) => makeIncident({ id: String(i), dateStart: dateOfDay(d) })));
        const c = buildIncidentColumns(index, scale.radius);
        for (let i = 0; i < c.count; i++) {
          expect(Number.isInteger(c.day[i])).toBe(true);
          expect(dateOfDay(c.day[i] + c.dayOrigin).getTime()).toBe(index.incidents.get(i).dateStart.getTime());
        }
      }),
    );
  });

  it('stores positions as Web Mercator relative to the origin, matching maplibre within 4e-9 of the world (0.13 px at zoom 16)', () => {
    fc.assert(
      fc.property(fc.array(incidentArb, { minLength: 1, maxLength: 40 }), (rows) => {
        const index = createTimeIndex(rows.map(toIncident));
        const c = buildIncidentColumns(index, scale.radius);
        rowsOf(index.incidents).forEach((incident, i) => {
          const m = MercatorCoordinate.fromLngLat([incident.lon, incident.lat]);
          expect(Math.abs(c.xy[2 * i] + c.originX - m.x)).toBeLessThan(4e-9);
          expect(Math.abs(c.xy[2 * i + 1] + c.originY - m.y)).toBeLessThan(4e-9);
        });
      }),
    );
  });

  it('sizes each marker with the legend scale, in CSS pixels', () => {
    const index = createTimeIndex([0, 1, 7, 150, 5000].map((d, i) => makeIncident({ id: String(i), deathsBest: d })));
    const c = buildIncidentColumns(index, scale.radius);
    expect(Array.from(c.radius)).toEqual(rowsOf(index.incidents).map((inc) => Math.fround(scale.radius(inc.deathsBest))));
    expect(c.maxRadius).toBe(Math.fround(scale.radius(5000)));
  });

  it('keeps each event’s best death estimate for the density view, 0 where none is given', () => {
    const index = createTimeIndex([0, 1, 7, 150, 5000, Number.NaN, -2].map((d, i) => makeIncident({ id: String(i), deathsBest: d })));
    const c = buildIncidentColumns(index, scale.radius);
    const best = (d: number) => (Number.isFinite(d) && d > 0 ? d : 0);
    expect(Array.from(c.deaths)).toEqual(rowsOf(index.incidents).map((inc) => best(inc.deathsBest)));
  });

  it('counts an event with no finite coordinates as unplaced and gives it radius 0 instead of throwing', () => {
    const index = createTimeIndex([makeIncident({ id: 'a', lon: Number.NaN }), makeIncident({ id: 'b' })]);
    const c = buildIncidentColumns(index, scale.radius);
    expect(c.unplaced).toBe(1);
    expect(c.radius[0]).toBe(0);
    expect(c.radius[1]).toBeGreaterThan(0);
    expect(Number.isFinite(c.originX)).toBe(true);
  });

  it('builds empty columns from an empty index', () => {
    const c = buildIncidentColumns(createTimeIndex([]), scale.radius);
    expect(c.count).toBe(0);
    expect(c.xy.length).toBe(0);
    expect(c.maxRadius).toBe(0);
  });
});

describe('class byte and filter masks', () => {
  it('encodeClass packs type, country slot and the three flags', () => {
    const cls = encodeClass(
      makeIncident({ eventType: 'Riots', country: 'Mali', locationPrecision: 'region', datePrecision: 'month', deathsBest: 0 }),
    );
    expect(cls & 7).toBe(EVENT_TYPES.indexOf('Riots'));
    expect((cls >> 3) & 3).toBe(COUNTRIES.indexOf('Mali'));
    expect(cls & FLAG_APPROXIMATE).toBeTruthy();
    expect(cls & FLAG_IMPRECISE_DATE).toBeTruthy();
    expect(cls & FLAG_NO_DEATHS).toBeTruthy();
    const exact = encodeClass(makeIncident({ country: 'Chad', eventType: 'Nope' as EventType, deathsBest: 3 }));
    expect(exact & 7).toBe(UNKNOWN_TYPE);
    expect((exact >> 3) & 3).toBe(OTHER_COUNTRY);
    expect(exact & (FLAG_APPROXIMATE | FLAG_IMPRECISE_DATE | FLAG_NO_DEATHS)).toBe(0);
  });

  it('passesMasks(encodeClass(i), filterMasks(f)) agrees with the time index passes(i, f)', () => {
    const filterArb = fc.record({ types: fc.subarray([...EVENT_TYPES]), countries: fc.subarray([...COUNTRIES]) });
    fc.assert(
      fc.property(incidentArb, filterArb, (row, filter) => {
        const incident = toIncident(row, 0);
        const index = createTimeIndex([incident]);
        expect(passesMasks(encodeClass(incident), filterMasks(filter))).toBe(index.passes(incident, filter));
      }),
      { numRuns: 500 },
    );
  });

  it('uses a float32 best column as its deaths when every value is a count, and copies it otherwise', () => {
    const base = { length: 3, lon: Float64Array.of(1, 2, 3), lat: Float64Array.of(14, 14, 14), datePrecision: new Uint8Array(3), locationPrecision: new Uint8Array(3), typeSlot: () => 0, countrySlot: () => 0 };
    const days = Int32Array.of(0, 1, 2);
    const counts = Float32Array.of(0, 4, 250);
    expect(buildIncidentColumns({ days, incidents: { ...base, best: counts } }, scale.radius).deaths).toBe(counts);
    const gap = Float32Array.of(5, Number.NaN, -1);
    const copied = buildIncidentColumns({ days, incidents: { ...base, best: gap } }, scale.radius).deaths;
    expect(copied).not.toBe(gap);
    expect(Array.from(copied)).toEqual([5, 0, 0]);
    const wide = Float64Array.of(0, 4, 250);
    const fromWide = buildIncidentColumns({ days, incidents: { ...base, best: wide } }, scale.radius).deaths;
    expect(fromWide).toBeInstanceOf(Float32Array);
    expect(Array.from(fromWide)).toEqual([0, 4, 250]);
  });
});

