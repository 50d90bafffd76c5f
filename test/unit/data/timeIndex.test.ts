import { rowsOf } from '../../../src/data/incidentTable';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTimeIndex, dateOfDay, dayNumber, sortForTimeIndex } from '../../../src/data/timeIndex';
import type { Country, EventType, Incident, IncidentFilter } from '../../../src/types';
import { COUNTRIES, EVENT_TYPES } from '../../../src/types';
import { makeIncident } from './makeIncident';

const utc = (y: number, m: number, d: number, h = 0) => new Date(Date.UTC(y, m - 1, d, h));
const ALL: IncidentFilter = { types: EVENT_TYPES, countries: COUNTRIES };
const BASE_DAY = dayNumber(utc(2021, 3, 1));

/** Random incidents on a few dozen days, so that many share a day. */
const incidentArb = fc.record({
  offset: fc.integer({ min: 0, max: 40 }),
  hour: fc.integer({ min: 0, max: 23 }),
  type: fc.constantFrom(...EVENT_TYPES),
  country: fc.constantFrom<string>(...COUNTRIES, 'Chad', ''),
  deaths: fc.integer({ min: 0, max: 500 }),
});
const filterArb = fc.record({
  types: fc.subarray([...EVENT_TYPES]),
  countries: fc.subarray([...COUNTRIES]),
});

function build(rows: { offset: number; hour: number; type: EventType; country: string; deaths: number }[]): Incident[] {
  return rows.map((r, i) =>
    makeIncident({
      id: String(i),
      dateStart: dateOfDay(BASE_DAY + r.offset + r.hour / 24),
      eventType: r.type,
      country: r.country,
      deathsBest: r.deaths,
    }),
  );
}

/** The brute-force reference: whole-day comparison by calendar fields, not by dayNumber. */
function inWindow(incident: Incident, from: Date, to: Date): boolean {
  const key = (d: Date) => d.getUTCFullYear() * 10000 + d.getUTCMonth() * 100 + d.getUTCDate();
  return key(incident.dateStart) >= key(from) && key(incident.dateStart) <= key(to);
}
function passesByHand(incident: Incident, filter: IncidentFilter): boolean {
  const known = COUNTRIES.some((c) => c === incident.country);
  return filter.types.some((t) => t === incident.eventType) && (!known || filter.countries.some((c) => c === incident.country));
}

describe('dayNumber and dateOfDay', () => {
  it('dayNumber(1970-01-02T00:00Z) is 1 and any hour of a UTC day gives that day', () => {
    expect(dayNumber(utc(1970, 1, 2))).toBe(1);
    expect(dayNumber(utc(2021, 3, 21, 23))).toBe(dayNumber(utc(2021, 3, 21)));
    expect(dayNumber(utc(1969, 12, 31, 12))).toBe(-1);
  });
  it('dateOfDay(dayNumber(d)) is UTC midnight of d', () => {
    expect(dateOfDay(dayNumber(utc(2021, 3, 21, 17))).toISOString()).toBe('2021-03-21T00:00:00.000Z');
  });
});

