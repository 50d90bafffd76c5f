import type { Page } from 'playwright-core';
import { formatNumber, formatTable, type BenchSection } from '../harness';
import type { MatchBenchHooks } from './hooks';

function call<K extends keyof MatchBenchHooks>(page: Page, name: K, ...args: Parameters<MatchBenchHooks[K]>): Promise<Awaited<ReturnType<MatchBenchHooks[K]>>> {
  return page.evaluate(
    ([n, a]) => (window as unknown as { bench: Record<string, (...x: unknown[]) => unknown> }).bench[n as string](...(a as unknown[])),
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<MatchBenchHooks[K]>>>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * `npm run bench -- match [--events=100000] [--planted=0.3] [--runs=3]`: two synthetic datasets
 * of `events` each, a share of B planted as jittered copies of A's events; the matcher timed alone
 * inside a worker, then the app's whole path (matchInWorker, then the page's lookup and flag
 * columns) with the page's long tasks (PerformanceObserver `longtask`: only tasks ≥ 50 ms are
 * reported, so "none" means every task stayed under 50 ms). Precision and recall on the planted
 * duplicates. Prints; asserts nothing.
 */
export const matchSection: BenchSection = {
  name: 'match',
  description: 'Matcher: 100,000 × 100,000 synthetic events with planted duplicates, in a worker; page long tasks; precision and recall',
  page: 'match/index.html',
  async run({ page, options, log }) {
    const n = Number(options.flags.events ?? 100_000);
    const share = Number(options.flags.planted ?? 0.3);
    const runs = Math.max(1, Number(options.flags.runs ?? 3));
    const made = await call(page, 'generate', n, share, 1);
    log(`Synthetic: A ${made.a.toLocaleString('en-US')} × B ${made.b.toLocaleString('en-US')} events, ${made.planted.toLocaleString('en-US')} of B planted (made in ${formatNumber(made.ms)} ms)`);
    const inWorker: number[] = [];
    for (let r = 0; r < runs; r++) {
      const w = await call(page, 'worker');
      inWorker.push(w.workerMs);
      log(`  run ${r + 1}: matcher in the worker ${formatNumber(w.workerMs)} ms, ${w.pairs.toLocaleString('en-US')} pairs`);
    }
    const app = await call(page, 'app');
    log('');
    log(
      formatTable(
        ['measure', 'value'],
        [
          [`matcher inside the worker, ms (median of ${runs})`, median(inWorker)],
          ['app path end to end (pack, transfer, match, back, flags), ms', app.ms],
          ['  of which packing the columns on the page, ms', app.packMs],
          ['  of which lookup and flag columns on the page, ms', app.afterMs],
          ['page: longest long task meanwhile, ms (0 = none ≥ 50 ms)', app.longestTaskMs],
          ['page: long tasks meanwhile', app.longTasks],
          ['pairs found', app.pairs],
          ['planted pairs found', app.truePairs],
          ['precision (planted found / pairs)', app.precision],
          ['recall (planted found / planted)', app.recall],
        ],
      ),
    );
  },
};
