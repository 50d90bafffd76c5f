import { createCsvTokenizer } from '../data/csvStream';
import { detectDelimiter } from '../data/delimiter';

/** From this size a file is read in two halves at once (runImport, runImportJob): below it, a second worker's start costs more than it saves. */
export const SPLIT_FROM_BYTES = 16 * 1024 * 1024;

/** Bytes read from the start for the header line: a header is a few hundred bytes. */
const HEAD_BYTES = 64 * 1024;
/** Bytes searched from the middle for a line end: a row is a few hundred bytes, a long one a few thousand. */
const WINDOW_BYTES = 1024 * 1024;
const NEWLINE = 10;
const RETURN = 13;
const QUOTE = 34;
const BOM = [0xef, 0xbb, 0xbf];

/** Where a file is cut into two parts read in parallel, and the header line the later part is read after. */
export interface SplitPlan {
  /** The later part starts here: just after a line end near the middle. */
  cut: number;
  /** The file's first line, without a BOM, with its line end: the later part is read as if it followed it. */
  header: Uint8Array;
}

/**
 * Where a file's bytes come from, read by range: a File, or a URL whose server answers range
 * requests (every static host does). Plain data, so the import worker can post it to its helper.
 */
export type ByteSource = { kind: 'file'; file: Blob } | { kind: 'url'; url: string; size: number; validator: string | null };

/** Bytes from `from` up to `to` (or the end), as a stream; null when the source cannot give that range (the server ignored it). */
export async function streamFrom(source: ByteSource, from: number, to?: number): Promise<ReadableStream<Uint8Array> | null> {
  if (source.kind === 'file') return source.file.slice(from, to).stream();
  const last = to === undefined ? source.size - 1 : Math.min(to, source.size) - 1;
  const headers: Record<string, string> = { Range: `bytes=${from}-${last}` };
  // If the file changed since the first request, the server sends it whole (200), and the range is refused.
  if (source.validator) headers['If-Range'] = source.validator;
  const response = await fetch(source.url, { credentials: 'same-origin', headers });
  const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(response.headers.get('content-range') ?? '');
  if (response.status !== 206 || !range || Number(range[1]) !== from || Number(range[2]) !== last || Number(range[3]) !== source.size || !response.body) {
    void response.body?.cancel().catch(() => undefined);
    return null;
  }
  return response.body;
}

async function bytesOf(source: ByteSource, from: number, to: number): Promise<Uint8Array | null> {
  const stream = await streamFrom(source, from, to);
  return stream ? new Uint8Array(await new Response(stream).arrayBuffer()) : null;
}

const size = (source: ByteSource) => (source.kind === 'file' ? source.file.size : source.size);
const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The cut for reading a CSV file in two parts at once, or null when the file is not one to cut
 * blind: its first line (after a UTF-8 BOM) must be a plain header (no quote, no NUL, not blank,
 * valid UTF-8, ending in LF or CRLF), a line end after which two records of the header's width
 * follow must lie within a megabyte after the middle, and a URL's server must answer range
 * requests. The cut may still fall inside a quoted field that spans lines (one holding whole
 * lines of records): the parser of the first part finds that out when it joins the parts
 * ({@link FileParser.join}), and the file is then read on serially.
 */
export async function planSplit(source: ByteSource): Promise<SplitPlan | null> {
  const total = size(source);
  const head = await bytesOf(source, 0, Math.min(HEAD_BYTES, total));
  if (!head) return null;
  const from = BOM.every((b, k) => head[k] === b) ? BOM.length : 0;
  const end = head.indexOf(NEWLINE, from);
  if (end < 0) return null;
  const header = head.slice(from, end + 1);
  for (let k = 0; k < header.length - 1; k++) {
    const c = header[k];
    if (c === QUOTE || c === 0 || (c === RETURN && k !== header.length - 2)) return null;
  }
  try {
    if (fatalUtf8.decode(header).trim() === '') return null;
  } catch {
    return null;
  }
  const middle = Math.floor(total / 2);
  if (middle <= end + 1) return null;
  const window = await bytesOf(source, middle, Math.min(total, middle + WINDOW_BYTES));
  if (!window) return null;
  const text = new TextDecoder().decode(header);
  const delimiter = detectDelimiter(text);
  const width = text.split(delimiter).length;
  for (let at = window.indexOf(NEWLINE), tries = 0; at >= 0 && tries < MAX_TRIES; at = window.indexOf(NEWLINE, at + 1), tries++) {
    if (middle + at + 1 >= total) return null;
    if (startsRecords(window.subarray(at + 1, at + 1 + PROBE_BYTES), delimiter, width)) return { cut: middle + at + 1, header };
  }
  return null;
}

/** Line starts tried after the middle before the file is read serially. */
const MAX_TRIES = 200;
/** Bytes read from a line start to see whether records start there. */
const PROBE_BYTES = 64 * 1024;

/**
 * Whether the bytes, read from their start, give two whole records of the header's width (or one
 * more: UCDP's per-country file ends rows with a comma). A line inside a quoted field that spans
 * lines, read as if a record started there, gives a record of the wrong width: a cut there would
 * only be refused when the halves are joined.
 */
function startsRecords(bytes: Uint8Array, delimiter: string, width: number): boolean {
  const widths: number[] = [];
  const tokenizer = createCsvTokenizer(delimiter, (fields) => widths.push(fields.length));
  tokenizer.push(new TextDecoder().decode(bytes));
  return widths.length >= 3 && widths.slice(0, 2).every((w) => w === width || w === width + 1);
}

/**
 * A stream read as two: `head` gives its bytes up to `at` (the last piece cut there), `tail` the
 * rest, from the same reader, when the first part's reader reads on; `cancel` stops it instead.
 */
export function cutStream(stream: ReadableStream<Uint8Array>, at: number): { head: AsyncIterable<Uint8Array>; tail: AsyncIterable<Uint8Array>; cancel(): void } {
  const reader = stream.getReader();
  let offset = 0;
  let carry: Uint8Array | null = null;
  return {
    head: {
      async *[Symbol.asyncIterator]() {
        while (offset < at) {
          const { done, value } = await reader.read();
          if (done) return;
          if (offset + value.length <= at) {
            offset += value.length;
            yield value;
          } else {
            const k = at - offset;
            offset = at;
            carry = value.subarray(k);
            yield value.subarray(0, k);
          }
        }
      },
    },
    tail: {
      async *[Symbol.asyncIterator]() {
        if (carry) {
          const piece = carry;
          carry = null;
          yield piece;
        }
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          yield value;
        }
      },
    },
    cancel: () => void reader.cancel().catch(() => undefined),
  };
}
