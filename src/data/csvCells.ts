import { csvFormatRows } from 'd3-dsv';

/**
 * A spreadsheet opens a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a
 * formula: text from a data file must not become one in a downloaded CSV, so such a cell gets a
 * leading apostrophe (plain numbers such as -3.5 are left alone). One function for every CSV the
 * app writes (the import report, the exports), so they cannot drift apart.
 */
export function safeCell(value: string): string {
  // A negative number (a longitude west of Greenwich) stays a number; a leading + is quoted like any other formula start.
  return /^[=+\-@\t\r]/.test(value) && !/^-\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
}

/** Rows as CSV text: every cell formula-safe and quoted where needed, one line per row, a final newline. */
export function safeCsv(rows: readonly (readonly string[])[]): string {
  return `${csvFormatRows(rows.map((r) => r.map(safeCell)))}\n`;
}
