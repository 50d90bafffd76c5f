import type { GeoJSONSourceSpecification } from 'maplibre-gl';
import admin1Url from '../../geodata/admin1.geojson?url&no-inline';
import admin1BordersUrl from '../../geodata/admin1_borders.geojson?url&no-inline';
import admin1LabelsUrl from '../../geodata/admin1_labels.geojson?url&no-inline';
import countriesUrl from '../../geodata/countries.geojson?url&no-inline';
import countryBordersUrl from '../../geodata/country_borders.geojson?url&no-inline';
import countryLabelsUrl from '../../geodata/country_labels.geojson?url&no-inline';
import focusAreasUrl from '../../geodata/focus-areas.geojson?url&no-inline';
import lakesUrl from '../../geodata/lakes.geojson?url&no-inline';
import placesUrl from '../../geodata/places.geojson?url&no-inline';
import placesGeonamesUrl from '../../geodata/places_geonames.geojson?url&no-inline';
import riversUrl from '../../geodata/rivers.geojson?url&no-inline';

/**
 * The basemap's GeoJSON files as Vite asset URLs. `?url` makes Vite emit each file into the build
 * as a hashed asset (so a new geodata release is never served from a stale cache); `no-inline`
 * stops the small ones (country_labels is 4 KB) from becoming data: URLs, so every file is a
 * plain request to the app's own origin. In dev they are root paths such as /geodata/…
 */
export const BASEMAP_FILES = {
  countries: countriesUrl,
  'country-borders': countryBordersUrl,
  'country-labels': countryLabelsUrl,
  admin1: admin1Url,
  'admin1-borders': admin1BordersUrl,
  'admin1-labels': admin1LabelsUrl,
  places: placesUrl,
  'places-geonames': placesGeonamesUrl,
  rivers: riversUrl,
  lakes: lakesUrl,
  'focus-areas': focusAreasUrl,
} as const;

export type BasemapSourceId = keyof typeof BASEMAP_FILES;

const NATURAL_EARTH = '<a href="https://www.naturalearthdata.com/">Natural Earth</a>';
const GEONAMES = '<a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)';
const NOTO = 'Noto Sans (OFL)';

/**
 * Credits per source. MapLibre's AttributionControl lists each distinct string once, so Natural
 * Earth appears once however many sources carry it. The glyphs are not a source: their credit
 * rides on the country labels, which always show.
 */
export const BASEMAP_ATTRIBUTION: Readonly<Record<BasemapSourceId, string>> = {
  countries: NATURAL_EARTH,
  'country-borders': NATURAL_EARTH,
  'country-labels': `${NATURAL_EARTH}; ${NOTO}`,
  admin1: NATURAL_EARTH,
  'admin1-borders': NATURAL_EARTH,
  'admin1-labels': NATURAL_EARTH,
  places: NATURAL_EARTH,
  'places-geonames': GEONAMES,
  rivers: NATURAL_EARTH,
  lakes: NATURAL_EARTH,
  'focus-areas': NATURAL_EARTH,
};

/**
 * An asset URL made absolute: MapLibre fetches GeoJSON in a web worker, where a relative or
 * root-relative URL has no document to resolve against. Absolute URLs pass through unchanged.
 */
export function resolveAssetUrl(url: string, assetBase: string): string {
  return new URL(url, assetBase).href;
}

/**
 * Feature ids for feature-state: the choropleth shades a region by its ISO 3166-2 code (`NE-5`)
 * through feature-state, which repaints without re-tiling the source on every slider step.
 */
const PROMOTE_ID: Partial<Record<BasemapSourceId, string>> = { admin1: 'iso_3166_2' };

const EMPTY_COLLECTION: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The GeoJSON sources of the style, each with its absolute URL and attribution (`admin1` starts empty). */
export function basemapSources(assetBase: string): Record<BasemapSourceId, GeoJSONSourceSpecification> {
  const sources = {} as Record<BasemapSourceId, GeoJSONSourceSpecification>;
  for (const id of Object.keys(BASEMAP_FILES) as BasemapSourceId[]) {
    sources[id] = {
      type: 'geojson',
      // The regions' polygons are filled in by the app once it has loaded them for the area figures
      // (setAdmin1Shapes), so they are fetched once, and an embed that never asks for an area or a
      // choropleth never fetches them.
      data: id === 'admin1' ? EMPTY_COLLECTION : resolveAssetUrl(BASEMAP_FILES[id], assetBase),
      attribution: BASEMAP_ATTRIBUTION[id],
      ...(PROMOTE_ID[id] ? { promoteId: PROMOTE_ID[id] } : {}),
    };
  }
  return sources;
}
