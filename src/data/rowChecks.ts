import type { ImportIssue } from '../types';

/** A field value as a message quotes it: at most 60 characters, NUL bytes shown as ␀. */
function quoted(value: string): string {
  const shown = value.replaceAll('\u0000', '\u2400');
  return shown.length > 60 ? `${shown.slice(0, 57)}…` : shown;
}

/**
 * The error for a record holding a NUL byte, or null. Text never holds one, so the row is damaged
 * (a file partly overwritten, or binary data pasted in); it is rejected wherever it is in the
 * file, rather than the whole file being refused because one happens to be near the start.
 */
export function nulRowError(file: string, row: number, fields: readonly string[], names: readonly string[]): ImportIssue | null {
  const at = fields.findIndex((f) => f.includes('\u0000'));
  if (at < 0) return null;
  return {
    severity: 'error',
    file,
    row,
    field: names[at] ?? null,
    value: quoted(fields[at]),
    message: 'The row holds a NUL byte (character code 0, shown as ␀), which a text file never does: the row is damaged. It is left out; remove the NUL bytes or export the file again.',
  };
}

const norm = (s: string) => s.trim().toLowerCase();

/**
 * The error for a record that repeats the header, or null: two exports concatenated into one
 * file. Said once, for the row itself, instead of a date, coordinate and type error that would
 * hide the cause.
 */
export function repeatedHeaderError(file: string, row: number, fields: readonly string[], names: readonly string[]): ImportIssue | null {
  if (names.length < 2 || fields.length < names.length || fields.length > names.length + 1) return null;
  if (norm(fields[0]) !== norm(names[0]) || norm(fields[1]) !== norm(names[1])) return null;
  for (let i = 0; i < names.length; i++) if (norm(fields[i]) !== norm(names[i])) return null;
  return {
    severity: 'error',
    file,
    row,
    field: null,
    value: quoted(fields.join(',')),
    message: 'This row repeats the header: the file looks like two exports joined one after the other. The row is left out and the rows after it are read; check that no event is in both parts.',
  };
}
