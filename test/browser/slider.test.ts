import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openPage, screenshotPath, waitForMapReady } from './chromium';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

type Win = { from: string; to: string };

async function windowOf(page: Page): Promise<Win> {
  return page.evaluate(() => {
    const s = (window as unknown as { sahelIncidentMap: { store: { get(): { from: Date; to: Date } } } }).sahelIncidentMap.store.get();
    return { from: s.from.toISOString().slice(0, 10), to: s.to.toISOString().slice(0, 10) };
  });
}

const days = (w: Win) => Math.round((Date.parse(w.to) - Date.parse(w.from)) / 86_400_000);

/** Centre of a test id's box in page pixels. */
async function centre(page: Page, testId: string): Promise<{ x: number; y: number }> {
  const box = (await page.locator(`[data-testid="${testId}"]`).boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function mouseDrag(page: Page, from: { x: number; y: number }, dx: number): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + (dx * i) / 10, from.y);
  await page.mouse.up();
}

/** A one-finger drag through the DevTools protocol, as a phone sends it (pointer events of type touch). */
async function touchDrag(page: Page, from: { x: number; y: number }, dx: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from.x, y: from.y }] });
  for (let i = 1; i <= 10; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: from.x + (dx * i) / 10, y: from.y }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

describe('the time slider, for mice and thumbs (production build)', () => {
  it('at 1,280 px a mouse drag from the middle of the default 35-day window moves it; a drag on a handle resizes only that end', async () => {
    const { page, context, problems } = await openPage(browser, baseUrl);
    await waitForMapReady(page);
    const before = await windowOf(page);
    expect(days(before)).toBe(35);
    const handles = await Promise.all(['handle-start', 'brush', 'handle-end'].map((id) => page.locator(`[data-testid="${id}"]`).boundingBox()));
    for (const id of [0, 2]) expect(handles[id]!.width).toBeGreaterThanOrEqual(44);
    expect(handles[0]!.x + handles[0]!.width).toBeLessThanOrEqual(handles[2]!.x);
    await mouseDrag(page, await centre(page, 'brush'), 60);
    const moved = await windowOf(page);
    expect(days(moved)).toBe(35);
    expect(Date.parse(moved.from)).toBeGreaterThan(Date.parse(before.from));
    await mouseDrag(page, await centre(page, 'handle-start'), -40);
    const resized = await windowOf(page);
    expect(resized.to).toBe(moved.to);
    expect(Date.parse(resized.from)).toBeLessThan(Date.parse(moved.from));
    await mouseDrag(page, await centre(page, 'handle-end'), 40);
    const longer = await windowOf(page);
    expect(longer.from).toBe(resized.from);
    expect(Date.parse(longer.to)).toBeGreaterThan(Date.parse(resized.to));
    await page.screenshot({ path: screenshotPath('slider-1280x800') });
    expect(problems).toEqual([]);
    await context.close();
  });

  for (const viewport of [
    { width: 390, height: 844 },
    { width: 360, height: 640 },
  ]) {
    it(`at ${viewport.width}×${viewport.height} a finger moves the window by its middle and resizes it by each handle; nothing scrolls sideways`, async () => {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1, hasTouch: true, isMobile: true });
      const page = await context.newPage();
      await page.goto(baseUrl);
      await waitForMapReady(page);
      const before = await windowOf(page);
      await touchDrag(page, await centre(page, 'brush'), 30);
      const moved = await windowOf(page);
      expect(days(moved)).toBe(days(before));
      expect(Date.parse(moved.from)).toBeGreaterThan(Date.parse(before.from));
      await touchDrag(page, await centre(page, 'handle-start'), -20);
      const resized = await windowOf(page);
      expect(resized.to).toBe(moved.to);
      expect(Date.parse(resized.from)).toBeLessThan(Date.parse(moved.from));
      await touchDrag(page, await centre(page, 'handle-end'), 20);
      const longer = await windowOf(page);
      expect(longer.from).toBe(resized.from);
      expect(Date.parse(longer.to)).toBeGreaterThan(Date.parse(resized.to));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBe(0);
      await page.screenshot({ path: screenshotPath(`slider-${viewport.width}x${viewport.height}`) });
      await context.close();
    });
  }
});
