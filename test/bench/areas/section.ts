import type { Page } from 'playwright-core';
import { formatNumber, formatTable, heapAfterGc, type BenchSection } from '../harness';
import type { AreasBenchHooks } from './hooks';

function call<K extends keyof AreasBenchHooks>(page: Page, name: K, ...args: Parameters<AreasBenchHooks[K]>): Promise<Awaited<ReturnType<AreasBenchHooks[K]>>> {
  return page.evaluate(
    ([n, a]) => (window as unknown as { bench: Record<string, (...x: unknown[]) => unknown> }).bench[n as string](...(a as unknown[])),
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<AreasBenchHooks[K]>>>;
}

/**
 * `npm run bench -- areas [--incidents=1000000] [--steps=200] [--length=35]`: assigns synthetic
 * incidents to the 30 admin-1 regions and the 5 focus areas in a Web Worker (as the import worker
 * does for a large file), builds the area index on the page, then steps a window through the
 * derived view without areas and with the selected area (`border`) and the choropleth (deaths),
 * alternating, in the same run. Prints numbers; asserts nothing.
 */
export const areasSection: BenchSection = {
  name: 'areas',
  description: 'Places: 1,000,000 synthetic incidents assigned to the regions and focus areas in a Web Worker, and the per-step cost of the area figures and the choropleth',
  page: 'areas/index.html',
  async run({ page, cdp, options, log }) {
    const n = Number(options.flags.incidents ?? 1_000_000);
    const steps = Math.max(1, Number(options.flags.steps ?? 200));
    const length = Math.max(1, Number(options.flags.length ?? 35));
    const made = await call(page, 'generate', n, 1);
    log(`Synthetic incidents: ${n.toLocaleString('en-US')} (made in ${formatNumber(made.ms)} ms; time index ${formatNumber(made.indexMs)} ms)`);
    const heap0 = await heapAfterGc(cdp);
    const assigned = await call(page, 'assign');
    const built = await call(page, 'buildAreaIndex');
    const heap1 = await heapAfterGc(cdp);
    log(
      formatTable(
        ['stage', 'ms'],
        [
          ['assignment in a Web Worker (prepareAreas + assignAreas)', assigned.workerMs],
          ['… round trip from the page (copy in, transfer back)', assigned.roundTripMs],
          ['area index on the page (createAreaIndex)', built.ms],
        ],
      ),
    );
    log(`Outside every region: ${assigned.outside.toLocaleString('en-US')}. Assignment columns + area index: ${formatNumber((heap1 - heap0) / n)} bytes per incident (heap after GC).`);
    const s = await call(page, 'steps', steps, length, 7);
    log(`\nA ${length}-day window stepped ${steps} times by 7 days through deriveView (mean ms per step)`);
    log(
      formatTable(
        ['step', 'ms'],
        [
          ['without areas', s.withoutMs],
          ['with the area (3 periods) and the choropleth', s.withMs],
          ['  of which the area figures (deriveAreaView: 3 periods)', s.areaMs],
          ['  of which the choropleth (deriveChoropleth: 30 regions)', s.choroplethMs],
          ['first step of a window length (computes the domain)', s.firstWithMs],
        ],
      ),
    );
    log(`\nWith / without: ${formatNumber(s.withMs / s.withoutMs)}× (aim ≤ 1.2×); added per step: ${formatNumber(s.withMs - s.withoutMs)} ms (aim < 1 ms)`);
    await call(page, 'drop');
  },
};
