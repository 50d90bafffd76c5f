import type { Browser } from 'playwright-core';

/** What `npm run snapshot -- [URL parameters] [--size WxH] [--out file.png]` asks for. */
export interface SnapshotRequest {
  /** The map's URL parameters: state (`from`, `to`, `view` …) and, for the embed, its flags. */
  params: URLSearchParams;
  /** `embed` renders embed.html (static, filling the image); `full` renders the full map, index.html. */
  page: 'embed' | 'full';
  width: number;
  height: number;
  /** Device pixel ratio: 2 gives a sharp image for high-density screens and social cards. */
  scale: number;
  out: string;
}

export const SNAPSHOT_DEFAULTS = { width: 1280, height: 800, scale: 1, page: 'embed' } as const;
const MAX_SIDE = 4096;

export const SNAPSHOT_USAGE = `Usage: npm run snapshot -- [URL parameters …] [--size WxH] [--out file.png] [--full] [--scale 2]

  URL parameters   the map's, as in a link: from=2021-03-15 to=2021-03-21 view=tahoua, or one
                   query string "?from=2021-03-15&to=2021-03-21". Embed flags too: title=… dark=1 plain=1
  --size WxH       image size in CSS pixels (default 1280x800)
  --out file.png   where to write (default snapshot-<from>-<to>.png)
  --full           the full map (index.html) instead of the embed (embed.html, static, filling the image)
  --scale N        device pixel ratio, 1–3 (default 1)

Renders the production build (dist/): run \`npm run build\` first.`;

/**
 * Reads the command line into a request, or an error that says which argument is wrong. URL
 * parameters are passed through as given: the map itself validates them (and warns in the log).
 */
export function parseSnapshotArgs(argv: readonly string[]): SnapshotRequest | { error: string } {
  const params = new URLSearchParams();
  let page: SnapshotRequest['page'] = SNAPSHOT_DEFAULTS.page;
  let width: number = SNAPSHOT_DEFAULTS.width;
  let height: number = SNAPSHOT_DEFAULTS.height;
  let scale: number = SNAPSHOT_DEFAULTS.scale;
  let out: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i] ?? '';
    if (arg === '--') continue;
    if (arg === '--full') page = 'full';
    else if (arg === '--size' || arg.startsWith('--size=')) {
      const size = arg.includes('=') ? arg.slice(7) : value();
      const m = /^(\d+)x(\d+)$/.exec(size);
      if (!m || +m[1] < 1 || +m[2] < 1 || +m[1] > MAX_SIDE || +m[2] > MAX_SIDE) return { error: `--size must be WxH in pixels, each 1–${MAX_SIDE}, e.g. 1200x630; got "${size}"` };
      [width, height] = [+m[1], +m[2]];
    } else if (arg === '--out' || arg.startsWith('--out=')) {
      out = arg.includes('=') ? arg.slice(6) : value();
      if (!/\.png$/i.test(out)) return { error: `--out must name a .png file; got "${out}"` };
    } else if (arg === '--scale' || arg.startsWith('--scale=')) {
      scale = Number(arg.includes('=') ? arg.slice(8) : value());
      if (!(scale >= 1 && scale <= 3)) return { error: '--scale must be between 1 and 3' };
    } else if (arg.startsWith('--')) return { error: `unknown option ${arg}` };
    else {
      const text = arg.startsWith('?') ? arg.slice(1) : arg;
      if (!text.includes('=')) return { error: `"${arg}" is not a URL parameter (name=value)` };
      for (const [k, v] of new URLSearchParams(text)) params.append(k, v);
    }
  }
  out ??= `snapshot-${params.get('from') ?? 'default'}-${params.get('to') ?? 'default'}.png`;
  return { params, page, width, height, scale, out };
}

/** The page to render: the embed gets `static=1&fill=1` unless the parameters say otherwise. */
export function snapshotUrl(baseUrl: string, request: SnapshotRequest): string {
  const params = new URLSearchParams(request.params);
  if (request.page === 'embed') {
    if (!params.has('static')) params.set('static', '1');
    if (!params.has('fill')) params.set('fill', '1');
  }
  const url = new URL(request.page === 'embed' ? 'embed.html' : 'index.html', baseUrl);
  url.search = params.toString();
  return url.href;
}

/**
 * Opens the view in a fresh page of `browser`, waits until the map is drawn (data loaded, every
 * source and glyph in, maplibre idle) and writes the PNG. Rejects when the map reports an error,
 * with the page's message, rather than writing a picture of an error box.
 */
export async function renderSnapshot(browser: Browser, url: string, request: Pick<SnapshotRequest, 'width' | 'height' | 'scale' | 'out'>): Promise<{ warnings: string[] }> {
  const context = await browser.newContext({ viewport: { width: request.width, height: request.height }, deviceScaleFactor: request.scale, reducedMotion: 'reduce' });
  const warnings: string[] = [];
  try {
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text());
    });
    await page.goto(url);
    const state = await page.waitForSelector('#map[data-ready]:not([data-ready=""])', { timeout: 60_000 }).then((el) => el.getAttribute('data-ready'));
    if (state !== 'true') throw new Error(`the map did not load (${state}): ${warnings.join(' | ') || 'no message'}`);
    await page.evaluate(
      () =>
        new Promise<void>((done) => {
          const map = (window as unknown as { sahelIncidentMap: { map: { loaded(): boolean; once(e: string, f: () => void): void; triggerRepaint(): void } } }).sahelIncidentMap.map;
          if (map.loaded()) return done();
          map.once('idle', () => done());
        }),
    );
    await page.screenshot({ path: request.out, fullPage: false });
    return { warnings };
  } finally {
    await context.close();
  }
}
