import type { Incident, ImportIssue, ParseResult } from '../types';
import { recordFields } from './csv';
import { createCsvTokenizer, type CsvTokenizer } from './csvStream';
import { createStreamDecoder, encodingName, REPLACEMENT, SNIFF_BYTES, sniffEncoding, type StreamDecoder } from './decodeText';
import { detectDelimiter, hasFirstLine, type Delimiter } from './delimiter';
import { detectFormat, normaliseHeader, unrecognisedHeaderMessage, type DetectedFormat, type FormatInfo } from './detectFormat';
import { readGeoJson } from './geojson';
import { badBytesSummary, badBytesWarning, coarsePrecisionWarnings, legacyEncodingWarning } from './importWarnings';
import type { RowMapper } from './rowMapper';

/** Everything the importer learned from one file. Plain data: a worker posts it as it is. */
export interface ImportResult extends ParseResult {
  file: string;
  /** CSV (any delimiter) or GeoJSON; null when the file could not be read as either. */
  kind: 'csv' | 'geojson' | null;
  format: FormatInfo | null;
  /** How the bytes were decoded, e.g. "UTF-8 with BOM"; null for a binary file. */
  encoding: string | null;
  delimiter: Delimiter | null;
  bytes: number;
  /** What `row` counts in the issues: spreadsheet rows of a CSV, features of a GeoJSON. */
  rowLabel: 'row' | 'feature';
  /** The reason nothing could be read from the file, or null. It is also the first issue. */
  fileError: ImportIssue | null;
}

export interface ParseFileOptions {
  /** The file's name, as every message gives it. */
  file: string;
  /** The dataset id written into each incident. */
  dataset: string;
}

/** Reads a file pushed to it in pieces of bytes, as they arrive from a stream. */
export interface FileParser {
  push(bytes: Uint8Array): void;
  /** Ends the input and returns the result. Call once. */
  end(): ImportResult;
  /** Bytes received and data rows read so far, for a progress bar. */
  readonly progress: { bytes: number; rows: number };
}

/** Past this many characters a GeoJSON text is refused: it must be parsed whole, and a browser string cannot hold much more. */
const MAX_GEOJSON_CHARS = 400_000_000;
/** A first line longer than this is not waited for: the delimiter is chosen from what has come. */
const MAX_HEADER_CHARS = 1_000_000;

/**
 * The importer's single path for every file, whole or streamed: bytes → encoding (decodeText) →
 * CSV (streaming tokenizer, delimiter from the header line) or GeoJSON → format from the header
 * (detectFormat) → the format's row mapper. Each data row becomes an incident or is rejected with
 * its row, field, value and reason, so `rowsRead === incidents.length + rowsRejected` always.
 * Kept rows with coarse date or location precision, or with bytes that are not valid UTF-8, are
 * warned about. A file that cannot be read at all (empty, binary, header only, unrecognised
 * columns, invalid JSON, no point features) gives one file-level error naming the file and what
 * to do. Never throws.
 */
