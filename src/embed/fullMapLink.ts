import type { AppState } from '../state';
import type { Lang } from '../i18n/pageLanguage';
import { writeUrlState } from '../state';

/** The camera as maplibre's `hash` option writes it, so the full map opens where the embed was. */
export interface Camera {
  zoom: number;
  lat: number;
  lng: number;
}

/**
 * The full map (index.html) showing what the embed shows: the same state parameters, and, once the
 * reader has left the named view (`view: null`, after a pan or a `fly-to` box), the camera as a
 * `#zoom/lat/lng` hash, which the full map's `hash` option reads. Precision as maplibre's hash.ts
 * (Mercator): two decimals of zoom, and the degree digits that resolve half a pixel at that zoom,
 * ceil(log10(2^zoom × 512 / 360 / 0.5)). `lang`, when given, is added after the state parameters.
 */
export function fullMapHref(state: AppState, camera: Camera | null, appBase: string, lang?: Lang): string {
  const url = new URL(`index.html${writeUrlState({ ...state, playing: false })}`, appBase);
  // The reader's language goes along, so "Ouvrir la carte complète" opens the map in French.
  // Appended as text: searchParams.set would re-escape the readable "," and ":" of the state.
  if (lang) url.search = `${url.search}${url.search ? '&' : '?'}lang=${lang}`;
  if (state.view === null && camera && [camera.zoom, camera.lat, camera.lng].every(Number.isFinite)) {
    const zoom = Math.round(camera.zoom * 100) / 100;
    const digits = Math.min(10, Math.max(0, Math.ceil((zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10)));
    const m = Math.pow(10, digits);
    url.hash = `${zoom}/${Math.round(camera.lat * m) / m}/${Math.round(camera.lng * m) / m}`;
  }
  return url.href;
}
