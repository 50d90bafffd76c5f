import { Map as MaplibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { buildStyle } from '../../../src/map/style';
import { LIGHT } from '../../../src/map/theme';

/**
 * The "bare repaint" of the app benchmark: the app's basemap alone in a map of the app's map's
 * size and camera, repainted on every pointer move, as a drag repaints the app's map.
 */
setWorkerUrl(workerUrl);
const container = document.getElementById('map')!;
const map = new MaplibreMap({
  container,
  style: buildStyle(LIGHT, { assetBase: new URL('../', window.location.href).href }),
  bounds: [-12.3, 9.4, 16.0, 23.5],
  fadeDuration: 0,
  attributionControl: false,
  interactive: false,
});
window.addEventListener('pointermove', () => map.triggerRepaint());

const idle = () => new Promise<void>((resolve) => (map.loaded() ? resolve() : map.once('idle', () => resolve())));

export interface AppBenchHooks {
  /** Matches the app's map: CSS size and camera; resolves once the basemap is drawn. */
  match(width: number, height: number, center: [number, number], zoom: number): Promise<void>;
}

const hooks: AppBenchHooks = {
  async match(width, height, center, zoom) {
    container.style.width = `${width}px`;
    container.style.height = `${height}px`;
    map.resize();
    map.jumpTo({ center, zoom });
    await idle();
  },
};
Object.defineProperty(window, 'bench', { value: hooks });
