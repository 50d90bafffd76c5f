import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
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

describe('IssueLog.absorb', () => {
  const arbIssues = fc.array(
    fc.record({ severity: fc.constantFrom<ImportIssue['severity']>('error', 'warning'), field: fc.constantFrom('a', 'b', 'c', null), row: fc.nat(50) }),
    { maxLength: 60 },
  );

  it('a log that takes in a later part logged on its own holds what one log of it all holds: the same issues kept, counts and notes (fast-check)', () => {
    fc.assert(
      fc.property(arbIssues, fc.nat(60), fc.nat(3), fc.nat(1000), (all, at, perKind, rowOffset) => {
        const k = Math.min(at, all.length);
        const whole = new IssueLog('f.csv', perKind);
        for (const x of all) whole.push(issue(x.severity, x.field, x.row + (all.indexOf(x) >= k ? rowOffset : 0)));
        const first = new IssueLog('f.csv', perKind);
        const later = new IssueLog('f.csv', perKind);
        all.forEach((x, i) => (i < k ? first : later).push(issue(x.severity, x.field, x.row)));
        expect(first.absorb(later.state(), rowOffset)).toBe(true);
        expect(first.list()).toEqual(whole.list());
        expect(first.counts).toEqual(whole.counts);
      }),
    );
  });

  it('refuses a part whose kinds were put together under the catch-all, taking nothing in', () => {
    const first = new IssueLog('f.csv');
    first.push(issue('error', 'x', 2));
    const later = new IssueLog('f.csv');
    for (let k = 0; k < 250; k++) later.push(issue('warning', `field ${k}`, 3 + k));
    expect(first.absorb(later.state(), 10)).toBe(false);
    expect(first.counts).toEqual({ errors: 1, warnings: 0 });
    expect(first.list()).toHaveLength(1);
  });
});
