import type { Map as MaplibreMap } from 'maplibre-gl';
import { dateOfDay, type TimeIndex } from '../../../src/data/timeIndex';
import type { IncidentLayer, IncidentLayerState } from '../../../src/map/incidentLayer';
import type { TimeMode } from '../../../src/state';
import type { PickResult, StepPair, StepResult } from './hooks';
import { seededRandom } from './synthetic';

/** What the measurements drive: the map, the layer under test (null for a bare map) and its data. */
export interface Subject {
  map: MaplibreMap;
  gl: WebGL2RenderingContext | null;
  layer: IncidentLayer | null;
  index: TimeIndex | null;
  stateAt(step: number, mode: TimeMode): IncidentLayerState;
}

const pixel = new Uint8Array(4);

/** Blocks until the GPU process has executed every queued command: the frame's pixels exist. */
export function gpuFence(gl: WebGL2RenderingContext | null): void {
  gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
}

export function whenIdle(map: MaplibreMap): Promise<void> {
  return new Promise((resolve) => map.once('idle', () => resolve()));
}

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function summarise(values: number[], main: number[], drawn: number): StepResult {
  const sorted = [...values].sort((a, b) => a - b);
  const mainSorted = [...main].sort((a, b) => a - b);
  return { medianMs: quantile(sorted, 0.5), p95Ms: quantile(sorted, 0.95), mainMedianMs: quantile(mainSorted, 0.5), meanDrawn: drawn / Math.max(1, values.length), samples: values.length };
}

/** The time index slice a state draws. */
function drawnBy(index: TimeIndex | null, state: IncidentLayerState): number {
  if (!index) return 0;
  return state.slice[1] - state.slice[0];
}

/** Frames per block of a scrub, and how many intervals at a block's start are dropped (the pipeline still holds the other kind's frames). */
const BLOCK = 15;
const SETTLE = 3;

/**
 * Continuous scrubbing, as a reader dragging the slider: every animation frame applies the next
 * window (`update` + totals), and maplibre draws it in the next frame. The time per step is the
 * interval between frames, which Chrome stretches to what the main thread, the GPU's raster and
 * the compositor together allow, so it counts all of them. The main-thread part is measured from
 * the frame's start to the end of the step's input handling.
 *
 * `paired` alternates blocks of frames with the layer and blocks with the layer hidden (a bare
 * repaint), so that load from other processes on the machine hits both series alike.
 */
export function scrub(subject: Subject, frames: number, mode: TimeMode, paired: boolean): Promise<StepPair> {
  const { map, layer, index } = subject;
  const steps: number[] = [];
  const stepsMain: number[] = [];
  const bare: number[] = [];
  const bareMain: number[] = [];
  let drawn = 0;
  let frame = 0;
  let step = 0;
  let last = -1;
  return new Promise((resolve) => {
    const tick = (timestamp: number) => {
      const inBlock = frame % BLOCK;
      const isBare = paired && Math.floor(frame / BLOCK) % 2 === 1;
      if (last >= 0 && inBlock >= SETTLE) (isBare ? bare : steps).push(timestamp - last);
      last = timestamp;
      if (steps.length >= frames && (!paired || bare.length >= frames)) {
        const stepResult = summarise(steps, stepsMain, drawn);
        const bareResult = paired ? summarise(bare, bareMain, 0) : null;
        resolve({ step: stepResult, bare: bareResult, medianRatio: bareResult ? stepResult.medianMs / bareResult.medianMs : Number.NaN });
        return;
      }
      const state = subject.stateAt(step % 200, mode);
      // stateAt derived the view (slice and totals) inside this frame, as the app does per step.
      if (layer && index) layer.update(isBare ? { ...state, visible: false } : state);
      map.triggerRepaint();
      // maplibre rendered this frame just before this callback (its request came first): frame start → now.
      if (inBlock >= SETTLE) (isBare ? bareMain : stepsMain).push(performance.now() - timestamp);
      if (!isBare) {
        if (inBlock >= SETTLE) drawn += drawnBy(index, state);
        step++;
      }
      frame++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/**
 * One step at a time: the input arrives at a random phase of the display's frame, as a reader's
 * click or key press does; timed until maplibre is idle with the new window drawn (for the circle
 * layer, after its worker has re-tiled the source) and the GPU has executed the frame.
 */
export async function latency(subject: Subject, count: number, mode: TimeMode): Promise<StepResult> {
  const { map, gl, layer, index } = subject;
  const random = seededRandom(7);
  const total: number[] = [];
  const main: number[] = [];
  let drawn = 0;
  for (let i = 0; i < count; i++) {
    await new Promise((resolve) => setTimeout(resolve, random() * 17));
    const idle = whenIdle(map);
    const t0 = performance.now();
    const state = subject.stateAt(i % 200, mode);
    if (layer && index) layer.update(state);
    map.triggerRepaint();
    main.push(performance.now() - t0);
    await idle;
    gpuFence(gl);
    total.push(performance.now() - t0);
    drawn += drawnBy(index, state);
  }
  return summarise(total, main, drawn);
}

/** Hover/click picks at random points over the data's extent on screen. */
export function picks(subject: Subject, count: number): PickResult {
  const { map, layer } = subject;
  if (!layer) return { medianUs: Number.NaN, p95Us: Number.NaN, meanHits: 0, maxHits: 0 };
  layer.update(subject.stateAt(10, 'window'));
  const random = seededRandom(3);
  const canvas = map.getCanvas();
  const nw = map.project([-12, 24.5]);
  const se = map.project([15.5, 9.6]);
  // performance.now() is coarsened to 0.1 ms here, so batches of picks are timed and divided.
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
}
