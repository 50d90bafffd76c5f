import { APPROXIMATE_PRECISIONS } from '../types';
import { classByte } from './incidentClass';
import { LOCATION_PRECISIONS, type IncidentTable } from './incidentTable';
import type { TimeIndex } from './timeIndex';

/** What the columns are built from: a table's numbers and slots. */
export type ColumnSource = Pick<IncidentTable, 'length' | 'lon' | 'lat' | 'best' | 'datePrecision' | 'locationPrecision' | 'typeSlot' | 'countrySlot'>;

/** Location precision codes drawn as approximate. */
const APPROXIMATE_CODES = new Set(LOCATION_PRECISIONS.flatMap((p, k) => (APPROXIMATE_PRECISIONS.has(p) ? [k] : [])));

/**
 * The incidents of one time index as flat typed arrays, in the index's order (sorted by start day),
 * so that a time window is one contiguous slice `[lo, hi)` that the GPU can draw with one
 * `drawArrays(first, count)` and the picker can test with two comparisons.
 *
 * About 21 bytes per event (17 when `deaths` is the table's own best column): this is what a
 * million events cost in memory, not a million objects.
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
  /** The best estimate of deaths, 0 where none is given: what the density view sums per square. */
  readonly deaths: Float32Array;
  /** Largest entry of `radius`: how far from a point the picker must look. */
  readonly maxRadius: number;
  /** Type, country slot and flags packed in one byte: see {@link encodeClass}. */
  readonly classes: Uint8Array;
  /** Events left undrawn because their longitude or latitude is not a finite number. */
  readonly unplaced: number;
}

export { encodeClass, filterMasks, passesMasks, FLAG_APPROXIMATE, FLAG_IMPRECISE_DATE, FLAG_NO_DEATHS, OTHER_COUNTRY, UNKNOWN_TYPE, type FilterMasks } from './incidentClass';

/** Web Mercator x of a longitude, 0 at 180°W and 1 at 180°E. */
export function mercatorX(lon: number): number {
  return (180 + lon) / 360;
}

/** Web Mercator y of a latitude, 0 at the top (85.05°N) and 1 at the bottom, as maplibre's MercatorCoordinate. */
export function mercatorY(lat: number): number {
  const clamped = Math.max(-85.051129, Math.min(85.051129, lat));
  return (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360))) / 360;
}

/** `best` itself when it is a float32 column whose every value is a finite count of at least 0; else null. */
function sharedDeaths(best: ColumnSource['best']): Float32Array | null {
  if (!(best instanceof Float32Array)) return null;
  for (let i = 0; i < best.length; i++) if (!(best[i] >= 0 && best[i] < Number.POSITIVE_INFINITY)) return null;
  return best;
}

/** At most this many events are looked at to place the origin: one pass over a million objects costs ~100 ms. */
const ORIGIN_SAMPLE = 4096;

/**
 * The Mercator centre of the bounding box of a strided sample of the events. Any point near the
 * data keeps float32 precise (the error grows with the distance from the origin, which is at most
 * the data's extent); the sample saves a full pass over the incidents.
 */
function sampledCentre(incidents: Pick<ColumnSource, 'length' | 'lon' | 'lat'>): [number, number] {
  let minLon = Infinity;
  let maxLon = -Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  const stride = Math.max(1, Math.floor(incidents.length / ORIGIN_SAMPLE));
  for (let i = 0; i < incidents.length; i += stride) {
    const lon = incidents.lon[i];
    const lat = incidents.lat[i];
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
export function buildIncidentColumns(index: Pick<TimeIndex, 'days'> & { incidents: ColumnSource }, radius: (deaths: number) => number): IncidentColumns {
  const incidents = index.incidents;
  const n = incidents.length;
  const xy = new Float32Array(2 * n);
  const day = new Float32Array(n);
  const radii = new Float32Array(n);
  // An import's best estimates arrive as float32 (see narrowFloat): when every one is already what
  // `deaths` holds (finite, not negative), they are `deaths` itself, 4 B an event not copied.
  const shared = sharedDeaths(incidents.best);
  const deaths = shared ?? new Float32Array(n);
  const classes = new Uint8Array(n);

  const [originX, originY] = sampledCentre(incidents);
  const dayOrigin = n > 0 ? index.days[0] : 0;

  // Death counts repeat a lot (most are 0–20): the scale runs once per distinct count, not per event.
  const radiusOf = new Map<number, number>();
  let unplaced = 0;
  let maxRadius = 0;
  for (let i = 0; i < n; i++) {
    day[i] = index.days[i] - dayOrigin;
    const deathsBest = incidents.best[i];
    if (!shared) deaths[i] = Number.isFinite(deathsBest) && deathsBest > 0 ? deathsBest : 0;
    // Date precision code 0 is 'day' (DATE_PRECISIONS).
    classes[i] = classByte(incidents.typeSlot(i), incidents.countrySlot(i), APPROXIMATE_CODES.has(incidents.locationPrecision[i]), incidents.datePrecision[i] !== 0, deathsBest);
    const lon = incidents.lon[i];
    const lat = incidents.lat[i];
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
  return { count: n, originX, originY, xy, dayOrigin, day, radius: radii, deaths, maxRadius, classes, unplaced };
}
