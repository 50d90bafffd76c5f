import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { csvParse } from 'd3-dsv';
import type { Browser, BrowserContext, Frame, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, screenshotPath, waitForMapReady } from './chromium';

// Deployment and runtime faults (issue 9), each against the production build: the reader sees a
// translated message naming the file or cause, and an embed's parent page gets an `error`.

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const WORKER = '**/assets/maplibre-gl-worker*.mjs';
const STORIES = '**/data/stories/incidents-sources.csv';
/** A short load timeout (the page hook documented in docs/deploy.md), so a hung request fails in seconds. */
const TIMEOUT_MS = 2000;

interface Opened {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors (pageerror) of the page and its frames. */
  pageErrors: string[];
  warnings: string[];
}

/** A fresh context whose routes are set before the first request, then the page at `path`. */
async function open(path: string, routes: (context: BrowserContext) => Promise<unknown> = async () => undefined, init?: () => void): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 720 }, deviceScaleFactor: 1 });
  await routes(context);
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const warnings: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await page.goto(new URL(path, baseUrl).href);
  return { context, page, pageErrors, warnings };
}

const shortTimeout = () => {
  (window as unknown as { sahelIncidentMapLoadTimeoutMs: number }).sahelIncidentMapLoadTimeoutMs = 2000;
};

async function errorText(target: Page | Frame): Promise<string> {
  const el = await target.waitForSelector('[data-testid="load-error"] > span', { timeout: 30_000 });
  return (await el.textContent()) ?? '';
}

/** Serves the real file with another content type (a server that does not know .mjs). */
const misServe = (type: string) => async (route: Route) => {
  // A request still in flight when the test closes its context has nowhere to go: drop it.
  try {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-type': type } });
  } catch {
    /* context closed */
  }
};

/** The SPA fallback of Netlify-style hosts: any path answers with the app's index.html and 200. */
const spaFallback = async (route: Route) => {
  try {
    const index = await route.fetch({ url: new URL('index.html', baseUrl).href });
    await route.fulfill({ status: 200, contentType: 'text/html', body: await index.text() });
  } catch {
    /* context closed */
  }
};

/**
 * A parent page on the same origin with the embed in an iframe, recording every message it gets.
 * `onLoad` runs in the parent when the iframe's document has loaded (its scripts ran, its data is
 * still loading), so messages it posts arrive before `ready`.
 */
const PARENT = `${baseUrl}__faults-parent.html`;
function parentHtml(onLoad: string, src: string): string {
  return `<!doctype html><meta charset="utf-8"><title>parent</title>
<iframe id="map" src="${src}" width="900" height="600" style="border:0"></iframe>
<script>
  window.__received = [];
  window.__sent = 0;
  window.addEventListener('message', (e) => window.__received.push(e.data));
  const frame = document.getElementById('map');
  const send = (m) => frame.contentWindow.postMessage({ app: 'sahel-incident-map', version: 1, ...m }, '*');
  frame.addEventListener('load', () => { ${onLoad} });
</script>`;
}

interface Posted {
  app?: string;
  type?: string;
  message?: string;
  requestId?: string;
  state?: { from: string; to: string; selection: string | null };
}
const received = (page: Page) => page.evaluate(() => (window as unknown as { __received: Posted[] }).__received.filter((m) => m?.app === 'sahel-incident-map'));

async function openParent(onLoad: string, routes: (context: BrowserContext) => Promise<unknown> = async () => undefined, init?: () => void, src = 'embed.html') {
  return open(PARENT, async (context) => {
    await context.route(PARENT, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: parentHtml(onLoad, src) }).catch(() => undefined));
    await routes(context);
  }, init);
}

const mapFrame = async (page: Page) => (await (await page.waitForSelector('iframe#map')).contentFrame())!;

