import type { FeatureCollection } from 'geojson';
import { APPROXIMATE_PRECISIONS } from '../types';
import { filterMasks } from '../data/incidentClass';
import { BASEMAP_FILES, resolveAssetUrl, type BasemapSourceId } from '../map/basemapSources';
import { canvasMeasure } from './drawOverlay';
import { overlayText } from './overlayText';
import { PRINT_COLUMNS, type PrintColumns } from './printSizes';
import { printSvg, type PrintBasemap, type PrintMarker } from './printSvg';
import { creditsText, type PublishSource } from './publishSource';

let basemap: Promise<PrintBasemap> | null = null;

/** The basemap's own GeoJSON files, fetched once (the browser has them cached from the map's sources). */
function loadBasemap(assetBase: string): Promise<PrintBasemap> {
  const get = async (id: BasemapSourceId): Promise<FeatureCollection> => {
    const response = await fetch(resolveAssetUrl(BASEMAP_FILES[id], assetBase));
    if (!response.ok) throw new Error(`${id}: HTTP ${response.status}`);
    return (await response.json()) as FeatureCollection;
  };
  basemap ??= Promise.all([get('countries'), get('country-borders'), get('admin1-borders'), get('rivers'), get('lakes'), get('focus-areas'), get('places'), get('country-labels')]).then(
    ([countries, countryBorders, admin1Borders, rivers, lakes, focusAreas, places, countryLabels]) => ({ countries, countryBorders, admin1Borders, rivers, lakes, focusAreas, places, countryLabels }),
  );
  basemap.catch(() => (basemap = null));
  return basemap;
}

/** What the map draws now: the shown datasets' window slices through the filters; story events as rings. */
export function shownMarkers(source: PublishSource): PrintMarker[] {
  const view = source.derived.get();
  const masks = filterMasks({ types: view.state.types, countries: view.state.countries });
  const out: PrintMarker[] = [];
  for (const shown of view.datasets) {
    if (!shown.visible) continue;
    const { incidents } = shown.index;
    for (let i = shown.slice[0]; i < shown.slice[1]; i++) {
      if (!shown.index.passesAt(i, masks)) continue;
      const incident = incidents.get(i);
      out.push({ lon: incident.lon, lat: incident.lat, deaths: incident.deathsBest, type: incident.eventType, approximate: APPROXIMATE_PRECISIONS.has(incident.locationPrecision), ring: shown.role === 'annotation' });
    }
  }
  return out;
}

/** The print SVG of the current view at a column width. */
export async function exportPrintSvg(source: PublishSource, columns: PrintColumns): Promise<string> {
  const geo = await loadBasemap(source.assetBase);
  const b = source.map.getBounds();
  const rect = source.map.getContainer().getBoundingClientRect();
  const style = source.markerStyle();
  const text = overlayText({ messages: source.messages, formatters: source.formatters, title: source.title(), view: source.derived.get(), scale: style.scale, credits: creditsText(source) });
  const ctx = document.createElement('canvas').getContext('2d');
  return printSvg({
    basemap: geo,
    markers: shownMarkers(source),
    bounds: [[b.getWest(), b.getSouth()], [b.getEast(), b.getNorth()]],
    widthMm: PRINT_COLUMNS[columns],
    aspect: rect.height / rect.width,
    text,
    theme: source.theme(),
    style,
    lang: source.lang,
    focusArea: source.store.get().view,
    measure: ctx ? canvasMeasure(ctx) : undefined,
  });
}
