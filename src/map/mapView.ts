import {
  AttributionControl,
  Map as MaplibreMapClass,
  setWorkerUrl,
  NavigationControl,
  ScaleControl,
  type LngLatBoundsLike,
  type PaddingOptions,
  type Map as MaplibreMap,
  type StyleSpecification,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FocusAreaId, Store } from '../state';
import { FOCUS_AREA_LAYER_IDS, focusAreaFilter } from './style';
import { readCameraHash } from './cameraHash';
import { glyphRequest } from './glyphCoverage';

// maplibre-gl v6 is ESM-only and does not find its worker inside a bundle: Vite emits the
// self-contained worker module as an asset (`?url`) and we hand its URL over before any map exists.
// The production-build browser test proves the map paints with it.
setWorkerUrl(workerUrl);

/** Where the build put maplibre's worker module: the start-up watchdog probes it (startupWatchdog.ts). */
export function maplibreWorkerUrl(): string {
  return new URL(workerUrl, document.baseURI).href;
}

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
  /** maplibre UI strings to replace (the cooperative-gestures hint in the embed's language). */
  locale?: Record<string, string>;
  /** Panels laid over the map's sides, which framed areas should clear (null or folded ones are skipped). */
  overlays?: () => readonly (HTMLElement | null)[];
}

export interface MapView {
  readonly map: MaplibreMap;
  /** Resolves once the style is loaded and sources can be added. */
  readonly loaded: Promise<void>;
  /** Frames the named view again unless the reader has moved the map (after panels open or close). */
  reframe(): void;
  destroy(): void;
}

/**
 * Padding that keeps a framed area clear of the controls, smaller on phones, and clear of the
 * panels laid over the map's sides (the filters on the left, the open legend on the right).
 */
function framePadding(map: MaplibreMap, overlays?: () => readonly (HTMLElement | null)[]): PaddingOptions {
  const frame = map.getContainer().getBoundingClientRect();
  const base = Math.max(0, Math.min(frame.width < 600 ? 16 : 48, frame.width / 6, frame.height / 6));
  const padding = { top: base, bottom: base, right: base, left: base };
  // On a phone's full map the buttons in the top corners (focus areas, the folded tools, the legend)
  // stand over the map's top: frame below them, but never give them more than a third of its height.
  // A short map (an article's frame) keeps the plain padding: it has no height to spare.
  if (frame.width < 600 && frame.height >= 400) {
    for (const corner of map.getContainer().querySelectorAll('.maplibregl-ctrl-top-left, .maplibregl-ctrl-top-right')) {
      const box = corner.getBoundingClientRect();
      if (box.height > 0) padding.top = Math.max(padding.top, Math.min(box.bottom - frame.top + 8, frame.height / 3));
    }
  }
  // Only on wide maps: on a phone the panels are folded and would leave no room to frame anything.
  if (frame.width < 900) return padding;
  for (const el of overlays?.() ?? []) {
    const box = el?.getBoundingClientRect();
    if (!box || box.width === 0) continue;
    if (box.right - frame.left < frame.width / 2) padding.left = Math.max(padding.left, box.right - frame.left + 12);
    else if (frame.right - box.left < frame.width / 2) padding.right = Math.max(padding.right, frame.right - box.left + 12);
  }
  return padding;
}

/**
 * Does the URL hash hold a camera to open at? An out-of-range one (`#1e999/1e999/1e999`,
 * `#30/91/181`) is warned about and removed before maplibre reads it, so the named view's framing
 * applies instead of a world view at 0°, 0°.
 */
function readHashCamera(): boolean {
  const { hash, pathname, search } = window.location;
  const camera = readCameraHash(hash);
  if (camera !== 'invalid') return camera !== null;
  console.warn(`Sahel Incident Map: ignored the camera "${hash.slice(0, 80)}" in the link: it takes #zoom/latitude/longitude with zoom 0–24, latitude −90 to 90 and longitude −180 to 180 (as #6/14.5/2.1). Showing the default view.`);
  try {
    window.history.replaceState(window.history.state, '', `${pathname}${search}`);
  } catch {
    // A sandboxed frame may forbid replaceState; maplibre would then apply the hash, as before.
  }
  return false;
}

/** The only place a maplibre Map is created. Keeps the camera and the store's `view` in sync. */
export function createMapView(options: MapViewOptions): MapView {
  const { store } = options;
  const hasHashCamera = (options.hash ?? true) && readHashCamera();
  const map = new MaplibreMapClass({
    container: options.container,
    style: options.style,

    hash: options.hash ?? true,
    attributionControl: false,
    cooperativeGestures: options.cooperativeGestures ?? false,
    interactive: options.interactive ?? true,
    locale: options.locale,
    fadeDuration: 0,
    maxZoom: 12,
    minZoom: 2,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    canvasContextAttributes: { preserveDrawingBuffer: true },
    // A glyph range the app does not ship is refused before it is requested (no 404); maplibre then
    // draws those codepoints with the reader's fonts (glyphCoverage.ts).
    transformRequest: (url, type) => (type === 'Glyphs' ? glyphRequest(url) : { url }),
  });
  map.touchZoomRotate?.disableRotation();
  if (!hasHashCamera) map.fitBounds(options.boundsFor(store.get().view ?? 'sahel'), { padding: framePadding(map, options.overlays), maxZoom: 9, animate: false });
  if (options.interactive ?? true) map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
  map.addControl(new AttributionControl({ compact: false, customAttribution: options.attribution }), 'bottom-right');

  const flyTo = (id: FocusAreaId) => {
    map.fitBounds(options.boundsFor(id), { padding: framePadding(map, options.overlays), maxZoom: 9, duration: matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 1200 });
  };
  // The named area is outlined while it is the view; `sahel` has no outline (it is the whole map).
  const highlight = () => {
    if (!map.isStyleLoaded()) return;
    for (const id of FOCUS_AREA_LAYER_IDS) if (map.getLayer(id)) map.setFilter(id, focusAreaFilter(store.get().view));
  };
  map.on('styledata', highlight);
  // The first styledata events come before the style is loaded: a `?view=` link is outlined on load.
  map.on('load', highlight);
  const off = store.on('change', (state, previous, source) => {
    if (state.view === previous.view) return;
    highlight();
    if (state.view && source !== 'map') flyTo(state.view);
  });
  // A reader who pans or zooms leaves the named view: the URL then carries only the camera hash.
  let touchedByReader = hasHashCamera;
  map.on('moveend', (e: { originalEvent?: unknown }) => {
    if (!e.originalEvent) return;
    touchedByReader = true;
    if (store.get().view !== null) store.set({ view: null }, 'map');
  });
  // Until the reader moves the map, a layout change (the page settling, a rotated phone, an
  // iframe resized by its article) re-frames the named view instead of cropping it.
  const reframe = () => {
    const view = store.get().view;
    if (!touchedByReader && view) map.fitBounds(options.boundsFor(view), { padding: framePadding(map, options.overlays), maxZoom: 9, animate: false });
  };
  map.on('resize', reframe);

  const loaded = new Promise<void>((resolve) => {
    if (map.loaded()) resolve();
    else map.once('load', () => resolve());
  });
  return {
    map,
    loaded,
    reframe,
    destroy() {
      off();
      map.remove();
    },
  };
}
