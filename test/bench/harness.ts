import type { CDPSession, Page } from 'playwright-core';

/** Options every section reads; `--name=value` flags on the command line fill `flags`. */
export interface BenchOptions {
  flags: Readonly<Record<string, string>>;
}

/** What a section gets from the runner: a fresh page on its own bench page, and a CDP session to it. */
export interface BenchContext {
  /** The section's page, ready (`window.bench` defined). The section may close it early. */
  page: Page;
  cdp: CDPSession;
  options: BenchOptions;
  log(message: string): void;
  /** Another page on the section's bench page, e.g. for a measurement that may crash its renderer. Close it when done. */
  openPage(): Promise<{ page: Page; cdp: CDPSession }>;
}

/**
 * A named benchmark section (`npm run bench -- gpu`). Each has an HTML page under test/bench/
 * that the runner builds with Vite and serves on loopback; `run` drives it and prints its table.
 */
export interface BenchSection {
  name: string;
  description: string;
  /** Path of its page relative to test/bench/, e.g. `gpu/index.html`. */
  page: string;
  run(context: BenchContext): Promise<void>;
}

/** JS heap in use after a full garbage collection: V8's heap plus array-buffer backing stores (typed arrays live there). */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
  return usage.usedSize + (usage.backingStorageSize ?? 0);
}

/** Fixed-width table for a terminal: right-aligned numbers, left-aligned text. */
export function formatTable(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c)))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? '').length)));
  const line = (r: (string | number)[]) =>
    r.map((c, i) => (typeof rows[0]?.[i] === 'number' ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** Three significant digits, no exponent: 0.0123, 4.56, 78.9, 1234. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (Math.abs(value) >= 100) return String(Math.round(value));
  return value.toPrecision(3);
}
