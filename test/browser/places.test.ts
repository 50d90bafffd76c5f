import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { csvEvents, inRegion, regionFigures, outsideFigures, regionIds } from './areaCounts';
import { launchChromium, openPage, screenshotPath, waitForMapReady } from './chromium';
import { seriousViolations } from './axe';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface Handle {
  store: { get(): { from: Date; to: Date; area: string | null; choropleth: string; selection: string | null }; set(p: object, s: string): void };
  map: {
    project(ll: [number, number]): { x: number; y: number };
    getFeatureState(f: { source: string; id: string }): { value?: number; shade?: number };
    getPaintProperty(layer: string, property: string): unknown;
    getFilter(layer: string): unknown;
  };
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
/** "1,234" → 1234. */
const integer = (text: string | null) => Number((text ?? '').replace(/[^\d−-]/g, '').replace('−', '-'));

async function appState(page: Page): Promise<{ from: string; to: string; area: string | null; choropleth: string; selection: string | null }> {
  return page.evaluate(() => {
    const s = (window as unknown as { sahelIncidentMap: Handle }).sahelIncidentMap.store.get();
    return { from: s.from.toISOString().slice(0, 10), to: s.to.toISOString().slice(0, 10), area: s.area, choropleth: s.choropleth, selection: s.selection };
  });
}

/** Page position of a lon/lat on the map. */
async function pagePoint(page: Page, lonLat: [number, number]): Promise<{ x: number; y: number }> {
  const p = await page.evaluate((ll) => (window as unknown as { sahelIncidentMap: Handle }).sahelIncidentMap.map.project(ll), lonLat);
  const box = (await page.locator('#map canvas').boundingBox())!;
  return { x: box.x + p.x, y: box.y + p.y };
}

/** A point inside Tahoua region (by the test's own ray casting) as far as possible from every UCDP event: a click there hits no marker. */
function quietPointIn(region: string): [number, number] {
  const events = csvEvents();
  let best: [number, number] = [0, 0];
  let bestGap = -1;
  for (let lon = 3.5; lon <= 7; lon += 0.1)
    for (let lat = 14; lat <= 18; lat += 0.1) {
      if (!inRegion(region, lon, lat)) continue;
      let gap = Infinity;
      for (const e of events) gap = Math.min(gap, Math.hypot(e.lon - lon, e.lat - lat));
      if (gap > bestGap) [best, bestGap] = [[lon, lat], gap];
    }
  return best;
}

async function panelFigures(page: Page): Promise<{ incidents: number; deaths: number; range: string }> {
  const panel = page.locator('[data-testid="area-panel"]');
  return {
    incidents: integer(await panel.locator('[data-testid="area-incidents"]').first().textContent()),
    deaths: integer(await panel.locator('[data-testid="area-deaths"]').first().textContent()),
    range: (await panel.locator('[data-testid="area-deaths-range"]').first().textContent()) ?? '',
  };
}

async function featureValues(page: Page, ids: string[]): Promise<Record<string, { value?: number; shade?: number }>> {
  return page.evaluate((list) => {
    const map = (window as unknown as { sahelIncidentMap: Handle }).sahelIncidentMap.map;
    return Object.fromEntries(list.map((id) => [id, map.getFeatureState({ source: 'admin1', id })]));
  }, ids);
}

function regionDeaths(from: string, to: string): Record<string, number> {
  return Object.fromEntries(regionIds().map((id) => [id, regionFigures(id, from, to).deaths]));
}

describe('places: the area panel, picker and choropleth (production build)', () => {
  it('a click on Tahoua opens its figures, equal to a count from the CSV by point in polygon, and they follow the slider', async () => {
    const { page, context, problems } = await openPage(browser, `${baseUrl}index.html?from=2021-03-01&to=2021-03-31`);
    await waitForMapReady(page);
    const at = await pagePoint(page, quietPointIn('NE-5'));
    await page.mouse.click(at.x, at.y);
    const panel = page.locator('[data-testid="area-panel"]');
    await panel.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await panel.locator('h2').textContent()).toBe('Tahoua');
    const state = await appState(page);
    expect(state.area).toBe('NE-5');
    expect(state.selection).toBeNull();
    const march = regionFigures('NE-5', '2021-03-01', '2021-03-31');
    const shown = await panelFigures(page);
    expect([shown.incidents, shown.deaths]).toEqual([march.incidents, march.deaths]);
    expect(shown.range).toContain(`${march.low.toLocaleString('en-US')}–${march.high.toLocaleString('en-US')}`);
    // The previous 31 days (29 Jan – 28 Feb): the change is written, without a percentage over a base of 0.
    const before = regionFigures('NE-5', '2021-01-29', '2021-02-28');
    const prevCell = panel.locator('[data-testid="area-deaths-previous"]').first();
    expect(integer(await prevCell.textContent())).toBe(march.deaths - before.deaths);
    if (before.deaths === 0) expect(await prevCell.textContent()).not.toContain('%');
    // The window's incidents outside every region are reported beside the area, as the recount finds them.
    const lost = outsideFigures('2021-01-01', '2021-12-31');
    expect(lost.incidents, 'the bundled 2021 data has incidents outside every region').toBeGreaterThan(0);
    await page.evaluate(() => (window as unknown as { sahelIncidentMap: { store: { set(p: object, s: string): void } } }).sahelIncidentMap.store.set({ from: new Date(Date.UTC(2021, 0, 1)), to: new Date(Date.UTC(2021, 11, 31)) }, 'ui'));
    const note = panel.locator('[data-testid="area-outside"]').first();
    await expect.poll(async () => (await note.textContent()) ?? '', { timeout: 15_000 }).toContain(`incidents ${lost.incidents.toLocaleString('en-US')}, deaths ${lost.deaths.toLocaleString('en-US')}`);
    await page.evaluate(() => (window as unknown as { sahelIncidentMap: { store: { set(p: object, s: string): void } } }).sahelIncidentMap.store.set({ from: new Date(Date.UTC(2021, 2, 1)), to: new Date(Date.UTC(2021, 2, 31)) }, 'ui'));
    await expect.poll(async () => (await panelFigures(page)).deaths, { timeout: 15_000 }).toBe(march.deaths);

    // Scrub with the keyboard: Page Up moves the window a month; the figures follow.
    await page.locator('[data-testid="brush"]').focus();
    await page.keyboard.press('PageUp');
    const moved = await appState(page);
    expect(moved.from).not.toBe('2021-03-01');
    const next = regionFigures('NE-5', moved.from, moved.to);
    expect([next.incidents, next.deaths]).not.toEqual([march.incidents, march.deaths]);
    await expect.poll(async () => { const f = await panelFigures(page); return [f.incidents, f.deaths]; }, { timeout: 15_000 }).toEqual([next.incidents, next.deaths]);
    await page.keyboard.press('PageDown');
    await expect.poll(async () => (await panelFigures(page)).deaths, { timeout: 15_000 }).toBe(march.deaths);
    await page.screenshot({ path: screenshotPath('places-tahoua-1280x800') });
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('the choropleth shades each region by its deaths in the window (feature-state), on a stable domain, and changes with the window', async () => {
    const { page, context } = await openPage(browser, `${baseUrl}index.html?from=2021-01-01&to=2021-03-31&choropleth=deaths`);
    await waitForMapReady(page);
    const ids = regionIds();
    const q1 = regionDeaths('2021-01-01', '2021-03-31');
    await expect.poll(async () => Object.fromEntries(Object.entries(await featureValues(page, ids)).map(([k, v]) => [k, v.value ?? 0])), { timeout: 15_000 }).toEqual(q1);
    const states = await featureValues(page, ids);
    for (const id of ids) expect(states[id].shade! >= 0).toBe(q1[id] > 0);
    // The deadliest region is drawn in the darkest shade in use or below it, never above; shades never fall as deaths rise.
    const byDeaths = ids.filter((id) => q1[id] > 0).sort((a, b) => q1[a] - q1[b]);
    for (let i = 1; i < byDeaths.length; i++) expect(states[byDeaths[i]].shade!).toBeGreaterThanOrEqual(states[byDeaths[i - 1]].shade!);
    const opacity = await page.evaluate(() => (window as unknown as { sahelIncidentMap: Handle }).sahelIncidentMap.map.getPaintProperty('choropleth-fill', 'fill-opacity'));
    expect(opacity).toBeGreaterThan(0);
    const key = page.locator('[data-testid="choropleth-legend"]');
    await key.waitFor({ state: 'visible' });
    const keyText = await key.textContent();

    // Another quarter of the same length: new values, the same key (the domain is stable while scrubbing).
    await page.evaluate(() => (window as unknown as { sahelIncidentMap: Handle }).sahelIncidentMap.store.set({ from: new Date(Date.UTC(2021, 3, 1)), to: new Date(Date.UTC(2021, 5, 29)) }, 'ui'));
    const q2 = regionDeaths('2021-04-01', '2021-06-29');
    expect(q2).not.toEqual(q1);
    await expect.poll(async () => Object.fromEntries(Object.entries(await featureValues(page, ids)).map(([k, v]) => [k, v.value ?? 0])), { timeout: 15_000 }).toEqual(q2);
    expect(await key.textContent()).toBe(keyText);

    // Off: the fill goes transparent and the key goes.
    await page.selectOption('[data-testid="choropleth-select"]', 'off');
    await expect.poll(() => page.evaluate(() => (window as unknown as { sahelIncidentMap: Handle }).sahelIncidentMap.map.getPaintProperty('choropleth-fill', 'fill-opacity'))).toBe(0);
    expect(await key.isHidden()).toBe(true);
    await context.close();
  }, 120_000);

  it('the picker finds Tillabéri from "tillaberi" in French, and area= and choropleth= survive a reload', async () => {
    const { page, context } = await openPage(browser, `${baseUrl}index.html?lang=fr&from=2021-03-01&to=2021-03-31`);
    await waitForMapReady(page);
    const picker = page.locator('[data-testid="area-picker"]');
    await picker.focus();
    await picker.pressSequentially('tillaberi');
    const option = page.locator('[role="option"][data-area-id="NE-6"]');
    await option.waitFor({ state: 'visible' });
    expect(await option.textContent()).toContain('Tillabéri');
    expect(await page.locator('[role="option"]').count()).toBe(1);
    await page.keyboard.press('ArrowDown');
    expect(await picker.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    await page.keyboard.press('Enter');
    const panel = page.locator('[data-testid="area-panel"]');
    await panel.waitFor({ state: 'visible' });
    expect(await panel.locator('h2').textContent()).toBe('Tillabéri');
    const figures = regionFigures('NE-6', '2021-03-01', '2021-03-31');
    expect((await panelFigures(page)).deaths).toBe(figures.deaths);
    await page.selectOption('[data-testid="choropleth-select"]', 'incidents');
    await page.waitForFunction(() => location.search.includes('area=NE-6') && location.search.includes('choropleth=incidents'), null, { timeout: 10_000 });

    await page.goto(page.url());
    await waitForMapReady(page);
    expect(await appState(page)).toMatchObject({ area: 'NE-6', choropleth: 'incidents' });
    await panel.waitFor({ state: 'visible' });
    expect(await panel.locator('h2').textContent()).toBe('Tillabéri');
    expect(await page.inputValue('[data-testid="choropleth-select"]')).toBe('incidents');
    expect(await page.inputValue('[data-testid="area-picker"]')).toBe('Tillabéri');
    const states = await featureValues(page, ['NE-6']);
    expect(states['NE-6'].value).toBe(figures.incidents);
    const filter = await page.evaluate(() => (window as unknown as { sahelIncidentMap: Handle }).sahelIncidentMap.map.getFilter('area-outline-region'));
    expect(JSON.stringify(filter)).toContain('NE-6');
    await context.close();
  }, 120_000);

  it('a click on a marker opens its popup, not the area under it; a deadliest incident opens its popup; the focus buttons select their area', async () => {
    const { page, context } = await openPage(browser, `${baseUrl}index.html?from=2021-03-21&to=2021-03-21&area=NE-5`);
    await waitForMapReady(page);
    const panel = page.locator('[data-testid="area-panel"]');
    await panel.waitFor({ state: 'visible' });
    await panel.locator('[data-testid="area-deadliest"]').first().click();
    await page.waitForSelector('.maplibregl-popup.incident-popup:not(.hover)', { timeout: 10_000 });
    const picked = (await appState(page)).selection;
    expect(picked).toMatch(/:/);
    // Close the card, then click the marker itself: the card opens again, the area stays Tahoua.
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await appState(page)).selection).toBeNull();
    const tillia = csvEvents().find((e) => e.day === '2021-03-21' && e.region === 'NE-5')!;
    const at = await pagePoint(page, [tillia.lon, tillia.lat]);
    await page.mouse.click(at.x, at.y);
    await expect.poll(async () => (await appState(page)).selection, { timeout: 10_000 }).not.toBeNull();
    expect((await appState(page)).area).toBe('NE-5');
    // The focus buttons select their area too; the whole region clears it.
    await page.locator('[data-testid="view-border"]').click();
    await expect.poll(async () => (await appState(page)).area).toBe('border');
    await expect.poll(() => page.locator('[data-testid="area-panel"] h2').textContent()).toBe('Liptako-Gourma border belt');
    await page.locator('[data-testid="view-sahel"]').click();
    await expect.poll(async () => (await appState(page)).area).toBeNull();
    expect(await panel.isHidden()).toBe(true);
    await context.close();
  }, 120_000);

  it('on a phone the panel is a bottom sheet inside the map, above the credits, and 360 px has no sideways scroll', async () => {
    for (const viewport of [{ width: 390, height: 844 }, { width: 360, height: 740 }]) {
      const { page, context } = await openPage(browser, `${baseUrl}index.html?from=2021-03-01&to=2021-03-31&area=border&choropleth=deaths`, viewport);
      await waitForMapReady(page);
      const panel = page.locator('[data-testid="area-panel"]');
      await panel.waitFor({ state: 'visible' });
      const box = (await panel.boundingBox())!;
      const map = (await page.locator('#map').boundingBox())!;
      expect(Math.round(box.x)).toBe(Math.round(map.x));
      expect(Math.round(box.width)).toBe(Math.round(map.width));
      const credits = (await page.locator('.maplibregl-ctrl-attrib').boundingBox())!;
      expect(Math.abs(box.y + box.height - credits.y)).toBeLessThan(12);
      expect(box.y + box.height).toBeLessThanOrEqual(credits.y + 0.5);
      expect(box.y + box.height / 2).toBeGreaterThan(map.y + map.height / 2);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await page.screenshot({ path: screenshotPath(`places-border-${viewport.width}x${viewport.height}`) });
      await context.close();
    }
  }, 120_000);
});


describe('axe-core finds no critical or serious violation with the area panel and the choropleth open', () => {
  for (const lang of ['en', 'fr'])
    for (const dark of [false, true])
      it(`lang=${lang} ${dark ? 'dark' : 'light'}`, async () => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, colorScheme: dark ? 'dark' : 'light', reducedMotion: 'reduce' });
        const page = await context.newPage();
        await page.goto(`${baseUrl}index.html?lang=${lang}&dark=${dark}&from=2021-03-01&to=2021-04-30&area=border&choropleth=deaths`);
        await waitForMapReady(page);
        await page.locator('[data-testid="area-panel"]').waitFor({ state: 'visible' });
        // The picker's list open too.
        await page.locator('[data-testid="area-picker"]').focus();
        await page.keyboard.press('ArrowDown');
        expect(await seriousViolations(page)).toEqual([]);
        await context.close();
      }, 120_000);
});
