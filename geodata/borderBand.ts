import { buffer } from '@turf/buffer';
import { featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { pointToLineDistance } from '@turf/point-to-line-distance';
import { union } from '@turf/union';
import type {
  Feature,
  FeatureCollection,
  LineString,
  MultiLineString,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';

/**
 * Width D of the border bands, in km from the border line.
 *
 * Why 60: the band must hold the Tillabéri villages the map's stories are about. The farthest of
 * them, Tchoma Bangou (14.83 N, 1.8125 E), lies 52.2 km from the Niger–Mali line (Banibangou
 * 32.0 km), so D must exceed 52 km with some margin for gazetteer error. The band must not reach
 * Niamey: the town is 89.3 km from the Burkina Faso line and its capital district 73.6 km at the
 * nearest (Tahoua town is 174 km from the Mali line). 60 km is the round figure between, with
 * ~8 km to spare inside and ~14 km before the Niamey district. It also takes in Téra (31 km),
 * Torodi (48 km), Say (52 km), Ayorou (27 km) and Abala (47 km). Measured by `npm run geodata`,
 * which prints the four towns' distances; see geodata/README.md.
 */
export const BORDER_BAND_KM = 60;

/** Buffer quadrant segments: arcs of 60 km drawn with 16 chords per quarter err by < 0.1 km. */
const BUFFER_STEPS = 16;

/** Output coordinates are rounded to 4 decimals (~11 m), the precision of the input geodata. */
const PRECISION = 1e4;

export type FocusAreaFeatureId = 'niamey' | 'tahoua' | 'border-mali' | 'border-bf' | 'border';

/** Properties of a feature of geodata/focus-areas.geojson. */
export interface FocusAreaProperties {
  id: FocusAreaFeatureId;
  /** Label text (English). */
  name: string;
  /** Label text (French). */
  name_fr: string;
  /** D in km for the border bands; null for the admin-1 areas. */
  band_km: number | null;
  /** How the geometry was made, for a reader of the file. */
  derivation: string;
}

export type FocusAreaFeature = Feature<Polygon | MultiPolygon, FocusAreaProperties>;

export type BorderLine = Feature<LineString | MultiLineString>;
export type Area = Feature<Polygon | MultiPolygon>;

/** The geodata files the focus areas are made from, already parsed. */
export interface FocusAreaInputs {
  /** countries.geojson (iso_a3). */
  countries: FeatureCollection;
  /** country_borders.geojson (iso_a3_a, iso_a3_b). */
  countryBorders: FeatureCollection;
  /** admin1.geojson (iso_3166_2). */
  admin1: FeatureCollection;
}

/** Features in a fixed order, plus what was missing (never thrown: the script reports it). */
export interface FocusAreaBuild {
  features: FocusAreaFeature[];
  issues: string[];
}

function isArea(f: Feature | undefined): f is Area {
  return f?.geometry?.type === 'Polygon' || f?.geometry?.type === 'MultiPolygon';
}

function isLine(f: Feature): f is BorderLine {
  return f.geometry?.type === 'LineString' || f.geometry?.type === 'MultiLineString';
}

/** The land border lines shared by countries `a` and `b` (either order), from country_borders.geojson. */
export function borderLines(countryBorders: FeatureCollection, a: string, b: string): BorderLine[] {
  return countryBorders.features.filter((f): f is BorderLine => {
    const p = f.properties ?? {};
    const pair = (p.iso_a3_a === a && p.iso_a3_b === b) || (p.iso_a3_a === b && p.iso_a3_b === a);
    return pair && isLine(f);
  });
}

/** Splits MultiLineStrings: @turf/point-to-line-distance takes one LineString at a time. */
function lineStrings(lines: readonly BorderLine[]): LineString[] {
  return lines.flatMap((f) =>
    f.geometry.type === 'LineString'
      ? [f.geometry]
      : f.geometry.coordinates.map((coordinates): LineString => ({ type: 'LineString', coordinates })),
  );
}

/** Geodesic distance in km from a point to the nearest of the lines (Infinity when there are none). */
export function distanceToLinesKm(lonLat: Position, lines: readonly BorderLine[]): number {
  let best = Infinity;
  for (const line of lineStrings(lines)) {
    best = Math.min(best, pointToLineDistance(lonLat, line, { units: 'kilometers' }));
  }
  return best;
}

/**
 * The part of `country` within `km` of the border lines: the lines buffered with @turf/buffer and
 * clipped to the country with @turf/intersect, so the band stops at the border instead of spilling
 * into the neighbour. Null when there are no lines or the band misses the country.
 */
export function borderBand(country: Area, lines: readonly BorderLine[], km: number): Area | null {
  if (lines.length === 0 || !(km > 0)) return null;
  const buffered = lines
    .map((line) => buffer(line, km, { units: 'kilometers', steps: BUFFER_STEPS }))
    .filter((f): f is Area => isArea(f));
  const reach = buffered.length > 1 ? union(featureCollection(buffered)) : buffered[0];
  if (!reach) return null;
  return intersect(featureCollection<Polygon | MultiPolygon>([reach, country]));
}

function roundRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const [x, y] of ring) {
    const p = [Math.round(x * PRECISION) / PRECISION, Math.round(y * PRECISION) / PRECISION];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

/** Rounds to the input's 4 decimals and drops the repeated points this creates (and rings it collapses). */
export function roundGeometry(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const polygon = (rings: Position[][]): Position[][] => rings.map(roundRing).filter((r) => r.length >= 4);
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: polygon(geometry.coordinates) };
  const polygons = geometry.coordinates.map(polygon).filter((p) => p.length > 0);
  return { type: 'MultiPolygon', coordinates: polygons };
}

function area(geometry: Polygon | MultiPolygon, properties: FocusAreaProperties): FocusAreaFeature {
  return { type: 'Feature', properties, geometry: roundGeometry(geometry) };
}

function findArea(fc: FeatureCollection, key: string, value: string): Area | undefined {
  const f = fc.features.find((x) => x.properties?.[key] === value);
  return isArea(f) ? f : undefined;
}

/**
 * All five focus areas, in a fixed order: `niamey` (admin-1 NE-8, the capital district), `tahoua`
 * (admin-1 NE-5), `border-mali` and `border-bf` (Niger within `km` of its border with Mali, resp.
 * Burkina Faso) and `border`, their union: the Liptako-Gourma belt on Niger's side.
 */
export function buildFocusAreas(inputs: FocusAreaInputs, km: number = BORDER_BAND_KM): FocusAreaBuild {
  const issues: string[] = [];
  const features: FocusAreaFeature[] = [];
  const admin = (iso: string, id: FocusAreaFeatureId) => {
    const f = findArea(inputs.admin1, 'iso_3166_2', iso);
    if (!f) return void issues.push(`admin1.geojson: no polygon with iso_3166_2 "${iso}" (needed for "${id}")`);
    const name = String(f.properties?.name ?? iso);
    features.push(area(f.geometry, { id, name, name_fr: name, band_km: null, derivation: `admin1 ${iso}` }));
  };
  admin('NE-8', 'niamey');
  admin('NE-5', 'tahoua');

  const niger = findArea(inputs.countries, 'iso_a3', 'NER');
  if (!niger) {
    issues.push('countries.geojson: no polygon with iso_a3 "NER": the border bands cannot be clipped');
    return { features, issues };
  }
  const bands: Area[] = [];
  const band = (neighbour: string, id: FocusAreaFeatureId, name: string, name_fr: string) => {
    const lines = borderLines(inputs.countryBorders, 'NER', neighbour);
    const b = borderBand(niger, lines, km);
    if (!b) return void issues.push(`country_borders.geojson: no NER–${neighbour} line gives a band of ${km} km`);
    bands.push(b);
    const derivation = `country_borders NER–${neighbour} buffered ${km} km, clipped to NER`;
    features.push(area(b.geometry, { id, name, name_fr, band_km: km, derivation }));
  };
  band('MLI', 'border-mali', 'Niger–Mali border', 'Frontière Niger–Mali');
  band('BFA', 'border-bf', 'Niger–Burkina Faso border', 'Frontière Niger–Burkina Faso');
  if (bands.length === 2) {
    const both = union(featureCollection(bands));
    if (both) {
      features.push(
        area(both.geometry, {
          id: 'border',
          name: 'Liptako-Gourma border belt',
          name_fr: 'Bande frontalière du Liptako-Gourma',
          band_km: km,
          derivation: 'union of border-mali and border-bf',
        }),
      );
    }
  }
  return { features, issues };
}
