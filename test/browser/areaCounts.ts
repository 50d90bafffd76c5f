import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { csvParse } from 'd3-dsv';

/**
 * Counts made in the test, independently of the app: UCDP rows straight from the bundled CSV
 * (d3-dsv), placed in the admin-1 regions of geodata/admin1.geojson by a ray-casting test on
 * their coordinates (never by the file's adm_1 column), so the app's turf assignment and area
 * index are checked against another route to the same figures.
 */

type Ring = [number, number][];
interface Region {
  id: string;
  rings: Ring[];
}

const ROOT = resolve(import.meta.dirname, '../..');

/** Even-odd ray casting over every ring of a polygon (holes included). */
function inRings(lon: number, lat: number, rings: readonly Ring[]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function loadRegions(): Region[] {
  const geo = JSON.parse(readFileSync(resolve(ROOT, 'geodata/admin1.geojson'), 'utf8')) as {
    features: { properties: { iso_3166_2: string }; geometry: { type: string; coordinates: unknown } }[];
  };
  return geo.features.map((f) => ({
    id: f.properties.iso_3166_2,
    rings: f.geometry.type === 'Polygon' ? (f.geometry.coordinates as Ring[]) : (f.geometry.coordinates as Ring[][]).flat(),
  }));
}

export interface CsvEvent {
  id: string;
  day: string;
  lon: number;
  lat: number;
  best: number;
  low: number;
  high: number;
  region: string | null;
}

let cached: CsvEvent[] | null = null;

/** Every UCDP row with its ISO day, deaths and the region the ray casting puts it in. */
export function csvEvents(): CsvEvent[] {
  if (cached) return cached;
  const regions = loadRegions();
  const text = readFileSync(resolve(ROOT, 'public/data/ucdp/ucdp-ged-sahel.csv'), 'utf8');
  cached = csvParse(text).map((row) => {
    const [m, d, y] = (row.date_start ?? '').slice(0, 10).split('/');
    const lon = Number(row.longitude);
    const lat = Number(row.latitude);
    const best = Number(row.best_est);
    const lo = row.low_est === '' ? best : Number(row.low_est);
    const hi = row.high_est === '' ? best : Number(row.high_est);
    return {
      id: row.id ?? '',
      day: `${y}-${m}-${d}`,
      lon,
      lat,
      best,
      low: Math.min(lo, hi),
      high: Math.max(lo, hi),
      region: regions.find((r) => inRings(lon, lat, r.rings))?.id ?? null,
    };
  });
  return cached;
}

export interface Figures {
  incidents: number;
  deaths: number;
  low: number;
  high: number;
}

/** A region's incidents and deaths (best, low, high) whose start day lies in [from, to] (ISO days). */
export function regionFigures(region: string, from: string, to: string): Figures {
  const f: Figures = { incidents: 0, deaths: 0, low: 0, high: 0 };
  for (const e of csvEvents()) {
    if (e.region !== region || e.day < from || e.day > to) continue;
    f.incidents++;
    f.deaths += e.best;
    f.low += e.low;
    f.high += e.high;
  }
  return f;
}

/** The incidents in no region (the ray casting put them in none) whose start day lies in [from, to]. */
export function outsideFigures(from: string, to: string): Figures {
  const f: Figures = { incidents: 0, deaths: 0, low: 0, high: 0 };
  for (const e of csvEvents()) {
    if (e.region !== null || e.day < from || e.day > to) continue;
    f.incidents++;
    f.deaths += e.best;
    f.low += e.low;
    f.high += e.high;
  }
  return f;
}

/** The regions' ids of geodata/admin1.geojson, in file order. */
export function regionIds(): string[] {
  return loadRegions().map((r) => r.id);
}

/** Is the point in this region (the test's own ray casting)? */
export function inRegion(region: string, lon: number, lat: number): boolean {
  const r = loadRegions().find((x) => x.id === region);
  return !!r && inRings(lon, lat, r.rings);
}
