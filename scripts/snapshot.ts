/**
 * `npm run snapshot -- [URL parameters] [--size WxH] [--out file.png]`: renders a view of the
 * production build to PNG with Debian's Chromium, for `<noscript>` images, social cards, AMP
 * placeholders and the README's screenshots; with `--video out.webm|.mp4|.gif --from --to` it
 * records the window moving over a range instead. See SNAPSHOT_USAGE in snapshotLib.ts.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { preview } from 'vite';
import { launchChromium } from '../test/browser/chromium';
import { execFileSync } from 'node:child_process';
import { parseSnapshotArgs, renderSnapshot, renderVideo, snapshotUrl, SNAPSHOT_USAGE } from './snapshotLib';

const ROOT = resolve(import.meta.dirname, '..');

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(SNAPSHOT_USAGE);
    return 0;
  }
  const request = parseSnapshotArgs(argv);
  if ('error' in request) {
    console.error(`snapshot: ${request.error}\n\n${SNAPSHOT_USAGE}`);
    return 2;
  }
  if (!existsSync(resolve(ROOT, 'dist/embed.html'))) {
    console.error('snapshot: dist/ has no embed.html: run `npm run build` first.');
    return 1;
  }
  const server = await preview({ root: ROOT, configFile: resolve(ROOT, 'vite.config.ts'), preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await launchChromium();
  try {
    const url = snapshotUrl(`http://127.0.0.1:${port}/`, request);
    if (request.video) {
      const { video } = request;
      const started = Date.now();
      const result = await renderVideo(browser, url, { width: request.width, height: request.height, video });
      for (const w of result.warnings) console.warn(`  page: ${w}`);
      const seconds = (Date.now() - started) / 1000;
      console.log(`${video.out}: ${result.frames} frames at ${video.fps} fps (${(result.frames / video.fps).toFixed(1)} s), ${request.width}×${request.height}, ${video.from} to ${video.to} by ${video.stepDays} day(s); encoded with ${result.encoder} in Chromium, ${seconds.toFixed(1)} s in all with the page load`);
      console.log(`  ${hasFfmpeg() ? 'ffmpeg is installed but not needed: Chromium encoded the file itself.' : 'ffmpeg: not installed, and not needed: Chromium encoded the file itself.'}`);
      return 0;
    }
    const { warnings } = await renderSnapshot(browser, url, request);
    for (const w of warnings) console.warn(`  page: ${w}`);
    console.log(`${request.out}: ${request.width}×${request.height}${request.scale > 1 ? ` @${request.scale}x` : ''}, ${url.replace(/^http:\/\/127\.0\.0\.1:\d+\//, '')}`);
    return 0;
  } finally {
    await browser.close();
    await server.close();
  }
}

function hasFfmpeg(): boolean {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`snapshot: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
