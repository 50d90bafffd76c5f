import type { Incident } from '../../../src/types';

/** A complete Incident with plain defaults, for tests that care about a few fields only. */
export function makeIncident(patch: Partial<Incident> = {}): Incident {
  const day = new Date(Date.UTC(2021, 2, 21));
  return {
    id: '1',
    dataset: 'test',
    dateStart: day,
    dateEnd: day,
    datePrecision: 'day',
    country: 'Niger',
    admin1: '',
    admin2: '',
    place: '',
    lon: 5,
    lat: 14,
    locationPrecision: 'exact',
    eventType: 'Battles',
    subEventType: '',
    actor1: '',
    actor2: '',
    deathsBest: 0,
    deathsLow: null,
    deathsHigh: null,
    summary: '',
    sources: [],
    ...patch,
  };
}
