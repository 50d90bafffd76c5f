import type { Incident, IncidentFilter } from '../types';
import { APPROXIMATE_PRECISIONS, COUNTRIES, EVENT_TYPES } from '../types';
import type { TimeIndex } from './timeIndex';

/**
 * The incidents of one time index as flat typed arrays, in the index's order (sorted by start day),
 * so that a time window is one contiguous slice `[lo, hi)` that the GPU can draw with one
 * `drawArrays(first, count)` and the picker can test with two comparisons.
 *
 * About 17 bytes per event: this is what a million events cost in memory, not a million objects.
 */
export interface IncidentColumns {
  readonly count: number;
  /**
   * Web Mercator (0..1 across the world) of about the data's centre, in float64. Positions are stored
   * relative to it: within 25° of the origin float32 then errs by < 4e-9 of the world (0.16 m,
   * 0.13 px at zoom 16) instead of ~3e-8 (1.2 m, 8 px at zoom 18) for absolute coordinates.
   */
  readonly originX: number;
  readonly originY: number;
  /** Mercator x, y minus the origin, interleaved: `[x0, y0, x1, y1, …]` (one vec2 attribute). */
  readonly xy: Float32Array;
  /** dayNumber of the first event: days are stored relative to it. */
  readonly dayOrigin: number;
  /** Whole days since `dayOrigin` (exact in float32 for any span below 16 million days). */
  readonly day: Float32Array;
  /** Marker radius in CSS px from the legend's scale; 0 for an event that cannot be placed. */
  readonly radius: Float32Array;
  /** Largest entry of `radius`: how far from a point the picker must look. */
  readonly maxRadius: number;
  /** Type, country slot and flags packed in one byte: see {@link encodeClass}. */
  readonly classes: Uint8Array;
  /** Events left undrawn because their longitude or latitude is not a finite number. */
  readonly unplaced: number;
}

/** Bits 0–2 of a class byte: index in EVENT_TYPES, or this for a type outside it (never passes a filter). */
export const UNKNOWN_TYPE = 7;
/** Bits 3–4: index in COUNTRIES, or this slot for any other country (which every country filter lets through). */
export const OTHER_COUNTRY = COUNTRIES.length;
/** Bit 5: the point is a centroid (district, region, country or unknown precision), drawn as approximate. */
export const FLAG_APPROXIMATE = 1 << 5;
/** Bit 6: the date is known to a week, month or year only. */
export const FLAG_IMPRECISE_DATE = 1 << 6;
/** Bit 7: no deaths reported: drawn with the scale's distinct zero marker. */
export const FLAG_NO_DEATHS = 1 << 7;

const TYPE_BITS = new Map<string, number>(EVENT_TYPES.map((t, i) => [t, i]));
const COUNTRY_BITS = new Map<string, number>(COUNTRIES.map((c, i) => [c, i << 3]));

/** Packs what the shader and the picker filter and style on into one byte, the same for both. */
export function encodeClass(incident: Incident): number {
  let c = (TYPE_BITS.get(incident.eventType) ?? UNKNOWN_TYPE) | (COUNTRY_BITS.get(incident.country) ?? (OTHER_COUNTRY << 3));
  if (APPROXIMATE_PRECISIONS.has(incident.locationPrecision)) c |= FLAG_APPROXIMATE;
  if (incident.datePrecision !== 'day') c |= FLAG_IMPRECISE_DATE;
  if (!(incident.deathsBest > 0)) c |= FLAG_NO_DEATHS;
  return c;
}

/** A filter as two bitmasks: bit t of `types` for EVENT_TYPES[t], bit s of `countries` for country slot s. */
export interface FilterMasks {
  types: number;
  countries: number;
}

/** The "other country" slot is always set: a country outside COUNTRIES passes every country filter. */
export function filterMasks(filter: IncidentFilter): FilterMasks {
  let types = 0;
  let countries = 1 << OTHER_COUNTRY;
  EVENT_TYPES.forEach((t, i) => {
    if (filter.types.includes(t)) types |= 1 << i;
  });
  COUNTRIES.forEach((c, i) => {
    if (filter.countries.includes(c)) countries |= 1 << i;
  });
  return { types, countries };
}

