import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { csvParse } from 'd3-dsv';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openPage, waitForMapReady } from './chromium';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const geodata = (name: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, `../../geodata/${name}`), 'utf8')) as FeatureCollection;

/** Even-odd ray casting: not the app's turf route. */
function inside(feature: Feature, lon: number, lat: number): boolean {
  const g = feature.geometry as Polygon | MultiPolygon;
  const polygons: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let c = false;
  for (const rings of polygons)
    for (const ring of rings)
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) c = !c;
      }
  return c;
}

/** UCDP events and best-estimate deaths in [from, to] inside a polygon, counted from the raw CSV by coordinates. */
function countInside(feature: Feature, from: string, to: string): { incidents: number; deaths: number } {
  const text = readFileSync(resolve(import.meta.dirname, '../../public/data/ucdp/ucdp-ged-sahel.csv'), 'utf8');
  let incidents = 0;
  let deaths = 0;
  for (const row of csvParse(text)) {
    const [m, d, y] = (row.date_start ?? '').slice(0, 10).split('/');
    const iso = `${y}-${m}-${d}`;
    if (iso >= from && iso <= to && inside(feature, Number(row.longitude), Number(row.latitude))) {
      incidents++;
      deaths += Number(row.best_est);
    }
  }
  return { incidents, deaths };
}

const fmt = (n: number) => n.toLocaleString('en-US');

describe('places in the production build (Debian Chromium)', () => {
  it('?area=ne-5 names the Tahoua region in the status line with its 2021 figures, counted independently; nothing leaves the origin', async () => {
    const tahoua = geodata('admin1.geojson').features.find((f) => f.properties?.iso_3166_2 === 'NE-5')!;
    const want = countInside(tahoua, '2021-01-01', '2021-12-31');
    const { page, requests, problems, context } = await openPage(browser, `${baseUrl}?from=2021-01-01&to=2021-12-31&area=ne-5`);
    await waitForMapReady(page);
    const status = page.locator('[role="status"][data-testid="status"]');
    await expect.poll(async () => status.textContent(), { timeout: 15_000 }).toBe(`Tahoua region · 1 Jan – 31 Dec 2021 · ${fmt(want.incidents)} incidents · ${fmt(want.deaths)} deaths`);
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an unknown area is ignored with a warning naming it', async () => {
    const { page, warnings, context } = await openPage(browser, `${baseUrl}?area=atlantis`);
    await waitForMapReady(page);
    expect(warnings.some((w) => w.includes('"area"') && w.includes('atlantis'))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { sahelIncidentMap: { store: { get(): { area: string | null } } } }).sahelIncidentMap.store.get().area)).toBeNull();
    await context.close();
  });

  it('the embed fetches the regions only when asked, and then reports the border belt’s March–April 2021 figures in its state message', async () => {
    const border = geodata('focus-areas.geojson').features.find((f) => f.properties?.id === 'border')!;
    const want = countInside(border, '2021-03-01', '2021-04-30');
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const requests: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    await context.addInitScript(() => {
      if (window.top !== window) return;
      const log: unknown[] = [];
      Object.defineProperty(window, '__received', { value: log });
      window.addEventListener('message', (e) => log.push(e.data));
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl}examples/article.html`);
    type Message = { app?: string; type?: string; requestId?: string; visible?: { area: null | { id: string; datasets: { id: string; current: { incidents: number; deaths: number } }[] } } };
    const received = () => page.evaluate(() => (window as unknown as { __received: Message[] }).__received.filter((m) => m?.app === 'sahel-incident-map'));
    await expect.poll(async () => (await received()).some((m) => m.type === 'ready'), { timeout: 60_000 }).toBe(true);
    const regionsFile = /\/admin1-[\w-]+\.geojson/;
    expect(requests.filter((u) => regionsFile.test(u))).toEqual([]);
    await page.evaluate(() => {
      const frame = document.querySelector<HTMLIFrameElement>('[data-sahel-map] iframe')!;
      frame.contentWindow!.postMessage({ app: 'sahel-incident-map', version: 1, type: 'set-state', from: '2021-03-01', to: '2021-04-30', area: 'border', requestId: 'belt' }, '*');
    });
    await expect.poll(async () => (await received()).some((m) => m.requestId === 'belt'), { timeout: 15_000 }).toBe(true);
    await expect
      .poll(async () => (await received()).filter((m) => m.type === 'state').at(-1)?.visible?.area?.datasets.map((d) => [d.id, d.current.incidents, d.current.deaths]), { timeout: 20_000 })
      .toEqual([['ucdp', want.incidents, want.deaths]]);
    expect(requests.filter((u) => regionsFile.test(u))).toHaveLength(1);
    await context.close();
  });
});
