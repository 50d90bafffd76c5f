import type { Page } from 'playwright-core';
import { formatNumber, formatTable, heapAfterGc, type BenchContext, type BenchSection } from '../harness';
import type { AttachResult, GpuBenchHooks, PickResult, StepPair, StepResult } from './hooks';

/** Calls a hook of `window.bench` in the page. */
function call<K extends keyof GpuBenchHooks>(page: Page, name: K, ...args: Parameters<GpuBenchHooks[K]>): Promise<Awaited<ReturnType<GpuBenchHooks[K]>>> {
  return page.evaluate(
    ([n, a]) => {
      const hooks = (window as unknown as { bench: Record<string, (...x: unknown[]) => unknown> }).bench;
      return hooks[n as string](...(a as unknown[]));
    },
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<GpuBenchHooks[K]>>>;
}

/** The circle-layer baseline of one size, measured in a page of its own: at 1M it may exhaust the renderer's memory. */
interface BaselineResult {
  indexMs: number;
  attach: AttachResult | null;
  /** Bytes per event on the main thread. */
  heap: number;
  latency: StepResult | null;
  /** Why it could not be measured, e.g. the renderer crashed. */
  failure: string | null;
}

interface SizeResult {
  n: number;
  indexMs: number;
  gpuAttach: AttachResult;
  baseline: BaselineResult | null;
  /** Bytes per event. */
  heap: { incidents: number; index: number; gpu: number };
  scrub: { gpu: StepPair; cumulative: StepResult; bare: StepResult };
  latency: { gpu: StepResult; bare: StepResult };
  picks: PickResult;
}

async function measureBaseline(context: BenchContext, n: number, steps: number): Promise<BaselineResult> {
  const { page, cdp } = await context.openPage();
  const result: BaselineResult = { indexMs: Number.NaN, attach: null, heap: Number.NaN, latency: null, failure: null };
  try {
    await call(page, 'generate', n, 1);
    result.indexMs = await call(page, 'buildIndex');
    const heapIndex = await heapAfterGc(cdp);
    result.attach = await call(page, 'attach', 'circle');
    result.heap = ((await heapAfterGc(cdp)) - heapIndex) / n;
    if (context.options.flags.screenshots) await page.screenshot({ path: `${context.options.flags.screenshots}/circle-${n}.png` });
    result.latency = await call(page, 'latency', steps, 'window');
    context.log(`  N=${n}: setFilter baseline ready after ${formatNumber(result.indexMs + result.attach.totalMs)} ms, ${formatNumber(result.latency.medianMs)} ms/step`);
  } catch (error) {
    result.failure = error instanceof Error ? error.message.split('\n')[0] : String(error);
    context.log(`  N=${n}: setFilter baseline failed: ${result.failure}`);
  } finally {
    await page.close().catch(() => undefined);
  }
  return result;
}

const sizes = (value: string | undefined) => (value ? value.split(',').map(Number).filter((x) => x > 0) : [10_000, 100_000, 1_000_000]);

async function measureSize(context: BenchContext, n: number): Promise<SizeResult> {
  const { page, cdp, options, log } = context;
  const flags = options.flags;
  const frames = Number(flags.frames ?? 60);
  const steps = Number(flags.steps ?? 40);

  const heapEmpty = await heapAfterGc(cdp);
  await call(page, 'generate', n, 1);
  const heapIncidents = await heapAfterGc(cdp);
  const indexMs = await call(page, 'buildIndex');
  const heapIndex = await heapAfterGc(cdp);
  const gpuAttach = await call(page, 'attach', 'gpu');
  const heapGpu = await heapAfterGc(cdp);
  if (flags.screenshots) await page.screenshot({ path: `${flags.screenshots}/gpu-${n}.png` });
  for (const w of gpuAttach.warnings) log(`  warning: ${w}`);

  const gpu = await call(page, 'scrub', frames, 'window', true);
  const cumulative = (await call(page, 'scrub', Math.ceil(frames / 2), 'cumulative', false)).step;
  const gpuLatency = await call(page, 'latency', steps, 'window');
  const picks = await call(page, 'picks', 2000);
  await call(page, 'detach');
  log(`  N=${n}: interactive after ${formatNumber(indexMs + gpuAttach.totalMs)} ms; scrubbing ${formatNumber(gpu.step.medianMs)} ms/step vs bare ${formatNumber(gpu.bare?.medianMs ?? Number.NaN)}`);

  await heapAfterGc(cdp);
  const bareScrub = (await call(page, 'scrub', frames, 'window', false)).step;
  const bareLatency = await call(page, 'latency', steps, 'window');

  await call(page, 'drop');
  await heapAfterGc(cdp);
  return {
    n,
    indexMs,
    gpuAttach,
    baseline: null,
    heap: {
      incidents: (heapIncidents - heapEmpty) / n,
      index: (heapIndex - heapIncidents) / n,
      gpu: (heapGpu - heapIndex) / n,
    },
    scrub: { gpu, cumulative, bare: bareScrub },
    latency: { gpu: gpuLatency, bare: bareLatency },
    picks,
  };
}

function report(results: SizeResult[], log: (m: string) => void): void {
  const scrubRows: (string | number)[][] = [];
  for (const r of results) {
    const bare = r.scrub.gpu.bare!;
    const row = (name: string, s: StepResult, against: number) => scrubRows.push([name, r.n, s.medianMs, s.p95Ms, s.medianMs / against, s.mainMedianMs, s.meanDrawn]);
    row('bare map, no layer', r.scrub.bare, r.scrub.bare.medianMs);
    row('bare map, GPU layer hidden *', bare, bare.medianMs);
    row('GPU layer, 35-day window *', r.scrub.gpu.step, bare.medianMs);
    row('GPU layer, cumulative', r.scrub.cumulative, bare.medianMs);
  }
  log('\nScrubbing: a new window every animation frame; ms per painted step (frame interval)');
  log(formatTable(['series', 'N', 'median', 'p95', '× bare', 'main thread', 'events drawn'], scrubRows));
  log('* interleaved in blocks of 15 frames, so that load from other processes hits both alike; × bare is against the hidden-layer series');

  const stepRows: (string | number)[][] = [];
  for (const r of results) {
    const bare = r.latency.bare.medianMs;
    const row = (name: string, s: StepResult | null) => {
      if (s) stepRows.push([name, r.n, s.medianMs, s.p95Ms, s.medianMs / bare, s.mainMedianMs, s.meanDrawn]);
    };
    row('bare map, no layer', r.latency.bare);
    row('GPU layer', r.latency.gpu);
    row('circle layer + setFilter', r.baseline?.latency ?? null);
    if (r.baseline?.failure) stepRows.push([`circle layer + setFilter: ${r.baseline.failure}`, r.n, Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN]);
  }
  log('\nOne step: input at a random frame phase → maplibre idle with it drawn → GPU finished (ms; vsync wait included)');
  log(formatTable(['layer', 'N', 'median', 'p95', '× bare', 'main thread', 'events drawn'], stepRows));

  log('\nData arriving (parsed Incident objects) → first frame drawn (ms); "+ k-d tree" is the first pick, which builds the picking index');
  log(
    formatTable(
      ['N', 'time index', 'GPU setData', 'GPU 1st frame', 'GPU total', '+ k-d tree', 'setFilter total'],
      results.map((r) => [
        r.n,
        r.indexMs,
        r.gpuAttach.setDataMs,
        r.gpuAttach.firstFrameMs,
        r.indexMs + r.gpuAttach.totalMs,
        r.gpuAttach.firstPickMs,
        r.baseline?.attach ? r.baseline.indexMs + r.baseline.attach.totalMs : Number.NaN,
      ]),
    ),
  );

  log('\nJS heap per event after GC (bytes: V8 heap + array-buffer backing stores, main thread)');
  log(formatTable(['N', 'incidents', 'time index', 'GPU layer', 'circle layer †'], results.map((r) => [r.n, r.heap.incidents, r.heap.index, r.heap.gpu, r.baseline?.heap ?? Number.NaN])));
  log("† plus its GeoJSON tiles in maplibre's worker, which this does not count");

  log('\nPicking at 2000 random points over the data, 35-day window (µs per pick, over batches of 50)');
  log(formatTable(['N', 'median µs', 'p95 µs', 'mean hits', 'max hits'], results.map((r) => [r.n, r.picks.medianUs, r.picks.p95Us, r.picks.meanHits, r.picks.maxHits])));

  const at = (n: number) => results.find((r) => r.n === n);
  const targets: string[] = [];
  const r100k = at(100_000);
  const r1m = at(1_000_000);
  if (r100k) targets.push(`100k: ${formatNumber(r100k.scrub.gpu.medianRatio)}× bare (≤ 1.3×)`);
  if (r1m) {
    targets.push(`1M: ${formatNumber(r1m.scrub.gpu.medianRatio)}× bare (≤ 2.5×)`);
    targets.push(`1M interactive ${formatNumber(r1m.indexMs + r1m.gpuAttach.totalMs)} ms after arriving, ${formatNumber(r1m.indexMs)} of it the time index (≤ 1500)`);
    targets.push(`GPU layer heap ${formatNumber(r1m.heap.gpu)} B/event (≤ 40)`);
  }
  if (targets.length) log(`\nTargets: ${targets.join('; ')}`);
}

export const gpuSection: BenchSection = {
  name: 'gpu',
  description: 'Incident layer: scrubbing, single steps, loading, heap and picking at 10k/100k/1M synthetic events (GPU layer, bare map, setFilter baseline)',
  page: 'gpu/index.html',
  async run(context) {
    const { page, log } = context;
    const info = await call(page, 'ready');
    log(`WebGL2: ${info.webgl2}; renderer: ${info.renderer}; canvas ${info.canvas.join('×')} px at zoom ${formatNumber(info.zoom)}; style: ${info.style}`);
    if (!info.webgl2) throw new Error('WebGL2RenderingContext is not available: check the Chromium flags');
    await call(page, 'generate', 20_000, 2);
    await call(page, 'buildIndex');
    const check = await call(page, 'check');
    await call(page, 'drop');
    log(
      `Self-check (20k events): ${check.pickChecks - check.pickMismatches}/${check.pickChecks} picks agree with a brute-force scan (${check.pickHits} hit something); ` +
        `marker drawn: ${check.markerDrawn}, hidden when invisible: ${check.markerHidden}, drawn across the canvas edge: ${check.drawnAcrossEdge}, drawn after a lost context: ${check.drawnAfterContextLoss}`,
    );
    const results: SizeResult[] = [];
    for (const n of sizes(context.options.flags.sizes)) results.push(await measureSize(context, n));
    // The baselines come last, each in a fresh page, with the GPU page closed: a million GeoJSON
    // features need all the memory a renderer has.
    await page.close();
    const flags = context.options.flags;
    if (flags.baseline !== 'off') {
      for (const r of results) {
        const steps = Number(flags[r.n >= 1_000_000 ? 'baseline-steps-1m' : 'baseline-steps'] ?? (r.n >= 1_000_000 ? 8 : 20));
        r.baseline = await measureBaseline(context, r.n, steps);
      }
    }
    report(results, log);
  },
};
