import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
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
});
