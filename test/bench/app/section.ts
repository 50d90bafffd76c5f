import { createWriteStream, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { build } from 'vite';
import { mean as d3Mean } from 'd3-array';
import { formatNumber, formatTable, heapAfterGc, type BenchSection } from '../harness';
import { syntheticAcledCsv } from '../import/synthetic';
import { serveStatic } from '../serve';
import { installProbe, type AppProbe } from './inPage';
import type { AppBenchHooks } from './page';
import { syntheticUcdpGlobalRows } from './ucdpSynthetic';

const ROOT = resolve(import.meta.dirname, '../../..');
/** Generated files are kept between runs (they are seeded, so always the same text). */
const DATA_CACHE = join(tmpdir(), 'sahel-bench-app-data');
const FORMATS = ['ucdp', 'acled'] as const;
type Format = (typeof FORMATS)[number];
const STEP_PX = 6;
const DROP = 3;

interface LoadFigures {
  navToData: number;
  importMs: number;
  longestTask: number;
  longTasks: number;
  frameGap: number;
  heapPerEvent: number;
  /** From the data on the map to the match of the bundled UCDP events with the file's shown (NaN if it did not finish). */
  matchMs: number;
}
interface InteractionFigures {
  drag: { shown: number[]; hidden: number[]; bare: number[] };
  keys: { shown: number[]; hidden: number[] };
  settle: { drawn: number; labels: number; gpu: number }[];
  moved: boolean;
}

const median = (xs: readonly number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : Number.NaN);
/** Frame intervals come in whole vsync periods (83, 100, 117 ms…): the mean shows a change smaller than one, which the median can hide or exaggerate. */
const mean = (xs: readonly number[]) => d3Mean(xs) ?? Number.NaN;
const p95 = (xs: readonly number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] : Number.NaN);
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

async function writeFile(path: string, lines: Iterable<string>): Promise<void> {
  const part = `${path}.part`;
  const out = createWriteStream(part);
  let batch: string[] = [];
  for (const line of lines) {
    batch.push(line);
    if (batch.length === 5000) {
      if (!out.write(`${batch.join('\n')}\n`)) await new Promise((r) => out.once('drain', r));
      batch = [];
    }
  }
  out.write(batch.length ? `${batch.join('\n')}\n` : '');
  await new Promise<void>((done, fail) => out.end((e?: Error | null) => (e ? fail(e) : done())));
  renameSync(part, path);
}

/** The seeded file of `n` events in a format, generated once and kept in the cache. */
async function dataFile(format: Format, n: number): Promise<string> {
  mkdirSync(DATA_CACHE, { recursive: true });
  const path = join(DATA_CACHE, `${format}-${n}-seed1.csv`);
  if (!existsSync(path)) {
    if (format === 'ucdp') await writeFile(path, syntheticUcdpGlobalRows(n, 1));
    else await writeFile(path, [syntheticAcledCsv(n, 1).trimEnd()]);
  }
  return path;
}

function frameIntervals(stamps: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = DROP + 1; i < stamps.length; i++) out.push(stamps[i] - stamps[i - 1]);
  return out;
}

const probe = <T>(page: Page, f: (p: AppProbe) => T | Promise<T>): Promise<T> =>
  page.evaluate(`var __name = (f) => f; (${f.toString()})(window.__appBench)`) as Promise<T>;

