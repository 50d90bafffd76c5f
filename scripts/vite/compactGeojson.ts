import type { FeatureCollection, Geometry, Position } from 'geojson';

/**
 * Decimal places kept in the shipped basemap. 0.001° is about 110 m: finer than Natural Earth's
 * 1:10m source (its lines are placed to a few hundred metres) and under one pixel up to zoom 9,
 * the closest the focus areas frame; the files in geodata/ keep their 4 decimals.
 */
export const BASEMAP_DECIMALS = 3;

function roundLine(line: Position[], f: number, closed: boolean): Position[] {
  const out: Position[] = [];
  for (const p of line) {
    const q = [Math.round(p[0] * f) / f, Math.round(p[1] * f) / f];
    const last = out[out.length - 1];
    if (last && last[0] === q[0] && last[1] === q[1]) continue;
    out.push(q);
  }
  // Rounding must not collapse a line or a ring below what GeoJSON allows: keep the original then.
  const min = closed ? 4 : 2;
  if (out.length < min) return line.map((p) => [Math.round(p[0] * f) / f, Math.round(p[1] * f) / f]);
  return out;
}

function roundGeometry(g: Geometry, f: number): Geometry {
  switch (g.type) {
    case 'Point':
      return { ...g, coordinates: [Math.round(g.coordinates[0] * f) / f, Math.round(g.coordinates[1] * f) / f] };
    case 'MultiPoint':
      return { ...g, coordinates: g.coordinates.map((p) => [Math.round(p[0] * f) / f, Math.round(p[1] * f) / f]) };
    case 'LineString':
      return { ...g, coordinates: roundLine(g.coordinates, f, false) };
    case 'MultiLineString':
      return { ...g, coordinates: g.coordinates.map((l) => roundLine(l, f, false)) };
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map((r) => roundLine(r, f, true)) };
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((p) => p.map((r) => roundLine(r, f, true))) };
    case 'GeometryCollection':
      return { ...g, geometries: g.geometries.map((x) => roundGeometry(x, f)) };
  }
}

/**
 * A GeoJSON text as the build ships it: coordinates rounded to `decimals`, repeated points that
 * rounding creates dropped, no whitespace. Properties are untouched (the style and the popups may
 * read any of them). Text that is not a FeatureCollection comes back unchanged.
 */
export function compactGeojson(text: string, decimals = BASEMAP_DECIMALS): string {
  let data: FeatureCollection;
  try {
    data = JSON.parse(text) as FeatureCollection;
  } catch {
    return text;
  }
  if (data?.type !== 'FeatureCollection' || !Array.isArray(data.features)) return text;
  const f = 10 ** decimals;
  const features = data.features.map((feature) => (feature.geometry ? { ...feature, geometry: roundGeometry(feature.geometry, f) } : feature));
  return JSON.stringify({ ...data, features });
}
