import { execFile } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const run = async (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/check-data.ts', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
};

describe('npm run check-data', () => {
  it('prints the report of a file with rejected rows and exits 0', async () => {
    const { code, stdout } = await run('test/fixtures/acled-broken.csv', '--limit=2');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Format: +ACLED export, 2020–2022 layout$/m);
    expect(stdout).toMatch(/^Rows read: +12$/m);
    expect(stdout).toMatch(/^Accepted: +7$/m);
    expect(stdout).toMatch(/^Rejected: +5$/m);
    expect(stdout).toMatch(/^Deaths: +822 /m);
    expect(stdout).toMatch(/^Dates: +2021-03-21 to 2021-03-21$/m);
    expect(stdout).toMatch(/^ +Niger +7 events +822 deaths$/m);
    expect(stdout).toContain('First 2 of 5 errors:\n  row 3, latitude = ""');
  });

  it('--json prints one JSON object with the summary and every issue', async () => {
    const { code, stdout } = await run('test/fixtures/ucdp-country-broken.csv', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ format: 'UCDP GED, per-country download', rowsRead: 8, accepted: 5, rejected: 3 });
    expect(report.issues.filter((i: { severity: string }) => i.severity === 'error').map((i: { row: number }) => i.row)).toEqual([3, 3, 4, 5]);
  });

  it('exits non-zero only for a file-level error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-data-'));
    writeFileSync(join(dir, 'header-only.csv'), 'event_id_cnty,event_date,event_type,latitude,longitude\n');
    const headerOnly = await run(join(dir, 'header-only.csv'));
    expect(headerOnly.code).toBe(1);
    expect(headerOnly.stdout).toMatch(/File error: header-only\.csv has a header but no data rows/);
    expect((await run('--json')).code).toBe(2);
  });

  it('a file that is one line of 8 MB stops at the field limit: exit 1, a short report and a short JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-data-'));
    writeFileSync(join(dir, 'one-line.csv'), 'a,'.repeat(4_000_000));
    const text = await run(join(dir, 'one-line.csv'));
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^File error: Row 1 of one-line\.csv holds more than 2,000 fields/m);
    expect(text.stdout.length).toBeLessThan(2000);
    const json = await run(join(dir, 'one-line.csv'), '--json');
    expect(json.code).toBe(1);
    expect(json.stdout.length).toBeLessThan(2000);
    expect(JSON.parse(json.stdout)).toMatchObject({ rowsRead: 0, errors: 1 });
  });
});
