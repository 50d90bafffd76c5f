/**
 * A column of text as UTF-16 code units in one typed array and the end of each value in it. It
 * crosses from the import worker to the page as two transferred buffers: a string, or an array of
 * a million strings, is one long structured-clone task on the page when the message lands, and a
 * string per value is an object per value on the page's heap. Values are decoded when asked for.
 */
export interface TextColumn {
  /**
   * Every value's code units, one value after another: one byte each while every unit of the
   * column is below 256 (ASCII and Latin-1, so French names), two once one is not (Arabic).
   * Code units, not UTF-8, so any string comes back as it went in, lone surrogates included.
   */
  readonly units: Uint8Array | Uint16Array;
  /** Where value k ends in `units`; it starts at `ends[k - 1]` (0 for the first). */
  readonly ends: Uint32Array;
}

/** Code units decoded per String.fromCharCode call: well below any engine's limit on arguments. */
const DECODE_CHUNK = 4096;

/**
 * Value k. fromCharCode rather than TextDecoder: Latin-1 is not a TextDecoder label (it means
 * windows-1252) and 'utf-16le' replaces lone surrogates, while code units map to themselves.
 */
export function textAt(column: TextColumn, k: number): string {
  const from = k === 0 ? 0 : column.ends[k - 1];
  const to = column.ends[k];
  const { units } = column;
  if (to - from <= DECODE_CHUNK) return String.fromCharCode.apply(null, units.subarray(from, to) as unknown as number[]);
  let text = '';
  for (let at = from; at < to; at += DECODE_CHUNK) text += String.fromCharCode.apply(null, units.subarray(at, Math.min(to, at + DECODE_CHUNK)) as unknown as number[]);
  return text;
}

/**
 * Every value, in order: the column decoded at once and cut up, which for many short values (ids,
 * a dictionary's names) is several times faster than textAt for each.
 */
export function textValues(column: TextColumn): string[] {
  const { units, ends } = column;
  const total = ends.length === 0 ? 0 : ends[ends.length - 1];
  let all = '';
  for (let at = 0; at < total; at += DECODE_CHUNK) all += String.fromCharCode.apply(null, units.subarray(at, Math.min(total, at + DECODE_CHUNK)) as unknown as number[]);
  const values = new Array<string>(ends.length);
  for (let k = 0, from = 0; k < ends.length; from = ends[k++]) values[k] = all.slice(from, ends[k]);
  return values;
}

/** How many values a column holds. */
export const textCount = (column: TextColumn): number => column.ends.length;

/** The buffers to transfer with a column. */
export const textTransfer = (column: TextColumn): ArrayBuffer[] => [column.units.buffer as ArrayBuffer, column.ends.buffer as ArrayBuffer];

/** From this length a value is first copied natively (encodeInto), not a code unit at a time. */
const NATIVE_FROM = 24;
const encoder = new TextEncoder();

/** Code units of a builder's piece once it has grown to this: past it, a new piece is begun rather than the written ones copied. */
const PIECE_UNITS = 1 << 22;

type Units = Uint8Array | Uint16Array;

/**
 * Appends values one at a time; finish() copies them into one array of their exact size. A small
 * column grows by doubling; a large one (the summaries of a million events, hundreds of
 * megabytes) in pieces of {@link PIECE_UNITS}, so what is written is copied once, at the end,
 * not at every doubling.
 */
export class TextColumnBuilder {
  /** Filled pieces, each trimmed to what it holds. */
  private full: Units[] = [];
  /** Code units in the filled pieces. */
  private before = 0;
  private units: Units;
  private used = 0;
  private ends = new Uint32Array(256);
  private count = 0;

  /** `pieceUnits`: the piece size, smaller in tests. */
  constructor(private readonly pieceUnits = PIECE_UNITS) {
    this.units = new Uint8Array(Math.min(1024, pieceUnits));
  }

  get length(): number {
    return this.count;
  }