describe('start-up faults show a message instead of an endless spinner (production build)', () => {
  it('a missing maplibre worker (404) names the worker file', async () => {
    const { context, page } = await open('index.html', (c) => c.route(WORKER, (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }).catch(() => undefined)));
    const text = await errorText(page);
    expect(text).toMatch(/^The map cannot start: its worker script assets\/maplibre-gl-worker-[\w-]+\.mjs is missing \(the server answered HTTP 404\)\.$/);
    expect(await page.getAttribute('#map', 'data-fault')).toBe('worker-missing');
    await page.screenshot({ path: screenshotPath('fault-worker-missing') });
    await context.close();
  });

  it('a worker served as text/plain says so in French in the embed, and posts error to the parent', async () => {
    const { context, page } = await openParent('', (c) => c.route(WORKER, misServe('text/plain')), undefined, 'embed.html?lang=fr');
    const frame = await mapFrame(page);
    const text = await errorText(frame);
    expect(text).toContain('«\u202ftext/plain\u202f»');
    expect(text).toMatch(/script de travail assets\/maplibre-gl-worker-[\w-]+\.mjs/);
    await expect.poll(async () => (await received(page)).filter((m) => m.type === 'error').map((m) => m.message), { timeout: 15_000 }).toContainEqual(expect.stringContaining('as “text/plain”'));
    await page.screenshot({ path: screenshotPath('fault-worker-mime-embed-fr') });
    await context.close();
  });

  it('a data file answered with index.html (SPA fallback) names the file instead of opening at 0 incidents', async () => {
    const { context, page } = await open('index.html', (c) => c.route(STORIES, spaFallback));
    const text = await errorText(page);
    expect(text).toBe('Could not load data/stories/incidents-sources.csv: the server sent a web page instead of the data file, so the file is probably missing from the deployment.');
    expect(await page.getAttribute('#map', 'data-fault')).toBe('file-html');
    expect(await page.locator('.loading-retry').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('fault-data-html') });
    await context.close();
  });

  it('the same in the embed posts error to the parent, naming the file', async () => {
    const { context, page } = await openParent('', (c) => c.route(STORIES, spaFallback));
    const frame = await mapFrame(page);
    expect(await errorText(frame)).toContain('the server sent a web page instead of the data file');
    await expect
      .poll(async () => (await received(page)).filter((m) => m.type === 'error').map((m) => m.message), { timeout: 15_000 })
      .toContainEqual('Could not load data/stories/incidents-sources.csv: the server sent a web page instead of the data file, so the file is probably missing from the deployment.');
    await context.close();
  });

  it('a data request that never answers times out with a Retry button, and Retry loads the map once the server answers', async () => {
    let hang = true;
    const { context, page } = await open(
      'index.html',
      (c) =>
        c.route(STORIES, (route) => {
          if (!hang) return route.continue();
          // Never fulfilled: the request hangs until the page gives up on it.
        }),
      shortTimeout,
    );
    const text = await errorText(page);
    expect(text).toBe(`data/stories/incidents-sources.csv did not arrive within ${TIMEOUT_MS / 1000} s: the server or the connection is slow or down.`);
    const retry = page.locator('.loading-retry');
    expect(await retry.textContent()).toBe('Retry');
    await page.screenshot({ path: screenshotPath('fault-data-timeout') });
    hang = false;
    await retry.click();
    await waitForMapReady(page);
    expect(await page.locator('[data-testid="load-error"]').count()).toBe(0);
    await context.close();
  });

  it('a hung data request in the embed posts error to the parent, naming the file', async () => {
    const { context, page } = await openParent('', (c) => c.route(STORIES, () => undefined), shortTimeout);
    const frame = await mapFrame(page);
    expect(await errorText(frame)).toContain('data/stories/incidents-sources.csv did not arrive within 2 s');
    await expect.poll(async () => (await received(page)).filter((m) => m.type === 'error').map((m) => m.message), { timeout: 15_000 }).toContainEqual(expect.stringContaining('incidents-sources.csv did not arrive'));
    expect((await received(page)).some((m) => m.type === 'ready')).toBe(false);
    await context.close();
  });

  it('a browser that cannot create a WebGL context is told so, not left at the spinner', async () => {
    const { context, page } = await open('index.html', async () => undefined, () => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, id: string, ...rest: unknown[]) {
        if (/webgl/.test(id)) return null;
        return (original as (this: HTMLCanvasElement, id: string, ...a: unknown[]) => unknown).call(this, id, ...rest);
      } as typeof original;
    });
    const text = await errorText(page);
    expect(text).toBe('The map cannot start: this browser could not create a WebGL drawing context. Turning on hardware acceleration, or another browser, may help.');
    expect(await page.getAttribute('#map', 'data-fault')).toBe('webgl');
    await page.screenshot({ path: screenshotPath('fault-webgl') });
    await context.close();
  });
});

