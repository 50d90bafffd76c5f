/**
 * `npm run bench [-- <section> …] [--flag=value …]`: builds the bench pages under test/bench/ with
 * Vite, serves them on 127.0.0.1, drives them in Debian's Chromium (software WebGL) and prints
 * each section's table. Sections are listed in test/bench/sections.ts; with no name, all run.
 * It prints numbers and asserts nothing: a busy machine makes slow numbers, not a failure.
 *
 * Flags of the gpu section: --sizes=10000,100000,1000000 --frames=60 --steps=40
 * --baseline-steps=20 --baseline-steps-1m=8 --baseline=off --style=blank --screenshots=<dir>
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import type { BenchSection } from '../test/bench/harness';
import { BENCH_SECTIONS } from '../test/bench/sections';
import { serveStatic } from '../test/bench/serve';

const ROOT = resolve(import.meta.dirname, '..');
const BENCH_ROOT = resolve(ROOT, 'test/bench');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Headless Chromium with SwiftShader WebGL2 and no background traffic. */
const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

function parseArgs(argv: string[]): { names: string[]; flags: Record<string, string> } {
  const names: string[] = [];
  const flags: Record<string, string> = {};
  for (const arg of argv) {
    const flag = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (flag) flags[flag[1]] = flag[2] ?? 'true';
    else names.push(arg);
  }
  return { names, flags };
}

async function buildPages(sections: readonly BenchSection[], outDir: string): Promise<void> {
  await build({
    root: BENCH_ROOT,
    configFile: false,
    base: './',
    publicDir: resolve(ROOT, 'public'),
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 4000,
      rolldownOptions: { input: Object.fromEntries(sections.map((s) => [s.name, resolve(BENCH_ROOT, s.page)])) },
    },
  });
}

async function main(): Promise<void> {
  const { names, flags } = parseArgs(process.argv.slice(2));
  const unknown = names.filter((n) => !BENCH_SECTIONS.some((s) => s.name === n));
  if (unknown.length > 0 || flags.help) {
    console.log(`Sections: ${BENCH_SECTIONS.map((s) => `\n  ${s.name}: ${s.description}`).join('')}`);
    if (unknown.length > 0) console.error(`Unknown section: ${unknown.join(', ')}`);
    process.exitCode = unknown.length > 0 ? 1 : 0;
    return;
  }
  const sections = names.length > 0 ? BENCH_SECTIONS.filter((s) => names.includes(s.name)) : BENCH_SECTIONS;
  const work = mkdtempSync(join(tmpdir(), 'sahel-bench-'));
  const outDir = join(work, 'site');
  const log = (message: string) => console.log(message);
  log(`Machine: ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}; ${CHROMIUM}`);
  await buildPages(sections, outDir);
  const { server, url } = await serveStatic(outDir);
  const context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
  });
  try {
    for (const section of sections) {
      log(`\n== ${section.name}: ${section.description}`);
      const openPage = async () => {
        const page = await context.newPage();
        page.on('pageerror', (error) => log(`  page error: ${error.message}`));
        page.on('console', (message) => {
          if (message.type() === 'error') log(`  console error: ${message.text()}`);
        });
        page.on('response', (response) => {
          if (response.status() >= 400) log(`  HTTP ${response.status()}: ${response.url()}`);
        });
        // Flags reach the page too, as its query string (e.g. --style=blank).
        await page.goto(`${url}${section.page}?${new URLSearchParams(flags)}`);
        await page.waitForFunction(() => 'bench' in window, undefined, { timeout: 60_000 });
        return { page, cdp: await context.newCDPSession(page) };
      };
      const { page, cdp } = await openPage();
      await section.run({ page, cdp, options: { flags }, log, openPage });
      if (!page.isClosed()) await page.close();
    }
    log(`\nLoad average at the end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  } finally {
    await context.close();
    server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
