import { Map as MaplibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { createTimeIndex, dateOfDay, dayNumber, type TimeIndex } from '../../../src/data/timeIndex';
import { createCircleIncidentLayer } from '../../../src/map/circleIncidentLayer';
import type { IncidentLayer, IncidentLayerState } from '../../../src/map/incidentLayer';
import { createMarkerScale } from '../../../src/map/markerScale';
import { buildStyle, FIRST_LABEL_LAYER_ID } from '../../../src/map/style';
import { LIGHT } from '../../../src/map/theme';
import { createWebglIncidentLayer } from '../../../src/map/webglIncidentLayer';
import type { TimeMode } from '../../../src/state';
import type { Dataset, Incident } from '../../../src/types';
import { COUNTRIES, EVENT_TYPES } from '../../../src/types';
import { seededRandom, syntheticIncidents } from './synthetic';
import { checkLayer } from './check';
import type { AttachResult, GpuBenchHooks, LayerKind, PickResult, StepResult } from './hooks';

setWorkerUrl(workerUrl);

const DATASET: Dataset = { id: 'bench', name: 'Synthetic', role: 'counted', licence: '', attribution: '', url: null };
/** The app's default window length (1 March – 5 April) moved a week per slider step. */
const WINDOW_DAYS = 35;
const STEP_DAYS = 7;

const map = new MaplibreMap({
  container: 'map',
  style: buildStyle(LIGHT, { assetBase: new URL('../', window.location.href).href }),
  bounds: [-12.3, 9.4, 16.0, 23.5],
  fadeDuration: 0,
  attributionControl: false,
  maxZoom: 12,
});
const gl = map.getCanvas().getContext('webgl2');
const pixel = new Uint8Array(4);

let incidents: Incident[] = [];
let index: TimeIndex | null = null;
let layer: IncidentLayer | null = null;
let layerKind: LayerKind = 'none';
let warnings: string[] = [];

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Blocks until the GPU process has executed every queued command: the frame's pixels exist. */
function gpuFence(): void {
  gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
}

function whenIdle(): Promise<void> {
  return new Promise((resolve) => map.once('idle', () => resolve()));
}

/**
 * Paints what the last input asked for and returns once the GPU has drawn it. The GPU layer and a
 * bare repaint render synchronously (`map.redraw()`), so no vsync wait is counted; the circle
 * layer's `setFilter` re-tiles its source in maplibre's worker first, so it waits for `idle`.
 */
async function paint(): Promise<void> {
  if (layerKind === 'circle') {
    const idle = whenIdle();
    map.triggerRepaint();
    await idle;
  } else {
    map.redraw();
  }
  gpuFence();
}

function stateAt(step: number, mode: TimeMode): IncidentLayerState {
  const first = index?.extent ? dayNumber(index.extent[0]) : 0;
  const from = first + step * STEP_DAYS;
  return {
    from: dateOfDay(from),
    to: dateOfDay(from + WINDOW_DAYS - 1),
    mode,
    filter: { types: EVENT_TYPES, countries: COUNTRIES },
    visible: true,
    selection: null,
  };
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const hooks: GpuBenchHooks = {
  async ready() {
    if (!map.loaded()) await whenIdle();
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    return {
      webgl2: gl instanceof WebGL2RenderingContext,
      renderer: gl ? String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : 'none',
      canvas: [map.getCanvas().width, map.getCanvas().height],
      zoom: map.getZoom(),
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
    return performance.now() - t0;
  },

  async attach(kind): Promise<AttachResult> {
    warnings = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
      warn(...args);
    };
    try {
      if (!index) throw new Error('buildIndex() first');
      const t0 = performance.now();
      const scale = createMarkerScale(index.maxDeaths);
      const options = { id: `bench-${kind}`, dataset: DATASET, scale, beforeId: FIRST_LABEL_LAYER_ID };
      layerKind = kind;
      layer = kind === 'gpu' ? createWebglIncidentLayer(map, { ...options, fallback: createCircleIncidentLayer }) : createCircleIncidentLayer(map, options);
      layer.setData(index);
      const tData = performance.now();
      layer.update(stateAt(0, 'window'));
      await paint();
      const t1 = performance.now();
      layer.pick({ x: map.getCanvas().clientWidth / 2, y: map.getCanvas().clientHeight / 2 });
      const t2 = performance.now();
      return { setDataMs: tData - t0, firstFrameMs: t1 - tData, totalMs: t1 - t0, firstPickMs: t2 - t1, warnings };
    } finally {
      console.warn = warn;
    }
  },

  async steps(count, warmup, mode): Promise<StepResult> {
    const total: number[] = [];
    const main: number[] = [];
    let drawn = 0;
    for (let i = 0; i < warmup + count; i++) {
      await nextTask();
      const state = stateAt(i % 200, mode);
      const t0 = performance.now();
      if (layer && index) {
        layer.update(state);
        index.totals(state.from, state.to, state.filter);
      }
      if (layerKind === 'circle') {
        const tInput = performance.now();
        await paint();
        const t1 = performance.now();
        if (i >= warmup) {
          total.push(t1 - t0);
          main.push(tInput - t0);
        }
      } else {
        map.redraw();
        const tMain = performance.now();
        gpuFence();
        const t1 = performance.now();
        if (i >= warmup) {
          total.push(t1 - t0);
          main.push(tMain - t0);
        }
      }
      if (index && i >= warmup) {
        const [lo, hi] = mode === 'cumulative' ? [0, index.range(dateOfDay(-1e6), state.to)[1]] : index.range(state.from, state.to);
        drawn += hi - lo;
      }
    }
    total.sort((a, b) => a - b);
    main.sort((a, b) => a - b);
    return {
      medianMs: quantile(total, 0.5),
      p95Ms: quantile(total, 0.95),
      mainMedianMs: quantile(main, 0.5),
      meanDrawn: drawn / count,
      samples: count,
    };
  },

  async latency(count, warmup): Promise<StepResult> {
    const random = seededRandom(7);
    const total: number[] = [];
    for (let i = 0; i < warmup + count; i++) {
      // Input arrives at a random phase of the display's frame, as a reader's drag does.
      await new Promise((resolve) => setTimeout(resolve, random() * 17));
      const state = stateAt(i % 200, 'window');
      const t0 = performance.now();
      const idle = whenIdle();
      if (layer && index) {
        layer.update(state);
        index.totals(state.from, state.to, state.filter);
      }
      map.triggerRepaint();
      await idle;
      gpuFence();
      if (i >= warmup) total.push(performance.now() - t0);
    }
    total.sort((a, b) => a - b);
    return { medianMs: quantile(total, 0.5), p95Ms: quantile(total, 0.95), mainMedianMs: Number.NaN, meanDrawn: Number.NaN, samples: count };
  },

  picks(count): PickResult {
    if (!layer) return { medianUs: Number.NaN, p95Us: Number.NaN, meanHits: 0, maxHits: 0 };
    layer.update(stateAt(10, 'window'));
    const random = seededRandom(3);
    const canvas = map.getCanvas();
    // Where the events are: random points over the data's extent on screen.
    const nw = map.project([-12, 24.5]);
    const se = map.project([15.5, 9.6]);
    // performance.now() is coarsened to 0.1 ms here, so time batches of picks and divide.
    const batch = 50;
    const times: number[] = [];
    let hits = 0;
    let maxHits = 0;
    for (let b = 0; b < count / batch; b++) {
      const points = Array.from({ length: batch }, () => ({
        x: Math.min(canvas.clientWidth, Math.max(0, nw.x + random() * (se.x - nw.x))),
        y: Math.min(canvas.clientHeight, Math.max(0, nw.y + random() * (se.y - nw.y))),
      }));
      const t0 = performance.now();
      for (const point of points) {
        const picked = layer.pick(point);
        hits += picked.length;
        maxHits = Math.max(maxHits, picked.length);
      }
      times.push(((performance.now() - t0) * 1000) / batch);
    }
    times.sort((a, b) => a - b);
    return { medianUs: quantile(times, 0.5), p95Us: quantile(times, 0.95), meanHits: hits / (times.length * batch), maxHits };
  },

  async check() {
    if (!index || !gl) throw new Error('buildIndex() first');
    await hooks.attach('gpu');
    if (!layer) throw new Error('no layer');
    const result = await checkLayer(map, gl, layer, index, createMarkerScale(index.maxDeaths), stateAt(10, 'window'));
    await hooks.detach();
    return result;
  },

  async detach() {
    layer?.remove();
    layer = null;
    layerKind = 'none';
    map.redraw();
    await nextTask();
  },

  drop() {
    incidents = [];
    index = null;
  },
};

(window as unknown as { bench: GpuBenchHooks }).bench = hooks;
