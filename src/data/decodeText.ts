/** The encodings a data file is read in. Windows-1252 is what "Latin-1" means on the web (WHATWG). */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** What the first bytes of a file say about it. */
export interface TextSniff {
  encoding: TextEncodingName;
  /** The file starts with a byte-order mark (dropped from the text). */
  bom: boolean;
  /** Why the file is not text at all (a workbook, an archive…), or null when it is text. */
  binary: string | null;
}

/** How many bytes the encoding is guessed from: one read of a file stream, enough for a header and many rows. */
export const SNIFF_BYTES = 65_536;

const MAGIC: readonly { bytes: readonly number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a zip archive or an Excel workbook (.xlsx)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel workbook (.xls)' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
];

const startsWith = (head: Uint8Array, bytes: readonly number[]) => bytes.every((b, i) => head[i] === b);

/** Bytes looked at for a NUL pattern: enough for a header line and a few rows. */
const PATTERN_BYTES = 4096;

/**
 * UTF-32 by its BOM or by its NUL pattern (three NULs in every four bytes of ASCII text), or
 * null. Browsers cannot decode it (no TextDecoder has it), so the importer refuses it by name.
 */
export function utf32Of(head: Uint8Array): 'little-endian' | 'big-endian' | null {
  if (startsWith(head, [0xff, 0xfe, 0, 0])) return 'little-endian';
  if (startsWith(head, [0, 0, 0xfe, 0xff])) return 'big-endian';
  const n = Math.min(head.length, PATTERN_BYTES) & ~3;
  if (n < 8) return null;
  const zeros = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) if (head[i] === 0) zeros[i & 3]++;
  const quads = n / 4;
  if (zeros[1] === quads && zeros[2] === quads && zeros[3] === quads && zeros[0] < quads) return 'little-endian';
  if (zeros[0] === quads && zeros[1] === quads && zeros[2] === quads && zeros[3] < quads) return 'big-endian';
  return null;
}

/**
 * UTF-16 without a BOM by its NUL pattern: in text that is mostly ASCII, every other byte is NUL
 * (the odd bytes for little-endian, the even ones for big-endian) and the others almost never.
 */
function utf16Of(head: Uint8Array): TextEncodingName | null {
  const n = Math.min(head.length, PATTERN_BYTES) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (head[i] === 0) (i & 1 ? odd++ : even++);
  const pairs = n / 2;
  if (odd >= 0.7 * pairs && even <= 0.02 * pairs) return 'utf-16le';
  if (even >= 0.7 * pairs && odd <= 0.02 * pairs) return 'utf-16be';
  return null;
}

/**
 * Guesses the encoding from the file's first bytes: a BOM decides; every other byte NUL means
 * UTF-16 without a BOM; more than 1% NUL or other control bytes mean a binary file (a workbook,
 * archive or image saved under a .csv name; a stray NUL in a text file instead rejects its row,
 * see rowChecks.ts); bytes that are not
 * valid UTF-8 mean a legacy single-byte file, read as Windows-1252, the encoding Excel and older
 * exports write on Western-European Windows (and a superset of Latin-1). Otherwise UTF-8. A file
 * whose first bad byte comes after the sniffed head is still read as UTF-8: those rows show `�`,
 * and {@link REPLACEMENT} lets the importer name them.
 */
export function sniffEncoding(head: Uint8Array): TextSniff {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bom: true, binary: null };
  if (startsWith(head, [0xff, 0xfe])) return { encoding: 'utf-16le', bom: true, binary: null };
  if (startsWith(head, [0xfe, 0xff])) return { encoding: 'utf-16be', bom: true, binary: null };
  const magic = MAGIC.find((m) => startsWith(head, m.bytes));
  if (magic) return { encoding: 'utf-8', bom: false, binary: magic.what };
  const utf16 = utf16Of(head);
  if (utf16) return { encoding: utf16, bom: false, binary: null };
  const n = Math.min(head.length, SNIFF_BYTES);
  let control = 0;
  let nul = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i];
    if (b === 0) nul++;
    // Tab, line feed, carriage return, form feed and Ctrl-Z (an old end-of-file mark) are text.
    else if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 26) control++;
  }
  if (n > 0 && nul / n > 0.01) return { encoding: 'utf-8', bom: false, binary: 'a binary file (it holds NUL bytes)' };
  if (n > 0 && (control + nul) / n > 0.01) return { encoding: 'utf-8', bom: false, binary: 'a binary file (it holds control bytes that text does not)' };
  return { encoding: isUtf8(head.subarray(0, n)) ? 'utf-8' : 'windows-1252', bom: false, binary: null };
}

/** Valid UTF-8 up to the end, where a sequence cut by the sniff limit is allowed. */
function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** The character a decoder puts where bytes are not valid in the encoding. */
export const REPLACEMENT = '\uFFFD';

/** Turns a file's bytes into text piece by piece, without ever needing the whole file in one string. */
export interface StreamDecoder {
  readonly encoding: TextEncodingName;
  /** Text of the next bytes; a character cut between two pieces comes out with the second. */
  decode(bytes: Uint8Array): string;
  /** Text of bytes held back at the end (an incomplete character becomes `�`). */
  end(): string;
}

/** A decoder for `encoding` that drops a leading BOM and never throws (bad bytes become `�`). */
export function createStreamDecoder(encoding: TextEncodingName): StreamDecoder {
  const decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: false });
  return {
    encoding,
    decode: (bytes) => decoder.decode(bytes, { stream: true }),
    end: () => decoder.decode(),
  };
}

/** Decodes a whole file at once: the encoding it was read in, and its text without BOM. */
export function decodeText(bytes: Uint8Array): { sniff: TextSniff; text: string } {
  const sniff = sniffEncoding(bytes.subarray(0, SNIFF_BYTES));
  if (sniff.binary) return { sniff, text: '' };
  const decoder = createStreamDecoder(sniff.encoding);
  return { sniff, text: decoder.decode(bytes) + decoder.end() };
}

/** How an encoding is named to a reader. */
export function encodingName(sniff: Pick<TextSniff, 'encoding' | 'bom'>): string {
  const name = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 (little-endian)', 'utf-16be': 'UTF-16 (big-endian)', 'windows-1252': 'Windows-1252 (Latin-1)' }[sniff.encoding];
  return sniff.bom ? `${name} with BOM` : name;
}
