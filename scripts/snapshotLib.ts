import type { Browser } from 'playwright-core';
import { parseStep } from '../src/publish/frameSchedule';

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
  /** `--video`: a clip of the window moving over a range instead of a still (the PNG options but --size then apply to it). */
  video: VideoRequestArgs | null;
}

/** What `--video out.webm|out.mp4|out.gif --from --to --step --fps` asks for. */
export interface VideoRequestArgs {
  out: string;
  format: 'webm' | 'mp4' | 'gif';
  /** YYYY-MM-DD, both inclusive. */
  from: string;
  to: string;
  stepDays: number;
  fps: number;
}

export const VIDEO_DEFAULTS = { width: 1080, height: 1080, stepDays: 1, fps: 30 } as const;

export const SNAPSHOT_DEFAULTS = { width: 1280, height: 800, scale: 1, page: 'embed' } as const;
const MAX_SIDE = 4096;

export const SNAPSHOT_USAGE = `Usage: npm run snapshot -- [URL parameters …] [--size WxH] [--out file.png] [--full] [--scale 2]

  URL parameters   the map's, as in a link: from=2021-03-15 to=2021-03-21 view=tahoua, or one
                   query string "?from=2021-03-15&to=2021-03-21". Embed flags too: title=… dark=1 plain=1
  --size WxH       image size in CSS pixels (default 1280x800)
  --out file.png   where to write (default snapshot-<from>-<to>.png)
  --full           the full map (index.html) instead of the embed (embed.html, static, filling the image)
  --scale N        device pixel ratio, 1–3 (default 1)

  --video out.webm|out.mp4|out.gif
                   a video of the window moving from --from to --to instead of a PNG; the window
                   keeps the length of the URL's from/to (one day by default) and moves by --step.
                   WebM is VP9 and MP4 is H.264, both encoded by Chromium's WebCodecs VideoEncoder
                   (mediabunny muxes); GIF by gifenc (at most 300 frames). --size is the frame
                   size (default 1080x1080).
  --from YYYY-MM-DD  first day of the range (required with --video)
  --to YYYY-MM-DD    last day of the range; the last frame ends on it (required with --video)
  --step Nd|Nw     days or weeks between frames (default 1d)
  --fps N          frames per second, 1–60 (default 30)

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
  let sized = false;
  let video: { out: string; from?: string; to?: string; step?: string; fps?: string } | null = null;
  const videoOpt: Record<string, 'from' | 'to' | 'step' | 'fps'> = { '--from': 'from', '--to': 'to', '--step': 'step', '--fps': 'fps' };
  const videoArgs: { from?: string; to?: string; step?: string; fps?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i] ?? '';
    if (arg === '--') continue;
    const [name, inline] = arg.includes('=') && arg.startsWith('--') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, null];
    if (name === '--video') {
      const file = inline ?? value();
      if (!/\.(webm|mp4|gif)$/i.test(file)) return { error: `--video must name a .webm, .mp4 or .gif file; got "${file}"` };
      video = { out: file };
      continue;
    }
    if (name in videoOpt) {
      videoArgs[videoOpt[name]] = inline ?? value();
      continue;
    }
    if (arg === '--full') page = 'full';
    else if (arg === '--size' || arg.startsWith('--size=')) {
      const size = arg.includes('=') ? arg.slice(7) : value();
      const m = /^(\d+)x(\d+)$/.exec(size);
      if (!m || +m[1] < 1 || +m[2] < 1 || +m[1] > MAX_SIDE || +m[2] > MAX_SIDE) return { error: `--size must be WxH in pixels, each 1–${MAX_SIDE}, e.g. 1200x630; got "${size}"` };
      [width, height] = [+m[1], +m[2]];
      sized = true;
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
  if (!video && Object.keys(videoArgs).length) return { error: `${Object.keys(videoArgs).map((k) => `--${k}`).join(', ')} only go with --video` };
  if (!video) return { params, page, width, height, scale, out, video: null };
  const day = /^\d{4}-\d{2}-\d{2}$/;
  const real = (d: string) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
  if (!videoArgs.from || !day.test(videoArgs.from) || !real(videoArgs.from)) return { error: `--video needs --from YYYY-MM-DD, the range's first day; got "${videoArgs.from ?? ''}"` };
  if (!videoArgs.to || !day.test(videoArgs.to) || !real(videoArgs.to)) return { error: `--video needs --to YYYY-MM-DD, the range's last day; got "${videoArgs.to ?? ''}"` };
  if (videoArgs.to < videoArgs.from) return { error: `--to (${videoArgs.to}) is before --from (${videoArgs.from})` };
  const stepDays = parseStep(videoArgs.step ?? '1d');
  if (stepDays === null) return { error: `--step must be days or weeks, as 1d, 3d or 1w; got "${videoArgs.step}"` };
  const fps = Number(videoArgs.fps ?? VIDEO_DEFAULTS.fps);
  if (!Number.isInteger(fps) || fps < 1 || fps > 60) return { error: `--fps must be a whole number from 1 to 60; got "${videoArgs.fps}"` };
  const format = video.out.toLowerCase().split('.').pop() as VideoRequestArgs['format'];
  if (!sized) [width, height] = [VIDEO_DEFAULTS.width, VIDEO_DEFAULTS.height];
  return { params, page, width, height, scale, out, video: { out: video.out, format, from: videoArgs.from, to: videoArgs.to, stepDays, fps } };
}