describe('createTimeIndex', () => {
  it('createTimeIndex([]) has no extent, no deaths and empty ranges', () => {
    const index = createTimeIndex([]);
    expect(index.extent).toBeNull();
    expect(index.maxDeaths).toBe(0);
    expect(index.range(utc(2000, 1, 1), utc(2030, 1, 1))).toEqual([0, 0]);
    expect(index.totals(utc(2000, 1, 1), utc(2030, 1, 1), ALL)).toEqual({ incidents: 0, deaths: 0 });
  });

  it('incidents are sorted by dateStart, keeping input order on equal days, without touching the input', () => {
    const input = [
      makeIncident({ id: 'late', dateStart: utc(2021, 4, 2) }),
      makeIncident({ id: 'a', dateStart: utc(2021, 3, 21, 20) }),
      makeIncident({ id: 'b', dateStart: utc(2021, 3, 21, 1) }),
      makeIncident({ id: 'early', dateStart: utc(2021, 3, 15) }),
    ];
    const index = createTimeIndex(input);
    expect(rowsOf(index.incidents).map((i) => i.id)).toEqual(['early', 'a', 'b', 'late']);
    expect([...index.days]).toEqual([utc(2021, 3, 15), utc(2021, 3, 21), utc(2021, 3, 21), utc(2021, 4, 2)].map(dayNumber));
    expect(input.map((i) => i.id)).toEqual(['late', 'a', 'b', 'early']);
    expect(index.extent?.map((d) => d.toISOString())).toEqual(['2021-03-15T00:00:00.000Z', '2021-04-02T00:00:00.000Z']);
  });

  it('maxDeaths is the largest deathsBest', () => {
    const index = createTimeIndex([3, 137, 0].map((d, i) => makeIncident({ id: String(i), deathsBest: d })));
    expect(index.maxDeaths).toBe(137);
  });

  it('an incident with an invalid dateStart is left out of the index', () => {
    const index = createTimeIndex([makeIncident({ id: 'bad', dateStart: new Date(Number.NaN) }), makeIncident({ id: 'ok' })]);
    expect(rowsOf(index.incidents).map((i) => i.id)).toEqual(['ok']);
  });

  it('range(from, to) includes both whole end days, whatever their time of day', () => {
    const index = createTimeIndex([
      makeIncident({ id: 'before', dateStart: utc(2021, 3, 14) }),
      makeIncident({ id: 'first', dateStart: utc(2021, 3, 15) }),
      makeIncident({ id: 'last', dateStart: utc(2021, 3, 21) }),
      makeIncident({ id: 'after', dateStart: utc(2021, 3, 22) }),
    ]);
    const [lo, hi] = index.range(utc(2021, 3, 15, 18), utc(2021, 3, 21, 0));
    expect(rowsOf(index.incidents).slice(lo, hi).map((i) => i.id)).toEqual(['first', 'last']);
  });

  it('range(from, to) with from after to is empty', () => {
    const index = createTimeIndex([makeIncident({ dateStart: utc(2021, 3, 21) })]);
    const [lo, hi] = index.range(utc(2021, 3, 22), utc(2021, 3, 20));
    expect(hi - lo).toBe(0);
  });

  it('passes() lets a country outside COUNTRIES through any country filter, but not a filtered-out type', () => {
    const index = createTimeIndex([]);
    const chad = makeIncident({ country: 'Chad', eventType: 'Riots' });
    expect(index.passes(chad, { types: ['Riots'], countries: [] })).toBe(true);
    expect(index.passes(chad, { types: ['Battles'], countries: COUNTRIES })).toBe(false);
    expect(index.passes(makeIncident({ country: 'Mali' }), { types: EVENT_TYPES, countries: ['Niger'] })).toBe(false);
  });

  it('range() matches a brute-force scan for random incidents and windows', () => {
    fc.assert(
      fc.property(fc.array(incidentArb, { maxLength: 80 }), fc.integer({ min: -3, max: 45 }), fc.integer({ min: -3, max: 45 }), (rows, a, b) => {
        const incidents = build(rows);
        const index = createTimeIndex(incidents);
        const from = dateOfDay(BASE_DAY + a);
        const to = dateOfDay(BASE_DAY + b + 0.5);
        const [lo, hi] = index.range(from, to);
        const expected = incidents.filter((i) => inWindow(i, from, to)).map((i) => i.id).sort();
        expect(rowsOf(index.incidents).slice(lo, hi).map((i) => i.id).sort()).toEqual(expected);
      }),
    );
  });

  it('totals() matches a brute-force scan for random incidents, windows and filters', () => {
    fc.assert(
      fc.property(
        fc.array(incidentArb, { maxLength: 80 }),
        fc.integer({ min: -3, max: 45 }),
        fc.integer({ min: -3, max: 45 }),
        filterArb,
        (rows, a, b, f) => {
          const filter: IncidentFilter = { types: f.types as EventType[], countries: f.countries as Country[] };
          const incidents = build(rows);
          const index = createTimeIndex(incidents);
          const from = dateOfDay(BASE_DAY + a);
          const to = dateOfDay(BASE_DAY + b);
          const kept = incidents.filter((i) => inWindow(i, from, to) && passesByHand(i, filter));
          expect(index.totals(from, to, filter)).toEqual({
            incidents: kept.length,
            deaths: kept.reduce((s, i) => s + i.deathsBest, 0),
          });
          for (const incident of incidents) expect(index.passes(incident, filter)).toBe(passesByHand(incident, filter));
        },
      ),
    );
  });

  it('holds a bucket’s running deaths in float32 while they are exact in it, and in float64 past that, with the same totals', () => {
    const day = new Date(Date.UTC(2021, 0, 1));
    const at = (d: number, deaths: number, country: Country = 'Mali') => makeIncident({ dateStart: dateOfDay(dayNumber(day) + d), deathsBest: deaths, country });
    const mali = [at(0, 3), at(1, 0), at(2, Number.NaN), at(3, 12)];
    // Niger's running sum passes 2²⁴, Burkina Faso's is fractional: both stay float64.
    const niger = [at(0, 2 ** 24, 'Niger'), at(1, 1, 'Niger')];
    const burkina = [at(0, 0.1, 'Burkina Faso')];
    const { parts } = sortForTimeIndex([...mali, ...niger, ...burkina]);
    const kinds = parts.buckets.map((b) => b.deaths.constructor.name).sort();
    expect(kinds).toEqual(['Float32Array', 'Float64Array', 'Float64Array']);
    const index = createTimeIndex([...mali, ...niger, ...burkina]);
    const all = { types: EVENT_TYPES, countries: COUNTRIES };
    const to = dateOfDay(dayNumber(day) + 10);
    expect(index.totals(day, to, { ...all, countries: ['Mali'] })).toEqual({ incidents: 4, deaths: 15 });
    expect(index.totals(day, to, { ...all, countries: ['Niger'] })).toEqual({ incidents: 2, deaths: 2 ** 24 + 1 });
    expect(index.totals(day, to, { ...all, countries: ['Burkina Faso'] })).toEqual({ incidents: 1, deaths: 0.1 });
  });
});