describe('a lost WebGL context while scrubbing (production build)', () => {
  it('pauses drawing without an uncaught error and draws the latest window on restore', async () => {
    const { context, page, pageErrors } = await open('index.html');
    await waitForMapReady(page);
    await page.evaluate(() => {
      const { map } = (window as unknown as { sahelIncidentMap: { map: { getCanvas(): HTMLCanvasElement; once(e: string, f: () => void): void } } }).sahelIncidentMap;
      const gl = map.getCanvas().getContext('webgl2')!;
      const ext = gl.getExtension('WEBGL_lose_context')!;
      Object.assign(window, { __loseContext: ext });
      return new Promise<void>((done) => {
        map.once('webglcontextlost', () => done());
        ext.loseContext();
      });
    });
    await page.focus('[data-testid="brush"]');
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    const to = await page.evaluate(() => (window as unknown as { sahelIncidentMap: { store: { get(): { to: Date } } } }).sahelIncidentMap.store.get().to.toISOString().slice(0, 10));
    expect(to).not.toBe('2021-04-05');
    expect(pageErrors).toEqual([]);
    await page.screenshot({ path: screenshotPath('fault-context-lost') });

    await page.evaluate(() => (window as unknown as { __loseContext: WEBGL_lose_context }).__loseContext.restoreContext());
    await expect.poll(() => page.evaluate(() => {
      const { map } = (window as unknown as { sahelIncidentMap: { map: { getLayer(id: string): unknown; loaded(): boolean } } }).sahelIncidentMap;
      return Boolean(map.loaded() && map.getLayer('dataset-ucdp') && map.getLayer('dataset-stories-rings'));
    }), { timeout: 20_000 }).toBe(true);
    await waitForMapReady(page);
    // The story layer carries the window moved while the context was lost: its labels' filter and
    // its rings' states (set again on the rebuilt style) cover the story events (sorted by day) up
    // to the last one on or before the new window's end.
    const ends = await page.evaluate(() => {
      type M = { getFilter(id: string): unknown[]; getFeatureState(f: { source: string; id: number }): { in?: boolean } };
      const { map } = (window as unknown as { sahelIncidentMap: { map: M } }).sahelIncidentMap;
      const filter = map.getFilter('dataset-stories-labels') as [string, unknown, [string, unknown, number]];
      let rings = 0;
      for (let i = 0; i < 500; i++) if (map.getFeatureState({ source: 'dataset-stories-source', id: i }).in) rings = i + 1;
      return { labels: filter[2][2], rings };
    });
    const storyDays = csvParse(readFileSync(resolve(import.meta.dirname, '../../public/data/stories/incidents-sources.csv'), 'utf8')).map((r) => r.event_date ?? '');
    const end = storyDays.filter((d) => d <= to).length;
    expect(ends).toEqual({ labels: end, rings: end });
    // And the map draws again: its canvas holds many colours (basemap, markers), not a cleared buffer.
    const colours = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('#map canvas')!;
      const copy = document.createElement('canvas');
      copy.width = 200;
      copy.height = 150;
      const ctx = copy.getContext('2d')!;
      ctx.drawImage(canvas, 0, 0, 200, 150);
      const data = ctx.getImageData(0, 0, 200, 150).data;
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      return seen.size;
    });
    expect(colours).toBeGreaterThan(50);
    expect(pageErrors).toEqual([]);
    await page.screenshot({ path: screenshotPath('fault-context-restored') });
    await context.close();
  });
});

describe('bad links are warned about and dropped', () => {
  it('?selection=ucdp:999999999 is dropped from the state with a warning', async () => {
    const { context, page, warnings } = await open('index.html?selection=ucdp:999999999');
    await waitForMapReady(page);
    expect(await page.evaluate(() => (window as unknown as { sahelIncidentMap: { store: { get(): { selection: string | null } } } }).sahelIncidentMap.store.get().selection)).toBeNull();
    expect(warnings).toContainEqual(expect.stringContaining('no incident "ucdp:999999999"'));
    await context.close();
  });

  for (const hash of ['#1e999/1e999/1e999', '#30/91/181']) {
    it(`the camera hash ${hash} is ignored with a warning and the Sahel is framed`, async () => {
      const { context, page, warnings } = await open(`index.html${hash}`);
      await waitForMapReady(page);
      const camera = await page.evaluate(() => {
        const { map } = (window as unknown as { sahelIncidentMap: { map: { getCenter(): { lat: number; lng: number }; getZoom(): number } } }).sahelIncidentMap;
        return { ...map.getCenter(), zoom: map.getZoom() };
      });
      expect(camera.lat).toBeGreaterThan(8);
      expect(camera.lat).toBeLessThan(26);
      expect(camera.lng).toBeGreaterThan(-13);
      expect(camera.lng).toBeLessThan(17);
      expect(camera.zoom).toBeGreaterThan(3);
      expect(warnings).toContainEqual(expect.stringContaining(`ignored the camera "${hash}"`));
      await context.close();
    });
  }
});

