import { createImportWorker } from '../../../src/import/createImportWorker';
import { runImport } from '../../../src/import/runImport';
import BenchWorker from './benchWorker?worker';
import type { BenchAnswer, BenchRequest, ImportBenchHooks, PassResult } from './hooks';
import { syntheticAcledCsv } from './synthetic';

let blob: Blob | null = null;

/** One pass in a fresh worker (a fresh heap each time: no pass pays for another's garbage). */
function pass(kind: BenchRequest['kind']): Promise<PassResult> {
  if (!blob) throw new Error('generate() first');
  const worker = new BenchWorker();
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<BenchAnswer>) => {
      worker.terminate();
      const a = event.data;
      if ('error' in a) reject(new Error(a.error));
      else resolve(a);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'worker error'));
    };
    worker.postMessage({ kind, blob: blob! } satisfies BenchRequest);
  });
}

const hooks: ImportBenchHooks = {
  generate(rows, seed) {
    const t0 = performance.now();
    const text = syntheticAcledCsv(rows, seed);
    blob = new Blob([text], { type: 'text/csv' });
    return { ms: performance.now() - t0, bytes: blob.size, chars: text.length };
  },
  d3: () => pass('d3'),
  decode: () => pass('decode'),
  ours: () => pass('ours'),
  async app() {
    if (!blob) throw new Error('generate() first');
    // Long tasks on the page while the worker reads: how responsive the page stays.
    const tasks: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
    observer.observe({ type: 'longtask' });
    const t0 = performance.now();
    let parsedAt = 0;
    const running = runImport({ source: { kind: 'file', file: blob, name: 'synthetic.csv' }, dataset: 'user-1' }, createImportWorker, (p) => {
      if (p.bytes === blob!.size) parsedAt = performance.now();
    });
    const outcome = await running.outcome;
    const ms = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 100));
    observer.disconnect();
    if (outcome.status !== 'done') throw new Error(outcome.status === 'failed' ? outcome.reason : 'cancelled');
    return { ms, rows: outcome.incidents.length, parseMs: parsedAt - t0, longestTaskMs: Math.max(0, ...tasks), blockedMs: tasks.reduce((a, b) => a + b, 0) };
  },
  drop() {
    blob = null;
  },
};

(window as unknown as { bench: ImportBenchHooks }).bench = hooks;
