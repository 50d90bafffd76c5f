/** Receives each record as it is completed, with its spreadsheet row (the first record, the header, is row 1). */
export type RecordSink = (fields: string[], row: number) => void;

/** Where a record outgrew a limit: the reader stops there (see {@link CsvLimits}). */
export interface CsvOverflow {
  limit: 'characters' | 'fields';
  /** The limit that was passed. */
  max: number;
  /** The spreadsheet row of the record. */
  row: number;
  /** The record's first characters (at most {@link PREVIEW_CHARS}), never the whole record. */
  preview: string;
}

/**
 * Bounds on one record. A file without line breaks (or with a quote never closed) is otherwise one
 * record of the whole file: hundreds of megabytes in one string, or a hundred million fields.
 */
export interface CsvLimits {
  /** Characters one record may hold. @defaultValue {@link MAX_RECORD_CHARS} */
  maxRecordChars?: number;
  /** Fields one record may hold. @defaultValue {@link MAX_FIELDS} */
  maxFields?: number;
  /** Called once when a record passes a limit; nothing more is read or emitted after it. */
  onOverflow?(overflow: CsvOverflow): void;
}

/**
 * An ACLED row with long notes runs to a few thousand characters; sixteen million (32 MB of string)
 * is no real row, yet leaves room for a long quoted field (a pasted document) that some exports hold.
 */
export const MAX_RECORD_CHARS = 16_000_000;
/** ACLED writes 31 columns, UCDP GED 49: two thousand is no real header. */
export const MAX_FIELDS = 2000;
/** How much of an overlong record a message quotes. */
export const PREVIEW_CHARS = 200;

/** A CSV reader fed text in pieces of any size: a file of hundreds of megabytes never has to be one string. */
export interface CsvTokenizer {
  /** Reads the next piece of text. A record or field may continue into the next piece. */
  push(chunk: string): void;
  /** Ends the input: the last record, even without a line end, is emitted. */
  end(): void;
  /** Records emitted so far, blank ones included (each takes a spreadsheet row). */
  readonly records: number;
  /** True once a record passed a limit: the rest of the input is ignored. */
  readonly stopped: boolean;
  /** True between records: everything pushed so far ended with a line end outside quotes (or nothing was pushed). */
  readonly atRecordStart: boolean;
}

const QUOTE = 34;
const NEWLINE = 10;
const RETURN = 13;

/** Where the reader stands between two characters. */
const enum State {
  /** At the start of a field (after a delimiter), or of a record when `fields` is empty. */
  FieldStart,
  /** Inside a field that did not start with a quote. */
  Unquoted,
  /** Inside a quoted field. */
  Quoted,
  /** Just after a quote inside a quoted field: an escaped `""` or the closing quote, by the next character. */
  QuoteInQuoted,
  /** Just after `\r`: a `\n` right after it belongs to the same line end. */
  AfterReturn,
  /** A record passed a limit: everything after is ignored. */
  Stopped,
}

/**
 * A streaming RFC 4180 tokenizer (quotes, doubled quotes, line breaks inside quotes, LF, CRLF or CR
 * line ends). It splits exactly as d3-dsv's `parseRows` does on the same whole text, malformed
 * input included (a property test holds the two together), so a file read in pieces gives the
 * records `readCsv` gives for it at once. Like d3-dsv, a quote only opens a field at its start,
 * and the character after a closing quote ends the field whatever it is.
 *
 * A blank line is emitted as `[""]`; a BOM is not stripped (decodeText does that). A record
 * longer than `limits.maxRecordChars` or wider than `limits.maxFields` stops the reader (see
 * {@link CsvLimits}): its memory is bounded by the limits and the size of one piece.
 */
