import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { waitForMapReady } from '../browser/chromium';
import type { RenderCase, RenderStep } from './renderCase';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');

/**
 * Page text is set in system-ui, whose face depends on the machine's fonts; the map's labels already
 * come from the app's glyph PBFs (Noto Sans). So the test gives page text one face too: Noto Sans
 * from the @fontsource/noto-sans dev dependency, the same woff2 on every machine.
 */
const FONT_FILES = resolve(dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans/package.json')), 'files');
const FONT_FAMILY = 'Render Noto Sans';
/** The latin subset's range, as @fontsource declares it; latin-ext covers the rest (and falls back past it). */
const LATIN_RANGE = 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';

interface FontFile {
  weight: string;
  unicodeRange: string;
  base64: string;
}

/** Every face page text may ask for (regular, semibold and bold), read once. */
const FONTS: FontFile[] = ['400', '600', '700'].flatMap((weight) => [
  { weight, unicodeRange: LATIN_RANGE, base64: readFileSync(join(FONT_FILES, `noto-sans-latin-${weight}-normal.woff2`)).toString('base64') },
  { weight, unicodeRange: 'U+0100-FFFF', base64: readFileSync(join(FONT_FILES, `noto-sans-latin-ext-${weight}-normal.woff2`)).toString('base64') },
]);

/** One font face for all page text, no transitions or animations, no caret. */
const DETERMINISTIC_CSS = `*,*::before,*::after{font-family:'${FONT_FAMILY}',sans-serif!important;transition:none!important;animation:none!important;caret-color:transparent!important}`;

/**
 * Runs in every frame before the app: the fonts are given to the page as bytes, not URLs. A FontFace
 * built from bytes is ready at once, so the app measures its panels (which frame the first camera)
 * with the final letters; with a font still downloading, one run in several framed the map with the
 * fallback's widths and drew it a few pixels off.
 */
function prepareFrame({ css, family, fonts }: { css: string; family: string; fonts: FontFile[] }): void {
  for (const f of fonts) {
    const bytes = Uint8Array.from(atob(f.base64), (ch) => ch.charCodeAt(0));
    document.fonts.add(new FontFace(family, bytes, { weight: f.weight, unicodeRange: f.unicodeRange }));
  }
  const style = document.createElement('style');
  style.textContent = css;
  const add = () => (document.head ?? document.documentElement).append(style);
  if (document.documentElement) add();
  else document.addEventListener('readystatechange', add, { once: true });
}

/** Hides WebGL2 from every canvas, as a browser without it would (test/browser/embed.test.ts does the same). */
function hideWebgl2(): void {
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
    return kind === 'webgl2' ? null : (getContext as (...a: unknown[]) => unknown).call(this, kind, ...rest);
  } as typeof getContext;
}

async function fontsLoaded(target: Page | Frame): Promise<void> {
  await target.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** Waits for the fonts the page asked for, and for the map (if any) to be idle again. */
async function settle(target: Page | Frame, c: RenderCase): Promise<void> {
  // First the app's mark (waitForSelector outlives the iframe's first navigation), then the fonts.
  if (c.ready === 'map') await target.waitForSelector('#map[data-ready="true"]', { state: 'attached', timeout: 45_000 });
  await fontsLoaded(target);
  if (c.ready === 'map') await waitForMapReady(target);
}

async function runStep(page: Page, target: Page | Frame, step: RenderStep): Promise<void> {
  switch (step.action) {
    case 'clickMap': {
      type Handle = { sahelIncidentMap: { map: { project(ll: [number, number]): { x: number; y: number } } } };
      const p = await target.evaluate((ll) => (window as unknown as Handle).sahelIncidentMap.map.project(ll), step.lonLat);
      const box = await target.locator('#map canvas').boundingBox();
      if (!box) throw new Error('the map canvas is not on screen');
      await page.mouse.click(box.x + p.x, box.y + p.y);
      return;
    }
    case 'click':
      await target.getByTestId(step.testid).click();
      return;
    case 'fill':
      await target.getByTestId(step.testid).fill(step.value);
      return;
    case 'waitFor':
      await target.locator(step.selector).first().waitFor({ state: 'visible', timeout: 30_000 });
      return;
  }
}

/** Opens the case in a fresh context of `browser`, runs its steps, and returns the viewport's PNG. */
export async function drawCase(browser: Browser, baseUrl: string, c: RenderCase): Promise<Buffer> {
  const context = await browser.newContext({
    viewport: c.viewport,
    deviceScaleFactor: c.deviceScaleFactor,
    reducedMotion: 'reduce',
    colorScheme: 'light',
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  try {
    for (const [path, file] of Object.entries(c.fixtures)) {
      await context.route(new URL(path, baseUrl).href, (route) => route.fulfill({ contentType: 'text/csv', body: readFileSync(join(FIXTURES, file)) }).catch(() => undefined));
    }
    if (!c.webgl2) await context.addInitScript(hideWebgl2);
    await context.addInitScript(prepareFrame, { css: DETERMINISTIC_CSS, family: FONT_FAMILY, fonts: FONTS });
    const page = await context.newPage();
    await page.goto(new URL(c.url, baseUrl).href);
    let target: Page | Frame = page;
    if (c.frame) {
      const frame = await (await page.waitForSelector(c.frame)).contentFrame();
      if (!frame) throw new Error(`${c.frame} has no frame`);
      target = frame;
    }
    if (c.ready === 'still') {
      await target.waitForSelector('#map[data-ready="still"]', { timeout: 30_000 });
      await target.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
    }
    await settle(target, c);
    for (const step of c.steps) {
      await runStep(page, target, step);
      await settle(target, c);
    }
    if (c.frame) await fontsLoaded(page);
    return await page.screenshot({ animations: 'disabled', caret: 'hide' });
  } finally {
    await context.close();
  }
}
