import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { bbox as turfBbox } from '@turf/bbox';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/** A place incidents are counted in: an admin-1 region of the basemap, or one of the focus areas. */
export interface Area {
  /** `NE-5` (the region's ISO 3166-2 code) or a focus-area id (`tahoua`, `border-mali`, `border` …). */
  id: string;
  kind: 'region' | 'focus';
  name: string;
  /** The French name where the geodata has one, else `name`. */
  nameFr: string;
  feature: Feature<Polygon | MultiPolygon>;
  /** [west, south, east, north]: the cheap test before the polygon test. */
  bbox: [number, number, number, number];
}

const isPolygonal = (f: Feature): f is Feature<Polygon | MultiPolygon> => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon';

/** The basemap's admin-1 regions (geodata/admin1.geojson) and the focus areas (geodata/focus-areas.geojson) as areas. */
export function prepareAreas(admin1: FeatureCollection, focusAreas: FeatureCollection): Area[] {
  const areas: Area[] = [];
  for (const f of admin1.features) {
    if (!isPolygonal(f)) continue;
    const p = f.properties ?? {};
    const name = String(p.name_en ?? p.name ?? p.iso_3166_2);
    areas.push({ id: String(p.iso_3166_2), kind: 'region', name, nameFr: String(p.name_fr ?? p.name ?? name), feature: f, bbox: turfBbox(f) as Area['bbox'] });
  }
  for (const f of focusAreas.features) {
    if (!isPolygonal(f)) continue;
    const p = f.properties ?? {};
    areas.push({ id: String(p.id), kind: 'focus', name: String(p.name), nameFr: String(p.name_fr ?? p.name), feature: f, bbox: turfBbox(f) as Area['bbox'] });
  }
  return areas;
}

/**
 * Where each incident falls, by its coordinates (never by the file's admin-1 text, whose spellings
 * differ from the basemap's: UCDP's "Centre Est" is the basemap's "Centre-Est").
 */
export interface AreaAssignment {
  /** The regions, in `prepareAreas` order (index into `region`). */
  readonly regions: readonly Area[];
  /** The focus areas (bit k of `focus` is focusAreas[k]). */
  readonly focusAreas: readonly Area[];
  /** Per incident: its region's index, or -1 outside every region (across a border, in a lake, a swapped coordinate). */
  readonly region: Int16Array;
  /** Per incident: one bit per focus area it lies in (regions overlap focus areas; focus areas overlap each other). */
  readonly focus: Uint8Array;
  /** Indices of the incidents outside every region, in input order: reported, never silently dropped. */
  readonly outside: readonly number[];
}

function contains(area: Area, lon: number, lat: number): boolean {
  const [w, s, e, n] = area.bbox;
  if (lon < w || lon > e || lat < s || lat > n) return false;
  return booleanPointInPolygon([lon, lat], area.feature);
}

/**
 * Assigns every point (lon/lat columns, so a million events need no objects) to its admin-1 region
 * and its focus areas, with @turf/boolean-point-in-polygon behind a bounding-box test. A point on a
 * shared border goes to the first region that holds it. Non-finite coordinates are outside.
 */
export function assignAreas(lons: ArrayLike<number>, lats: ArrayLike<number>, areas: readonly Area[]): AreaAssignment {
  const regions = areas.filter((a) => a.kind === 'region');
  const focusAreas = areas.filter((a) => a.kind === 'focus').slice(0, 8);
  const n = lons.length;
  const region = new Int16Array(n).fill(-1);
  const focus = new Uint8Array(n);
  const outside: number[] = [];
  // The region that held the previous point is tried first: events come clustered in space.
  let last = 0;
  for (let i = 0; i < n; i++) {
    const lon = lons[i];
    const lat = lats[i];
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) {
      outside.push(i);
      continue;
    }
    let found = -1;
    if (regions.length && contains(regions[last], lon, lat)) found = last;
    else {
      for (let r = 0; r < regions.length; r++) {
        if (r !== last && contains(regions[r], lon, lat)) {
          found = r;
          break;
        }
      }
    }
    if (found < 0) outside.push(i);
    else {
      region[i] = found;
      last = found;
    }
    let bits = 0;
    for (let k = 0; k < focusAreas.length; k++) if (contains(focusAreas[k], lon, lat)) bits |= 1 << k;
    focus[i] = bits;
  }
  return { regions, focusAreas, region, focus, outside };
}
