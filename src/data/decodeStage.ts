import type { ImportIssue } from '../types';
import { createStreamDecoder, encodingName, SNIFF_BYTES, sniffEncoding, utf32Of, type StreamDecoder } from './decodeText';
import { legacyEncodingWarning } from './importWarnings';

/** What the decoding stage hands on. */
export interface DecodeSink {
  /** The next piece of text; `final` on the last call. */
  text(text: string, final: boolean): void;
  /** The file cannot be read as text: the message of its file-level error. */
  refuse(message: string): void;
  /** A file-level note (the legacy-encoding warning). */
  note(issue: ImportIssue): void;
}

/** Sniffing and decoding: bytes in, text out. */
export interface DecodeStage {
  push(bytes: Uint8Array): void;
  end(): void;
  /** How the bytes were decoded, e.g. "UTF-8 with BOM"; null before the head is sniffed, or for a refused file. */
  readonly encoding: string | null;
  /** True once the file was refused (binary, UTF-32): later bytes are ignored. */
  readonly refused: boolean;
}

/**
 * Holds the first {@link SNIFF_BYTES} back to choose the encoding from (decodeText), then decodes
 * every piece as it comes. A workbook, archive, image or UTF-32 file is refused by name.
 */
export function createDecodeStage(file: string, sink: DecodeSink): DecodeStage {
  let head: Uint8Array[] | null = [];
  let headLength = 0;
  let decoder: StreamDecoder | null = null;
  let encoding: string | null = null;
  let refused = false;

  function start(bytes: Uint8Array): void {
    const utf32 = utf32Of(bytes);
    if (utf32) {
      refused = true;
      sink.refuse(`${file} is UTF-32 text (${utf32}), an encoding the map cannot read. Save it as UTF-8 (in Excel, “CSV UTF-8”) and load it again.`);
      return;
    }
    const sniff = sniffEncoding(bytes);
    if (sniff.binary) {
      refused = true;
      sink.refuse(`${file} is not a text file: it looks like ${sniff.binary}. Save or export the events as CSV (UTF-8) or GeoJSON and load that file.`);
      return;
    }
    encoding = encodingName(sniff);
    decoder = createStreamDecoder(sniff.encoding);
    if (sniff.encoding === 'windows-1252') sink.note(legacyEncodingWarning(file));
    sink.text(decoder.decode(bytes), false);
  }

  function flushHead(): void {
    if (head === null) return;
    const bytes = concat(head, headLength);
    head = null;
    if (bytes.length > 0) start(bytes);
  }

  return {
    push(chunk) {
      if (refused || chunk.length === 0) return;
      if (head) {
        head.push(chunk);
        headLength += chunk.length;
        if (headLength >= SNIFF_BYTES) flushHead();
        return;
      }
      sink.text(decoder!.decode(chunk), false);
    },
    end() {
      flushHead();
      if (decoder && !refused) sink.text(decoder.end(), true);
    },
    get encoding() {
      return encoding;
    },
    get refused() {
      return refused;
    },
  };
}

function concat(pieces: Uint8Array[], length: number): Uint8Array {
  if (pieces.length === 1) return pieces[0];
  const all = new Uint8Array(length);
  let at = 0;
  for (const p of pieces) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}
