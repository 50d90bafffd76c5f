import type { Page } from 'playwright-core';
import { formatNumber, formatTable, heapAfterGc, type BenchContext, type BenchSection } from '../harness';
import type { AttachResult, GpuBenchHooks, LayerKind, PickResult, StepResult } from './hooks';

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

interface SizeResult {
  n: number;
  indexMs: number;
  gpuAttach: AttachResult;
  circleAttach: AttachResult | null;
  heap: { incidents: number; index: number; gpu: number; circle: number | null };
  steps: Record<'bare' | 'gpu' | 'gpuCumulative' | 'circle', StepResult | null>;
  latency: Record<'bare' | 'gpu', StepResult>;
  picks: PickResult;
}

const numbers = (value: string | undefined, fallback: number[]) => (value ? value.split(',').map(Number).filter((x) => x > 0) : fallback);

async function measureSize(context: BenchContext, n: number): Promise<SizeResult> {
  const { page, cdp, options, log } = context;
  const steps = Number(options.flags.steps ?? 60);
  const warmup = Number(options.flags.warmup ?? 5);
  const baselineSteps = Number(options.flags[n >= 1_000_000 ? 'baseline-steps-1m' : 'baseline-steps'] ?? (n >= 1_000_000 ? 8 : 30));
  const skipBaseline = options.flags.baseline === 'off';

  const heapEmpty = await heapAfterGc(cdp);
  await call(page, 'generate', n, 1);
  const heapIncidents = await heapAfterGc(cdp);
  const indexMs = await call(page, 'buildIndex');
  const heapIndex = await heapAfterGc(cdp);
  const gpuAttach = await call(page, 'attach', 'gpu' as LayerKind);
  const heapGpu = await heapAfterGc(cdp);
  if (options.flags.screenshots) await page.screenshot({ path: `${options.flags.screenshots}/gpu-${n}.png` });
  log(`  N=${n}: index ${formatNumber(indexMs)} ms, GPU layer ready ${formatNumber(gpuAttach.totalMs)} ms`);
  for (const w of gpuAttach.warnings) log(`  warning: ${w}`);

  const gpu = await call(page, 'steps', steps, warmup, 'window');
  const gpuCumulative = await call(page, 'steps', Math.min(steps, 30), warmup, 'cumulative');
  const gpuLatency = await call(page, 'latency', steps, warmup);
  const picks = await call(page, 'picks', 2000);
  await call(page, 'detach');
  await heapAfterGc(cdp);

  const bare = await call(page, 'steps', steps, warmup, 'window');
  const bareLatency = await call(page, 'latency', steps, warmup);
  log(`  N=${n}: GPU step ${formatNumber(gpu.medianMs)} ms, bare ${formatNumber(bare.medianMs)} ms`);

  let circle: StepResult | null = null;
  let circleAttach: AttachResult | null = null;
  let heapCircle: number | null = null;
  if (!skipBaseline) {
    circleAttach = await call(page, 'attach', 'circle' as LayerKind);
    heapCircle = await heapAfterGc(cdp);
    if (options.flags.screenshots) await page.screenshot({ path: `${options.flags.screenshots}/circle-${n}.png` });
    circle = await call(page, 'steps', baselineSteps, 2, 'window');
    await call(page, 'detach');
    log(`  N=${n}: setFilter baseline ready ${formatNumber(circleAttach.totalMs)} ms, step ${formatNumber(circle.medianMs)} ms`);
  }
  await call(page, 'drop');
  return {
    n,
    indexMs,
    gpuAttach,
    circleAttach,
    heap: {
      incidents: (heapIncidents - heapEmpty) / n,
      index: (heapIndex - heapIncidents) / n,
      gpu: (heapGpu - heapIndex) / n,
      circle: heapCircle === null ? null : (heapCircle - heapIndex) / n,
    },
    steps: { bare, gpu, gpuCumulative, circle },
    latency: { bare: bareLatency, gpu: gpuLatency },
    picks,
  };
}

