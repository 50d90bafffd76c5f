import type { FeatureCollection } from 'geojson';
import type { LngLatBoundsLike } from 'maplibre-gl';
import type { FocusAreaId } from '../state';
import { focusAreaBounds } from '../geo/focusAreas';
import { BASEMAP_FILES, resolveAssetUrl } from '../map/basemapSources';
import { fetchJson } from './fetchText';

/** The frame of the whole region, used if the geodata lacks an area: the three countries' box. */
const SAHEL_FALLBACK: LngLatBoundsLike = [
  [-12.3, 9.4],
  [16.0, 25.0],
];

/** Loads the focus areas and the countries (both also basemap sources, so the browser caches them) and returns a bounds lookup. */
export async function loadFocusBounds(assetBase: string): Promise<(id: FocusAreaId) => LngLatBoundsLike> {
  const [focusAreas, countries] = await Promise.all([
    fetchJson<FeatureCollection>(resolveAssetUrl(BASEMAP_FILES['focus-areas'], assetBase), 'geodata/focus-areas.geojson'),
    fetchJson<FeatureCollection>(resolveAssetUrl(BASEMAP_FILES.countries, assetBase), 'geodata/countries.geojson'),
  ]);
  const cache = new Map<FocusAreaId, LngLatBoundsLike>();
  return (id) => {
    if (!cache.has(id)) cache.set(id, focusAreaBounds(id, focusAreas, countries) ?? SAHEL_FALLBACK);
    return cache.get(id)!;
  };
}
