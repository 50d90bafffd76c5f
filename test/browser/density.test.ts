import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { syntheticUcdpGlobalRows } from '../bench/app/ucdpSynthetic';
import { en } from '../../src/i18n/messages';
import { fr } from '../../src/i18n/fr';
import { launchChromium, openPage, screenshotPath, waitForMapReady } from './chromium';
import { seriousViolations } from './axe';

// Issue 13, "a drag that keeps up at 1M": where more markers overlap than can be told apart, the
// incident layer draws squares of the window's events; zoomed in, or with few events, markers.

const baseUrl = inject('baseUrl');
let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await launchChromium();
  dir = mkdtempSync(join(tmpdir(), 'sahel-density-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

type MapHandle = { map: { jumpTo(o: object): void; getZoom(): number; project(ll: [number, number]): { x: number; y: number } } };

async function open(url: string, viewport = { width: 1280, height: 800 }, dark = false) {
  const opened = await openPage(browser, new URL(url, baseUrl).href, viewport, { colorScheme: dark ? 'dark' : 'light', reducedMotion: 'reduce' });
  await waitForMapReady(opened.page);
  return opened;
}

const viewOf = (page: Page) => page.getByTestId('map-view-status').getAttribute('data-view');


async function zoomTo(page: Page, zoom: number): Promise<void> {
  await page.evaluate((z) => (window as unknown as { sahelIncidentMap: MapHandle }).sahelIncidentMap.map.jumpTo({ zoom: z }), zoom);
  await waitForMapReady(page);
}

describe('the density view (production build)', () => {
  it('an import of 100,000 events over a 91-day window is drawn as squares at the default zoom, with a key, a square card and a status line; zoomed in, markers', async () => {
    const path = join(dir, 'ucdp-100k.csv');
    const rows = [...syntheticUcdpGlobalRows(100_000, 5)];
    writeFileSync(path, rows.join('\n'));
    // The bundled layers hidden, so only the import's events are in view.
    const { context, page, problems } = await open('index.html?from=2020-01-01&to=2020-03-31&hidden=stories,ucdp');
    expect(await viewOf(page)).toBe(null);
    await expect.poll(() => page.getByTestId('legend-density').count()).toBe(0);
    await page.getByTestId('import-file').setInputFiles(path);
    await expect.poll(() => page.getByTestId('import-status').textContent(), { timeout: 240_000, interval: 500 }).toMatch(/^Added 100,000 incidents/);
    await page.getByTestId('import-close').click();
    await waitForMapReady(page);
    await expect.poll(() => viewOf(page), { timeout: 20_000 }).toBe('density');
    expect(await page.getByTestId('map-view-status').textContent()).toBe(en.mapShowsSquares);
    const key = page.getByTestId('legend-density');
    await expect.poll(() => key.isVisible()).toBe(true);
    expect(await key.textContent()).toContain(en.legendDensityTitle);
    expect(await key.textContent()).toContain('1,000 or more');
    expect(await key.textContent()).toContain(en.legendDensityNote);
    await page.screenshot({ path: screenshotPath('density-import-100k-1280x800') });
    expect(await seriousViolations(page)).toEqual([]);

    // Hovering a town the generated events gather around (Ouallam) gives its square's card: its dataset's incidents and deaths.
    const canvas = (await page.locator('#map canvas').boundingBox())!;
    const busiest = await page.evaluate(() => (window as unknown as { sahelIncidentMap: MapHandle }).sahelIncidentMap.map.project([1.45, 14.21]));
    await page.mouse.move(canvas.x + busiest.x, canvas.y + busiest.y);
    const card = page.getByTestId('density-card');
    await card.waitFor({ timeout: 10_000 });
    const text = (await card.textContent()) ?? '';
    expect(text).toContain(en.densityCardTitle);
    expect(text).toMatch(/Incidents\d[\d,]*Deaths\d[\d,]*/);
    expect(text).toContain('ucdp-100k.csv');
    await page.screenshot({ path: screenshotPath('density-hover-card-1280x800') });
    // A click zooms in on the square.
    const before = await page.evaluate(() => (window as unknown as { sahelIncidentMap: MapHandle }).sahelIncidentMap.map.getZoom());
    await page.mouse.click(canvas.x + busiest.x, canvas.y + busiest.y);
    await expect.poll(() => page.evaluate(() => (window as unknown as { sahelIncidentMap: MapHandle }).sahelIncidentMap.map.getZoom()), { timeout: 10_000 }).toBeGreaterThan(before + 1.5);

    await zoomTo(page, 10.5);
    await expect.poll(() => viewOf(page), { timeout: 20_000 }).toBe('markers');
    expect(await page.getByTestId('map-view-status').textContent()).toBe(en.mapShowsMarkers);
    expect(await page.getByTestId('legend-density').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('density-zoomed-markers-1280x800') });
    expect(problems).toEqual([]);
    await context.close();
  }, 400_000);

  it('the bundled data in cumulative mode over years crosses the thresholds: squares, in French and in the dark theme, at 360 px too', async () => {
    const cases = [
      { name: 'fr-1280x800', url: 'index.html?lang=fr&mode=cumulative&from=2023-01-01&to=2023-12-31', viewport: { width: 1280, height: 800 }, dark: false, m: fr },
      { name: 'dark-1280x800', url: 'index.html?mode=cumulative&from=2023-01-01&to=2023-12-31', viewport: { width: 1280, height: 800 }, dark: true, m: en },
      { name: 'phone-360x740', url: 'index.html?mode=cumulative&from=2023-01-01&to=2023-12-31', viewport: { width: 360, height: 740 }, dark: false, m: en },
    ];
    for (const c of cases) {
      const { context, page, problems } = await open(c.url, c.viewport, c.dark);
      await expect.poll(() => viewOf(page), { timeout: 20_000 }).toBe('density');
      expect(await page.getByTestId('map-view-status').textContent()).toBe(c.m.mapShowsSquares);
      // The legend folds on phones: open it to read the key.
      await page.evaluate(() => document.querySelector<HTMLDetailsElement>('.legend')!.setAttribute('open', ''));
      const key = page.getByTestId('legend-density');
      await expect.poll(() => key.isVisible()).toBe(true);
      expect(await key.textContent()).toContain(c.m.legendDensityTitle);
      await page.screenshot({ path: screenshotPath(`density-${c.name}`) });
      expect(await seriousViolations(page)).toEqual([]);
      if (c === cases[0]) {
        // A selected incident keeps its card over the squares (its marker is drawn on top of them).
        await page.evaluate(() => (window as unknown as { sahelIncidentMap: { store: { set(p: object, s: string): void } } }).sahelIncidentMap.store.set({ selection: 'ucdp:321261' }, 'ui'));
        await page.locator('.maplibregl-popup.incident-popup:not(.hover)').waitFor({ timeout: 10_000 });
        await waitForMapReady(page);
        expect(await viewOf(page)).toBe('density');
        await page.screenshot({ path: screenshotPath(`density-${c.name}-selected`) });
        await page.evaluate(() => (window as unknown as { sahelIncidentMap: { store: { set(p: object, s: string): void } } }).sahelIncidentMap.store.set({ selection: null }, 'ui'));
      }
      // The ordinary window of a few weeks is markers.
      await page.evaluate(() => (window as unknown as { sahelIncidentMap: { store: { set(p: object, s: string): void } } }).sahelIncidentMap.store.set({ mode: 'window', from: new Date(Date.UTC(2023, 2, 1)), to: new Date(Date.UTC(2023, 2, 31)) }, 'ui'));
      await waitForMapReady(page);
      await expect.poll(() => viewOf(page), { timeout: 20_000 }).toBe('markers');
      await expect.poll(() => key.count()).toBe(0);
      expect(problems).toEqual([]);
      await context.close();
    }
  }, 300_000);
});
