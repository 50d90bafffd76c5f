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

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The cut for reading a CSV file in two parts at once, or null when the file is not one to cut
 * blind: its first line (after a UTF-8 BOM) must be a plain header (no quote, no NUL, not blank,
 * valid UTF-8, ending in LF or CRLF), and a line end must lie within a megabyte after the middle.
 * The cut may still fall inside a quoted field that spans lines: the parser of the first part
 * finds that out when it joins the parts ({@link FileParser.join}), and the file is then read on
 * serially.
 */
export async function planSplit(file: Blob): Promise<SplitPlan | null> {
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
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
  const middle = Math.floor(file.size / 2);
  if (middle <= end + 1) return null;
  const window = new Uint8Array(await file.slice(middle, middle + WINDOW_BYTES).arrayBuffer());
  const at = window.indexOf(NEWLINE);
  if (at < 0 || middle + at + 1 >= file.size) return null;
  return { cut: middle + at + 1, header };
}
