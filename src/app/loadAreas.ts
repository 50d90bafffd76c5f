import type { FeatureCollection } from 'geojson';
import admin1Url from '../../geodata/admin1.geojson?url&no-inline';
import { prepareAreas, type Area } from '../geo/areaAssignment';
import type { AreaGeodata } from '../geo/indexAreas';
import { BASEMAP_FILES, resolveAssetUrl } from '../map/basemapSources';
import { fetchJson } from './fetchText';

/** The areas incidents are counted in, with the geodata they came from (for the import worker). */
export interface LoadedAreas {
  geodata: AreaGeodata;
  areas: readonly Area[];
}

/**
 * Loads the admin-1 regions and the focus areas (the latter also a basemap source, so the browser
 * caches it). Areas are an addition to the map, not a condition for it: a failure is warned about
 * and gives null, and the map runs without area figures.
 */
export async function loadAreas(assetBase: string): Promise<LoadedAreas | null> {
  try {
    const [admin1, focusAreas] = await Promise.all([
      fetchJson<FeatureCollection>(resolveAssetUrl(admin1Url, assetBase), 'geodata/admin1.geojson'),
      fetchJson<FeatureCollection>(resolveAssetUrl(BASEMAP_FILES['focus-areas'], assetBase), 'geodata/focus-areas.geojson'),
    ]);
    return { geodata: { admin1, focusAreas }, areas: prepareAreas(admin1, focusAreas) };
  } catch (e) {
    console.warn(`Sahel Incident Map: the areas could not be loaded, so no area figures are shown (${e instanceof Error ? e.message : String(e)}).`);
    return null;
  }
}
