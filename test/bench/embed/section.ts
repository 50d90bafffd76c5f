import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';
import { build, preview } from 'vite';
import { formatTable, type BenchSection } from '../harness';
import { CODE_PARTS, DATA_PARTS, PARTS, sumParts, totalsByPart, type Download, type Part, type PartTotal } from './bytes';

const ROOT = resolve(import.meta.dirname, '../../..');
/** The aims of issue 4: the map's code within 1.25× of a bare maplibre page, the default view's data under 300 KB. */
const CODE_RATIO_AIM = 1.25;
const DATA_AIM_KB = 300;

const kb = (n: number) => Math.round((n / 1024) * 10) / 10;

/**
 * Records every response the page (its frames and their workers) receives from `load()` until
 * `ready()` resolves, with its size as served and gzipped. Worker fetches (maplibre loads the
 * GeoJSON in its worker) come through the browser context, so the context is what is listened to.
 */
async function recordLoad(page: Page, load: () => Promise<unknown>, ready: () => Promise<unknown>): Promise<Download[]> {
  const pending: Promise<Download | null>[] = [];
  const context = page.context();
  const onResponse = (response: Response) => {
    if (!response.url().startsWith('http')) return;
    pending.push(
      response.body().then(
        (body) => ({ url: response.url(), bytes: body.byteLength, gzip: gzipSync(body, { level: 6 }).byteLength }),
        () => null,
      ),
    );
  };
  context.on('response', onResponse);
  try {
    await load();
    await ready();
  } finally {
    context.off('response', onResponse);
  }
  return (await Promise.all(pending)).filter((d): d is Download => d !== null);
}

/** The embed inside the article is interactive: its map says ready, and maplibre is idle (glyphs and sources loaded). */
async function embedInteractive(page: Page): Promise<void> {
  const handle = await page.waitForSelector('[data-sahel-map] iframe', { timeout: 60_000 });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the embed has no frame');
  await frame.waitForSelector('#map[data-ready="true"]', { timeout: 90_000 });
  await frame.evaluate(
    () =>
      new Promise<void>((done) => {
        const map = (window as unknown as { sahelIncidentMap: { map: { loaded(): boolean; once(e: string, f: () => void): void } } }).sahelIncidentMap.map;
        if (map.loaded()) done();
        else map.once('idle', () => done());
      }),
  );
}

function partTable(totals: Record<Part, PartTotal>): string {
  const rows: (string | number)[][] = PARTS.filter((p) => totals[p].files > 0).map((p) => [p, String(totals[p].files), kb(totals[p].bytes), kb(totals[p].gzip)]);
  const all = sumParts(totals, PARTS);
  rows.push(['total', String(all.files), kb(all.bytes), kb(all.gzip)]);
  return formatTable(['part', 'files', 'KB as served', 'KB gzip'], rows);
}

/**
 * `npm run bench -- embed`: what examples/article.html downloads before its embedded map is
 * interactive, per part, from a production build of the app; the map's code compared with a
 * minimal Vite page that only shows a maplibre map (this section's own page, built by the runner).
 */
export const embedSection: BenchSection = {
  name: 'embed',
  description: 'bytes an article page downloads before the embedded map is interactive, against a bare maplibre page',
  page: 'embed/index.html',
  async run({ page, log }) {
    const baselineDownloads = await recordLoad(
      page,
      () => page.reload(),
      () => page.waitForFunction(() => (window as unknown as { bench: { ready: boolean } }).bench.ready, undefined, { timeout: 60_000 }),
    );
    const baseline = totalsByPart(baselineDownloads);

    const work = mkdtempSync(join(tmpdir(), 'sahel-embed-bench-'));
    const outDir = join(work, 'dist');
    log('  building the app (vite build) …');
    await build({ root: ROOT, configFile: resolve(ROOT, 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
    const server = await preview({ root: ROOT, configFile: resolve(ROOT, 'vite.config.ts'), build: { outDir }, preview: { host: '127.0.0.1', port: 0 }, logLevel: 'error' });
    const address = server.httpServer.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const article = await page.context().newPage();
    try {
      const downloads = await recordLoad(
        article,
        () => article.goto(`http://127.0.0.1:${port}/examples/article.html`),
        () => embedInteractive(article),
      );
      const app = totalsByPart(downloads);
      log('\n  examples/article.html until the embedded map is interactive (1280×800):');
      log(indent(partTable(app)));
      log('\n  baseline: a minimal Vite page showing a maplibre map:');
      log(indent(partTable(baseline)));

      const code = sumParts(app, CODE_PARTS);
      const baseCode = sumParts(baseline, CODE_PARTS);
      const ratio = code.gzip / baseCode.gzip;
      const data = sumParts(app, DATA_PARTS);
      log('');
      log(`  code (JS + worker + CSS): ${kb(code.gzip)} KB gzip vs ${kb(baseCode.gzip)} KB for the bare map = ${ratio.toFixed(3)}× (aim ≤ ${CODE_RATIO_AIM}×: ${ratio <= CODE_RATIO_AIM ? 'met' : 'missed'})`);
      log(`  data (geodata + incidents): ${kb(data.gzip)} KB gzip (aim < ${DATA_AIM_KB} KB: ${kb(data.gzip) < DATA_AIM_KB ? 'met' : 'missed'}); glyphs ${kb(app.glyphs.gzip)} KB`);
      log(`  loader embed.js: ${app.loader.bytes} bytes, ${app.loader.gzip} bytes gzip`);
      const unique = [...new Map(downloads.map((d) => [d.url, d])).values()];
      const largest = unique.sort((a, b) => b.gzip - a.gzip).slice(0, 8);
      log('\n  largest downloads:');
      log(indent(formatTable(['file', 'KB gzip'], largest.map((d) => [new URL(d.url).pathname, kb(d.gzip)]))));
    } finally {
      await article.close();
      await server.close();
      rmSync(work, { recursive: true, force: true });
    }
  },
};

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
