import type { ImportIssue } from '../types';

/** Where row mappers put their issues: an array works, and so does an {@link IssueLog}. */
export interface IssueSink {
  push(issue: ImportIssue): unknown;
}

/**
 * Issues of one kind kept in memory: a file of a million rows that all lack a fatality count
 * raises a million warnings, which neither a worker message, a report panel nor a terminal can
 * hold. The first ones are what a reader fixes the file from; the rest are counted.
 */
export const MAX_ISSUES_PER_KIND = 1000;
/** Distinct kinds followed: past this every new kind is counted under one catch-all kind. */
const MAX_KINDS = 200;

/** Counts of every issue found, kept or not. */
export interface IssueCounts {
  errors: number;
  warnings: number;
}

/** An {@link IssueLog}'s contents as plain data, for a worker to post. */
export interface IssueLogState {
  kept: ImportIssue[];
  /** Issues past the cap, by kind: its severity, field and how many. */
  dropped: { kind: string; severity: ImportIssue['severity']; field: string | null; count: number }[];
  /** True when more kinds came than are followed one by one (see MAX_KINDS). */
  catchAll: boolean;
}

/**
 * Counts every issue and keeps the first `perKind` of each kind (severity and field, e.g. the
 * warnings about `fatalities`), in the order they came. {@link IssueLog.list} ends with one
 * file-level note per kind that lost some, saying how many more there were.
 */
export class IssueLog implements IssueSink {
  private readonly kept: ImportIssue[] = [];
  private readonly perKindCount = new Map<string, number>();
  private readonly dropped = new Map<string, { severity: ImportIssue['severity']; field: string | null; count: number }>();
  readonly counts: IssueCounts = { errors: 0, warnings: 0 };

  constructor(
    private readonly file: string,
    private readonly perKind = MAX_ISSUES_PER_KIND,
  ) {}

  push(issue: ImportIssue): void {
    if (issue.severity === 'error') this.counts.errors++;
    else this.counts.warnings++;
    const kind = this.kindOf(`${issue.severity}\u0000${issue.field ?? ''}`, issue.severity);
    const n = this.perKindCount.get(kind) ?? 0;
    this.perKindCount.set(kind, n + 1);
    if (n < this.perKind) {
      this.kept.push(issue);
      return;
    }
    const d = this.dropped.get(kind);
    if (d) d.count++;
    else this.dropped.set(kind, { severity: issue.severity, field: kind.endsWith('\u0000*') ? null : issue.field, count: 1 });
  }

  /** The kind an issue of `key` is counted under: its own, or the catch-all once MAX_KINDS are followed. */
  private kindOf(key: string, severity: ImportIssue['severity']): string {
    return this.perKindCount.has(key) || this.perKindCount.size < MAX_KINDS ? key : `${severity}\u0000*`;
  }

  /** What the log holds, as data. */
  state(): IssueLogState {
    const dropped = [...this.dropped].map(([kind, d]) => ({ kind, ...d }));
    return { kept: this.kept, dropped, catchAll: [...this.perKindCount.keys()].some((k) => k.endsWith('\u0000*')) };
  }

  /**
   * Takes in the issues of the rows after this log's, logged by another log (a later part of the
   * same file): as if they had been pushed here, their rows moved by `rowOffset`. Issues the other
   * log left out were past its cap, so they are past this one's too, and their kind came here
   * with the first one it kept (or, keeping none, in the order they came). False, with nothing taken,
   * when the other log put kinds together under its catch-all, whose fields are then unknown.
   */
  absorb(later: IssueLogState, rowOffset: number): boolean {
    if (later.catchAll) return false;
    for (const issue of later.kept) this.push(issue.row === null ? issue : { ...issue, row: issue.row + rowOffset });
    for (const { kind: given, severity, field, count } of later.dropped) {
      if (severity === 'error') this.counts.errors += count;
      else this.counts.warnings += count;
      const kind = this.kindOf(given, severity);
      this.perKindCount.set(kind, (this.perKindCount.get(kind) ?? 0) + count);
      const d = this.dropped.get(kind);
      if (d) d.count += count;
      else this.dropped.set(kind, { severity, field: kind === given ? field : null, count });
    }
    return true;
  }

  /** The issues kept so far, without the notes on those left out (for a caller that reorders). */
  get size(): number {
    return this.kept.length;
  }

  /** The kept issues, then one note per kind that lost some. The notes are not counted. */
  list(): ImportIssue[] {
    const notes: ImportIssue[] = [];
    // In the order the kinds first came (not the order they first lost one): the same whether
    // the file was logged here at once or in parts taken in by absorb.
    for (const kind of this.perKindCount.keys()) {
      const d = this.dropped.get(kind);
      if (!d) continue;
      const { severity, field, count } = d;
      const what = `${severity}${count === 1 ? '' : 's'}${field === null ? '' : ` about ${field}`}`;
      notes.push({
        severity,
        file: this.file,
        row: null,
        field,
        value: null,
        message: `${count.toLocaleString('en-US')} more ${what} in ${this.file} are not listed: only the first ${this.perKind.toLocaleString('en-US')} of each kind are kept. Fix those and check the file again.`,
      });
    }
    return notes.length === 0 ? this.kept : this.kept.concat(notes);
  }
}
