import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';

/** Debian's Chromium, never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless flags: software WebGL (SwiftShader), and no background traffic to Google's hosts. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchChromium(): Promise<Browser> {
  // playwright gives every launch a fresh, empty profile and adds --headless itself.
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
  /** Console warnings and errors, and uncaught page errors. */
  problems: string[];
  warnings: string[];
}

export async function openPage(browser: Browser, url: string, viewport = { width: 1280, height: 800 }, contextOptions: Pick<NonNullable<Parameters<Browser['newContext']>[0]>, 'colorScheme' | 'reducedMotion'> = {}): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, ...contextOptions });
  const page = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  const warnings: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
    if (m.type() === 'warning') warnings.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(url);
  return { context, page, requests, problems, warnings };
}

/**
 * Waits until the app says it is ready (data loaded, layers added) and no story labels wait for the
 * window to rest, then for the map to settle and go idle. A frame for a map inside an iframe.
 */
export async function waitForMapReady(page: Page | Frame): Promise<void> {
  await page.waitForSelector('#map[data-ready="true"]:not([data-annotations-pending])', { state: 'attached', timeout: 45_000 });
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        type M = { loaded(): boolean; isMoving(): boolean; once(e: string, f: () => void): void; triggerRepaint(): void };
        const map = (window as unknown as { sahelIncidentMap: { map: M } }).sahelIncidentMap.map;
        const settle = () => requestAnimationFrame(() => requestAnimationFrame(() => (map.loaded() && !map.isMoving() ? done() : map.once('idle', settle))));
        settle();
      }),
  );
}

export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../output/screenshots');

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return join(SCREENSHOT_DIR, `${name}.png`);
}
