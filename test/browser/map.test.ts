import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { csvParse } from 'd3-dsv';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './axe';
import { launchChromium, openPage, screenshotPath, waitForMapReady } from './chromium';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

type MapHandle = { map: { project(ll: [number, number]): { x: number; y: number } } };

/** Screen position (CSS px, relative to the map canvas) of a lon/lat. */
async function project(page: Page, lonLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => (window as unknown as { sahelIncidentMap: MapHandle }).sahelIncidentMap.map.project(ll), lonLat);
}

async function statusText(page: Page): Promise<string> {
  return (await page.locator('[role="status"][data-testid="status"]').textContent()) ?? '';
}

/** Counts UCDP events and best-estimate deaths whose date_start lies in [from, to], straight from the CSV with d3-dsv: an independent route from the app's parser and index. */
function countFromCsv(from: string, to: string): { incidents: number; deaths: number } {
  const text = readFileSync(resolve(import.meta.dirname, '../../public/data/ucdp/ucdp-ged-sahel.csv'), 'utf8');
  let incidents = 0;
  let deaths = 0;
  for (const row of csvParse(text)) {
    const [m, d, y] = (row.date_start ?? '').slice(0, 10).split('/');
    const iso = `${y}-${m}-${d}`;
    if (iso >= from && iso <= to) {
      incidents++;
      deaths += Number(row.best_est);
    }
  }
  return { incidents, deaths };
}

