import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { csvParse, csvParseRows } from 'd3-dsv';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readIncidents } from '../../scripts/checkDataCompare';
import { formatDay } from '../../src/data/calendarDay';
import { matchIncidents } from '../../src/data/matchIncidents';
import type { Incident } from '../../src/types';
import { launchChromium, openPage, screenshotPath, waitForMapReady } from './chromium';
import { seriousViolations } from './axe';

const baseUrl = inject('baseUrl');
const FIXTURE = resolve(import.meta.dirname, '../fixtures/acled-2020-layout.csv');
const UCDP = resolve(import.meta.dirname, '../../public/data/ucdp/ucdp-ged-sahel.csv');
const FROM = '2019-01-01';
const TO = '2020-05-31';
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

type Handle = { sahelIncidentMap: { store: { set(p: object, s: string): void; get(): { matching: boolean } } } };

/** Imports the ACLED fixture through the picker, with an access date, and closes the report. */
async function importFixture(page: Page): Promise<void> {
  await page.getByTestId('import-file').setInputFiles(FIXTURE);
  await page.getByTestId('acled-form').waitFor({ timeout: 20_000 });
  await page.getByTestId('acled-accessed').fill('2024-05-02');
  await page.getByTestId('acled-add').click();
  await page.getByTestId('import-close').click();
}

/** The figures the match card shows, as numbers. */
async function matchFigures(page: Page): Promise<Record<string, number>> {
  await page.getByTestId('match-pairs').waitFor({ timeout: 30_000 });
  const out: Record<string, number> = {};
  for (const id of ['match-pairs', 'match-only-a', 'match-only-b', 'match-deaths-a', 'match-deaths-b']) {
    out[id] = Number(((await page.getByTestId(id).textContent()) ?? '').replace(/[^\d]/g, ''));
  }
  return out;
}

/**
 * The test's own count: both files read in Node and matched with the pure matcher in file order
 * (the page matches in its time index's order, in a worker), then the window applied here, by
 * date string, not by the app's derived view. A pair counts when either side is in the window.
 */
async function expectedFigures(): Promise<{ figures: Record<string, number>; pairs: Map<string, string>; a: Incident[]; b: Incident[] }> {
  const [a, b] = await Promise.all([readIncidents(UCDP), readIncidents(FIXTURE)]);
  const result = matchIncidents(a, b);
  const inWindow = (i: Incident) => formatDay(i.dateStart) >= FROM && formatDay(i.dateStart) <= TO;
  const paired = new Set<number>();
  const pairedB = new Set<number>();
  const pairs = new Map<string, string>();
  let matched = 0, deathsA = 0, deathsB = 0;
  for (let p = 0; p < result.pairs.a.length; p++) {
    const x = a[result.pairs.a[p]], y = b[result.pairs.b[p]];
    paired.add(result.pairs.a[p]);
    pairedB.add(result.pairs.b[p]);
    pairs.set(x.id, y.id);
    if (!inWindow(x) && !inWindow(y)) continue;
    matched++;
    deathsA += x.deathsBest;
    deathsB += y.deathsBest;
  }
  const onlyA = a.filter((i, k) => inWindow(i) && !paired.has(k)).length;
  const onlyB = b.filter((i, k) => inWindow(i) && !pairedB.has(k)).length;
  return { figures: { 'match-pairs': matched, 'match-only-a': onlyA, 'match-only-b': onlyB, 'match-deaths-a': deathsA, 'match-deaths-b': deathsB }, pairs, a, b };
}


/** A screenshot of the map's canvas, for a before/after comparison of what the layers draw (no focus ring or hover over it). */
async function mapPixels(page: Page): Promise<Buffer> {
  await page.mouse.move(640, 10);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await waitForMapReady(page);
  return page.locator('#map canvas').screenshot();
}