  push(value: string): void {
    const n = value.length;
    if (this.used + n > this.units.length) this.room(n);
    let at = this.used;
    let i = 0;
    // ASCII is its own UTF-8: the encoder copies it in native code. Into exactly n bytes it reads
    // all n units only when each took one byte (any other character takes two or more), so a
    // value that is not ASCII stops it early and the loop below writes it over from the start.
    if (this.units instanceof Uint8Array && n >= NATIVE_FROM && encoder.encodeInto(value, this.units.subarray(at, at + n)).read === n) {
      at += n;
      i = n;
    } else if (this.units instanceof Uint8Array) {
      const units = this.units;
      for (; i < n; i++) {
        const c = value.charCodeAt(i);
        if (c > 255) break;
        units[at++] = c;
      }
      if (i < n) this.widen();
    }
    const units = this.units;
    for (; i < n; i++) units[at++] = value.charCodeAt(i);
    this.used = at;
    this.end(this.before + at);
  }

  /** Appends every value of a column, as push would one by one. */
  append(column: TextColumn): void {
    const { units, ends } = column;
    const count = ends.length;
    if (count === 0) return;
    const total = ends[count - 1];
    if (this.units instanceof Uint8Array && units instanceof Uint16Array) this.widen();
    if (this.used + total > this.units.length) this.room(total);
    this.units.set(units.subarray(0, total), this.used);
    const offset = this.before + this.used;
    for (let k = 0; k < count; k++) this.end(offset + ends[k]);
    this.used += total;
  }

  private end(at: number): void {
    if (this.count === this.ends.length) {
      const ends = new Uint32Array(this.ends.length * 2);
      ends.set(this.ends);
      this.ends = ends;
    }
    this.ends[this.count++] = at;
  }

  /** Room for `need` more units: a doubled array while small, else a new piece. */
  private room(need: number): void {
    const make = (size: number): Units => (this.units instanceof Uint8Array ? new Uint8Array(size) : new Uint16Array(size));
    if (this.units.length < this.pieceUnits) {
      let size = this.units.length * 2;
      while (size < this.used + need) size *= 2;
      const units = make(size);
      units.set(this.units.subarray(0, this.used));
      this.units = units;
      return;
    }
    this.full.push(this.units.subarray(0, this.used));
    this.before += this.used;
    this.units = make(Math.max(this.pieceUnits, need));
    this.used = 0;
  }

  /** From one byte a unit to two, once a value holds a unit past 255. */
  private widen(): void {
    this.full = this.full.map((piece) => Uint16Array.from(piece));
    this.units = Uint16Array.from(this.units);
  }

  /** The column, in buffers of its own exact size (the builder is spent). */
  finish(): TextColumn {
    const ends = this.ends.slice(0, this.count);
    if (this.full.length === 0) return { units: this.units.slice(0, this.used), ends };
    const units = this.units instanceof Uint8Array ? new Uint8Array(this.before + this.used) : new Uint16Array(this.before + this.used);
    let at = 0;
    for (const piece of [...this.full, this.units.subarray(0, this.used)]) {
      units.set(piece, at);
      at += piece.length;
    }
    return { units, ends };
  }
}

/** A column of these values. */
export function textColumnOf(values: readonly string[]): TextColumn {
  const builder = new TextColumnBuilder();
  for (const v of values) builder.push(v);
  return builder.finish();
}

/** The column's values in a new order: value k of the result is value `order[k]` of `column`. */
export function permuteText(column: TextColumn, order: Uint32Array): TextColumn {
  const { units, ends } = column;
  const n = order.length;
  const outEnds = new Uint32Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) {
    const j = order[k];
    total += ends[j] - (j === 0 ? 0 : ends[j - 1]);
    outEnds[k] = total;
  }
  const out = units instanceof Uint8Array ? new Uint8Array(total) : new Uint16Array(total);
  let at = 0;
  for (let k = 0; k < n; k++) {
    const j = order[k];
    const to = ends[j];
    // Values are short (ids, places): a loop beats a subarray and set() per value.
    for (let from = j === 0 ? 0 : ends[j - 1]; from < to; from++) out[at++] = units[from];
  }
  return { units: out, ends: outEnds };
}
