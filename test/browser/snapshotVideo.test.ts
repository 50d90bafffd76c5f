import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openPage } from './chromium';
import { decodeInPage } from './decodeVideo';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const baseUrl = inject('baseUrl');
let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await launchChromium();
  dir = mkdtempSync(join(tmpdir(), 'snapshot-video-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run snapshot -- --video', () => {
  it('writes a WebM of a short range that decodes with one frame per day, at the asked size, and says what encoded it', async () => {
    const out = join(dir, 'march.webm');
    const { stdout } = await run('npx', ['tsx', 'scripts/snapshot.ts', 'from=2021-03-01', 'to=2021-03-01', 'mode=cumulative', '--video', out, '--from', '2021-03-01', '--to', '2021-03-04', '--fps', '4', '--size', '320x320'], { cwd: ROOT, timeout: 280_000 });
    expect(stdout).toContain('4 frames at 4 fps');
    expect(stdout).toMatch(/vp9 in WebM \(WebCodecs VideoEncoder, mediabunny\)/);
    expect(stdout).toMatch(/ffmpeg: (not installed|is installed)/);
    const { page, context } = await openPage(browser, `${baseUrl}robots.txt`);
    const decoded = await decodeInPage(page, readFileSync(out), 'video/webm');
    expect(decoded.frames).toBe(4);
    expect([decoded.width, decoded.height]).toEqual([320, 320]);
    expect(new Set(decoded.fingerprints).size).toBeGreaterThan(1);
    await context.close();
  }, 300_000);
});
