import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, screenshotPath } from './chromium';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface Posted {
  app?: string;
  type?: string;
  sentinel?: string;
  height?: number;
  requestId?: string;
  message?: string;
  state?: { from: string; to: string; view: string | null; mode: string; types: string[] };
  visible?: { incidents: number; deaths: number };
}

interface Article {
  context: BrowserContext;
  page: Page;
  frame: Frame;
  /** Every URL requested by the page, its frames and their workers. */
  requests: string[];
  /** Messages the article page received (from the map's frame), in order. */
  received(): Promise<(Posted | string)[]>;
  /** Console errors and uncaught errors of the page and its frames. */
  problems: string[];
}

/** The article at a viewport size, once its embedded map has said `ready` and is idle. */
async function openArticle(viewport: { width: number; height: number }): Promise<Article> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  await context.addInitScript(() => {
    if (window.top !== window) return;
    const log: unknown[] = [];
    Object.defineProperty(window, '__received', { value: log });
    window.addEventListener('message', (e) => log.push(e.data));
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(`${baseUrl}examples/article.html`);
  const received = () => page.evaluate(() => (window as unknown as { __received: (Posted | string)[] }).__received);
  await page.waitForFunction(() => (window as unknown as { __received: Posted[] }).__received.some((m) => m?.type === 'ready'), undefined, { timeout: 60_000 });
  const frame = (await (await page.waitForSelector('[data-sahel-map] iframe')).contentFrame())!;
  await mapIdle(frame);
  return { context, page, frame, requests, received, problems };
}

async function mapIdle(frame: Frame): Promise<void> {
  await frame.waitForSelector('#map[data-ready="true"]', { timeout: 45_000 });
  await frame.evaluate(
    () =>
      new Promise<void>((done) => {
        const { map } = (window as unknown as { sahelIncidentMap: { map: { loaded(): boolean; once(e: string, f: () => void): void } } }).sahelIncidentMap;
        if (map.loaded()) done();
        else map.once('idle', () => done());
      }),
  );
}

/** Idle and not moving: a story step's fly-to has finished, so the camera only moves if the test moves it. */
async function mapSettled(frame: Frame): Promise<void> {
  await mapIdle(frame);
  await frame.waitForFunction(() => {
    const { map } = (window as unknown as { sahelIncidentMap: { map: { isMoving(): boolean; loaded(): boolean } } }).sahelIncidentMap;
    return !map.isMoving() && map.loaded();
  }, undefined, { timeout: 15_000 });
}

const zoomOf = (frame: Frame) => frame.evaluate(() => (window as unknown as { sahelIncidentMap: { map: { getZoom(): number } } }).sahelIncidentMap.map.getZoom());
const stateOf = (frame: Frame) =>
  frame.evaluate(() => {
    const s = (window as unknown as { sahelIncidentMap: { store: { get(): { from: Date; to: Date; view: string | null; mode: string } } } }).sahelIncidentMap.store.get();
    return { from: s.from.toISOString().slice(0, 10), to: s.to.toISOString().slice(0, 10), view: s.view, mode: s.mode };
  });

/** Scrolls so that the step's top edge sits a little above the article's reading line (68% down). */
async function scrollToStep(page: Page, index: number): Promise<{ from: string; to: string; view: string }> {
  return page.evaluate((i) => {
    const step = document.querySelectorAll<HTMLElement>('.step')[i];
    window.scrollTo(0, step.getBoundingClientRect().top + window.scrollY - window.innerHeight * 0.6);
    return { from: step.dataset.from!, to: step.dataset.to!, view: step.dataset.view! };
  }, index);
}

const ours = (m: Posted | string): m is Posted => typeof m === 'object' && m !== null && m.app === 'sahel-incident-map';

describe('examples/article.html with the embedded map (production build, Debian Chromium)', () => {
  it('scrolling to each step moves the map’s window, as its state messages report; no request leaves the origin', async () => {
    const article = await openArticle({ width: 1280, height: 800 });
    const { page, frame } = article;
    const steps = await page.locator('.step').count();
    expect(steps).toBeGreaterThanOrEqual(4);
    expect(steps).toBeLessThanOrEqual(6);
    for (let i = 0; i < steps; i++) {
      const want = await scrollToStep(page, i);
      await expect
        .poll(async () => (await article.received()).filter(ours).filter((m) => m.type === 'state').at(-1)?.state, { timeout: 15_000 })
        .toMatchObject({ from: want.from, to: want.to, view: want.view, mode: 'window' });
      await expect.poll(() => page.locator('.step.is-active').count()).toBe(1);
      if (i === 1) {
        await mapSettled(frame);
        await page.screenshot({ path: screenshotPath('article-step2-1280x800') });
      }
    }
    // The totals reported for the 21 March step are those of that day: one UCDP event, 170 deaths.
    const tahoua = (await article.received()).filter(ours).find((m) => m.type === 'state' && m.state?.from === '2021-03-21' && m.state.to === '2021-03-21');
    expect(tahoua?.visible).toEqual({ incidents: 1, deaths: 170, datasets: [{ id: 'ucdp', name: 'UCDP GED', incidents: 1, deaths: 170 }], area: null });
    const foreign = article.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(foreign).toEqual([]);
    expect(article.problems).toEqual([]);
    await article.context.close();
  });

  it('the iframe takes the height the map posts, in AMP’s format and its own', async () => {
    const { context, frame, page, received } = await openArticle({ width: 1280, height: 800 });
    const content = await frame.evaluate(() => Math.ceil(document.getElementById('app')!.getBoundingClientRect().height));
    const messages = await received();
    const own = messages.filter(ours).filter((m) => m.type === 'height');
    const amp = messages.filter((m): m is Posted => typeof m === 'object' && m?.sentinel === 'amp' && m.type === 'embed-size');
    expect(own.at(-1)?.height).toBe(content);
    expect(amp.at(-1)?.height).toBe(content);
    const iframeHeight = await page.locator('[data-sahel-map] iframe').evaluate((f) => f.getBoundingClientRect().height);
    expect(iframeHeight).toBe(content);
    // No inner scrollbar: the frame shows the whole embed.
    expect(await frame.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('a wheel over the map scrolls the article and shows the hint; Ctrl + wheel zooms the map', async () => {
    const { context, frame, page } = await openArticle({ width: 1280, height: 800 });
    await scrollToStep(page, 0);
    await expect.poll(async () => (await stateOf(frame)).view).toBe('border');
    await mapSettled(frame);
    const box = (await page.locator('[data-sahel-map] iframe').boundingBox())!;
    const zoom = await zoomOf(frame);
    const scrollY = await page.evaluate(() => window.scrollY);
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    await page.mouse.wheel(0, 300);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrollY + 100);
    expect(await zoomOf(frame)).toBe(zoom);
    expect(await frame.locator('.maplibregl-cooperative-gesture-screen').textContent()).toContain('Ctrl + scroll');
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await expect.poll(() => zoomOf(frame)).toBeGreaterThan(zoom);
    await context.close();
  });

  it('malformed and hostile messages change nothing; the page gets errors for its own bad messages', async () => {
    const { context, frame, page, received } = await openArticle({ width: 1280, height: 800 });
    const before = await stateOf(frame);
    await page.evaluate(() => {
      const target = document.querySelector<HTMLIFrameElement>('[data-sahel-map] iframe')!.contentWindow!;
      const post = (m: unknown) => target.postMessage(m, '*');
      const base = { app: 'sahel-incident-map', version: 1 };
      post({ ...base, type: 'set-window', from: '2021-13-45', to: '2021-03-21', requestId: 'bad-date' });
      post({ ...base, type: 'set-window', from: '2021-03-21', form: '2021-03-21' });
      post({ ...base, version: 2, type: 'set-window', from: '2021-03-21' });
      post({ ...base, type: 'eval', code: 'alert(1)' });
      post({ ...base, type: 'set-filters', types: ['<img src=x onerror="window.__pwned=1">'] });
      post({ ...base, type: 'select', selection: 'ucdp:"><script>window.__pwned=1</script>' });
      post({ ...base, type: 'fly-to', bbox: [200, 0, 10, 10] });
      post(JSON.parse('{"app":"sahel-incident-map","version":1,"type":"set-state","__proto__":{"polluted":true}}'));
      post({ ...base, type: 'set-state', view: 'x'.repeat(100_000) });
      post('not even an object');
      post({ sentinel: 'amp', type: 'embed-size', height: 1 });
    });
    // A sandboxed frame on the same page (an ad, say) sends a valid message: not the parent, so ignored.
    await page.evaluate(() => {
      const ad = document.createElement('iframe');
      ad.setAttribute('sandbox', 'allow-scripts');
      ad.srcdoc = `<script>parent.frames[0].postMessage({app:'sahel-incident-map',version:1,type:'set-window',from:'2019-01-01',to:'2019-01-02'},'*');parent.postMessage('ad-done','*')<\/script>`;
      document.body.append(ad);
    });
    await expect.poll(async () => (await received()).includes('ad-done')).toBe(true);
    // The page asks for the state: the answer shows nothing moved.
    await page.evaluate(() => document.querySelector<HTMLIFrameElement>('[data-sahel-map] iframe')!.contentWindow!.postMessage({ app: 'sahel-incident-map', version: 1, type: 'get-state', requestId: 'check' }, '*'));
    await expect.poll(async () => (await received()).filter(ours).some((m) => m.requestId === 'check')).toBe(true);
    const answer = (await received()).filter(ours).find((m) => m.requestId === 'check')!;
    expect(answer.state).toMatchObject({ from: before.from, to: before.to, view: before.view });
    expect(await stateOf(frame)).toEqual(before);
    const errors = (await received()).filter(ours).filter((m) => m.type === 'error');
    expect(errors.length).toBeGreaterThanOrEqual(8);
    expect(errors.find((m) => m.requestId === 'bad-date')?.message).toMatch(/from/);
    expect(await frame.evaluate(() => ({ pwned: 'pwned' in window || '__pwned' in window, polluted: 'polluted' in Object.prototype, imgs: document.querySelectorAll('img').length }))).toEqual({ pwned: false, polluted: false, imgs: 0 });
    await context.close();
  });

  it('an embed with an origins allowlist ignores its parent when the parent’s origin is not on it', async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 700 } });
    const page = await context.newPage();
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    await page.goto(`${baseUrl}examples/article.html`);
    await page.evaluate((src) => {
      document.body.innerHTML = '';
      const f = document.createElement('iframe');
      f.src = src;
      f.style.cssText = 'width:800px;height:600px;border:0';
      document.body.append(f);
    }, `${baseUrl}embed.html?origins=https://news.example`);
    const frame = (await (await page.waitForSelector('iframe')).contentFrame())!;
    await mapIdle(frame);
    const before = await stateOf(frame);
    await page.evaluate(() => document.querySelector('iframe')!.contentWindow!.postMessage({ app: 'sahel-incident-map', version: 1, type: 'set-window', from: '2019-06-01', to: '2019-06-30' }, '*'));
    await expect.poll(() => warnings.some((w) => w.includes('allowlist'))).toBe(true);
    expect(await stateOf(frame)).toEqual(before);
    await context.close();
  });

  it('fits a phone: the article at 390×844, the map sticky above the steps', async () => {
    const article = await openArticle({ width: 390, height: 844 });
    const { page, frame } = article;
    await scrollToStep(page, 1);
    await expect.poll(async () => (await stateOf(frame)).from).toBe('2021-03-21');
    await mapSettled(frame);
    await page.screenshot({ path: screenshotPath('article-step2-390x844') });
    const box = (await page.locator('[data-sahel-map] iframe').boundingBox())!;
    expect(box.y).toBeLessThanOrEqual(1);
    expect(box.width).toBe(390);
    // The sticky map leaves the reading line (68% down) free for the step card.
    expect(box.height).toBeLessThan(844 * 0.66);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await article.context.close();
  });
});