function report(results: SizeResult[], log: (m: string) => void): void {
  const stepRows: (string | number)[][] = [];
  for (const r of results) {
    const bare = r.steps.bare!.medianMs;
    const row = (name: string, s: StepResult | null) => {
      if (s) stepRows.push([name, r.n, s.medianMs, s.p95Ms, s.medianMs / bare, s.mainMedianMs, s.meanDrawn]);
    };
    row('bare repaint (no events)', r.steps.bare);
    row('GPU layer, 35-day window', r.steps.gpu);
    row('GPU layer, cumulative', r.steps.gpuCumulative);
    row('circle layer + setFilter', r.steps.circle);
  }
  log('\nSlider step: input → frame drawn by the GPU (ms)');
  log(formatTable(['layer', 'N', 'median', 'p95', '× bare', 'main thread', 'events drawn'], stepRows));

  log('\nSlider step as scheduled by the browser: input at a random frame phase → next frame painted (ms, vsync wait included)');
  log(
    formatTable(
      ['N', 'bare median', 'bare p95', 'GPU median', 'GPU p95', '× bare'],
      results.map((r) => [r.n, r.latency.bare.medianMs, r.latency.bare.p95Ms, r.latency.gpu.medianMs, r.latency.gpu.p95Ms, r.latency.gpu.medianMs / r.latency.bare.medianMs]),
    ),
  );

  log('\nData arriving → first interactive frame (ms). Data arrives as parsed Incident objects; "+ k-d tree" is the first pick, which builds the picking index if the idle timer has not yet');
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
        r.circleAttach ? r.indexMs + r.circleAttach.totalMs : Number.NaN,
      ]),
    ),
  );

  log('\nJS heap per event after GC (bytes; V8 heap + array-buffer backing stores, main thread only)');
  log(
    formatTable(
      ['N', 'incidents', 'time index', 'GPU layer', 'circle layer*'],
      results.map((r) => [r.n, r.heap.incidents, r.heap.index, r.heap.gpu, r.heap.circle ?? Number.NaN]),
    ),
  );
  log('* the circle layer also holds its GeoJSON index in maplibre\'s worker, which this does not count.');

  log('\nPicking (hover/click) at 2000 random points over the data, 35-day window (µs per pick, over batches of 50)');
  log(formatTable(['N', 'median µs', 'p95 µs', 'mean hits', 'max hits'], results.map((r) => [r.n, r.picks.medianUs, r.picks.p95Us, r.picks.meanHits, r.picks.maxHits])));

  const at = (n: number) => results.find((r) => r.n === n);
  const targets: string[] = [];
  const r100k = at(100_000);
  const r1m = at(1_000_000);
  if (r100k) targets.push(`100k step ${formatNumber(r100k.steps.gpu!.medianMs / r100k.steps.bare!.medianMs)}× bare (target ≤ 1.3×)`);
  if (r1m) {
    targets.push(`1M step ${formatNumber(r1m.steps.gpu!.medianMs / r1m.steps.bare!.medianMs)}× bare (target ≤ 2.5×)`);
    targets.push(`1M interactive ${formatNumber(r1m.indexMs + r1m.gpuAttach.totalMs)} ms after arriving, of which the time index ${formatNumber(r1m.indexMs)} ms (target ≤ 1500 ms)`);
    targets.push(`GPU layer heap ${formatNumber(r1m.heap.gpu)} B/event at 1M (target ≤ 40)`);
  }
  if (targets.length) log(`\nTargets: ${targets.join('; ')}`);
}

export const gpuSection: BenchSection = {
  name: 'gpu',
  description: 'Incident layer: slider steps, loading, heap and picking for 10k/100k/1M synthetic events (GPU layer vs bare repaint vs setFilter)',
  page: 'gpu/index.html',
  async run(context) {
    const { page, log } = context;
    const info = await call(page, 'ready');
    log(`WebGL2: ${info.webgl2}; renderer: ${info.renderer}; canvas ${info.canvas.join('×')} px at zoom ${formatNumber(info.zoom)}`);
    if (!info.webgl2) throw new Error('WebGL2RenderingContext is not available: check the Chromium flags');
    await call(page, 'generate', 20_000, 2);
    await call(page, 'buildIndex');
    const check = await call(page, 'check');
    await call(page, 'drop');
    log(
      `Self-check (20k events): ${check.pickChecks - check.pickMismatches}/${check.pickChecks} picks agree with a brute-force scan (${check.pickHits} hit something); ` +
        `marker drawn: ${check.markerDrawn}, hidden when invisible: ${check.markerHidden}, drawn after a lost context: ${check.drawnAfterContextLoss}`,
    );
    const results: SizeResult[] = [];
    for (const n of numbers(context.options.flags.sizes, [10_000, 100_000, 1_000_000])) results.push(await measureSize(context, n));
    report(results, log);
  },
};
