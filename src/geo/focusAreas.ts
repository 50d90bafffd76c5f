import { bbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { FocusAreaId } from '../state';

/** Where a view's area comes from: whole countries of countries.geojson, or one feature of focus-areas.geojson. */
export type FocusAreaSource =
  | { kind: 'countries'; iso: readonly string[] }
  | { kind: 'feature'; id: string };

/**
 * The app's view ids (FocusAreaId in src/state/vocabulary.ts, whose `FOCUS_AREA_IDS` lists them) mapped to
 * their geometry. `sahel` is the three countries themselves, not a feature of focus-areas.geojson,
 * so the first view and the country filter cannot disagree.
 */
export const FOCUS_AREA_IDS: Readonly<Record<FocusAreaId, FocusAreaSource>> = {
  sahel: { kind: 'countries', iso: ['NER', 'MLI', 'BFA'] },
  niamey: { kind: 'feature', id: 'niamey' },
  tahoua: { kind: 'feature', id: 'tahoua' },
  border: { kind: 'feature', id: 'border' },
};

/** Most specific first: a point in Niamey is also in the Sahel. `focusAreasAt` keeps this order. */
const SPECIFIC_FIRST: readonly FocusAreaId[] = ['niamey', 'tahoua', 'border', 'sahel'];

export type LngLatBounds = [[west: number, south: number], [east: number, north: number]];

type Area = Feature<Polygon | MultiPolygon>;

function isArea(f: Feature): f is Area {
  return f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon';
}

/** The polygons behind a view id; empty when the files lack them (the caller decides what to do). */
export function focusAreaFeatures(id: FocusAreaId, focusAreas: FeatureCollection, countries: FeatureCollection): Area[] {
  const source = FOCUS_AREA_IDS[id];
  if (!source) return [];
  const features =
    source.kind === 'countries'
      ? countries.features.filter((f) => source.iso.includes(String(f.properties?.iso_a3)))
      : focusAreas.features.filter((f) => f.properties?.id === source.id);
  return features.filter(isArea);
}

/**
 * Bounds to frame a view with `map.fitBounds`, as [[west, south], [east, north]] (@turf/bbox).
 * Null (not a throw) when the geodata lacks the area, so the map can keep its current camera.
 */
export function focusAreaBounds(
  id: FocusAreaId,
  focusAreas: FeatureCollection,
  countries: FeatureCollection,
): LngLatBounds | null {
  const features = focusAreaFeatures(id, focusAreas, countries);
  if (features.length === 0) return null;
  const [w, s, e, n] = bbox({ type: 'FeatureCollection', features });
  return [
    [w, s],
    [e, n],
  ];
}

/**
 * The view ids whose area holds the point, most specific first (`niamey`, `tahoua`, `border`,
 * `sahel`); empty outside all of them or for non-finite coordinates. Areas overlap: the Mali band
 * runs into Tahoua region, and every area is inside the Sahel.
 */
export function focusAreasAt(
  lonLat: Position,
  focusAreas: FeatureCollection,
  countries: FeatureCollection,
): FocusAreaId[] {
  const [lon, lat] = lonLat;
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return [];
  return SPECIFIC_FIRST.filter((id) =>
    focusAreaFeatures(id, focusAreas, countries).some((f) => booleanPointInPolygon([lon, lat], f)),
  );
}
