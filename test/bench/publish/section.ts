import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { build, preview } from 'vite';
import { formatTable, type BenchSection } from '../harness';
import { syntheticAcledCsv } from '../import/synthetic';

const ROOT = resolve(import.meta.dirname, '../../..');
const PRESETS = ['current', 'social', 'square', 'story'] as const;

type Handle = { sahelIncidentMap: { publish: { picture(id: string): Promise<{ width: number; height: number }>; video(r: object): Promise<{ frames: number; encoder: string }>; videoFormats(): Promise<string[]> } } };

/** Milliseconds in the page for one picture, from the click's work to the PNG handed to the browser. */
function timePicture(page: Page, id: string): Promise<{ ms: number; width: number; height: number }> {
  return page.evaluate(async (id) => {
    const t0 = performance.now();
    const r = await (window as unknown as Handle).sahelIncidentMap.publish.picture(id);
    return { ms: performance.now() - t0, width: r.width, height: r.height };
  }, id);
}

function timeVideo(page: Page, frames: number, format: string): Promise<{ ms: number; frames: number; encoder: string }> {
  // March 2021, one frame a day from the 1st: `frames` days.
  const to = new Date(Date.UTC(2021, 2, frames)).toISOString().slice(0, 10);
  return page.evaluate(
    async ({ to, format }) => {
      const t0 = performance.now();
      const r = await (window as unknown as Handle).sahelIncidentMap.publish.video({ from: '2021-03-01', to, stepDays: 1, fps: 30, format, width: 1080, height: 1080 });
      return { ms: performance.now() - t0, frames: r.frames, encoder: r.encoder };
    },
    { to, format },
  );
}

async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('#map[data-ready="true"]', { state: 'attached', timeout: 90_000 });
  await page.evaluate(() => new Promise<void>((done) => (window as unknown as { sahelIncidentMap: { map: { once(e: string, f: () => void): void; triggerRepaint(): void } } }).sahelIncidentMap.map.once('idle', () => done())));
}

/**
 * `npm run bench -- publish`: seconds per video frame at 1080 × 1080 (the map drawn, the overlays
 * composed, the frame encoded), with the bundled data and with 100k imported events on top, and
 * the time to make a PNG at each preset. Flags: --frames=10 (frames per video), --events=100000
 * (0 skips the import). Printed, never asserted.
 */
export const publishSection: BenchSection = {
  name: 'publish',
  description: 'seconds per video frame at 1080×1080 (bundled data, and with 100k imported events) and PNG export time per preset',
  page: 'publish/index.html',
  async run({ page, options, log }) {
    const frames = Math.max(2, Number(options.flags.frames ?? 10));
    const events = Math.max(0, Number(options.flags.events ?? 100_000));
    const work = mkdtempSync(join(tmpdir(), 'sahel-publish-bench-'));
    const outDir = join(work, 'dist');
    log('  building the app (vite build) …');
    await build({ root: ROOT, configFile: resolve(ROOT, 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
    const server = await preview({ root: ROOT, configFile: resolve(ROOT, 'vite.config.ts'), build: { outDir }, preview: { host: '127.0.0.1', port: 0 }, logLevel: 'error' });
    const address = server.httpServer.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const context = await page.context().browser()!.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const app = await context.newPage();
    try {
      // A one-day window, so each frame is one day and a video of `frames` frames covers as many days.
      await openApp(app, `http://127.0.0.1:${port}/?from=2021-03-01&to=2021-03-01`);
      const formats = await app.evaluate(() => (window as unknown as Handle).sahelIncidentMap.publish.videoFormats());
      const format = formats.includes('webm') ? 'webm' : formats.includes('mp4') ? 'mp4' : 'gif';
      log(`  Chromium writes: ${formats.join(', ')}; timing ${format}, ${frames} frames a video, 1280×800 page`);

      const pictures: (string | number)[][] = [];
      for (const id of PRESETS) {
        await timePicture(app, id); // warm: fonts, glyphs, the first resize
        const runs = [await timePicture(app, id), await timePicture(app, id)];
        pictures.push([id, `${runs[0].width}×${runs[0].height}`, Math.min(...runs.map((r) => r.ms)) / 1000]);
      }
      log('\n  PNG export (best of 2, after one warm-up), bundled data:');
      log(indent(formatTable(['preset', 'pixels', 's'], pictures)));

      const rows: (string | number)[][] = [];
      const measure = async (label: string) => {
        const v = await timeVideo(app, frames, format);
        rows.push([label, String(v.frames), v.ms / 1000, v.ms / 1000 / v.frames]);
      };
      await measure('bundled data (UCDP GED + stories)');
      if (events > 0) {
        const csv = join(work, `synthetic-${events}.csv`);
        writeFileSync(csv, syntheticAcledCsv(events));
        log(`\n  importing ${events.toLocaleString('en')} synthetic ACLED events …`);
        await app.getByTestId('import-file').setInputFiles(csv);
        await app.getByTestId('acled-form').waitFor({ timeout: 600_000 });
        await app.getByTestId('acled-accessed').fill('2024-05-02');
        await app.getByTestId('acled-add').click();
        await app.waitForFunction(() => /^Added /.test(document.querySelector('[data-testid="import-status"]')?.textContent ?? ''), undefined, { timeout: 600_000 });
        await app.getByTestId('import-close').click().catch(() => undefined);
        await measure(`with ${events.toLocaleString('en')} imported events`);
      }
      log('\n  video, 1080×1080, one frame a day from 1 Mar 2021:');
      log(indent(formatTable(['data', 'frames', 's in all', 's a frame'], rows)));
    } finally {
      await context.close();
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