/**
 * The page to render: the embed gets `static=1&fill=1` unless the parameters say otherwise. A video
 * needs the interactive embed (a static one has no publish handle), so it is not made static.
 */
export function snapshotUrl(baseUrl: string, request: SnapshotRequest): string {
  const params = new URLSearchParams(request.params);
  if (request.page === 'embed') {
    if (!params.has('static') && !request.video) params.set('static', '1');
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

/**
 * Opens the view, waits until the map is drawn, and records the video through the page's publish
 * handle (the same code as the browser's "Video of a time range"), catching the download. Every
 * frame is drawn and encoded in Chromium: WebCodecs for WebM and MP4, gifenc for GIF.
 */
export async function renderVideo(browser: Browser, url: string, request: Pick<SnapshotRequest, 'width' | 'height'> & { video: VideoRequestArgs }, onProgress?: (text: string) => void): Promise<{ warnings: string[]; frames: number; encoder: string }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, reducedMotion: 'reduce', acceptDownloads: true });
  const warnings: string[] = [];
  try {
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text());
    });
    await page.goto(url);
    const state = await page.waitForSelector('#map[data-ready]:not([data-ready=""])', { timeout: 60_000 }).then((el) => el.getAttribute('data-ready'));
    if (state !== 'true') throw new Error(`the map did not load (${state}): ${warnings.join(' | ') || 'no message'}`);
    type Handle = { sahelIncidentMap: { publish: { video(r: object): Promise<{ frames: number; encoder: string }>; videoFormats(): Promise<string[]> } | null } };
    const formats = await page.evaluate(() => (window as unknown as Handle).sahelIncidentMap.publish?.videoFormats() ?? Promise.resolve(null));
    if (!formats) throw new Error('this page has no publish handle (a static embed?)');
    if (!formats.includes(request.video.format)) {
      throw new Error(request.video.format === 'mp4' ? 'this Chromium has no H.264 VideoEncoder (WebCodecs) and no ffmpeg is used: write .webm or .gif instead' : `this Chromium cannot encode ${request.video.format}`);
    }
    const { video, width, height } = request;
    const [download, result] = await Promise.all([
      page.waitForEvent('download', { timeout: 0 }),
      page.evaluate((r) => (window as unknown as Handle).sahelIncidentMap.publish!.video(r), { from: video.from, to: video.to, stepDays: video.stepDays, fps: video.fps, format: video.format, width, height }),
    ]);
    onProgress?.(`${result.frames} frames`);
    await download.saveAs(video.out);
    return { warnings, frames: result.frames, encoder: result.encoder };
  } finally {
    await context.close();
  }
}
