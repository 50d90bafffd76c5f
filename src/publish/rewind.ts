import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

/** Twice the signed planar area of a ring in lon/lat (positive: counter-clockwise with north up). */
function signedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return sum;
}

function orient(ring: Position[], clockwise: boolean): Position[] {
  const ccw = signedArea(ring) > 0;
  return ccw === clockwise ? [...ring].reverse() : ring;
}

function rewindGeometry(g: Geometry): Geometry {
  // d3-geo reads polygons on the sphere: an exterior ring must run clockwise, holes counter-clockwise,
  // the reverse of GeoJSON's right-hand rule (RFC 7946) that the geodata follows. A ring the wrong way
  // round is the rest of the globe, and fills the whole map.
  if (g.type === 'Polygon') return { ...g, coordinates: g.coordinates.map((r, i) => orient(r, i === 0)) };
  if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map((p) => p.map((r, i) => orient(r, i === 0))) };
  if (g.type === 'GeometryCollection') return { ...g, geometries: g.geometries.map(rewindGeometry) };
  return g;
}

/** The collection with every polygon wound as d3-geo expects (exterior clockwise). Lines and points pass unchanged. */
export function rewindForD3(fc: FeatureCollection): FeatureCollection {
  return { ...fc, features: fc.features.map((f: Feature) => (f.geometry ? { ...f, geometry: rewindGeometry(f.geometry) } : f)) };
}
