import type { TimeMode } from '../../../src/state';

/** Which incident layer the page draws: the app's WebGL2 layer or the circle-layer `setFilter` baseline. */
export type LayerKind = 'gpu' | 'circle';

export interface AttachResult {
  /** Creating the layer and `setData` (columns, k-d tree; GeoJSON for the circle layer). */
  setDataMs: number;
  /** From `setData` returning to the first frame drawn (maplibre idle + GPU fence; the upload is in it). */
  firstFrameMs: number;
  /** setData → first frame. */
  totalMs: number;
  /** One pick right after the first frame: builds the GPU layer's k-d tree if it is not built yet. */
  firstPickMs: number;
  /** Console warnings while attaching (the fallback announces itself there). */
  warnings: string[];
}

export interface StepResult {
  medianMs: number;
  p95Ms: number;
  /** Main-thread part of a step: the input handling (`update`, totals) and, when scrubbing, maplibre's render JS of the frame. */
  mainMedianMs: number;
  /** Events in the drawn slice per step, on average. */
  meanDrawn: number;
  samples: number;
}

/** Microseconds per pick, median and p95 over batches of 50 (the page's clock is coarsened to 0.1 ms). */
/** Scrubbing frames, and when asked blocks of the same frames without events interleaved with them. */
export interface StepPair {
  step: StepResult;
  /** Bare repaints (the layer hidden) in blocks alternating with the steps'; null unless paired. */
  bare: StepResult | null;
  /** step median / bare median. */
  medianRatio: number;
}

export interface PickResult {
  medianUs: number;
  p95Us: number;
  meanHits: number;
  maxHits: number;
}

/** The bench's self-check: a benchmark of a layer that draws or picks the wrong thing is worthless. */
export interface CheckResult {
  /** Random points where the layer's pick() differed from a brute-force scan with map.project(). */
  pickMismatches: number;
  pickChecks: number;
  /** Points where at least one event was hit. */
  pickHits: number;
  /** The biggest marker of the window changes its centre pixel, and stops changing it when hidden. */
  markerDrawn: boolean;
  markerHidden: boolean;
  /** A marker whose centre lies just off the canvas still shows its visible part (points are not clipped whole). */
  drawnAcrossEdge: boolean;
  /** The marker is drawn again after WEBGL_lose_context lost and restored the context. */
  drawnAfterContextLoss: boolean;
}

/** What the GPU bench page exposes on `window.bench` for scripts/bench.ts to drive. */
export interface GpuBenchHooks {
  ready(): Promise<{ webgl2: boolean; renderer: string; canvas: [number, number]; zoom: number; style: string }>;
  /** Makes `n` synthetic incidents (not timed as part of loading: parsing is another issue's cost). */
  generate(n: number, seed: number): number;
  /** Data arriving: the time index (sort, prefix sums). Returns ms. */
  buildIndex(): number;
  attach(kind: LayerKind): Promise<AttachResult>;
  /** Continuous scrubbing: one new window per animation frame, `frames` measured frames (per series when paired). */
  scrub(frames: number, mode: TimeMode, paired: boolean): Promise<StepPair>;
  /** Single steps at a random frame phase, each timed until drawn (maplibre idle + GPU fence). */
  latency(count: number, mode: TimeMode): Promise<StepResult>;
  /** Hover/click picks at random points of the canvas. */
  picks(count: number): PickResult;
  /** Attaches the GPU layer, checks picking and drawing, detaches it. */
  check(): Promise<CheckResult>;
  detach(): Promise<void>;
  drop(): void;
}