export function createFileParser(options: ParseFileOptions): FileParser {
  const { file, dataset } = options;
  const issues: ImportIssue[] = [];
  const incidents: Incident[] = [];
  const fileNotes: ImportIssue[] = [];
  let bytes = 0;
  let rowsRead = 0;
  let rowsRejected = 0;
  let fileError: ImportIssue | null = null;

  let sniffBuffer: Uint8Array[] | null = [];
  let sniffLength = 0;
  let decoder: StreamDecoder | null = null;
  let encoding: string | null = null;
  let binary = false;

  let kind: ImportResult['kind'] = null;
  let pendingText = '';
  let sawText = false;
  let delimiter: Delimiter | null = null;
  let tokenizer: CsvTokenizer | null = null;
  let geoPieces: string[] = [];
  let geoChars = 0;
  let geoTooLarge = false;

  let header: string[] | null = null;
  let detected: DetectedFormat | null = null;
  let mapper: RowMapper | null = null;
  let precisionAt = { date: -1, location: -1 };
  let checkBadBytes = false;
  const badByteRows: number[] = [];

  const fail = (message: string, row: number | null = null) => {
    if (fileError) return;
    fileError = { severity: 'error', file, row, field: null, value: null, message };
  };

  function onRecord(fields: string[], row: number): void {
    if (header === null) {
      if (fields.length === 1 && fields[0].trim() === '') return;
      header = normaliseHeader(fields);
      detected = detectFormat(header);
      if (detected === null) {
        fail(unrecognisedHeaderMessage(header, `the first row of ${file}`), row);
        return;
      }
      mapper = detected.createMapper({ file, dataset, issues });
      precisionAt = { date: header.indexOf(detected.info.precisionColumns.date), location: header.indexOf(detected.info.precisionColumns.location) };
      return;
    }
    const record = recordFields(fields, header.length);
    if (record === null) return;
    rowsRead++;
    if (mapper === null) {
      rowsRejected++;
      return;
    }
    if (checkBadBytes) warnBadBytes(record, row, header);
    const incident = mapper.map({ row, fields: record });
    if (incident === null) {
      rowsRejected++;
      return;
    }
    incidents.push(incident);
    warnCoarse(incident, record, row);
  }

  function warnBadBytes(record: string[], row: number, names: string[]): void {
    const issue = badBytesWarning(file, row, record, names);
    if (!issue) return;
    badByteRows.push(row);
    issues.push(issue);
  }

  function warnCoarse(incident: Incident, record: string[], row: number): void {
    const coarseDate = incident.datePrecision === 'month' || incident.datePrecision === 'year';
    const coarsePlace = incident.locationPrecision === 'region' || incident.locationPrecision === 'country';
    if (!coarseDate && !coarsePlace) return;
    const codes = { date: record[precisionAt.date] ?? '', location: record[precisionAt.location] ?? '' };
    for (const issue of coarsePrecisionWarnings(file, row, incident, detected!.info, codes)) issues.push(issue);
  }

  function startCsv(text: string): void {
    kind = 'csv';
    delimiter = detectDelimiter(text);
    tokenizer = createCsvTokenizer(delimiter, onRecord);
    tokenizer.push(text);
  }

  function onText(text: string, final: boolean): void {
    if (text.includes(REPLACEMENT)) checkBadBytes = true;
    if (kind === 'csv') {
      tokenizer!.push(text);
      return;
    }
    if (kind === 'geojson') {
      if (geoTooLarge) return;
      geoChars += text.length;
      if (geoChars > MAX_GEOJSON_CHARS) {
        geoTooLarge = true;
        geoPieces = [];
        return;
      }
      geoPieces.push(text);
      return;
    }
    pendingText += text;
    const first = pendingText.search(/\S/);
    if (first < 0) {
      if (final) pendingText = '';
      return;
    }
    sawText = true;
    const c = pendingText[first];
    if (c === '{' || c === '[') {
      kind = 'geojson';
      const all = pendingText;
      pendingText = '';
      onText(all, final);
      return;
    }
    if (final || hasFirstLine(pendingText) || pendingText.length > MAX_HEADER_CHARS) {
      const all = pendingText;
      pendingText = '';
      startCsv(all);
    }
  }

  function startDecoding(head: Uint8Array): void {
    const sniff = sniffEncoding(head);
    if (sniff.binary) {
      binary = true;
      fail(`${file} is not a text file: it looks like ${sniff.binary}. Save or export the events as CSV (UTF-8) or GeoJSON and load that file.`);
      return;
    }
    encoding = encodingName(sniff);
    decoder = createStreamDecoder(sniff.encoding);
    if (sniff.encoding === 'windows-1252') fileNotes.push(legacyEncodingWarning(file));
    onText(decoder.decode(head), false);
  }

  function push(chunk: Uint8Array): void {
    bytes += chunk.length;
    if (binary || chunk.length === 0) return;
    if (sniffBuffer) {
      sniffBuffer.push(chunk);
      sniffLength += chunk.length;
      if (sniffLength < SNIFF_BYTES) return;
      const head = concat(sniffBuffer, sniffLength);
      sniffBuffer = null;
      startDecoding(head);
      return;
    }
    onText(decoder!.decode(chunk), false);
  }

  function end(): ImportResult {
    if (sniffBuffer) {
      const head = concat(sniffBuffer, sniffLength);
      sniffBuffer = null;
      if (head.length > 0) startDecoding(head);
    }
    if (decoder && !binary) onText(decoder.end(), true);
    if (kind === null && pendingText !== '') onText('', true);
    tokenizer?.end();
    if (kind === 'geojson') readGeo();

    if (!binary && !sawText) fail(`${file} is empty${bytes > 0 ? ' (it holds only spaces and line breaks)' : ''}. Choose the exported file itself, not an empty copy.`);
    else if (kind === 'csv' && header !== null && detected !== null && rowsRead === 0) {
      fail(`${file} has a header but no data rows. Export the events again with a date range and area that hold some.`, 1);
    }
    if (badByteRows.length > 0) fileNotes.push(badBytesSummary(file, badByteRows));
    const error = fileError as ImportIssue | null;
    return {
      file,
      kind,
      format: detected?.info ?? null,
      encoding,
      delimiter: kind === 'csv' ? delimiter : null,
      bytes,
      rowLabel: kind === 'geojson' ? 'feature' : 'row',
      incidents,
      issues: [...(error ? [error] : []), ...fileNotes, ...issues],
      rowsRead,
      rowsRejected,
      fileError: error,
    };
  }

  function readGeo(): void {
    if (geoTooLarge) {
      fail(`${file} is too large to read as GeoJSON (${Math.round(bytes / 1e6)} MB): GeoJSON must be read whole. Save the events as CSV, which is read as a stream.`);
      return;
    }
    const table = readGeoJson(geoPieces.join(''), file);
    geoPieces = [];
    if ('error' in table) {
      fail(table.error);
      return;
    }
    rowsRead = table.records.length + table.rejected.length;
    rowsRejected = table.rejected.length;
    detected = detectFormat(table.header);
    if (detected === null) {
      fail(unrecognisedHeaderMessage(table.header, `the features' properties of ${file}`));
      rowsRejected = rowsRead;
      return;
    }
    header = table.header;
    precisionAt = { date: header.indexOf(detected.info.precisionColumns.date), location: header.indexOf(detected.info.precisionColumns.location) };
    const rowIssues: ImportIssue[] = [...table.rejected, ...table.warnings];
    mapper = detected.createMapper({ file, dataset, issues: rowIssues });
    for (const record of table.records) {
      const incident = mapper.map(record);
      if (incident === null) rowsRejected++;
      else {
        incidents.push(incident);
        const before = issues.length;
        warnCoarse(incident, record.fields, record.row);
        rowIssues.push(...issues.splice(before));
      }
    }
    // Geometry issues were found first; the report lists every issue in feature order.
    issues.push(...rowIssues.map((issue, k) => ({ issue, k })).sort((a, b) => (a.issue.row ?? 0) - (b.issue.row ?? 0) || a.k - b.k).map((x) => x.issue));
  }

  return {
    push,
    end,
    get progress() {
      return { bytes, rows: rowsRead };
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

/** Reads a whole file's bytes (a test, the CLI on a small file). */
export function parseBytes(bytes: Uint8Array, options: ParseFileOptions): ImportResult {
  const parser = createFileParser(options);
  parser.push(bytes);
  return parser.end();
}

/** Reads text already in memory, as if it were a UTF-8 file. */
export function parseText(text: string, options: ParseFileOptions): ImportResult {
  return parseBytes(new TextEncoder().encode(text), options);
}

export interface StreamOptions extends ParseFileOptions {
  /** Called after each piece with the bytes and rows read so far. */
  onProgress?(progress: { bytes: number; rows: number }): void;
  /** Stops reading; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Reads a byte stream piece by piece (a File's `stream()`, a fetch body, a Node file stream): the
 * file is never one string, so a CSV of hundreds of megabytes fits.
 */
export async function parseStream(stream: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>, options: StreamOptions): Promise<ImportResult> {
  const parser = createFileParser(options);
  const step = (chunk: Uint8Array) => {
    options.signal?.throwIfAborted();
    parser.push(chunk);
    options.onProgress?.(parser.progress);
  };
  if ('getReader' in stream) {
    const reader = stream.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        step(value);
      }
    } finally {
      reader.releaseLock();
    }
  } else {
    for await (const chunk of stream) step(chunk);
  }
  options.signal?.throwIfAborted();
  return parser.end();
}
