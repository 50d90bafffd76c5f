/** Receives each record as it is completed, with its spreadsheet row (the first record, the header, is row 1). */
export type RecordSink = (fields: string[], row: number) => void;

/** A CSV reader fed text in pieces of any size: a file of hundreds of megabytes never has to be one string. */
export interface CsvTokenizer {
  /** Reads the next piece of text. A record or field may continue into the next piece. */
  push(chunk: string): void;
  /** Ends the input: the last record, even without a line end, is emitted. */
  end(): void;
  /** Records emitted so far, blank ones included (each takes a spreadsheet row). */
  readonly records: number;
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
}

/**
 * A streaming RFC 4180 tokenizer (quotes, doubled quotes, line breaks inside quotes, LF, CRLF or CR
 * line ends). It splits exactly as d3-dsv's `parseRows` does on the same whole text, malformed
 * input included (a property test holds the two together), so a file read in pieces gives the
 * records `readCsv` gives for it at once. Like d3-dsv, a quote only opens a field at its start,
 * and the character after a closing quote ends the field whatever it is.
 *
 * A blank line is emitted as `[""]`; a BOM is not stripped (decodeText does that).
 */
export function createCsvTokenizer(delimiter: string, sink: RecordSink): CsvTokenizer {
  const DELIMITER = delimiter.charCodeAt(0);
  let fields: string[] = [];
  /** Text of the current field read so far from earlier pieces. */
  let partial = '';
  let state = State.FieldStart;
  /** True once the current record has begun (a character was read since the last line end). */
  let open = false;
  let records = 0;

  const endRecord = () => {
    open = false;
    records++;
    const done = fields;
    fields = [];
    sink(done, records);
  };

  function push(chunk: string): void {
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      switch (state) {
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
          } else {
            partial += chunk.slice(i, q);
            state = State.QuoteInQuoted;
            i = q + 1;
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
          fields.push(partial);
          partial = '';
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

  /** Reads an unquoted field up to a delimiter or line end; returns the index after what it consumed. */
  function scanUnquoted(chunk: string, from: number, n: number): number {
    for (let i = from; i < n; i++) {
      const c = chunk.charCodeAt(i);
      if (c === DELIMITER) {
        fields.push(partial === '' ? chunk.slice(from, i) : partial + chunk.slice(from, i));
        partial = '';
        state = State.FieldStart;
        return i + 1;
      }
      if (c === NEWLINE || c === RETURN) {
        fields.push(partial === '' ? chunk.slice(from, i) : partial + chunk.slice(from, i));
        partial = '';
        state = c === RETURN ? State.AfterReturn : State.FieldStart;
        endRecord();
        return i + 1;
      }
    }
    partial += chunk.slice(from, n);
    return n;
  }

  function end(): void {
    if (state === State.Quoted) {
      // An unclosed quote runs to the end of the text, less the `\n` of a final CRLF (as in d3-dsv).
      if (partial.endsWith('\r\n')) partial = partial.slice(0, -1);
    }
    if (open) {
      fields.push(partial);
      partial = '';
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
  };
}
