import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openPage, screenshotPath, waitForMapReady } from './chromium';
import { decodeInPage } from './decodeVideo';

const baseUrl = inject('baseUrl');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

type Box = { x: number; y: number; width: number; height: number };
type PublishHandle = {
  picture(id: string): Promise<{ name: string; width: number; height: number; creditsBox: Box }>;
  video(r: object): Promise<{ name: string; frames: number; encoder: string }>;
  videoFormats(): Promise<string[]>;
};

async function downloaded<T>(page: Page, start: () => Promise<T>): Promise<{ bytes: Buffer; name: string; result: T }> {
  const [file, result] = await Promise.all([page.waitForEvent('download', { timeout: 240_000 }), start()]);
  return { bytes: readFileSync((await file.path())!), name: file.suggestedFilename(), result };
}

/** Distinct colours in a box (sampled every 3rd pixel): a blank or flat area has one or two. */
function coloursIn(png: PNG, box: Box): number {
  const seen = new Set<number>();
  for (let y = Math.max(0, Math.floor(box.y)); y < Math.min(png.height, box.y + box.height); y += 3) {
    for (let x = Math.max(0, Math.floor(box.x)); x < Math.min(png.width, box.x + box.width); x += 3) {
      const i = (y * png.width + x) * 4;
      seen.add((png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2]);
    }
  }
  return seen.size;
}

/** Pixels in a box much darker than its lightest: glyphs of ink on the light panel. */
function inkPixels(png: PNG, box: Box): number {
  let lightest = 0;
  const lum = (i: number) => 0.3 * png.data[i] + 0.59 * png.data[i + 1] + 0.11 * png.data[i + 2];
  const each = (f: (i: number) => void) => {
    for (let y = Math.floor(box.y); y < box.y + box.height; y++) for (let x = Math.floor(box.x); x < box.x + box.width; x++) f((y * png.width + x) * 4);
  };
  each((i) => (lightest = Math.max(lightest, lum(i))));
  let n = 0;
  each((i) => (n += lum(i) < lightest - 80 ? 1 : 0));
  return n;
}

const publish = (page: Page) => page.evaluate(() => 'publish' in (window as unknown as { sahelIncidentMap: object }).sahelIncidentMap);