describe('matching two datasets (production build, Debian Chromium)', () => {
  it('an imported ACLED file is matched with UCDP in a worker: summary, toggle, side-by-side popup and match table agree with an independent count', async () => {
    const { page, context, problems } = await openPage(browser, `${baseUrl}?from=${FROM}&to=${TO}&hidden=stories`);
    await waitForMapReady(page);
    const expected = await expectedFigures();

    // A pair checked by hand in both source files: UCDP 321261 and ACLED BFO9009 are the Arbinda
    // massacre of civilians of 24 December 2019 (35 deaths in both, a few hundred metres apart).
    const ucdpRow = csvParse(readFileSync(UCDP, 'utf8')).find((r) => r.id === '321261')!;
    const acledRow = csvParse(readFileSync(FIXTURE, 'utf8')).find((r) => r.event_id_cnty === 'BFO9009')!;
    expect(ucdpRow.date_start.slice(0, 10)).toBe('12/24/2019');
    expect(acledRow.event_date).toBe('24 December 2019');
    expect(ucdpRow.type_of_violence).toBe('3');
    expect(acledRow.event_type).toBe('Violence against civilians');
    expect(Math.abs(Number(ucdpRow.latitude) - Number(acledRow.latitude))).toBeLessThan(0.01);
    expect(Math.abs(Number(ucdpRow.longitude) - Number(acledRow.longitude))).toBeLessThan(0.01);
    expect(acledRow.fatalities).toBe('35');
    expect(expected.pairs.get('321261')).toBe('BFO9009');

    await importFixture(page);
    // The card shows a loading line while the worker runs, then the figures.
    const figures = await matchFigures(page);
    expect(figures).toEqual(expected.figures);
    expect(figures['match-pairs']).toBeGreaterThan(0);
    const card = (await page.getByTestId('match-panel').textContent()) ?? '';
    expect(card).toContain('Only in UCDP GED');
    expect(card).toContain('Only in acled-2020-layout.csv');
    // No element shows a sum of the two sides' deaths.
    expect(card).not.toContain(String(figures['match-deaths-a'] + figures['match-deaths-b']));
    await page.screenshot({ path: screenshotPath('match-summary-1280x800') });
    expect(await seriousViolations(page, ['[data-testid="match-panel"]'])).toEqual([]);

    // The toggle: into the state and the URL, the legend's key appears, the layers draw differently.
    const before = await mapPixels(page);
    expect(await page.getByTestId('legend-match').count()).toBe(0);
    await page.getByTestId('match-toggle').check();
    expect(await page.evaluate(() => (window as unknown as Handle).sahelIncidentMap.store.get().matching)).toBe(true);
    await expect.poll(() => page.url(), { timeout: 5_000 }).toContain('match=on');
    expect(await page.getByTestId('legend-match').textContent()).toContain('Only in acled-2020-layout.csv');
    await waitForMapReady(page);
    const after = await mapPixels(page);
    expect(after.equals(before)).toBe(false);
    await page.getByTestId('match-toggle').uncheck();
    await waitForMapReady(page);
    expect((await mapPixels(page)).equals(before)).toBe(true);
    await page.getByTestId('match-toggle').check();

    // The hand-checked pair's popup, from each side: both events side by side.
    const popup = page.locator('.maplibregl-popup.incident-popup:not(.hover)');
    await page.evaluate(() => (window as unknown as Handle).sahelIncidentMap.store.set({ selection: 'ucdp:321261' }, 'ui'));
    await popup.getByTestId('incident-match').waitFor({ timeout: 10_000 });
    expect(await popup.getByTestId('incident-match').getAttribute('data-matched')).toBe('true');
    const cells = async (row: string) => popup.getByTestId(row).locator('td').allTextContents();
    expect(await cells('match-date')).toEqual(['24 Dec 2019', '24 Dec 2019']);
    expect((await cells('match-place'))[1]).toBe('Arbinda, Sahel');
    expect((await cells('match-deaths'))[1]).toBe('35');
    expect(await popup.locator('th[scope="col"]').allTextContents()).toEqual(['UCDP GED', 'acled-2020-layout.csv']);
    await page.screenshot({ path: screenshotPath('match-popup-1280x800') });
    expect(await seriousViolations(page, ['.maplibregl-popup', '[data-testid="match-panel"]'])).toEqual([]);
    await page.evaluate(() => (window as unknown as Handle).sahelIncidentMap.store.set({ selection: 'user-1:BFO9009' }, 'ui'));
    await expect.poll(async () => (await cells('match-place'))[0], { timeout: 10_000 }).toBe('Arbinda, Sahel');
    expect(await popup.locator('th[scope="col"]').allTextContents()).toEqual(['acled-2020-layout.csv', 'UCDP GED']);
    await page.keyboard.press('Escape');

    // The match table of the view: a row per pair and per lone event, with both licences.
    await page.getByTestId('download-menu').click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-match-csv').click()]);
    const csv = readFileSync((await file.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csvParseRows(csv.slice(1));
    const preamble = lines.filter((r) => r[0]?.startsWith('#')).map((r) => r.join(','));
    expect(preamble.some((r) => r.startsWith('# view') && r.includes('match=on') && r.includes(`from=${FROM}`))).toBe(true);
    expect(preamble.some((r) => r.startsWith('# dataset,UCDP GED,CC BY 4.0'))).toBe(true);
    expect(preamble.some((r) => r.startsWith('# dataset,acled-2020-layout.csv,ACLED terms of use'))).toBe(true);
    expect(preamble.some((r) => r.startsWith('# credit') && r.includes('accessed 2024-05-02'))).toBe(true);
    const [header, ...rows] = lines.filter((r) => !r[0]?.startsWith('#'));
    const col = (name: string) => header.indexOf(name);
    expect(rows.filter((r) => r[col('match')] === 'pair')).toHaveLength(expected.figures['match-pairs']);
    expect(rows.filter((r) => r[col('match')] === 'only A')).toHaveLength(expected.figures['match-only-a']);
    expect(rows.filter((r) => r[col('match')] === 'only B')).toHaveLength(expected.figures['match-only-b']);
    const tablePairs = new Map(rows.filter((r) => r[col('match')] === 'pair').map((r) => [r[col('a_id')], r[col('b_id')]]));
    expect(tablePairs.get('321261')).toBe('BFO9009');
    for (const [ucdpId, acledId] of tablePairs) expect(expected.pairs.get(ucdpId)).toBe(acledId);
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);

  it('in French and on a phone: the card, the key and the popup are French, and axe finds nothing critical or serious', async () => {
    const { page, context } = await openPage(browser, `${baseUrl}?from=${FROM}&to=${TO}&hidden=stories&lang=fr&match=on`, { width: 390, height: 844 });
    await waitForMapReady(page);
    await importFixture(page);
    // On a phone the match card is in the folded side column.
    await page.getByTestId('side-toggle').click();
    await page.locator('.match-panel summary').click();
    await page.getByTestId('match-pairs').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('match-panel').textContent()).toContain('Paires appariées');
    expect(await page.getByTestId('match-toggle').isChecked()).toBe(true);
    expect(await page.getByTestId('legend-match').textContent()).toContain('Seulement dans acled-2020-layout.csv');
    expect(await seriousViolations(page, ['[data-testid="match-panel"]'])).toEqual([]);
    await page.evaluate(() => (window as unknown as Handle).sahelIncidentMap.store.set({ selection: 'ucdp:321261' }, 'ui'));
    const popup = page.locator('.maplibregl-popup.incident-popup:not(.hover)');
    await popup.getByTestId('incident-match').waitFor({ timeout: 10_000 });
    expect(await popup.getByTestId('incident-match').textContent()).toContain('Même événement dans acled-2020-layout.csv');
    // The bottom sheet stays within the screen.
    const box = (await popup.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: screenshotPath('match-popup-fr-390x844') });
    expect(await seriousViolations(page, ['.maplibregl-popup'])).toEqual([]);
    await context.close();
  }, 180_000);

  it('a ?data= import keeps its counted and shown state through the URL: hidden=user-1 hides it, match=on is kept, showing it again matches', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.route('**/fixtures/acled-2020-layout.csv', (route) => route.fulfill({ body: readFileSync(FIXTURE, 'utf8'), contentType: 'text/csv' }).catch(() => undefined));
    await page.goto(`${baseUrl}?from=${FROM}&to=${TO}&hidden=stories,user-1&match=on&data=fixtures/acled-2020-layout.csv`);
    await waitForMapReady(page);
    await page.getByTestId('acled-form').waitFor({ timeout: 20_000 });
    await page.getByTestId('acled-accessed').fill('2024-05-02');
    await page.getByTestId('acled-add').click();
    await page.getByTestId('import-close').click();
    // Hidden by the link: one counted dataset shown, so one figure in the status line and no match figures.
    await expect.poll(() => page.getByTestId('match-status').textContent(), { timeout: 30_000 }).toBe('Show both datasets to see their matches.');
    expect(await page.getByTestId('status').textContent()).not.toContain('acled-2020-layout.csv');
    expect(await page.getByTestId('match-toggle').isChecked()).toBe(true);
    await page.getByTestId('filter-panel').locator('summary').click();
    await page.getByTestId('filter-dataset-user-1').check();
    await expect.poll(() => page.url(), { timeout: 5_000 }).toMatch(/hidden=stories(&|$)/);
    expect(page.url()).toContain('match=on');
    await page.locator('.match-panel summary').click();
    expect((await matchFigures(page))['match-pairs']).toBe((await expectedFigures()).figures['match-pairs']);
    await context.close();
  }, 180_000);
});
