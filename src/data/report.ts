import { formatDay } from './calendarDay';
import { safeCell, safeCsv } from './csvCells';
import type { ImportIssue, Incident } from '../types';
import { delimiterName } from './delimiter';
import type { ImportResult } from './parseFile';

/** Incidents and deaths of one country in an imported file. */
export interface CountryCount {
  country: string;
  incidents: number;
  deaths: number;
}

/**
 * What a reader needs to trust an imported file, the same in the browser's report panel and on
 * the command line: where every row went, and what the accepted rows add up to.
 */
export interface ImportSummary {
  file: string;
  /** The format's label ("ACLED export, 2023+ layout"), or null when none was recognised. */
  format: string | null;
  encoding: string | null;
  /** "comma", "semicolon", "tab"; null for GeoJSON. */
  delimiter: string | null;
  bytes: number;
  rowLabel: 'row' | 'feature';
  rowsRead: number;
  accepted: number;
  rejected: number;
  errors: number;
  warnings: number;
  deaths: number;
  /** First and last day of the accepted events (YYYY-MM-DD), or null when none was accepted. */
  dateRange: { from: string; to: string } | null;
  /** Most incidents first; an empty country is "(none)". */
  countries: CountryCount[];
  /** The file-level error's message, or null. */
  fileError: string | null;
}

const day = formatDay;

/** Running totals of accepted incidents: deaths, first and last day, counts per country. */
export interface IncidentTally {
  add(incident: Incident): void;
  readonly accepted: number;
  readonly deaths: number;
  readonly dateRange: { from: string; to: string } | null;
  /** Most incidents first; an empty country is "(none)". */
  countries(): CountryCount[];
  /** The running totals as data, for a worker to post. */
  state(): IncidentTallyState;
  /** Adds the totals of another tally (of other incidents of the same file). */
  absorb(other: IncidentTallyState): void;
}

/** An {@link IncidentTally}'s totals as plain data. */
export interface IncidentTallyState {
  accepted: number;
  deaths: number;
  /** First and last start, in ms since the epoch; ±Infinity when none was accepted. */
  min: number;
  max: number;
  /** In the order the countries first came. */
  byCountry: CountryCount[];
}

/** A tally fed one incident at a time, so a file of any size is summed without keeping its incidents (check-data). */
export function createIncidentTally(): IncidentTally {
  let accepted = 0;
  let deaths = 0;
  let min = Infinity;
  let max = -Infinity;
  const byCountry = new Map<string, CountryCount>();
  return {
    add(i) {
      accepted++;
      deaths += i.deathsBest;
      const t = i.dateStart.getTime();
      if (t < min) min = t;
      if (t > max) max = t;
      const name = i.country === '' ? '(none)' : i.country;
      let c = byCountry.get(name);
      if (!c) byCountry.set(name, (c = { country: name, incidents: 0, deaths: 0 }));
      c.incidents++;
      c.deaths += i.deathsBest;
    },
    get accepted() {
      return accepted;
    },
    get deaths() {
      return deaths;
    },
    get dateRange() {
      return accepted > 0 ? { from: day(new Date(min)), to: day(new Date(max)) } : null;
    },
    countries: () => [...byCountry.values()].sort((a, b) => b.incidents - a.incidents || a.country.localeCompare(b.country)),
    state: () => ({ accepted, deaths, min, max, byCountry: [...byCountry.values()].map((c) => ({ ...c })) }),
    absorb(other) {
      accepted += other.accepted;
      deaths += other.deaths;
      min = Math.min(min, other.min);
      max = Math.max(max, other.max);
      for (const { country, incidents, deaths: d } of other.byCountry) {
        let c = byCountry.get(country);
        if (!c) byCountry.set(country, (c = { country, incidents: 0, deaths: 0 }));
        c.incidents += incidents;
        c.deaths += d;
      }
    },
  };
}

/** Totals over the accepted incidents, in one pass; `tally` when the incidents were counted as they came instead of kept. */
export function summarise(result: ImportResult, tally?: IncidentTally): ImportSummary {
  const t = tally ?? createIncidentTally();
  if (!tally) for (const i of result.incidents) t.add(i);
  let errors = 0;
  if (result.issueCounts) errors = result.issueCounts.errors;
  else for (const issue of result.issues) if (issue.severity === 'error') errors++;
  return {
    file: result.file,
    format: result.format?.label ?? null,
    encoding: result.encoding,
    delimiter: result.delimiter ? delimiterName(result.delimiter) : null,
    bytes: result.bytes,
    rowLabel: result.rowLabel,
    rowsRead: result.rowsRead,
    accepted: t.accepted,
    rejected: result.rowsRejected,
    errors,
    warnings: result.issueCounts ? result.issueCounts.warnings : result.issues.length - errors,
    deaths: t.deaths,
    dateRange: t.dateRange,
    countries: t.countries(),
    fileError: result.fileError?.message ?? null,
  };
}

