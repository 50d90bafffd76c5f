import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { syntheticAcledCsv } from '../bench/import/synthetic';
import { launchChromium, openPage, screenshotPath, waitForMapReady } from './chromium';

const baseUrl = inject('baseUrl');
const FIXTURES = resolve(import.meta.dirname, '../fixtures');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function statusText(page: Page): Promise<string> {
  return (await page.locator('[role="status"][data-testid="status"]').textContent()) ?? '';
}

/** "1 Aug 2020 – 31 Mar 2021 · 1,234 incidents · 5,678 deaths" → [1234, 5678]. */
function totals(status: string): [number, number] {
  const number = (re: RegExp) => Number((re.exec(status)?.[1] ?? 'NaN').replace(/,/g, ''));
  return [number(/([\d,]+) incidents?/), number(/([\d,]+) deaths?/)];
}

/** Drops a file on the page the way a browser does: dragenter, dragover, drop with a DataTransfer holding it. */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(
    ({ name, text }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'text/csv' }));
      const target = document.querySelector('#map canvas') ?? document.body;
      for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    },
    { name, text },
  );
}

type Handle = { sahelIncidentMap: { map: { project(ll: [number, number]): { x: number; y: number } } } };

describe('bring your own data (production build, Debian Chromium)', () => {
  it('a dropped ACLED file shows a progress bar, then the report; once attributed its events are on the map and in the totals', async () => {
    // Stories hidden, so a click at Kouré picks the imported layer rather than the story callout there.
    const { page, context, problems } = await openPage(browser, `${baseUrl}?from=2020-08-01&to=2021-03-31&hidden=stories`);
    await waitForMapReady(page);
    const before = totals(await statusText(page));
    expect(before[0]).toBeGreaterThan(100);

    // A 120,000-row synthetic export (about 40 MB), dropped: the bar is seen while the worker reads it.
    await dropFile(page, '2018-01-01-2023-12-31-Niger.csv', syntheticAcledCsv(120_000, 7));
    const progress = page.getByTestId('import-progress');
    await progress.waitFor({ state: 'visible', timeout: 10_000 });
    await expect.poll(() => page.getByTestId('import-progress-text').textContent(), { timeout: 20_000 }).toMatch(/MB of \d+(\.\d)? MB · [\d,]+ rows/);
    await page.screenshot({ path: screenshotPath('import-progress-1280x800') });
    await page.getByTestId('acled-form').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-rows-read').textContent()).toBe('120,000');
    expect(await page.getByTestId('acled-filters').inputValue()).toBe('2018-01-01 to 2023-12-31; Niger');
    // Closed without confirming the attribution: an ACLED file is not added, the totals stay.
    await page.getByTestId('import-close').click();
    expect(totals(await statusText(page))).toEqual(before);
    // Dropped again and cancelled while it is read: the worker stops, the map is unchanged.
    await dropFile(page, 'again.csv', syntheticAcledCsv(120_000, 8));
    await progress.waitFor({ state: 'visible', timeout: 10_000 });
    await page.getByTestId('import-cancel').click();
    expect(await page.getByTestId('import-status').textContent()).toBe('Import of again.csv cancelled. The map is unchanged.');
    expect(totals(await statusText(page))).toEqual(before);

    // The 2023-layout fixture through the picker: 12 events, 380 deaths, all inside the window.
    await page.getByTestId('import-file').setInputFiles(resolve(FIXTURES, 'acled-2023-layout.csv'));
    await page.getByTestId('acled-form').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('import-accepted').textContent()).toBe('12');
    expect(await page.getByTestId('import-rejected').textContent()).toBe('0');
    expect(await page.getByTestId('import-deaths').textContent()).toBe('380');
    await page.getByTestId('acled-accessed').fill('2024-05-02');
    await page.getByTestId('acled-filters').fill('Niger, Mali <img src=x onerror=alert(1)>');
    await page.screenshot({ path: screenshotPath('import-acled-form-1280x800') });
    await page.getByTestId('acled-add').click();
    await expect.poll(() => page.getByTestId('import-status').textContent()).toMatch(/^Added 12 incidents as the layer “acled-2023-layout\.csv”/);

    // In the status line: one figure per counted dataset, never their sum (issue 14).
    const n = (x: number) => x.toLocaleString('en-US');
    await expect.poll(() => statusText(page)).toMatch(new RegExp(`· UCDP GED: ${n(before[0])} incidents · ${n(before[1])} deaths \\| acled-2023-layout\\.csv: 12 · 380$`));
    const shown = await statusText(page);
    expect(shown).not.toContain(n(before[0] + 12));
    expect(shown).not.toContain(n(before[1] + 380));
    // The attribution, as text: the typed markup is not an element.
    const attribution = page.getByTestId('dataset-attribution');
    expect(await attribution.textContent()).toBe('Data: ACLED, accessed 2024-05-02; filters: Niger, Mali <img src=x onerror=alert(1)>');
    expect(await attribution.locator('img').count()).toBe(0);
    // On the map: a click on Kouré opens the imported event's card.
    await page.getByTestId('import-close').click();
    const p = await page.evaluate((ll) => (window as unknown as Handle).sahelIncidentMap.map.project(ll), [2.5758, 13.3108] as [number, number]);
    const box = (await page.locator('#map canvas').boundingBox())!;
    await page.mouse.click(box.x + p.x, box.y + p.y);
    const popup = page.locator('.maplibregl-popup.incident-popup:not(.hover)');
    await popup.waitFor();
    expect(await popup.textContent()).toContain('acled-2023-layout.csv');
    // The summary and sources come from the import worker, which kept them: the card shows a loading line until then.
    await expect.poll(() => popup.textContent()).toContain('NYK Daily (AFP)');
    expect(await popup.textContent()).not.toContain('Loading the summary and sources');
    await page.screenshot({ path: screenshotPath('import-on-map-1280x800') });
    // The new layer is listed with the others and can be hidden.
    expect(await page.locator('.filters-host').textContent()).toContain('acled-2023-layout.csv');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a broken file is reported row by row and the full report downloads as CSV; a fully rejected file leaves the map as it was', async () => {
    const { page, context } = await openPage(browser, `${baseUrl}?from=2021-03-01&to=2021-03-31`);
    await waitForMapReady(page);
    const before = await statusText(page);
    await page.getByTestId('import-file').setInputFiles(resolve(FIXTURES, 'acled-broken.csv'));
    await page.getByTestId('acled-form').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('import-rejected').textContent()).toBe('5');
    const errors = page.getByTestId('import-errors').locator('li');
    expect(await errors.count()).toBe(5);
    expect(await errors.first().textContent()).toMatch(/^Row 3 · latitude The latitude is missing/);
    await page.screenshot({ path: screenshotPath('import-report-1280x800') });
    await page.getByTestId('import-errors').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('import-report-errors-1280x800') });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-download').click()]);
    expect(download.suggestedFilename()).toBe('acled-broken-report.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\n')[0]).toBe('severity,row,field,value,message');
    expect(csv).toContain('error,4,event_date,3/21/2021,');

    // Header only: a file-level error, nothing added, the totals unchanged.
    await page.getByTestId('import-file').setInputFiles({ name: 'empty-export.csv', mimeType: 'text/csv', buffer: Buffer.from('event_id_cnty,event_date,event_type,latitude,longitude\r\n') });
    await page.getByTestId('import-file-error').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('import-file-error').textContent()).toMatch(/^empty-export\.csv has a header but no data rows/);
    expect(await page.getByTestId('import-status').textContent()).toBe('The map is unchanged.');
    expect(await statusText(page)).toBe(before);
    await context.close();
  });

  it('fits a phone: the report is a bottom sheet within the screen (390×844)', async () => {
    const { page, context } = await openPage(browser, `${baseUrl}?from=2021-03-01&to=2021-03-31`, { width: 390, height: 844 });
    await waitForMapReady(page);
    await page.getByTestId('import-file').setInputFiles(resolve(FIXTURES, 'acled-broken.csv'));
    await page.getByTestId('acled-form').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: screenshotPath('import-report-390x844') });
    await page.getByTestId('import-errors').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('import-report-errors-390x844') });
    const panel = (await page.getByTestId('import-panel').boundingBox())!;
    expect(panel.x).toBeGreaterThanOrEqual(0);
    expect(panel.x + panel.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('?data= loads a file of the same origin, and refuses another origin without requesting it', async () => {
    const { page, context, requests } = await openPage(browser, `${baseUrl}?data=data/stories/incidents-sources.csv`);
    await waitForMapReady(page);
    await expect.poll(() => page.getByTestId('import-status').textContent(), { timeout: 20_000 }).toMatch(/^Added 54 incidents as the layer “incidents-sources\.csv”, drawn as story events/);
    await context.close();
    const other = await openPage(browser, `${baseUrl}?data=${encodeURIComponent('https://example.org/events.csv')}`);
    await waitForMapReady(other.page);
    expect(await other.page.getByTestId('import-status').textContent()).toMatch(/^Not loading https:\/\/example\.org\/events\.csv/);
    expect(other.requests.filter((u) => new URL(u).hostname === 'example.org')).toEqual([]);
    expect(requests.some((u) => u.endsWith('incidents-sources.csv'))).toBe(true);
    await other.context.close();
  });
});
