import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { csvParse } from 'd3-dsv';
import { syntheticUcdpGlobalRows } from '../bench/app/ucdpSynthetic';
import { launchChromium, openPage, screenshotPath, waitForMapReady } from './chromium';

const baseUrl = inject('baseUrl');
let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await launchChromium();
  dir = mkdtempSync(join(tmpdir(), 'sahel-large-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a hostile large file (production build)', () => {
  it('a 200 MB CSV that is one line without a newline gets a file-level error that quotes little, and the tab keeps working', async () => {
    const path = join(dir, 'one-line.csv');
    // 100 million "a," pairs: one record of 100 million fields, no newline anywhere.
    writeFileSync(path, Buffer.alloc(200_000_000, 'a,'));
    const { page, context, problems } = await openPage(browser, baseUrl);
    await waitForMapReady(page);
    const before = await page.locator('[data-testid="status"]').textContent();
    // The page's long tasks while the file is read, reported (not asserted: speed is for the bench).
    await page.evaluate(() => {
      const tasks: number[] = [];
      Object.defineProperty(window, '__longTasks', { value: tasks });
      new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration))).observe({ type: 'longtask', buffered: false });
    });
    await page.getByTestId('import-file').setInputFiles(path);
    const error = page.getByTestId('import-file-error');
    await error.waitFor({ timeout: 120_000 });
    const text = (await error.textContent()) ?? '';
    expect(text).toMatch(/one-line\.csv/);
    expect(text).toMatch(/2,000 fields/);
    // The message quotes a few hundred characters at most, never the 200 MB line.
    expect(text.length).toBeLessThan(800);
    expect(await page.getByTestId('import-status').textContent()).toBe('The map is unchanged.');
    expect(await page.locator('[data-testid="status"]').textContent()).toBe(before);
    // The tab did not crash: it still answers and the map still draws.
    expect(await page.evaluate(() => document.querySelectorAll('#map canvas').length)).toBeGreaterThan(0);
    expect(problems.filter((p) => /crash|out of memory/i.test(p))).toEqual([]);
    const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { __longTasks: number[] }).__longTasks));
    console.log(`200 MB one-line file: longest main-thread task while it was read ${Math.round(longest)} ms`);
    await page.screenshot({ path: screenshotPath('import-one-line-200mb-1280x800') });
    await context.close();
  });

  it('a 200,000-row UCDP file is drawn, counted as an independent count says, and a click on a marker opens its card with its sources, fetched from the worker on demand', async () => {
    const path = join(dir, 'ucdp-200k.csv');
    const text = [...syntheticUcdpGlobalRows(200_000, 3)].join('\n');
    writeFileSync(path, text);
    // The independent count: d3-dsv's parser, not ours, over the same text, for one week.
    const from = '2020-03-01';
    const to = '2020-03-07';
    const rows = csvParse(text).filter((r) => r.date_start! >= from && r.date_start! <= to);
    const deaths = rows.reduce((sum, r) => sum + Number(r.best), 0);
    const { page, context, problems } = await openPage(browser, `${baseUrl}?from=${from}&to=${to}&hidden=stories,ucdp`);
    await waitForMapReady(page);
    await page.getByTestId('import-file').setInputFiles(path);
    await expect.poll(() => page.getByTestId('import-status').textContent(), { timeout: 240_000, interval: 500 }).toMatch(/^Added 200,000 incidents as the layer “ucdp-200k\.csv”/);
    const n = (x: number) => x.toLocaleString('en-US');
    await expect.poll(() => page.locator('[data-testid="status"]').textContent(), { timeout: 20_000 }).toContain(`${n(rows.length)} incidents · ${n(deaths)} deaths`);
    await page.getByTestId('import-close').click();

    // The deadliest event of the week, clicked where it is drawn: its card (or its stack's) names its sources.
    const target = rows.reduce((a, b) => (Number(b.best) > Number(a.best) ? b : a));
    const p = await page.evaluate((ll) => (window as unknown as { sahelIncidentMap: { map: { project(ll: [number, number]): { x: number; y: number } } } }).sahelIncidentMap.map.project(ll), [Number(target.longitude), Number(target.latitude)] as [number, number]);
    const box = (await page.locator('#map canvas').boundingBox())!;
    // A large import's summaries and sources stay in the worker: a card first says it is fetching
    // them (the line is drawn only for a table without them), then shows them.
    await page.evaluate(() => {
      const seen = { loading: 0 };
      Object.defineProperty(window, '__cardLoading', { value: seen });
      new MutationObserver((records) => {
        for (const r of records) for (const node of r.addedNodes) if (node instanceof HTMLElement && (node.matches('.incident-card-loading') || node.querySelector('.incident-card-loading'))) seen.loading++;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.mouse.click(box.x + p.x, box.y + p.y);
    const popup = page.locator('.maplibregl-popup.incident-popup:not(.hover)');
    await popup.waitFor({ timeout: 20_000 });
    const stacked = page.getByTestId('incident-stack-item');
    if ((await stacked.count()) > 0) await stacked.first().click();
    await expect.poll(() => popup.locator('.incident-card-sources li').first().textContent(), { timeout: 20_000 }).toMatch(/killed in attack near village \d+/);
    expect(await popup.locator('.incident-card-loading').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __cardLoading: { loading: number } }).__cardLoading.loading)).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('import-ucdp-200k-1280x800') });
    expect(problems).toEqual([]);
    await context.close();
  }, 400_000);
});
