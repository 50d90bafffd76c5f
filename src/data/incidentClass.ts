import type { Incident, IncidentFilter } from '../types';
import { APPROXIMATE_PRECISIONS, COUNTRIES, EVENT_TYPES } from '../types';

/**
 * The one encoding of an incident's type and country as small integers, shared by the time index's
 * totals buckets, the GPU columns and shader, the circle layer and the picker: what is counted is
 * what is drawn is what is hit.
 */

/** Type slot for an event type outside EVENT_TYPES: never passes a filter. */
export const UNKNOWN_TYPE = 7;
/** Country slot for any country outside COUNTRIES, which every country filter lets through. */
export const OTHER_COUNTRY = COUNTRIES.length;
/** Country slots: one per entry of COUNTRIES, then "other". */
export const COUNTRY_SLOTS = COUNTRIES.length + 1;

const TYPE_SLOTS = new Map<string, number>(EVENT_TYPES.map((t, i) => [t, i]));
const COUNTRY_SLOT = new Map<string, number>(COUNTRIES.map((c, i) => [c, i]));

/** Index in EVENT_TYPES, or {@link UNKNOWN_TYPE}. */
export function typeSlot(eventType: string): number {
  return TYPE_SLOTS.get(eventType) ?? UNKNOWN_TYPE;
}

/** Index in COUNTRIES, or {@link OTHER_COUNTRY}. */
export function countrySlot(country: string): number {
  return COUNTRY_SLOT.get(country) ?? OTHER_COUNTRY;
}

/** Bit 5 of a class byte: the point is a centroid (district, region, country or unknown precision), drawn as approximate. */
export const FLAG_APPROXIMATE = 1 << 5;
/** Bit 6: the date is known to a week, month or year only. */
export const FLAG_IMPRECISE_DATE = 1 << 6;
/** Bit 7: no deaths reported: drawn with the scale's distinct zero marker. */
export const FLAG_NO_DEATHS = 1 << 7;

/** One byte: type slot in bits 0–2, country slot in bits 3–4, then the three flags. */
export function encodeClass(incident: Incident): number {
  return classByte(typeSlot(incident.eventType), countrySlot(incident.country), APPROXIMATE_PRECISIONS.has(incident.locationPrecision), incident.datePrecision !== 'day', incident.deathsBest);
}

/** The class byte from its parts (a table's columns give them without an Incident object). */
export function classByte(type: number, country: number, approximate: boolean, impreciseDate: boolean, deathsBest: number): number {
  let c = type | (country << 3);
  if (approximate) c |= FLAG_APPROXIMATE;
  if (impreciseDate) c |= FLAG_IMPRECISE_DATE;
  if (!(deathsBest > 0)) c |= FLAG_NO_DEATHS;
  return c;
}

/** A filter as two bitmasks: bit t of `types` for type slot t, bit s of `countries` for country slot s. */
export interface FilterMasks {
  types: number;
  countries: number;
}

/** The "other country" slot is always set: a country outside COUNTRIES passes every country filter. */
export function filterMasks(filter: IncidentFilter): FilterMasks {
  let types = 0;
  let countries = 1 << OTHER_COUNTRY;
  for (const t of filter.types) if (TYPE_SLOTS.has(t)) types |= 1 << typeSlot(t);
  for (const c of filter.countries) if (COUNTRY_SLOT.has(c)) countries |= 1 << countrySlot(c);
  return { types, countries };
}

/** Does a (type slot, country slot) pair pass the masks? The vertex shader runs the same test. */
export function passesSlots(type: number, country: number, masks: FilterMasks): boolean {
  return ((masks.types >> type) & 1) === 1 && ((masks.countries >> country) & 1) === 1;
}

/** The same test on a class byte. */
export function passesMasks(cls: number, masks: FilterMasks): boolean {
  return passesSlots(cls & 7, (cls >> 3) & 3, masks);
}