describe('embed.html on its own', () => {
  it('posts Pym.js’s height string to a Pym parent, and writes French with lang=fr', async () => {
    const context = await browser.newContext({ viewport: { width: 700, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}examples/article.html`);
    await page.evaluate((src) => {
      document.body.innerHTML = '';
      (window as unknown as { pym: string[] }).pym = [];
      window.addEventListener('message', (e) => typeof e.data === 'string' && (window as unknown as { pym: string[] }).pym.push(e.data));
      const f = document.createElement('iframe');
      f.src = src;
      f.style.cssText = 'width:700px;height:500px;border:0';
      document.body.append(f);
    }, `${baseUrl}embed.html?childId=map-7&lang=fr&title=Attaques%20au%20Niger`);
    const frame = (await (await page.waitForSelector('iframe')).contentFrame())!;
    await mapIdle(frame);
    await expect.poll(() => page.evaluate(() => (window as unknown as { pym: string[] }).pym.at(-1))).toMatch(/^pymxPYMxmap-7xPYMxheightxPYMx\d+$/);
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await frame.locator('h1').textContent()).toBe('Attaques au Niger');
    expect(await frame.locator('[data-testid="open-full-map"]').textContent()).toBe('Ouvrir la carte complète');
    expect(await frame.locator('.maplibregl-cooperative-gesture-screen').textContent()).toContain('Ctrl + molette');
    await context.close();
  });

  it('static=1&dark=true: no interaction, a text summary, dark chrome; the full-map link opens the same window', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}embed.html?static=1&dark=true&from=2021-03-21&to=2021-03-21&view=tahoua&title=Tahoua,%2021%20March%202021`);
    await mapIdle(page.mainFrame());
    expect(await page.locator('.embed-summary').textContent()).toBe('21 Mar 2021: 1 incident and 170 deaths in Niger, Mali and Burkina Faso (UCDP GED).');
    expect(await page.locator('.maplibregl-canvas-container').evaluate((el) => getComputedStyle(el).pointerEvents)).toBe('none');
    expect(await page.locator('.timeline-host').isVisible()).toBe(false);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(23, 25, 27)');
    const href = await page.locator('[data-testid="open-full-map"]').getAttribute('href');
    expect(new URL(href!).pathname).toBe('/index.html');
    expect(Object.fromEntries(new URL(href!).searchParams)).toMatchObject({ from: '2021-03-21', to: '2021-03-21', view: 'tahoua' });
    await page.screenshot({ path: screenshotPath('embed-static-dark-390x844'), fullPage: true });
    await context.close();
  });

  it('dark=true at 1280×800: every text of the open legend has WCAG AA contrast on its panel, even over a white marker', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(`${baseUrl}embed.html?dark=true&from=2021-03-01&to=2021-04-05`);
    await mapIdle(page.mainFrame());
    const legend = page.locator('[data-testid="legend"]');
    expect(await legend.getAttribute('open')).not.toBeNull();
    const colours = await legend.evaluate((el) => {
      const texts = [...el.querySelectorAll('summary, p, li span')].map((t) => getComputedStyle(t).color);
      const svgTexts = [...el.querySelectorAll('text')].map((t) => getComputedStyle(t).fill);
      return { background: getComputedStyle(el).backgroundColor, texts: [...texts, ...svgTexts] };
    });
    const rgba = (css: string) => {
      const [r, g, b, a = 1] = (css.match(/[\d.]+/g) ?? []).map(Number);
      return { r, g, b, a };
    };
    const luminance = ({ r, g, b }: { r: number; g: number; b: number }) =>
      [r, g, b].map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4)).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
    const bg = rgba(colours.background);
    // The panel is translucent: blend it over white, the worst case for a dark panel with light text.
    const panel = { r: bg.a * bg.r + (1 - bg.a) * 255, g: bg.a * bg.g + (1 - bg.a) * 255, b: bg.a * bg.b + (1 - bg.a) * 255 };
    expect(colours.texts.length).toBeGreaterThan(10);
    for (const text of colours.texts) {
      const [hi, lo] = [luminance(rgba(text)), luminance(panel)].sort((x, y) => y - x);
      expect((hi + 0.05) / (lo + 0.05), `${text} on ${colours.background}`).toBeGreaterThanOrEqual(4.5);
    }
    await page.screenshot({ path: screenshotPath('embed-dark-legend-1280x800') });
    await context.close();
  });

  it('without WebGL2 shows the still image and the window’s text summary, not a blank box', async () => {
    const context = await browser.newContext({ viewport: { width: 640, height: 700 } });
    await context.addInitScript(() => {
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
        return kind === 'webgl2' ? null : (getContext as (...a: unknown[]) => unknown).call(this, kind, ...rest);
      } as typeof getContext;
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl}embed.html?from=2021-03-15&to=2021-03-15`);
    await page.waitForSelector('#map[data-ready="still"]', { timeout: 30_000 });
    const img = page.locator('[data-testid="still-fallback"] img');
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0);
    expect(await img.getAttribute('alt')).toMatch(/1 Mar – 5 Apr 2021/);
    expect(await page.locator('.embed-still__summary').textContent()).toBe('15 Mar 2021: 3 incidents and 119 deaths in Niger, Mali and Burkina Faso (UCDP GED).');
    await page.screenshot({ path: screenshotPath('embed-no-webgl2-640x700'), fullPage: true });
    await context.close();
  });
});
