import type { Page } from 'playwright-core';
import { formatNumber, formatTable, type BenchSection } from '../harness';
import type { ImportBenchHooks, PassResult } from './hooks';

/** The aim of issue 3: the importer's full validation within 1.5× of d3-dsv's bare csvParse. */
const RATIO_AIM = 1.5;

function call<K extends keyof ImportBenchHooks>(page: Page, name: K, ...args: Parameters<ImportBenchHooks[K]>): Promise<Awaited<ReturnType<ImportBenchHooks[K]>>> {
  return page.evaluate(
    ([n, a]) => (window as unknown as { bench: Record<string, (...x: unknown[]) => unknown> }).bench[n as string](...(a as unknown[])),
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<ImportBenchHooks[K]>>>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * `npm run bench -- import [--rows=1000000] [--runs=3]`: parses a synthetic ACLED-layout CSV in a
 * worker with the importer (decode, tokenize, map, validate: `parseStream`) and, in the same run
 * on the same file, with d3-dsv's `csvParse` alone; passes alternate, each in a fresh worker.
 * Prints rows/s, MB/s and the ratio, then the app's own worker end to end (result on the page).
 */
export const importSection: BenchSection = {
  name: 'import',
  description: 'Importer: a synthetic 1,000,000-row ACLED CSV parsed and validated in a worker, beside d3-dsv csvParse alone',
  page: 'import/index.html',
  async run({ page, options, log }) {
    const rows = Number(options.flags.rows ?? 1_000_000);
    const runs = Math.max(1, Number(options.flags.runs ?? 3));
    const made = await call(page, 'generate', rows, 1);
    const mb = made.bytes / 1e6;
    log(`Synthetic ACLED 2023+ layout: ${rows.toLocaleString('en-US')} rows, ${formatNumber(mb)} MB (made in ${formatNumber(made.ms / 1000)} s)`);
    const times: Record<'d3' | 'ours' | 'decode', number[]> = { d3: [], ours: [], decode: [] };
    for (let r = 0; r < runs; r++) {
      for (const kind of ['d3', 'ours'] as const) {
        const result: PassResult = await call(page, kind);
        if (result.rows !== rows) log(`  warning: ${kind} read ${result.rows} rows`);
        times[kind].push(result.ms);
        log(`  run ${r + 1}: ${kind} ${formatNumber(result.ms)} ms`);
      }
    }
    times.decode.push((await call(page, 'decode')).ms);
    const row = (name: string, ms: number) => [name, ms, (rows / ms) * 1000, (mb / ms) * 1000, ms / median(times.d3)];
    log(`\nParsing in a worker (median of ${runs}; ms, rows/s, MB/s, × d3)`);
    log(
      formatTable(
        ['pass', 'ms', 'rows/s', 'MB/s', '× d3'],
        [row('d3-dsv csvParse (text already decoded)', median(times.d3)), row('TextDecoder alone (bytes → text)', median(times.decode)), row('importer: parseStream, full validation', median(times.ours))],
      ),
    );
    const app = await call(page, 'app');
    log(
      `\nThe app's import worker end to end: ${formatNumber(app.ms)} ms until ${app.rows.toLocaleString('en-US')} incidents were on the page ` +
        `(reading done at ${formatNumber(app.parseMs)} ms; then packing, the transfer and rebuilding the incidents). ` +
        `Page blocked meanwhile: longest task ${formatNumber(app.longestTaskMs)} ms, ${formatNumber(app.blockedMs)} ms in long tasks in all.`,
    );
    await call(page, 'drop');
    const ratio = median(times.ours) / median(times.d3);
    log(`\nTarget: full validation ${formatNumber(ratio)}× the bare csvParse (aim ≤ ${RATIO_AIM}×)`);
  },
};
