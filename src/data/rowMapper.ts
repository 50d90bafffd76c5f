import type { Incident } from '../types';
import type { CsvRecord } from './csv';
import type { IssueSink } from './issueLog';

/**
 * Turns one record of a known format into an incident, or rejects it. The same mapper serves a
 * whole text read at once (`parseUcdpGed`, `parseStoryEvents`) and a file streamed record by
 * record (`parseFile`), so both give the same incidents and the same issues.
 */
export interface RowMapper {
  /** The incident, or null when the row is rejected. The row's issues are appended to the context's list. */
  map(record: CsvRecord): Incident | null;
  /**
   * Whether a later row with this id would be warned about as a duplicate. A mapper that has it
   * also calls its context's `onIdChecked`: a file read in parts in parallel (importJob) is
   * checked for an id of one part that an earlier part has seen, which no part could warn about.
   */
  seenId?(id: string): boolean;
}

/** What every mapper of a file shares. */
export interface MapperContext {
  /** Names the file in every issue. */
  file: string;
  /** The dataset id written into each incident. */
  dataset: string;
  /** Where the row issues go, in row order. */
  issues: IssueSink;
  /** Hears each non-empty id the mapper compares with the ids of earlier rows, in row order. */
  onIdChecked?(id: string): void;
  /**
   * A mapper may leave an incident's `sources` empty and give `sourcesText` instead, for the
   * column store to keep (the import worker, which builds no list it does not show). @defaultValue false
   */
  deferSources?: boolean;
}

/**
 * Column positions by name: -1 for a column the header lacks. The first of two equal names wins.
 * Looked up once per file, so reading a field per row is an array access.
 */
export function columnIndex(header: readonly string[]): (name: string) => number {
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (!index.has(name)) index.set(name, i);
  });
  return (name) => index.get(name) ?? -1;
}

/** The field at column `i` of a record; "" for a missing column or a short record. */
export function fieldAt(fields: readonly string[], i: number): string {
  return i < 0 ? '' : (fields[i] ?? '');
}

/**
 * A copy of `text` that does not keep the piece of the file it was cut from alive. V8 makes a slice
 * of 13 or more characters a view into its parent string, and the parent is a whole decoded piece
 * of the file (a megabyte): a set of ids, or an interner's keys, built from such slices would
 * hold the entire file. Concatenating then slicing makes V8 flatten the text into a string of its own.
 */
export function ownCopy(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/**
 * Returns one shared copy of each distinct value (country, admin names, actors, source lists…):
 * a file of a million rows names a few hundred places and actors, so interning keeps one string
 * per name instead of a million, and lets each row's own copy die young. Past `limit` distinct
 * values (a column that is not low-cardinality after all) values are returned as they are.
 */
export function createInterner<T = string>(limit = 50_000): (key: string, make: (key: string) => T) => T {
  const cache = new Map<string, T>();
  // Exports are sorted (ACLED's by date), so a value usually repeats the previous row's: comparing
  // with it is cheaper than hashing the key.
  let lastKey: string | null = null;
  let lastValue: T | undefined;
  return (key, make) => {
    if (key === lastKey) return lastValue as T;
    let value = cache.get(key);
    if (value === undefined) {
      value = make(key);
      if (cache.size < limit) cache.set(ownCopy(key), value);
    }
    lastKey = key;
    lastValue = value;
    return value;
  };
}