/** The first `limit` issues of one severity, in row order as found. */
export function firstIssues(issues: readonly ImportIssue[], severity: ImportIssue['severity'], limit: number): ImportIssue[] {
  const out: ImportIssue[] = [];
  for (const issue of issues) {
    if (issue.severity !== severity) continue;
    out.push(issue);
    if (out.length === limit) break;
  }
  return out;
}

/** "row 7, latitude = "" : The latitude is missing…" — one issue on one line, for a terminal. */
export function issueLine(issue: ImportIssue, rowLabel: 'row' | 'feature'): string {
  const where = issue.row === null ? 'file' : `${rowLabel} ${issue.row}`;
  const field = issue.field === null ? '' : `, ${issue.field}${issue.value === null ? '' : ` = ${JSON.stringify(issue.value.length > 60 ? `${issue.value.slice(0, 57)}…` : issue.value)}`}`;
  return `${where}${field}: ${issue.message}`;
}

const n = (x: number) => x.toLocaleString('en-US');

/** The report as the command line prints it: summary, counts per country, then the first errors and warnings. */
export function formatReportText(summary: ImportSummary, issues: readonly ImportIssue[], limit = 10): string {
  const lines: string[] = [];
  lines.push(`File:       ${summary.file} (${n(summary.bytes)} bytes${summary.encoding ? `, ${summary.encoding}` : ''}${summary.delimiter ? `, ${summary.delimiter}-delimited` : ''})`);
  lines.push(`Format:     ${summary.format ?? 'not recognised'}`);
  if (summary.fileError) lines.push(`File error: ${summary.fileError}`);
  lines.push(`${summary.rowLabel === 'row' ? 'Rows read: ' : 'Features:  '} ${n(summary.rowsRead)}`);
  lines.push(`Accepted:   ${n(summary.accepted)}`);
  lines.push(`Rejected:   ${n(summary.rejected)}`);
  lines.push(`Warnings:   ${n(summary.warnings)}`);
  lines.push(`Deaths:     ${n(summary.deaths)} (best estimates of the accepted events)`);
  lines.push(`Dates:      ${summary.dateRange ? `${summary.dateRange.from} to ${summary.dateRange.to}` : '—'}`);
  if (summary.countries.length > 0) {
    lines.push('By country:');
    // A reduce, not Math.max(...list): a hostile file may name more countries than a call takes arguments.
    const width = summary.countries.reduce((w, c) => Math.max(w, c.country.length), 0);
    for (const c of summary.countries) {
      lines.push(`  ${c.country.padEnd(width)}  ${n(c.incidents).padStart(9)} ${c.incidents === 1 ? 'event ' : 'events'}  ${n(c.deaths).padStart(9)} ${c.deaths === 1 ? 'death' : 'deaths'}`);
    }
  }
  for (const severity of ['error', 'warning'] as const) {
    const shown = firstIssues(issues, severity, limit);
    if (shown.length === 0) continue;
    const total = severity === 'error' ? summary.errors : summary.warnings;
    lines.push(`First ${shown.length} of ${n(total)} ${severity}s:`);
    for (const issue of shown) lines.push(`  ${issueLine(issue, summary.rowLabel)}`);
  }
  return lines.join('\n');
}

/** The whole report as one JSON-ready object: the summary and every issue. */
export function reportToJson(summary: ImportSummary, issues: readonly ImportIssue[]): ImportSummary & { issues: readonly ImportIssue[] } {
  return { ...summary, issues };
}

/** Re-exported: the formula-safe cell lives in ./csvCells, shared with the exports. */
export { safeCell };

/**
 * The full report as CSV, for the download button: a header `severity,row,field,value,message`,
 * the summary as `info` rows (with the dataset's attribution line when given, which ACLED's terms
 * require in every export), then every issue.
 */
export function reportToCsv(summary: ImportSummary, issues: readonly ImportIssue[], attribution?: string): string {
  const info = (field: string, value: string | number) => ['info', '', field, String(value), ''];
  const rows: string[][] = [
    ['severity', summary.rowLabel, 'field', 'value', 'message'],
    info('file', summary.file),
    info('format', summary.format ?? 'not recognised'),
    info('encoding', summary.encoding ?? ''),
    info(`${summary.rowLabel}s read`, summary.rowsRead),
    info('accepted', summary.accepted),
    info('rejected', summary.rejected),
    info('warnings', summary.warnings),
    info('deaths', summary.deaths),
    info('first date', summary.dateRange?.from ?? ''),
    info('last date', summary.dateRange?.to ?? ''),
    ...summary.countries.map((c) => info(`events in ${c.country}`, c.incidents)),
    ...(attribution ? [info('attribution', attribution)] : []),
    ...issues.map((i) => [i.severity, i.row === null ? '' : String(i.row), i.field ?? '', i.value ?? '', i.message]),
  ];
  return safeCsv(rows);
}