export function createCsvTokenizer(delimiter: string, sink: RecordSink, limits: CsvLimits = {}): CsvTokenizer {
  const DELIMITER = delimiter.charCodeAt(0);
  const maxChars = limits.maxRecordChars ?? MAX_RECORD_CHARS;
  const maxFields = limits.maxFields ?? MAX_FIELDS;
  let fields: string[] = [];
  /** Characters of the fields of the current record already in `fields`. */
  let recordChars = 0;
  /** Text of the current field read so far from earlier pieces. */
  let partial = '';
  let state = State.FieldStart;
  /** True once the current record has begun (a character was read since the last line end). */
  let open = false;
  let records = 0;

  const endRecord = () => {
    if (state === State.Stopped) return;
    open = false;
    records++;
    const done = fields;
    fields = [];
    recordChars = 0;
    sink(done, records);
  };

  /** Adds a field to the record; false (and the reader stops) when that passes a limit. */
  const addField = (value: string): boolean => {
    fields.push(value);
    recordChars += value.length;
    if (fields.length > maxFields) return overflow('fields', maxFields);
    if (recordChars > maxChars) return overflow('characters', maxChars);
    return true;
  };

  function overflow(limit: CsvOverflow['limit'], max: number): false {
    let preview = '';
    for (const f of fields) {
      preview += (preview === '' ? '' : delimiter) + f.slice(0, PREVIEW_CHARS);
      if (preview.length >= PREVIEW_CHARS) break;
    }
    if (preview.length < PREVIEW_CHARS) preview += (fields.length > 0 ? delimiter : '') + partial.slice(0, PREVIEW_CHARS);
    const row = records + 1;
    state = State.Stopped;
    fields = [];
    partial = '';
    open = false;
    limits.onOverflow?.({ limit, max, row, preview: preview.slice(0, PREVIEW_CHARS) });
    return false;
  }

  function push(chunk: string): void {
    const n = chunk.length;
    nextDelimiter = nextNewline = nextReturn = -1;
    let i = 0;
    while (i < n) {
      switch (state) {
        case State.Stopped:
          return;
        case State.AfterReturn: {
          state = State.FieldStart;
          if (chunk.charCodeAt(i) === NEWLINE) i++;
          break;
        }
        case State.FieldStart: {
          open = true;
          if (chunk.charCodeAt(i) === QUOTE) {
            state = State.Quoted;
            i++;
            break;
          }
          state = State.Unquoted;
          // falls through to scan the unquoted field from i
          i = scanUnquoted(chunk, i, n);
          break;
        }
        case State.Unquoted: {
          i = scanUnquoted(chunk, i, n);
          break;
        }
        case State.Quoted: {
          const q = chunk.indexOf('"', i);
          if (q < 0) {
            partial += i === 0 ? chunk : chunk.slice(i);
            i = n;
            if (recordChars + partial.length > maxChars) overflow('characters', maxChars);
          } else {
            partial += chunk.slice(i, q);
            state = State.QuoteInQuoted;
            i = q + 1;
            if (recordChars + partial.length > maxChars) overflow('characters', maxChars);
          }
          break;
        }
        case State.QuoteInQuoted: {
          const c = chunk.charCodeAt(i++);
          if (c === QUOTE) {
            partial += '"';
            state = State.Quoted;
            break;
          }
          const value = partial;
          partial = '';
          if (!addField(value)) return;
          if (c === NEWLINE) {
            state = State.FieldStart;
            endRecord();
          } else if (c === RETURN) {
            state = State.AfterReturn;
            endRecord();
          } else {
            state = State.FieldStart;
          }
          break;
        }
      }
    }
  }

  /**
   * Where the next delimiter, `\n` and `\r` are in the current piece, at or after where they
   * were last looked for (the piece's length for none): each is searched for again only once the
   * reader has passed it, so a piece is scanned once per character kind, by indexOf.
   */
  let nextDelimiter = -1;
  let nextNewline = -1;
  let nextReturn = -1;

  /** Reads an unquoted field up to a delimiter or line end; returns the index after what it consumed. */
  function scanUnquoted(chunk: string, from: number, n: number): number {
    if (nextDelimiter < from) nextDelimiter = positionOf(chunk, delimiter, from, n);
    if (nextNewline < from) nextNewline = positionOf(chunk, '\n', from, n);
    if (nextReturn < from) nextReturn = positionOf(chunk, '\r', from, n);
    const lineEnd = nextNewline < nextReturn ? nextNewline : nextReturn;
    if (nextDelimiter < lineEnd) {
      const i = nextDelimiter;
      const value = partial === '' ? chunk.slice(from, i) : partial + chunk.slice(from, i);
      partial = '';
      state = State.FieldStart;
      return addField(value) ? i + 1 : n;
    }
    if (lineEnd < n) {
      const i = lineEnd;
      const value = partial === '' ? chunk.slice(from, i) : partial + chunk.slice(from, i);
      partial = '';
      state = i === nextReturn ? State.AfterReturn : State.FieldStart;
      if (!addField(value)) return n;
      endRecord();
      return i + 1;
    }
    partial += chunk.slice(from, n);
    if (recordChars + partial.length > maxChars) overflow('characters', maxChars);
    return n;
  }

  function end(): void {
    if (state === State.Stopped) return;
    if (state === State.Quoted) {
      // An unclosed quote runs to the end of the text, less the `\n` of a final CRLF (as in d3-dsv).
      if (partial.endsWith('\r\n')) partial = partial.slice(0, -1);
    }
    if (open) {
      const value = partial;
      partial = '';
      if (!addField(value)) return;
      endRecord();
    }
    state = State.FieldStart;
  }

  return {
    push,
    end,
    get records() {
      return records;
    },
    get stopped() {
      return state === State.Stopped;
    },
    get atRecordStart() {
      return !open && state === State.FieldStart && fields.length === 0 && partial === '';
    },
  };
}

/** Where `text` first holds `char` at or after `from`; `n` (its length) when nowhere. */
function positionOf(text: string, char: string, from: number, n: number): number {
  const at = text.indexOf(char, from);
  return at < 0 ? n : at;
}
