import maplibregl, {
  AttributionControl,
  NavigationControl,
  ScaleControl,
  type LngLatBoundsLike,
  type Map as MaplibreMap,
  type StyleSpecification,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FocusAreaId, Store } from '../state';

// maplibre-gl v6 is ESM-only and does not find its worker inside a bundle: Vite emits the
// self-contained worker module as an asset (`?url`) and we hand its URL over before any map exists.
// The production-build browser test proves the map paints with it.
maplibregl.setWorkerUrl(workerUrl);

export interface MapViewOptions {
  container: HTMLElement;
  store: Store;
  style: StyleSpecification;
  /** The camera frame of a focus area. */
  boundsFor: (id: FocusAreaId) => LngLatBoundsLike;
  /** Extra attribution lines (the datasets'), plain text or our own constant markup. */
  attribution: string[];
  /** Write the camera to the URL hash (off in embeds that must not touch the parent's history). @defaultValue true */
  hash?: boolean;
  /** Page scrolls past the map; Ctrl/⌘ + wheel or two fingers zoom. @defaultValue false */
  cooperativeGestures?: boolean;
  /** @defaultValue true */
  interactive?: boolean;
}

export interface MapView {
  readonly map: MaplibreMap;
  /** Resolves once the style is loaded and sources can be added. */
  readonly loaded: Promise<void>;
  destroy(): void;
}

/** Padding that keeps a framed area clear of the controls, smaller on phones. */
function framePadding(map: MaplibreMap): number {
  const { width, height } = map.getContainer().getBoundingClientRect();
  return Math.max(0, Math.min(width < 600 ? 16 : 48, width / 6, height / 6));
}

/** The only place a maplibre Map is created. Keeps the camera and the store's `view` in sync. */
export function createMapView(options: MapViewOptions): MapView {
  const { store } = options;
  const hasHashCamera = /^#\d/.test(window.location.hash);
  const map = new maplibregl.Map({
    container: options.container,
    style: options.style,
    bounds: hasHashCamera ? undefined : options.boundsFor(store.get().view ?? 'sahel'),
    fitBoundsOptions: { padding: 20 },
    hash: options.hash ?? true,
    attributionControl: false,
    cooperativeGestures: options.cooperativeGestures ?? false,
    interactive: options.interactive ?? true,
    fadeDuration: 0,
    maxZoom: 12,
    minZoom: 2,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  map.touchZoomRotate?.disableRotation();
  if (options.interactive ?? true) map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
  map.addControl(new AttributionControl({ compact: false, customAttribution: options.attribution }), 'bottom-right');

  const flyTo = (id: FocusAreaId) => {
    map.fitBounds(options.boundsFor(id), { padding: framePadding(map), duration: matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 1200 });
  };
  const off = store.on('change', (state, previous, source) => {
    if (state.view && state.view !== previous.view && source !== 'map') flyTo(state.view);
  });
  // A reader who pans or zooms leaves the named view: the URL then carries only the camera hash.
  map.on('moveend', (e) => {
    if ((e as { originalEvent?: Event }).originalEvent && store.get().view !== null) store.set({ view: null }, 'map');
  });

  const loaded = new Promise<void>((resolve) => {
    if (map.loaded()) resolve();
    else map.once('load', () => resolve());
  });
  return {
    map,
    loaded,
    destroy() {
      off();
      map.remove();
    },
  };
}
