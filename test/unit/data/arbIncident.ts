import fc from 'fast-check';
import { EVENT_TYPES, type Incident } from '../../../src/types';

/** Any incident: nulls, astral and markup-like text, every precision and type. */
const text = fc.string({ unit: fc.constantFrom('a', 'é', '𝑾', '\n', '', '<') });
export const arbIncident: fc.Arbitrary<Incident> = fc.record({
  id: text,
  dataset: fc.constantFrom('a', 'b'),
  dateStart: fc.integer({ min: -20000, max: 40000 }).map((d) => new Date(d * 864e5)),
  dateEnd: fc.integer({ min: -20000, max: 40000 }).map((d) => new Date(d * 864e5)),
  datePrecision: fc.constantFrom('day' as const, 'week' as const, 'month' as const, 'year' as const, 'unknown' as const),
  country: text,
  admin1: text,
  admin2: text,
  place: text,
  lon: fc.double({ min: -180, max: 180, noNaN: true }),
  lat: fc.double({ min: -90, max: 90, noNaN: true }),
  locationPrecision: fc.constantFrom('exact' as const, 'near' as const, 'district' as const, 'region' as const, 'country' as const, 'unknown' as const),
  eventType: fc.constantFrom(...EVENT_TYPES),
  subEventType: text,
  actor1: text,
  actor2: text,
  deathsBest: fc.nat(),
  deathsLow: fc.option(fc.nat()),
  deathsHigh: fc.option(fc.nat()),
  summary: text,
  sources: fc.array(fc.record({ title: text, url: fc.constantFrom(null, 'https://x.org/'), publisher: text, date: text }), { maxLength: 2 }),
});
