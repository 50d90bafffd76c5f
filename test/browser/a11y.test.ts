import { createRequire } from 'node:module';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, screenshotPath, waitForMapReady } from './chromium';

const baseUrl = inject('baseUrl');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface Violation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

/** axe-core (the npm package) injected into the page and its frames; the critical and serious violations, named. */
async function seriousViolations(page: Page): Promise<string[]> {
  for (const frame of page.frames()) await frame.addScriptTag({ path: AXE }).catch(() => undefined);
  const run = (target: Page | Frame) =>
    target.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Violation[] }> } }).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
  const found: string[] = [];
  for (const frame of page.frames()) found.push(...(await run(frame).catch(() => [])).map((v) => (frame === page.mainFrame() ? v : `[frame] ${v}`)));
  return found;
}

async function openMapPage(path: string, viewport: { width: number; height: number }, dark: boolean): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, colorScheme: dark ? 'dark' : 'light', reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(new URL(path, baseUrl).href);
  if (path.startsWith('examples/')) {
    const frame = await (await page.waitForSelector('iframe', { timeout: 45_000 })).contentFrame();
    await frame!.waitForSelector('#map[data-ready="true"]', { state: 'attached', timeout: 45_000 });
  } else await waitForMapReady(page);
  return { page, close: () => context.close() };
}

/** Opens the Tahoua attack's popup through the store (as a link would), in the page or the article's frame. */
async function openPopup(page: Page): Promise<void> {
  const target = page.frames().find((f) => f.url().includes('embed.html')) ?? page.mainFrame();
  await target.evaluate(() => {
    const handle = (window as unknown as { sahelIncidentMap: { store: { set(p: object, s: string): void } } }).sahelIncidentMap;
    handle.store.set({ from: new Date(Date.UTC(2021, 2, 21)), to: new Date(Date.UTC(2021, 2, 21)), selection: 'stories:CS022' }, 'ui');
  });
  await target.waitForSelector('.maplibregl-popup.incident-popup:not(.hover)', { timeout: 10_000 });
}

const PAGES = ['index.html', 'embed.html', 'examples/article.html'];
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

describe('axe-core finds no critical or serious violation (production build)', () => {
  const counts: string[] = [];
  afterAll(() => console.log(`axe critical+serious counts:\n${counts.join('\n')}`));
  for (const path of PAGES)
    for (const lang of ['en', 'fr'])
      for (const dark of [false, true])
        for (const viewport of VIEWPORTS) {
          const name = `${path} lang=${lang} ${dark ? 'dark' : 'light'} ${viewport.width}×${viewport.height}`;
          it(`${name}, with a popup closed and open`, async () => {
            const query = `${path.includes('?') ? '&' : '?'}lang=${lang}&dark=${dark ? 'true' : 'false'}`;
            const { page, close } = await openMapPage(`${path}${query}`, viewport, dark);
            const closed = await seriousViolations(page);
            await openPopup(page);
            const open = await seriousViolations(page);
            counts.push(`${name}: ${closed.length} closed, ${open.length} open`);
            if (viewport.width === 390 && path === 'index.html') await page.screenshot({ path: screenshotPath(`a11y-${lang}-${dark ? 'dark' : 'light'}-390x844-popup`) });
            await close();
            expect({ closed, open }).toEqual({ closed: [], open: [] });
          });
        }
});

describe('a keyboard-only walk (production build)', () => {
  it('tabs to the slider, moves and resizes the window, plays and pauses, opens the Tahoua attack from the list with Enter, and Escape brings the focus back', async () => {
    const { page, close } = await openMapPage('index.html?from=2021-03-01&to=2021-03-31', { width: 1280, height: 800 }, false);
    const status = () => page.locator('[data-testid="status"]').textContent();
    const focusedTestId = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset?.testid ?? document.activeElement?.getAttribute('class') ?? '');
    const storeWindow = () =>
      page.evaluate(() => {
        const s = (window as unknown as { sahelIncidentMap: { store: { get(): { from: Date; to: Date; playing: boolean; selection: string | null } } } }).sahelIncidentMap.store.get();
        return { from: s.from.toISOString().slice(0, 10), to: s.to.toISOString().slice(0, 10), playing: s.playing, selection: s.selection };
      });
    // Tab until the window itself has the focus: every stop on the way is a real control.
    let stops = 0;
    while ((await focusedTestId()) !== 'brush' && stops < 60) {
      await page.keyboard.press('Tab');
      stops++;
    }
    expect(await focusedTestId()).toBe('brush');
    const before = await status();
    await page.keyboard.press('ArrowRight');
    expect(await storeWindow()).toMatchObject({ from: '2021-03-02', to: '2021-04-01' });
    expect(await status()).not.toBe(before);
    // Shift+Tab to the start handle, Tab past the window to the end handle: resize each end.
    await page.keyboard.press('Shift+Tab');
    expect(await focusedTestId()).toBe('handle-start');
    await page.keyboard.press('PageUp');
    expect(await storeWindow()).toMatchObject({ from: '2021-04-01', to: '2021-04-01' });
    await page.keyboard.press('PageDown');
    expect(await storeWindow()).toMatchObject({ from: '2021-03-01', to: '2021-04-01' });
    await page.keyboard.press('Tab');
    expect(await focusedTestId()).toBe('brush');
    await page.keyboard.press('Tab');
    expect(await focusedTestId()).toBe('handle-end');
    await page.keyboard.press('ArrowLeft');
    expect(await storeWindow()).toMatchObject({ from: '2021-03-01', to: '2021-03-31' });
    // Play and pause from the keyboard.
    while ((await focusedTestId()) !== 'play') await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect((await storeWindow()).playing).toBe(true);
    await page.keyboard.press('Enter');
    expect((await storeWindow()).playing).toBe(false);
    // Back to the start of the window's month, then to the incident list (Shift+Tab goes back up the page).
    await page.evaluate(() => {
      (window as unknown as { sahelIncidentMap: { store: { set(p: object, s: string): void } } }).sahelIncidentMap.store.set({ from: new Date(Date.UTC(2021, 2, 21)), to: new Date(Date.UTC(2021, 2, 21)) }, 'ui');
    });
    await page.focus('[data-testid="incident-list"] summary');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab'); // the sort select
    await page.keyboard.press('Tab'); // the rows
    expect(await focusedTestId()).toBe('incident-list-rows');
    await expect.poll(() => page.locator('[data-testid="incident-list-rows"] [role="option"]').count()).toBeGreaterThan(0);
    const rows = await page.locator('[data-testid="incident-list-rows"] [role="option"]').allTextContents();
    // The story event of the Tahoua attack (its popup lists sourced links).
    const tahoua = rows.findIndex((r) => /Intazayene/.test(r));
    expect(tahoua, rows.join("\n")).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < tahoua; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const dialog = page.locator('.maplibregl-popup.incident-popup[role="dialog"]');
    await dialog.waitFor();
    expect(await dialog.getAttribute('aria-labelledby')).toBeTruthy();
    expect(await dialog.textContent()).toMatch(/Tahoua/);
    // The card opens at its top (the heading is visible), and its sources are links.
    expect(await page.evaluate(() => document.querySelector('.incident-card, .incident-stack')?.scrollTop ?? -1)).toBe(0);
    expect(await dialog.locator('a[href^="http"]').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await focusedTestId()).toBe('incident-list-rows');
    expect((await storeWindow()).selection).toBeNull();
    await page.screenshot({ path: screenshotPath('keyboard-walk-1280x800') });
    await close();
  });
});
