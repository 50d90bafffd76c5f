import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { bbox as turfBbox } from '@turf/bbox';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { CELL_BOUNDARY, CELL_INSIDE, cellOf, classifyCells, type GridFrame } from './areaGrid';

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

/** Grid cells of 0.05° (about 5.5 km): boundary cells are a few per cent of the regions' cells. */
const GRID_CELL_DEGREES = 0.05;
/** From this many points the grid pays for itself (building it takes some tens of milliseconds). */
export const GRID_MIN_POINTS = 2000;

/** Per grid cell: the one region that holds all of it (-1: none does, -2: a region's boundary crosses it), and the focus areas' bits. */
interface AreaGrid {
  frame: GridFrame;
  region: Int16Array;
  focusInside: Uint8Array;
  focusBoundary: Uint8Array;
}

const grids = new WeakMap<readonly Area[], AreaGrid>();

function ringsOf(area: Area): Position[][] {
  const g = area.feature.geometry;
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

function buildGrid(regions: readonly Area[], focusAreas: readonly Area[]): AreaGrid {
  const all = [...regions, ...focusAreas];
  const west = Math.min(...all.map((a) => a.bbox[0]));
  const south = Math.min(...all.map((a) => a.bbox[1]));
  const columns = Math.ceil((Math.max(...all.map((a) => a.bbox[2])) - west) / GRID_CELL_DEGREES) + 1;
  const rows = Math.ceil((Math.max(...all.map((a) => a.bbox[3])) - south) / GRID_CELL_DEGREES) + 1;
  const frame: GridFrame = { west, south, size: GRID_CELL_DEGREES, columns, rows };
  const cells = columns * rows;
  const region = new Int16Array(cells).fill(-1);
  regions.forEach((area, r) => {
    const classes = classifyCells(frame, ringsOf(area), area.bbox, (lon, lat) => booleanPointInPolygon([lon, lat], area.feature));
    for (let c = 0; c < cells; c++) {
      if (classes[c] === CELL_BOUNDARY || (classes[c] === CELL_INSIDE && region[c] !== -1)) region[c] = -2;
      else if (classes[c] === CELL_INSIDE) region[c] = r;
    }
  });
  const focusInside = new Uint8Array(cells);
  const focusBoundary = new Uint8Array(cells);
  focusAreas.forEach((area, k) => {
    const classes = classifyCells(frame, ringsOf(area), area.bbox, (lon, lat) => booleanPointInPolygon([lon, lat], area.feature));
    for (let c = 0; c < cells; c++) {
      if (classes[c] === CELL_BOUNDARY) focusBoundary[c] |= 1 << k;
      else if (classes[c] === CELL_INSIDE) focusInside[c] |= 1 << k;
    }
  });
  return { frame, region, focusInside, focusBoundary };
}

/**
 * Assigns every point (lon/lat columns, so a million events need no objects) to its admin-1 region
 * and its focus areas, with @turf/boolean-point-in-polygon behind a bounding-box test. A point on a
 * shared border goes to the first region that holds it. Non-finite coordinates are outside.
 *
 * From {@link GRID_MIN_POINTS} points (or with `grid: true`), a grid prefilter answers first: a
 * point in a cell that lies wholly inside one region (or outside all) takes that answer without a
 * polygon test, and only points in the few cells a boundary crosses are tested exactly. The
 * grid is built once per `areas` array. The answers are the same either way (tested).
 */
export function assignAreas(lons: ArrayLike<number>, lats: ArrayLike<number>, areas: readonly Area[], options: { grid?: boolean } = {}): AreaAssignment {
  const regions = areas.filter((a) => a.kind === 'region');
  const focusAreas = areas.filter((a) => a.kind === 'focus').slice(0, 8);
  const n = lons.length;
  const useGrid = (options.grid ?? n >= GRID_MIN_POINTS) && regions.length + focusAreas.length > 0;
  let grid = useGrid ? grids.get(areas) : undefined;
  if (useGrid && !grid) grids.set(areas, (grid = buildGrid(regions, focusAreas)));
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
    const cell = grid ? cellOf(grid.frame, lon, lat) : -1;
    const known = cell >= 0 ? grid!.region[cell] : -2;
    let found = -1;
    if (known !== -2) found = known;
    else if (regions.length && contains(regions[last], lon, lat)) found = last;
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
    if (cell >= 0) {
      bits = grid!.focusInside[cell];
      const unsure = grid!.focusBoundary[cell];
      for (let k = 0; k < focusAreas.length; k++) if ((unsure >> k) & 1 && contains(focusAreas[k], lon, lat)) bits |= 1 << k;
    } else for (let k = 0; k < focusAreas.length; k++) if (contains(focusAreas[k], lon, lat)) bits |= 1 << k;
    focus[i] = bits;
  }
  return { regions, focusAreas, region, focus, outside };
}