describe('embed API under load (production build)', () => {
  it('answers each of 100 set-window messages sent before ready, once each', async () => {
    const { context, page } = await openParent(`
      window.__sentBeforeReady = !window.__received.some((m) => m && m.type === 'ready');
      for (let i = 0; i < 100; i++) send({ type: 'set-window', from: '2021-02-01', to: '2021-02-' + String((i % 28) + 1).padStart(2, '0'), requestId: 'w' + i });
    `);
    await expect.poll(async () => (await received(page)).filter((m) => m.requestId?.startsWith('w')).length, { timeout: 60_000 }).toBe(100);
    expect(await page.evaluate(() => (window as unknown as { __sentBeforeReady: boolean }).__sentBeforeReady)).toBe(true);
    const messages = await received(page);
    const ids = messages.filter((m) => m.requestId).map((m) => m.requestId);
    expect(new Set(ids).size).toBe(100);
    expect(messages.findIndex((m) => m.type === 'ready')).toBeLessThan(messages.findIndex((m) => m.requestId === 'w0'));
    // The last one wins: 99 % 28 + 1 = 16.
    expect(messages.filter((m) => m.requestId).every((m) => m.type === 'state' && m.state?.to === '2021-02-16')).toBe(true);
    await context.close();
  });

  it('works through 10,000 set-window messages in a burst quickly, with far fewer state messages, ending on the last window', async () => {
    const { context, page } = await openParent('');
    await expect.poll(async () => (await received(page)).some((m) => m.type === 'ready'), { timeout: 60_000 }).toBe(true);
    const frame = await mapFrame(page);
    await waitForMapReady(frame as unknown as Page);
    const before = (await received(page)).length;
    const elapsed = await page.evaluate(
      () =>
        new Promise<number>((done) => {
          const w = window as unknown as { __received: Posted[] };
          const frameEl = document.getElementById('map') as HTMLIFrameElement;
          const start = performance.now();
          for (let i = 0; i < 10_000; i++) {
            const to = i === 9_999 ? '2021-06-30' : `2021-05-${String((i % 28) + 1).padStart(2, '0')}`;
            frameEl.contentWindow!.postMessage({ app: 'sahel-incident-map', version: 1, type: 'set-window', from: '2021-01-01', to }, '*');
          }
          const check = () => {
            const last = w.__received.filter((m) => m?.type === 'state').at(-1);
            if (last?.state?.to === '2021-06-30') done(performance.now() - start);
            else setTimeout(check, 20);
          };
          check();
        }),
    );
    // Let any stragglers arrive, then count.
    await page.waitForTimeout(500);
    const after = (await received(page)).slice(before);
    const states = after.filter((m) => m.type === 'state').length;
    console.log(`10,000 set-window: last state after ${Math.round(elapsed)} ms, ${states} state messages`);
    expect(states).toBeGreaterThan(0);
    expect(states).toBeLessThan(100);
    expect(after.filter((m) => m.type === 'state').at(-1)?.state).toMatchObject({ from: '2021-01-01', to: '2021-06-30' });
    const storeTo = await frame.evaluate(() => (window as unknown as { sahelIncidentMap: { store: { get(): { to: Date } } } }).sahelIncidentMap.store.get().to.toISOString().slice(0, 10));
    expect(storeTo).toBe('2021-06-30');
    await context.close();
  });
});

describe('the Content-Security-Policy docs/deploy.md gives (production build)', () => {
  const CSP = "default-src 'self'; img-src 'self' data:";
  for (const path of ['index.html', 'embed.html']) {
    it(`${path} loads and draws under ${CSP} with no violation`, async () => {
      const { context, page, pageErrors } = await open(
        path,
        (c) =>
          c.route(`${baseUrl}**`, async (route) => {
            // A request still in flight when the test closes its context has nowhere to go: drop it.
            try {
              const response = await route.fetch();
              const type = response.headers()['content-type'] ?? '';
              if (!type.startsWith('text/html')) return await route.fulfill({ response });
              await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': CSP } });
            } catch {
              /* context closed */
            }
          }),
        () => {
          const violations: string[] = [];
          Object.defineProperty(window, '__violations', { value: violations });
          document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
        },
      );
      await waitForMapReady(page);
      expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
      expect(pageErrors).toEqual([]);
      await context.close();
    });
  }
});