/** The JS twin of the vertex shader's test: the picker uses it so that what is hit is what is drawn. */
export function passesMasks(cls: number, masks: FilterMasks): boolean {
  return ((masks.types >> (cls & 7)) & 1) === 1 && ((masks.countries >> ((cls >> 3) & 3)) & 1) === 1;
}

/** Web Mercator x of a longitude, 0 at 180°W and 1 at 180°E. */
export function mercatorX(lon: number): number {
  return (180 + lon) / 360;
}

/** Web Mercator y of a latitude, 0 at the top (85.05°N) and 1 at the bottom, as maplibre's MercatorCoordinate. */
export function mercatorY(lat: number): number {
  const clamped = Math.max(-85.051129, Math.min(85.051129, lat));
  return (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360))) / 360;
}

/** At most this many events are looked at to place the origin: one pass over a million objects costs ~100 ms. */
const ORIGIN_SAMPLE = 4096;

/**
 * The Mercator centre of the bounding box of a strided sample of the events. Any point near the
 * data keeps float32 precise (the error grows with the distance from the origin, which is at most
 * the data's extent); the sample saves a full pass over the incidents.
 */
function sampledCentre(incidents: readonly Incident[]): [number, number] {
  let minLon = Infinity;
  let maxLon = -Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  const stride = Math.max(1, Math.floor(incidents.length / ORIGIN_SAMPLE));
  for (let i = 0; i < incidents.length; i += stride) {
    const { lon, lat } = incidents[i];
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  }
  if (minLon > maxLon) return [0.5, 0.5];
  return [mercatorX((minLon + maxLon) / 2), mercatorY((minLat + maxLat) / 2)];
}

/**
 * Builds the columns once per dataset. `radius` is the legend's scale (`MarkerScale.radius`), so a
 * marker and its legend entry are drawn from one function. Bad coordinates are counted in
 * `unplaced` and get radius 0 (never drawn nor picked) instead of throwing.
 */
export function buildIncidentColumns(index: TimeIndex, radius: (deaths: number) => number): IncidentColumns {
  const incidents = index.incidents;
  const n = incidents.length;
  const xy = new Float32Array(2 * n);
  const day = new Float32Array(n);
  const radii = new Float32Array(n);
  const classes = new Uint8Array(n);

  const [originX, originY] = sampledCentre(incidents);
  const dayOrigin = n > 0 ? index.days[0] : 0;

  // Death counts repeat a lot (most are 0–20): the scale runs once per distinct count, not per event.
  const radiusOf = new Map<number, number>();
  let unplaced = 0;
  let maxRadius = 0;
  for (let i = 0; i < n; i++) {
    const incident = incidents[i];
    day[i] = index.days[i] - dayOrigin;
    classes[i] = encodeClass(incident);
    const { lon, lat, deathsBest } = incident;
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) {
      unplaced++;
      continue;
    }
    xy[2 * i] = mercatorX(lon) - originX;
    xy[2 * i + 1] = mercatorY(lat) - originY;
    let r = radiusOf.get(deathsBest);
    if (r === undefined) {
      r = radius(deathsBest);
      r = Number.isFinite(r) && r > 0 ? r : 0;
      radiusOf.set(deathsBest, r);
    }
    radii[i] = r;
    if (r > maxRadius) maxRadius = r;
  }
  return { count: n, originX, originY, xy, dayOrigin, day, radius: radii, maxRadius, classes, unplaced };
}

/** First position whose value is ≥ `value` in an ascending array (binary search). */
function lowerBound(values: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The slice `[lo, hi)` of events whose day lies in `[first, last]` (both inclusive, whole days), by
 * two binary searches over the sorted day column: O(log n) per slider step, never a scan. A
 * cumulative window passes `first = -Infinity`. An empty or inverted window gives `lo === hi`.
 */
export function sliceOfDays(days: ArrayLike<number>, first: number, last: number): [number, number] {
  if (Number.isNaN(first) || Number.isNaN(last)) return [0, 0];
  const lo = lowerBound(days, first);
  const hi = Math.max(lo, lowerBound(days, Math.floor(last) + 1));
  return [lo, hi];
}
