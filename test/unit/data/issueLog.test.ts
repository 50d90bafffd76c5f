import { describe, expect, it } from 'vitest';
import { IssueLog } from '../../../src/data/issueLog';
import type { ImportIssue } from '../../../src/types';

const issue = (severity: ImportIssue['severity'], field: string | null, row: number): ImportIssue => ({ severity, file: 'f.csv', row, field, value: '', message: 'm' });

describe('IssueLog', () => {
  it('keeps the first N of each kind in arrival order, counts all, and notes how many more', () => {
    const log = new IssueLog('f.csv', 2);
    for (let row = 2; row < 7; row++) {
      log.push(issue('warning', 'fatalities', row));
      log.push(issue('error', 'latitude', row));
    }
    log.push(issue('warning', null, 9));
    expect(log.counts).toEqual({ errors: 5, warnings: 6 });
    const list = log.list();
    expect(list.filter((i) => i.row !== null).map((i) => [i.severity, i.field, i.row])).toEqual([
      ['warning', 'fatalities', 2],
      ['error', 'latitude', 2],
      ['warning', 'fatalities', 3],
      ['error', 'latitude', 3],
      ['warning', null, 9],
    ]);
    expect(list.filter((i) => i.row === null).map((i) => i.message)).toEqual([
      '3 more warnings about fatalities in f.csv are not listed: only the first 2 of each kind are kept. Fix those and check the file again.',
      '3 more errors about latitude in f.csv are not listed: only the first 2 of each kind are kept. Fix those and check the file again.',
    ]);
  });

  it('bounds the kinds too: a flood of distinct fields shares one catch-all kind', () => {
    const log = new IssueLog('f.csv', 1);
    for (let k = 0; k < 10_000; k++) log.push(issue('warning', `c${k}`, k));
    expect(log.list().length).toBeLessThanOrEqual(202);
    expect(log.counts.warnings).toBe(10_000);
  });
});
