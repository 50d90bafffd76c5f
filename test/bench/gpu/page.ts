import { Map as MaplibreMap, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { createTimeIndex, dateOfDay, dayNumber, type TimeIndex } from '../../../src/data/timeIndex';
import { createCircleIncidentLayer } from '../../../src/map/circleIncidentLayer';
import type { IncidentLayerState } from '../../../src/map/incidentLayer';
import { createMarkerScale } from '../../../src/map/markerScale';
import { createMarkerStyle } from '../../../src/map/markerStyle';
import { buildStyle, FIRST_LABEL_LAYER_ID } from '../../../src/map/style';
import { LIGHT } from '../../../src/map/theme';
import { createWebglIncidentLayer } from '../../../src/map/webglIncidentLayer';
import { DEFAULT_STATE, deriveView, type AppState, type TimeMode } from '../../../src/state';
import { layerStateFor } from '../../../src/app/syncIncidentLayers';
import type { Dataset, Incident } from '../../../src/types';
import { COUNTRIES, EVENT_TYPES } from '../../../src/types';
import { checkLayer } from './check';
import type { AttachResult, GpuBenchHooks } from './hooks';
import { gpuFence, latency, picks, scrub, whenIdle, type Subject } from './measure';
import { syntheticIncidents } from './synthetic';

setWorkerUrl(workerUrl);

const DATASET: Dataset = { id: 'bench', name: 'Synthetic', role: 'counted', licence: '', attribution: '', url: null };
/** The app's default window length (1 March – 5 April) moved a week per slider step. */
const WINDOW_DAYS = 35;
const STEP_DAYS = 7;

/** `?style=blank`: a background only, so the bare repaint costs next to nothing and the layer's own cost shows. */
const BLANK: StyleSpecification = { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': LIGHT.focusLand } }] };
const params = new URLSearchParams(window.location.search);

const map = new MaplibreMap({
  container: 'map',
  style: params.get('style') === 'blank' ? BLANK : buildStyle(LIGHT, { assetBase: new URL('../', window.location.href).href }),
  bounds: [-12.3, 9.4, 16.0, 23.5],
  fadeDuration: 0,
  attributionControl: false,
  maxZoom: 12,
});
const gl = map.getCanvas().getContext('webgl2');

let incidents: Incident[] = [];
let index: TimeIndex | null = null;

/**
 * A slider step as the app makes it: the state's window, the derived view (the slice and the
 * totals, src/state/derive.ts) and the layer's state from it.
 */
function stateAt(step: number, mode: TimeMode): IncidentLayerState {
  const first = index?.extent ? dayNumber(index.extent[0]) : 0;
  const from = first + step * STEP_DAYS;
  const state: AppState = { ...DEFAULT_STATE, from: dateOfDay(from), to: dateOfDay(from + WINDOW_DAYS - 1), mode, types: EVENT_TYPES, countries: COUNTRIES };
  const view = deriveView(state, index ? [{ id: 'bench', role: 'counted', index }] : []);
  return layerStateFor(view, 'bench');
}

const subject: Subject = { map, gl, layer: null, index: null, stateAt };

/** Input → maplibre idle with it drawn → GPU fence: the same end point for every layer kind. */
async function painted(): Promise<void> {
  const idle = whenIdle(map);
  map.triggerRepaint();
  await idle;
  gpuFence(gl);
}

const hooks: GpuBenchHooks = {
  async ready() {
    if (!map.loaded()) await whenIdle(map);
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    return {
      webgl2: gl instanceof WebGL2RenderingContext,
      renderer: gl ? String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : 'none',
      canvas: [map.getCanvas().width, map.getCanvas().height],
      zoom: map.getZoom(),
      style: params.get('style') === 'blank' ? 'blank (background only)' : "the app's basemap",
    };
  },

  generate(n, seed) {
    const t0 = performance.now();
    incidents = syntheticIncidents(n, seed);
    return performance.now() - t0;
  },

  buildIndex() {
    const t0 = performance.now();
    index = createTimeIndex(incidents);
    subject.index = index;
    return performance.now() - t0;
  },

  async attach(kind): Promise<AttachResult> {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
      warn(...args);
    };
    try {
      if (!index) throw new Error('buildIndex() first');
      const t0 = performance.now();
      const scale = createMarkerScale(index.maxDeaths);
      const options = { id: `bench-${kind}`, dataset: DATASET, style: createMarkerStyle(LIGHT, scale), beforeId: FIRST_LABEL_LAYER_ID };
      // Markers at every zoom (the density view off): this section compares drawing markers on the GPU with the circle layer.
      const layer = kind === 'gpu' ? createWebglIncidentLayer(map, { ...options, density: null, fallback: createCircleIncidentLayer }) : createCircleIncidentLayer(map, options);
      subject.layer = layer;
      layer.setData(index);
      const tData = performance.now();
      layer.update(stateAt(0, 'window'));
      await painted();
      const t1 = performance.now();
      layer.pick({ x: map.getCanvas().clientWidth / 2, y: map.getCanvas().clientHeight / 2 });
      const t2 = performance.now();
      return { setDataMs: tData - t0, firstFrameMs: t1 - tData, totalMs: t1 - t0, firstPickMs: t2 - t1, warnings };
    } finally {
      console.warn = warn;
    }
  },

  scrub: (frames, mode, paired) => scrub(subject, frames, mode, paired),
  latency: (count, mode) => latency(subject, count, mode),
  picks: (count) => picks(subject, count),

  async check() {
    if (!index || !gl) throw new Error('buildIndex() first');
    await hooks.attach('gpu');
    if (!subject.layer) throw new Error('no layer');
    const result = await checkLayer(map, gl, subject.layer, index, createMarkerScale(index.maxDeaths), stateAt(10, 'window'));
    await hooks.detach();
    return result;
  },

  async detach() {
    subject.layer?.remove();
    subject.layer = null;
    await painted();
  },

  drop() {
    incidents = [];
    index = null;
    subject.index = null;
  },
};

(window as unknown as { bench: GpuBenchHooks }).bench = hooks;