describe('publish (production build)', () => {
  it('a PNG at each preset has the preset’s size, a drawn map and the credits in their box', async () => {
    const { page, context, problems } = await openPage(browser, `${baseUrl}?from=2021-03-01&to=2021-03-31`);
    await waitForMapReady(page);
    expect(await publish(page)).toBe(true);
    const expected: Record<string, [number, number]> = { current: [2560, 0], social: [1200, 630], square: [1080, 1080], story: [1080, 1920] };
    const mapBox = await page.locator('#map').boundingBox();
    expected.current = [Math.round(mapBox!.width * 2), Math.round(mapBox!.height * 2)];
    for (const id of Object.keys(expected)) {
      const { bytes, name, result } = await downloaded(page, () => page.evaluate((id) => (window as unknown as { sahelIncidentMap: { publish: PublishHandle } }).sahelIncidentMap.publish.picture(id), id));
      const png = PNG.sync.read(bytes);
      expect([png.width, png.height], id).toEqual(expected[id]);
      expect(name).toMatch(new RegExp(`^sahel-map-2021-03-01_2021-03-31-${id}-\\d+x\\d+\\.png$`));
      // The map between the bands: the basemap, borders and markers give many colours.
      expect(coloursIn(png, { x: png.width * 0.2, y: png.height * 0.35, width: png.width * 0.4, height: png.height * 0.3 }), id).toBeGreaterThan(30);
      // The credits were drawn inside their box, and the box is inside the image.
      const c = result.creditsBox;
      expect(c.x >= 0 && c.y >= 0 && c.x + c.width <= png.width && c.y + c.height <= png.height, id).toBe(true);
      expect(inkPixels(png, c), id).toBeGreaterThan(c.width * 0.5);
    }
    // The live map is given back its size and density.
    expect(await page.locator('#map').boundingBox()).toEqual(mapBox);
    expect(await page.evaluate(() => (window as unknown as { sahelIncidentMap: { map: { getPixelRatio(): number } } }).sahelIncidentMap.map.getPixelRatio())).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);

  it('the keyboard opens the menu and downloads a social card; the SVG print file parses with its layers (French)', async () => {
    const { page, context } = await openPage(browser, `${baseUrl}?from=2021-03-01&to=2021-03-31&lang=fr`);
    await waitForMapReady(page);
    const toggle = page.getByTestId('publish-menu');
    await expect(toggle.textContent()).resolves.toBe('Télécharger une image');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('publish-png-current').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('ArrowDown');
    const card = await downloaded(page, () => page.keyboard.press('Enter'));
    expect(PNG.sync.read(card.bytes).width).toBe(1200);
    await toggle.click();
    const svg = await downloaded(page, () => page.getByTestId('publish-svg-2').click());
    expect(svg.name).toBe('sahel-map-2021-03-01_2021-03-31-print-104mm.svg');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        width: doc.documentElement.getAttribute('width'),
        layers: [...doc.querySelectorAll('svg > g')].map((g) => [g.id, g.getAttribute('inkscape:groupmode'), g.getAttribute('inkscape:label')]),
        markers: doc.querySelectorAll('#markers circle').length,
        totals: [...doc.querySelectorAll('#totals text')].map((t) => t.textContent).join(' '),
      };
    }, svg.bytes.toString('utf8'));
    const status = await page.locator('.timeline__status').first().textContent();
    expect(parsed.error).toBeNull();
    expect(parsed.width).toBe('104mm');
    expect(parsed.layers.map((l) => l[0])).toEqual(expect.arrayContaining(['countries', 'regions', 'rivers', 'lakes', 'focus-areas', 'markers', 'labels', 'legend', 'credits']));
    for (const l of parsed.layers) expect(l[1]).toBe('layer');
    expect(parsed.markers).toBeGreaterThan(20);
    expect(parsed.totals).toBe(status?.trim());
    expect(parsed.totals).toContain('mars 2021');
    await context.close();
  }, 180_000);

  it('records 21 Feb–21 Mar 2021 as a ~3 s video that decodes with one frame per day, at its size, frames differing', async () => {
    const { page, context } = await openPage(browser, `${baseUrl}?from=2021-02-21&to=2021-02-21&mode=cumulative`);
    await waitForMapReady(page);
    const formats = await page.evaluate(() => (window as unknown as { sahelIncidentMap: { publish: PublishHandle } }).sahelIncidentMap.publish.videoFormats());
    expect(formats).toContain('gif');
    const format = formats.includes('webm') ? 'webm' : formats.includes('mp4') ? 'mp4' : null;
    expect(format, 'Debian Chromium encodes VP9 or H.264 with WebCodecs').not.toBeNull();
    const { bytes, result } = await downloaded(page, () =>
      page.evaluate((format) => (window as unknown as { sahelIncidentMap: { publish: PublishHandle } }).sahelIncidentMap.publish.video({ from: '2021-02-21', to: '2021-03-21', stepDays: 1, fps: 10, format, width: 480, height: 480 }), format),
    );
    expect(result.frames).toBe(29);
    const decoded = await decodeInPage(page, bytes, format === 'mp4' ? 'video/mp4' : 'video/webm');
    expect(decoded.frames).toBe(29);
    expect([decoded.width, decoded.height]).toEqual([480, 480]);
    // Cumulative: each day adds incidents, so the frames differ (at least most of them).
    expect(new Set(decoded.fingerprints).size).toBeGreaterThan(20);
    // The reader's window is given back.
    expect(await page.evaluate(() => (window as unknown as { sahelIncidentMap: { store: { get(): { to: Date } } } }).sahelIncidentMap.store.get().to.toISOString().slice(0, 10))).toBe('2021-02-21');
    await context.close();
  }, 300_000);

  it('the video dialog records a short animated GIF that decodes, with a progress bar', async () => {
    const { page, context } = await openPage(browser, `${baseUrl}?from=2021-03-14&to=2021-03-14`);
    await waitForMapReady(page);
    await page.getByTestId('publish-menu').click();
    await page.getByTestId('publish-video').click();
    const dialog = page.getByTestId('publish-video-dialog');
    await dialog.waitFor();
    await page.getByTestId('publish-video-from').fill('2021-03-10');
    await page.getByTestId('publish-video-to').fill('2021-03-14');
    await page.getByTestId('publish-video-size').selectOption('1200x630');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="publish-video-format"] option')].length > 1 || document.querySelector('[data-testid="publish-video-status"]')?.textContent);
    await page.getByTestId('publish-video-format').selectOption('gif');
    await page.screenshot({ path: screenshotPath('publish-video-dialog-1280x800') });
    const gif = await downloaded(page, () => page.getByTestId('publish-video-record').click());
    expect(gif.name).toBe('sahel-map-2021-03-10_2021-03-14-540x284.gif');
    const decoded = await decodeInPage(page, gif.bytes, 'image/gif');
    expect(decoded.frames).toBe(5);
    expect([decoded.width, decoded.height]).toEqual([540, 284]);
    await expect(dialog.count()).resolves.toBe(0);
    await context.close();
  }, 240_000);

  for (const lang of ['en', 'fr'] as const) {
    it(`axe finds no critical or serious problem with the menu open and with the video dialog open (${lang})`, async () => {
      const { page, context } = await openPage(browser, `${baseUrl}?lang=${lang}`);
      await waitForMapReady(page);
      const violations = async () => {
        await page.addScriptTag({ path: AXE });
        return page.evaluate(async () => {
          type V = { id: string; impact: string; nodes: { target: string[] }[] };
          const axe = (window as unknown as { axe: { run(d: Document, o: object): Promise<{ violations: V[] }> } }).axe;
          const r = await axe.run(document, { resultTypes: ['violations'] });
          return r.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        });
      };
      await page.getByTestId('publish-menu').click();
      expect(await violations()).toEqual([]);
      await page.screenshot({ path: screenshotPath(`publish-menu-${lang}-1280x800`) });
      await page.getByTestId('publish-video').click();
      await page.getByTestId('publish-video-dialog').waitFor();
      expect(await violations()).toEqual([]);
      await page.keyboard.press('Escape');
      // The dialog closes at once; it leaves the page in its `close` event, which the browser queues as a task of its own.
      await expect.poll(() => page.getByTestId('publish-video-dialog').count()).toBe(0);
      await context.close();
    }, 120_000);
  }
});