/** A page of the browser context with the probe installed before the app's code, its errors logged. */
async function probedPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log(`  page error: ${error.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') console.log(`  console error: ${m.text()}`);
  });
  // tsx keeps function names with a `__name` helper that the page does not have.
  await page.addInitScript(`var __name = (f) => f; (${installProbe.toString()})()`);
  return page;
}

/**
 * Waits until an import of `n` events is on the map, 2 s more, and the match of the bundled UCDP
 * events with it; returns the probe's record and when the match arrived (NaN if it did not).
 */
async function untilImportedAndMatched(page: Page, file: string, n: number): Promise<{ p: Omit<AppProbe, 'frame' | 'settled' | 'armSettle'>; matchedAt: number }> {
  try {
    await page.waitForFunction('window.__appBench && (window.__appBench.dataAt > 0 && window.__appBench.statusAt > 0 || window.__appBench.failed)', undefined, { timeout: Math.max(120_000, n * 0.5), polling: 250 });
  } catch (e) {
    const state = await page.evaluate('JSON.stringify(window.__appBench ?? "no probe")').catch(() => 'page gone');
    throw new Error(`${file}: the data did not reach the map (${String(state).slice(0, 500)})`, { cause: e });
  }
  // The k-d tree is built just after the first frame: give it time, so its task counts as the import's.
  await page.waitForTimeout(2000);
  // Two counted datasets (the bundled UCDP events and the file) are matched in a worker: wait for
  // its result, so that the drag below measures the app at rest rather than beside the matcher,
  // and the page's part of matching counts among the import's tasks.
  const matchedAt = await page
    .waitForFunction(() => (document.querySelector('[data-testid="match-summary"] dd') ? performance.now() : false), undefined, { timeout: Math.max(60_000, n * 0.3), polling: 100 })
    .then((h) => h.jsonValue() as Promise<number>)
    .catch(() => Number.NaN);
  const p = await probe(page, (x) => ({ ...x, frame: null, settled: null }));
  if (p.failed) throw new Error(`${file}: ${p.failed}`);
  return { p, matchedAt };
}

/** The longest of the long tasks that started at or after `from`, and how many there were. */
function longestFrom(p: Pick<AppProbe, 'longTasks'>, from: number): { longestTask: number; longTasks: number } {
  const during = p.longTasks.filter(([start]) => start >= from);
  return { longestTask: Math.max(0, ...during.map(([, d]) => d)), longTasks: during.length };
}

/** Opens the app with `?data=` and waits until the data is on the map; long tasks and heap from the page. */
async function loadOnce(context: BrowserContext, url: string, file: string, n: number, baseHeap: number): Promise<{ page: Page; cdp: CDPSession; figures: LoadFigures }> {
  const page = await probedPage(context);
  const cdp = await context.newCDPSession(page);
  await page.goto(`${url}index.html?data=bench-data/${file}`);
  const { p, matchedAt } = await untilImportedAndMatched(page, file, n);
  const heap = await heapAfterGc(cdp);
  return {
    page,
    cdp,
    figures: {
      navToData: p.dataAt,
      importMs: p.statusAt - p.importStartAt,
      ...longestFrom(p, p.importStartAt - 1),
      frameGap: p.longestFrameGap,
      heapPerEvent: (heap - baseHeap) / n,
      matchMs: matchedAt - p.dataAt,
    },
  };
}

/** What adding a file to the app once it is ready costs the page: no startup work overlaps it. */
interface AddFigures {
  /** From the file chosen to the first frame with the report, and to the data drawn. */
  importMs: number;
  toData: number;
  /** Longest main-thread task from the file chosen until the match has arrived (at least 2 s after the data). */
  longestTask: number;
  longTasks: number;
  /** The animation frame that holds the longest task over 50 ms, and where its time went; null if none. */
  longestFrame: AppProbe['longFrames'][number] | null;
  /** When the file was chosen (the page's clock). */
  chosenAt: number;
}

/**
 * Opens the app with no file, waits until its map is ready and 3 s more (its own startup tasks are
 * done), then chooses the file in the app's file input, as an analyst does with "Add data…".
 * Tasks are counted from the input's change event (tasks that start after it: the task that sets
 * the files also runs Playwright's own script).
 */
async function addToReadyApp(context: BrowserContext, url: string, path: string, n: number): Promise<AddFigures> {
  const page = await probedPage(context);
  await page.goto(`${url}index.html`);
  await page.waitForFunction('document.getElementById("map")?.dataset.ready === "true"', undefined, { timeout: 120_000 });
  await page.waitForTimeout(3000);
  const input = await page.getByTestId('import-file').elementHandle();
  await input!.setInputFiles(path);
  try {
    const { p } = await untilImportedAndMatched(page, path, n);
    // The animation frame that holds the longest task, if one passed 50 ms (a long frame without a long task only waited).
    const tasks = p.longTasks.filter(([start]) => start >= p.fileChosenAt).sort((a, b) => b[1] - a[1]);
    const frames = tasks.length ? p.longFrames.filter((f) => f.start <= tasks[0][0] + 1 && tasks[0][0] < f.start + f.duration) : [];
    return { importMs: p.statusAt - p.fileChosenAt, toData: p.dataAt - p.fileChosenAt, ...longestFrom(p, p.fileChosenAt), longestFrame: frames[0] ?? null, chosenAt: p.fileChosenAt };
  } finally {
    await page.close();
  }
}

/** The next frame's timestamp (on the app's page or the bare one). */
function frame(page: Page): Promise<number> {
  return page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(resolve)));
}

/** A drag of the window from its middle, one STEP_PX move per frame; returns the frame stamps and the settle time. */
async function drag(page: Page, frames: number, direction: 1 | -1) {
  const box = (await page.getByTestId('brush').boundingBox())!;
  let x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  const stamps: number[] = [];
  for (let k = 0; k < frames; k++) {
    x += STEP_PX * direction;
    await page.mouse.move(x, y);
    stamps.push(await frame(page));
  }
  await probe(page, (p) => p.armSettle());
  await page.mouse.up();
  const settle = await probe(page, (p) => p.settled!);
  return { stamps, settle };
}

async function keySteps(page: Page, frames: number, key: 'ArrowRight' | 'ArrowLeft') {
  await page.getByTestId('brush').focus();
  const stamps: number[] = [];
  for (let k = 0; k < frames; k++) {
    await page.keyboard.press(key);
    stamps.push(await frame(page));
  }
  return stamps;
}

async function barePaint(page: Page, frames: number) {
  const stamps: number[] = [];
  for (let k = 0; k < frames; k++) {
    await page.mouse.move(100 + (k % 2) * STEP_PX, 100);
    stamps.push(await frame(page));
  }
  return stamps;
}

const windowDays = (page: Page) =>
  page.evaluate(() => {
    const s = (window as unknown as { sahelIncidentMap: { store: { get(): { from: Date; to: Date } } } }).sahelIncidentMap.store.get();
    return Math.round((s.to.getTime() - s.from.getTime()) / 86_400_000) + 1;
  });

const setState = (page: Page, patch: Record<string, unknown>) =>
  page.evaluate((p) => {
    const store = (window as unknown as { sahelIncidentMap: { store: { set(patch: unknown, source: string): void } } }).sahelIncidentMap.store;
    const q = p as Record<string, unknown>;
    store.set({ ...q, ...(q.from ? { from: new Date(q.from as string), to: new Date(q.to as string) } : {}) }, 'ui');
  }, patch);

/** Drag and keyboard steps on the app with the layer shown, the same page with it hidden, and the bare repaint, interleaved in blocks. */
async function interact(page: Page, bare: Page, bareHooks: (size: { w: number; h: number; center: [number, number]; zoom: number }) => Promise<void>, windowLength: number, frames: number, blocks: number): Promise<InteractionFigures> {
  const start = Date.UTC(2019, 0, 1);
  await setState(page, { from: new Date(start).toISOString(), to: new Date(start + (windowLength - 1) * 86_400_000).toISOString(), hiddenDatasets: [] });
  const view = await page.evaluate(() => {
    const m = (window as unknown as { sahelIncidentMap: { map: { getCanvas(): HTMLCanvasElement; getCenter(): { lng: number; lat: number }; getZoom(): number } } }).sahelIncidentMap.map;
    const c = m.getCanvas().getBoundingClientRect();
    return { w: c.width, h: c.height, center: [m.getCenter().lng, m.getCenter().lat] as [number, number], zoom: m.getZoom() };
  });
  await bareHooks(view);
  const out: InteractionFigures = { drag: { shown: [], hidden: [], bare: [] }, keys: { shown: [], hidden: [] }, settle: [], moved: true };
  for (let b = 0; b < blocks; b++) {
    const direction = b % 2 === 0 ? 1 : -1;
    for (const hidden of [false, true]) {
      await setState(page, { hiddenDatasets: hidden ? ['user-1'] : [] });
      await frame(page);
      const before = await windowDays(page);
      const d = await drag(page, frames, direction);
      if ((await windowDays(page)) !== before) out.moved = false;
      out.drag[hidden ? 'hidden' : 'shown'].push(...frameIntervals(d.stamps));
      if (!hidden) out.settle.push(d.settle);
      out.keys[hidden ? 'hidden' : 'shown'].push(...frameIntervals(await keySteps(page, frames, direction === 1 ? 'ArrowLeft' : 'ArrowRight')));
    }
    await bare.bringToFront();
    out.drag.bare.push(...frameIntervals(await barePaint(bare, frames)));
    await page.bringToFront();
  }
  await setState(page, { hiddenDatasets: [] });
  return out;
}

/**
 * `npm run bench -- app [--sizes=10000,100000,1000000] [--reps=3] [--formats=ucdp,acled]
 * [--window=91] [--frames=30] [--blocks=4] [--drag=ucdp|all]`: the production app as a reader
 * drives it. Builds the app, generates seeded UCDP-global and ACLED files, imports each through
 * `?data=` (same origin), then drags the time brush with the mouse and steps it with the keys,
 * interleaved with the same page with the layer hidden and with a bare repaint of the basemap.
 * Prints numbers; asserts nothing.
 */
export const appSection: BenchSection = {
  name: 'app',
  description: 'The production app: ?data= import of seeded UCDP-global and ACLED files, mouse drag and keyboard steps of the time brush',
  page: 'app/index.html',
  async run({ page: bare, options, log }) {
    const flags = options.flags;
    const sizes = (flags.sizes ?? '10000,100000,1000000').split(',').map(Number);
    const reps = Math.max(1, Number(flags.reps ?? 3));
    const formats = (flags.formats ?? 'ucdp,acled').split(',').filter((f): f is Format => (FORMATS as readonly string[]).includes(f));
    const windowLength = Number(flags.window ?? 91);
    const frames = Number(flags.frames ?? 30);
    const blocks = Number(flags.blocks ?? 4);
    const dragFormats = flags.drag === 'all' ? formats : formats.slice(0, 1);
    const work = mkdtempSync(join(tmpdir(), 'sahel-bench-app-'));
    const site = join(work, 'site');
    log(`Load average at the start: ${load()}`);
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: site, emptyOutDir: true } });
    mkdirSync(join(site, 'bench-data'));
    for (const format of formats) {
      for (const n of sizes) {
        const t0 = Date.now();
        const path = await dataFile(format, n);
        symlinkSync(path, join(site, 'bench-data', `${format}-${n}.csv`));
        log(`  ${format} ${n.toLocaleString('en-US')} events: ${formatNumber(statSync(path).size / 1e6)} MB (${formatNumber((Date.now() - t0) / 1000)} s to make or find)`);
      }
    }
    const { server, url } = await serveStatic(site);
    const context = bare.context();
    const bareHooks = (v: { w: number; h: number; center: [number, number]; zoom: number }) =>
      bare.evaluate((a) => (window as unknown as { bench: AppBenchHooks }).bench.match(a.w, a.h, a.center, a.zoom), v);
    try {
      // The app's heap with no file: the per-event figure is what a file adds to it.
      const empty = await probedPage(context);
      const emptyCdp = await context.newCDPSession(empty);
      await empty.goto(`${url}index.html`);
      await empty.waitForFunction('document.getElementById("map")?.dataset.ready === "true"', undefined, { timeout: 120_000 });
      const readyAt = await empty.evaluate(() => performance.now());
      await empty.waitForTimeout(3000);
      const baseHeap = await heapAfterGc(emptyCdp);
      // With no file, the app still parses the bundled UCDP file's popup details once the map is idle:
      // a long task that falls in any import's first seconds, whatever the file's size.
      const own = await probe(empty, (x) => x.longTasks);
      const after = own.filter(([start]) => start >= readyAt).map(([, d]) => d);
      await empty.close();
      log(`App heap with the bundled data only: ${formatNumber(baseHeap / 1e6)} MB; with no file, the longest task after the map is ready: ${formatNumber(Math.max(0, ...after))} ms`);

      const rows: (string | number)[][] = [];
      const loadRows: (string | number)[][] = [];
      const addRows: (string | number)[][] = [];
      for (const n of sizes) {
        for (const format of formats) {
          const loads: LoadFigures[] = [];
          const adds: AddFigures[] = [];
          const all: InteractionFigures = { drag: { shown: [], hidden: [], bare: [] }, keys: { shown: [], hidden: [] }, settle: [], moved: true };
          for (let r = 0; r < reps; r++) {
            const { page, figures } = await loadOnce(context, url, `${format}-${n}.csv`, n, baseHeap);
            loads.push(figures);
            log(
              `  ${format} ${n}: rep ${r + 1}: to data ${formatNumber(figures.navToData)} ms (import ${formatNumber(figures.importMs)}), longest task ${formatNumber(figures.longestTask)} ms ` +
                `(${figures.longTasks} long tasks, longest frame gap ${formatNumber(figures.frameGap)}), heap ${formatNumber(figures.heapPerEvent)} B/event, match ${formatNumber(figures.matchMs)} ms after the data; load ${load()}`,
            );
            if (dragFormats.includes(format)) {
              const f = await interact(page, bare, bareHooks, windowLength, frames, blocks);
              for (const k of ['shown', 'hidden', 'bare'] as const) all.drag[k].push(...f.drag[k]);
              for (const k of ['shown', 'hidden'] as const) all.keys[k].push(...f.keys[k]);
              all.settle.push(...f.settle);
              all.moved &&= f.moved;
              log(`    drag median ${formatNumber(median(f.drag.shown))} / hidden ${formatNumber(median(f.drag.hidden))} / bare ${formatNumber(median(f.drag.bare))} ms (means ${formatNumber(mean(f.drag.shown))} / ${formatNumber(mean(f.drag.hidden))} / ${formatNumber(mean(f.drag.bare))}); load ${load()}`);
            }
            await page.close();
            const added = await addToReadyApp(context, url, await dataFile(format, n), n);
            adds.push(added);
            log(`    added to the ready app: report ${formatNumber(added.importMs)} ms, data ${formatNumber(added.toData)} ms, longest task ${formatNumber(added.longestTask)} ms (${added.longTasks} long tasks); load ${load()}`);
            const f = added.longestFrame;
            if (f) log(`      its frame ${formatNumber(f.duration)} ms, ${formatNumber(f.start - added.chosenAt)} ms after the file was chosen: scripts ${formatNumber(f.scripts)} ms, from the render's start ${formatNumber(f.render)} ms (style and layout on ${formatNumber(f.layout)} ms); ${f.top}`);
          }
          const m = (k: keyof LoadFigures) => median(loads.map((l) => l[k]));
          const a = (k: 'importMs' | 'toData' | 'longestTask' | 'longTasks') => median(adds.map((x) => x[k]));
          addRows.push([format, n, a('importMs'), a('toData'), a('longestTask'), Math.max(...adds.map((x) => x.longestTask)), a('longTasks')]);
          loadRows.push([format, n, m('navToData'), m('importMs'), m('longestTask'), Math.max(...loads.map((l) => l.longestTask)), m('frameGap'), m('heapPerEvent'), m('matchMs')]);
          if (dragFormats.includes(format)) {
            const { drag: d, keys } = all;
            rows.push([
              format,
              n,
              `${formatNumber(median(d.shown))} / ${formatNumber(p95(d.shown))}`,
              `${formatNumber(median(d.hidden))} / ${formatNumber(p95(d.hidden))}`,
              `${formatNumber(median(d.bare))} / ${formatNumber(p95(d.bare))}`,
              median(d.shown) / median(d.hidden),
              median(d.shown) / median(d.bare),
              `${formatNumber(mean(d.shown))} / ${formatNumber(mean(d.hidden))} / ${formatNumber(mean(d.bare))}`,
              mean(d.shown) / mean(d.bare),
              `${formatNumber(median(keys.shown))} / ${formatNumber(median(keys.hidden))}`,
              `${formatNumber(median(all.settle.map((s) => s.drawn)))} / ${formatNumber(median(all.settle.map((s) => s.labels)))} / ${formatNumber(median(all.settle.map((s) => s.gpu)))}`,
              all.moved ? 'moved' : 'STRETCHED',
            ]);
          }
        }
      }
      log(`\nDrag of a ${windowLength}-day window from its middle, ${STEP_PX} px per frame, ${blocks} blocks of ${frames} frames per rep, ${reps} rep(s); frame intervals in ms (median / p95; and the means)`);
      log(formatTable(['file', 'N', 'drag', 'layer hidden', 'bare repaint', '× hidden', '× bare', 'means: drag / hidden / bare', '× bare (means)', 'keys: shown / hidden', 'settle: drawn / labels / GPU', 'window'], rows));
      log(`\nImport through ?data= (median of ${reps}; ms unless said)`);
      log(formatTable(['file', 'N', 'nav → data on map', 'import (bar → report)', 'longest task', 'longest (max)', 'longest frame gap', 'heap B/event', 'match after data'], loadRows));
      log(`\nThe file chosen in the ready app's file input ("Add data…"; median of ${reps}; ms)`);
      log(formatTable(['file', 'N', 'chosen → report', 'chosen → data on map', 'longest task', 'longest (max)', 'tasks over 50 ms'], addRows));
      log(`Load average at the end of the section: ${load()}`);
    } finally {
      server.close();
      rmSync(work, { recursive: true, force: true });
    }
  },
};
