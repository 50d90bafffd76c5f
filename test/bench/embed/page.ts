// The embed benchmark's yardstick: the least a Vite page can ship to show a maplibre-gl map (the
// library, its worker and its CSS, loaded the way the app loads them), with an empty style.
import { Map, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

setWorkerUrl(workerUrl);
const hooks = { ready: false };
Object.defineProperty(window, 'bench', { value: hooks });
const map = new Map({
  container: 'map',
  style: { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#dde3e6' } }] },
});
map.once('load', () => {
  hooks.ready = true;
});