describe('the incident map (production build, Debian Chromium)', () => {
  it('paints the basemap and incidents over Niger, and requests nothing from another origin', async () => {
    const { page, requests, problems, context } = await openPage(browser, baseUrl);
    await waitForMapReady(page);
    const png = await page.screenshot({ path: screenshotPath('map-1280x800') });
    // UPDATE_SCREENSHOTS=1 refreshes the README's picture from this very view.
    if (process.env.UPDATE_SCREENSHOTS === '1') writeFileSync(resolve(import.meta.dirname, '../../docs/screenshot.png'), png);
    expect(png.byteLength).toBeGreaterThan(10_000);
    // Sample the canvas around Niger (lon 2..12, lat 12..20): it must not be one flat colour.
    const niger = await project(page, [8, 17]);
    const colours = await page.evaluate(({ x, y }) => {
      const canvas = document.querySelector('#map canvas') as HTMLCanvasElement;
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const ctx = copy.getContext('2d')!;
      ctx.drawImage(canvas, 0, 0);
      const ratio = canvas.width / canvas.clientWidth;
      const data = ctx.getImageData(Math.round((x - 150) * ratio), Math.round((y - 120) * ratio), Math.round(300 * ratio), Math.round(240 * ratio)).data;
      const seen = new Set<string>();
      let nonBlank = 0;
      for (let i = 0; i < data.length; i += 4) {
        seen.add(`${data[i] >> 3},${data[i + 1] >> 3},${data[i + 2] >> 3}`);
        if (data[i + 3] > 0 && !(data[i] > 250 && data[i + 1] > 250 && data[i + 2] > 250)) nonBlank++;
      }
      return { distinct: seen.size, nonBlank, total: data.length / 4 };
    }, niger);
    expect(colours.nonBlank / colours.total).toBeGreaterThan(0.5);
    expect(colours.distinct).toBeGreaterThan(5);
    const origin = new URL(baseUrl).origin;
    const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(foreign).toEqual([]);
    // The worker must come from the build (setWorkerUrl), or the map would be blank in production.
    expect(requests.some((u) => /maplibre-gl-worker.*\.mjs$/.test(u))).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('with ?from=2021-03-21&to=2021-03-21 the status reports the Tahoua attack and its popup shows its sources', async () => {
    const { page, context } = await openPage(browser, `${baseUrl}?from=2021-03-21&to=2021-03-21`);
    await waitForMapReady(page);
    // UCDP is the counted layer: one event that day, in Tillia commune, best estimate 170.
    expect(await statusText(page)).toBe('21 Mar 2021 · 1 incident · 170 deaths');
    // The story event CS022 (Tillia department) sits on top as the annotation layer: click it.
    const p = await project(page, [4.7833, 16.1167]);
    const box = (await page.locator('#map canvas').boundingBox())!;
    await page.mouse.click(box.x + p.x, box.y + p.y);
    const popup = page.locator('.maplibregl-popup.incident-popup:not(.hover)');
    await popup.waitFor();
    const link = popup.locator('a[href^="http"]').first();
    await expect.poll(() => link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await popup.textContent()).toContain('137');
    await page.screenshot({ path: screenshotPath('tahoua-popup-1280x800') });
    await context.close();
  });

  it('the totals of a known window equal a count computed independently from the CSV', async () => {
    const { page, context } = await openPage(browser, `${baseUrl}?from=2021-01-01&to=2021-06-30`);
    await waitForMapReady(page);
    const expected = countFromCsv('2021-01-01', '2021-06-30');
    expect(expected.incidents).toBeGreaterThan(50);
    const text = await statusText(page);
    expect(text).toContain(`${expected.incidents.toLocaleString('en-US')} incidents`);
    expect(text).toContain(`${expected.deaths.toLocaleString('en-US')} deaths`);
    await context.close();
  });

  it('play advances the window', async () => {
    const { page, context } = await openPage(browser, `${baseUrl}?from=2021-03-01&to=2021-03-07`);
    await waitForMapReady(page);
    const before = await statusText(page);
    await page.getByTestId('play').click();
    await expect.poll(() => statusText(page), { timeout: 10_000 }).not.toBe(before);
    await page.getByTestId('play').click();
    const url = new URL(page.url());
    expect(url.searchParams.get('from')! > '2021-03-01').toBe(true);
    await context.close();
  });

  it('an invalid URL parameter is ignored with a warning, never a blank map', async () => {
    const { page, warnings, context } = await openPage(browser, `${baseUrl}?from=2021-13-45&mode=sideways&view=atlantis`);
    await waitForMapReady(page);
    expect(warnings.join('\n')).toMatch(/from/);
    expect(warnings.join('\n')).toMatch(/mode/);
    expect(await statusText(page)).toMatch(/incident/);
    await context.close();
  });

  it('a window with nothing to show says so over the map, and the notice goes when events return', async () => {
    const { page, context } = await openPage(browser, `${baseUrl}?from=2021-03-21&to=2021-03-21&types=protests`);
    await waitForMapReady(page);
    expect(await statusText(page)).toBe('21 Mar 2021 · 0 incidents · 0 deaths');
    await expect.poll(() => page.getByTestId('empty-notice').isVisible()).toBe(true);
    await page.getByTestId('filter-type-violence-against-civilians').check();
    await expect.poll(() => page.getByTestId('empty-notice').isVisible()).toBe(false);
    expect(await statusText(page)).toBe('21 Mar 2021 · 1 incident · 170 deaths');
    await context.close();
  });

  it('events stacked on one coordinate stay reachable: the popup lists them and opens each', async () => {
    // Gao region, lon -0.0447 lat 16.2717: 49 UCDP events share this exact point over 1989–2023.
    const { page, context } = await openPage(browser, `${baseUrl}?mode=cumulative&from=2023-01-01&to=2023-12-31&hidden=stories#7/16.27/-0.04`);
    await waitForMapReady(page);
    const p = await project(page, [-0.044722, 16.271667]);
    const box = (await page.locator('#map canvas').boundingBox())!;
    await page.mouse.click(box.x + p.x, box.y + p.y);
    const items = page.locator('.maplibregl-popup:not(.hover) .incident-stack button');
    await expect.poll(() => items.count()).toBeGreaterThan(10);
    await page.screenshot({ path: screenshotPath('stack-1280x800') });
    await items.first().click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { sahelIncidentMap: { store: { get(): { selection: string | null } } } }).sahelIncidentMap.store.get().selection)).toMatch(/^ucdp:/);
    await page.locator('.maplibregl-popup:not(.hover) .incident-card').waitFor();
    await context.close();
  });

  it('on a phone the side column folds behind one Tools button, the map is framed below the top buttons, and nothing scrolls sideways (360 French dark, 390 English)', async () => {
    const cases = [
      { viewport: { width: 360, height: 740 }, query: '&lang=fr&dark=true', colorScheme: 'dark' as const, tools: 'Outils', data: 'Données…' },
      { viewport: { width: 390, height: 844 }, query: '', colorScheme: 'light' as const, tools: 'Tools', data: 'Data…' },
    ];
    for (const c of cases) {
      const { page, context, problems } = await openPage(browser, `${baseUrl}?from=2021-03-01&to=2021-03-31${c.query}`, c.viewport, { colorScheme: c.colorScheme });
      await waitForMapReady(page);
      const toggle = page.getByTestId('side-toggle');
      expect(await toggle.isVisible()).toBe(true);
      expect(await toggle.textContent()).toContain(c.tools);
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await page.getByTestId('filter-panel').isHidden()).toBe(true);
      expect(await page.getByTestId('area-picker').isHidden()).toBe(true);
      // The short label is the one drawn, and the full one is still the button's name.
      expect(await page.getByTestId('import-open').innerText()).toBe(c.data);
      expect(await page.getByRole('button', { name: c.data === 'Data…' ? 'Add data…' : 'Ajouter des données…' }).isVisible()).toBe(true);
      // The three countries' north (about 25° N) is drawn below the buttons in the map's top corners.
      const clear = await page.evaluate(() => {
        const map = (window as unknown as { sahelIncidentMap: { map: { project(ll: [number, number]): { y: number }; getContainer(): HTMLElement } } }).sahelIncidentMap.map;
        const top = map.getContainer().getBoundingClientRect().top;
        const corners = [...map.getContainer().querySelectorAll('.maplibregl-ctrl-top-left, .maplibregl-ctrl-top-right')].map((e) => e.getBoundingClientRect().bottom - top);
        return { north: map.project([0, 24.5]).y, corners: Math.max(...corners) };
      });
      expect(clear.north).toBeGreaterThan(clear.corners);
      const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(await sideways()).toBeLessThanOrEqual(0);
      await page.screenshot({ path: screenshotPath(`phone-tools-closed-${c.viewport.width}x${c.viewport.height}`) });
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      await page.getByTestId('filter-panel').waitFor({ state: 'visible' });
      expect(await page.getByTestId('area-picker').isVisible()).toBe(true);
      expect(await sideways()).toBeLessThanOrEqual(0);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: screenshotPath(`phone-tools-open-${c.viewport.width}x${c.viewport.height}`) });
      // The keyboard folds it and unfolds it.
      await toggle.focus();
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await page.getByTestId('filter-panel').isHidden()).toBe(true);
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      // Choosing an area from the column folds it, as a phone's menu does, and the focus waits on the button.
      await page.getByTestId('area-picker').click();
      await page.keyboard.type('Tilla');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => (window as unknown as { sahelIncidentMap: { store: { get(): { area: string | null } } } }).sahelIncidentMap.store.get().area), { timeout: 20_000 }).not.toBeNull();
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe('side-toggle');
      await page.getByTestId('area-panel').waitFor({ state: 'visible', timeout: 20_000 });
      expect(problems).toEqual([]);
      await context.close();
    }
  }, 120_000);

  it('on a laptop the Tools button is not there and the side column stays open, also after choosing an area', async () => {
    const { page, context } = await openPage(browser, `${baseUrl}?from=2021-03-01&to=2021-03-31`);
    await waitForMapReady(page);
    expect(await page.getByTestId('side-toggle').isHidden()).toBe(true);
    expect(await page.getByTestId('filter-panel').isVisible()).toBe(true);
    expect(await page.getByTestId('import-open').innerText()).toBe('Add data…');
    await page.evaluate(() => (window as unknown as { sahelIncidentMap: { store: { set(p: object, s: string): void } } }).sahelIncidentMap.store.set({ area: 'border' }, 'ui'));
    await page.getByTestId('area-panel').waitFor({ state: 'visible', timeout: 20_000 });
    expect(await page.getByTestId('filter-panel').isVisible()).toBe(true);
    await context.close();
  });

  it('fits a phone screen (390×844)', async () => {
    const { page, context } = await openPage(browser, `${baseUrl}?from=2021-03-15&to=2021-03-31`, { width: 390, height: 844 });
    await waitForMapReady(page);
    await page.screenshot({ path: screenshotPath('map-390x844') });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
  it('labels in Cyrillic, Greek, Arabic and Tifinagh request no missing file: declared Noto Sans files draw the first three', async () => {
    const { page, context } = await openPage(browser, `${baseUrl}#6/15.5/6`);
    const failed: string[] = [];
    const fonts: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
      if (/\.woff2$/.test(r.url())) fonts.push(`${r.status()} ${r.url()}`);
    });
    await waitForMapReady(page);
    const labels = ['Ниамей', 'Ἀθῆναι', 'نيامي', 'ⵜⵉⴼⵉⵏⴰⵖ'];
    const placed = await page.evaluate(
      (texts) =>
        new Promise<string[]>((done) => {
          type M = {
            addSource(id: string, s: unknown): void;
            addLayer(l: unknown): void;
            once(e: string, f: () => void): void;
            queryRenderedFeatures(o: { layers: string[] }): { properties: { label: string } }[];
          };
          const map = (window as unknown as { sahelIncidentMap: { map: M } }).sahelIncidentMap.map;
          const features = texts.map((label, i) => ({ type: 'Feature', properties: { label }, geometry: { type: 'Point', coordinates: [2 + 2.5 * i, 15.5] } }));
          map.addSource('script-test', { type: 'geojson', data: { type: 'FeatureCollection', features } });
          map.addLayer({
            id: 'script-test',
            type: 'symbol',
            source: 'script-test',
            layout: { 'text-field': ['get', 'label'], 'text-font': ['Noto Sans Medium'], 'text-size': 18, 'text-allow-overlap': true },
            paint: { 'text-color': '#000000', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
          });
          map.once('idle', () => done(map.queryRenderedFeatures({ layers: ['script-test'] }).map((f) => f.properties.label)));
        }),
      labels,
    );
    await page.screenshot({ path: screenshotPath('map-scripts-1280x800') });
    expect(failed).toEqual([]);
    // Cyrillic, Greek Extended and Arabic come from the declared font files, from this origin.
    expect(fonts.filter((f) => f.startsWith('200 ')).length).toBeGreaterThanOrEqual(3);
    expect(fonts.every((f) => f.startsWith('200 ') && f.includes(new URL(baseUrl).host))).toBe(true);
    expect(new Set(placed)).toEqual(new Set(labels));
    await context.close();
  });
  it('story rings follow every step of the window; their labels follow within a second while it moves (at the release of a drag), and the map says so until they have', async () => {
    const { page, context } = await openPage(browser, baseUrl);
    await waitForMapReady(page);
    type StoryMap = {
      getFilter(id: string): unknown;
      getFeatureState(f: { source: string; id: number }): { in?: boolean };
      querySourceFeatures(source: string): unknown[];
    };
    type Handle = { sahelIncidentMap: { map: StoryMap; store: { set(patch: unknown, source: string): void } } };
    const setWindow = (from: string, to: string) =>
      page.evaluate(([f, t]) => (window as unknown as Handle).sahelIncidentMap.store.set({ from: new Date(f), to: new Date(t) }, 'ui'), [from, to]);
    /** The rings' range (features whose state is `in`) and the labels' filter range, over the bundled story events. */
    const ranges = () =>
      page.evaluate(() => {
        const map = (window as unknown as Handle).sahelIncidentMap.map;
        const inside: number[] = [];
        for (let i = 0; i < 500; i++) if (map.getFeatureState({ source: 'dataset-stories-source', id: i }).in) inside.push(i);
        const filter = map.getFilter('dataset-stories-labels') as [string, [string, unknown, number], [string, unknown, number]];
        return { rings: inside.length ? [inside[0], inside[inside.length - 1] + 1] : [0, 0], contiguous: inside.length === 0 || inside.length === inside[inside.length - 1] - inside[0] + 1, labels: [filter[1][2], filter[2][2]] };
      });
    await setWindow('2019-01-01', '2019-12-31');
    await waitForMapReady(page);
    const first = await ranges();
    expect(first.rings).toEqual(first.labels);
    expect(first.rings[1]).toBeGreaterThan(first.rings[0]);
    // Two steps in quick succession: the rings take the second at once, the labels keep the first for now.
    await setWindow('2020-01-01', '2020-12-31');
    await setWindow('2021-01-01', '2021-12-31');
    const moving = await ranges();
    expect(moving.contiguous).toBe(true);
    expect(moving.rings).not.toEqual(first.rings);
    expect(moving.labels).not.toEqual(moving.rings);
    expect(await page.locator('#map[data-annotations-pending]').count()).toBe(1);
    await waitForMapReady(page);
    const rested = await ranges();
    expect(rested.labels).toEqual(moving.rings);
    expect(rested.rings).toEqual(moving.rings);
    // A mouse drag of the brush: the rings follow each move; the labels wait for the release
    // however long the drag lasts (no retiling between two steps), then catch up.
    const brush = (await page.getByTestId('brush').boundingBox())!;
    let x = brush.x + brush.width / 2;
    await page.mouse.move(x, brush.y + brush.height / 2);
    await page.mouse.down();
    for (let k = 0; k < 8; k++) {
      x += 40;
      await page.mouse.move(x, brush.y + brush.height / 2);
      await page.waitForTimeout(200);
    }
    const held = await ranges();
    expect(held.rings).not.toEqual(rested.rings);
    expect(held.labels).toEqual(rested.labels);
    expect(await page.locator('#map[data-annotations-pending]').count()).toBe(1);
    await page.mouse.up();
    await waitForMapReady(page);
    const released = await ranges();
    expect(released.labels).toEqual(held.rings);
    expect(released.rings).toEqual(held.rings);
    await context.close();
  });
});
