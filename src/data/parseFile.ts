import type { Incident, ImportIssue, ParseResult } from '../types';
import { recordFields } from './csv';
import { createCsvTokenizer, type CsvOverflow, type CsvTokenizer } from './csvStream';
import { createDecodeStage } from './decodeStage';
import { detectDelimiter, type Delimiter } from './delimiter';
import { detectFormat, normaliseHeader, unrecognisedHeaderMessage, type FormatInfo } from './detectFormat';
import { fileMessages } from './fileMessages';
import { createGeoJsonCollector, driveGeoJson } from './geojsonStage';
import { badBytesSummary } from './importWarnings';
import { IssueLog, type IssueCounts, type IssueLogState } from './issueLog';
import { HashList, sharedHashes } from './idHashes';
import { textAt, textValues, TextColumnBuilder, type TextColumn } from './textColumn';
import { defaultDateRange, type DateRange } from './plausibleDates';
import { createRecordDriver } from './recordDriver';
import { createTextRouter } from './textRouter';

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
  /** The reason nothing (or nothing more) could be read from the file, or null. It is also the first issue. */
  fileError: ImportIssue | null;
  /** Every issue found, also those past the per-kind cap that `issues` does not keep (see IssueLog). */
  issueCounts: IssueCounts;
}

export interface ParseFileOptions {
  /** The file's name, as every message gives it. */
  file: string;
  /** The dataset id written into each incident. */
  dataset: string;
  /**
   * Called with each accepted incident instead of keeping it in `incidents` (which is then empty):
   * the command line counts a file of any size this way in bounded memory. `row` is the incident's
   * row as issues number it (a spreadsheet's, the header being row 1; a GeoJSON feature's number).
   */
  onIncident?(incident: Incident, row: number): void;
  /** Plausible event days. @defaultValue 1946-01-01 to a year from today ({@link defaultDateRange}) */
  dateRange?: DateRange;
  /** Keep rows dated outside `dateRange` (with a warning) instead of rejecting them. @defaultValue false */
  keepImplausibleDates?: boolean;
  /**
   * Keep the ids the rows were checked with: their hashes, for a first part to join a later one
   * with ({@link FileParser.join}), or also the ids, for a later part ({@link FileParser.endPart}).
   * @defaultValue false
   */
  collectIds?: boolean | 'hashes';
  /**
   * Incidents may carry their sources as `sourcesText` instead of a list (see
   * MapperContext.deferSources): for a caller that stores them as text. @defaultValue false
   */
  deferSources?: boolean;
}

/**
 * What the parser of a later part of a file hands the parser of the part before it, to be joined
 * ({@link FileParser.join}): the part is read as a file of its own, the file's header line and
 * then the part's bytes from a line start, in a worker of its own while the part before is read.
 * Plain data and transferable buffers.
 */
export interface ParsedPart {
  /** Records its tokenizer emitted, the header line's included. */
  records: number;
  /** The part's own bytes, without the header line read first. */
  bytes: number;
  rowsRead: number;
  rowsRejected: number;
  badByteRows: number[];
  badByteCount: number;
  issues: IssueLogState;
  /** Each non-empty id a row was checked against earlier rows with, in row order (`collectIds`). */
  ids: TextColumn;
  /** Their hashes (hashId), in the same order. */
  idHashes: Uint32Array;
  /** What must be as the part before found it for the two to join. */
  kind: ImportResult['kind'];
  format: Pick<FormatInfo, 'id' | 'layout'> | null;
  delimiter: Delimiter | null;
  encoding: string | null;
  /** True when the part met a file-level error or note (a record past a limit, a legacy encoding...). */
  troubled: boolean;
}

/** Reads a file pushed to it in pieces of bytes, as they arrive from a stream. */
export interface FileParser {
  push(bytes: Uint8Array): void;
  /** Ends the input and returns the result. Call once. */
  end(): ImportResult;
  /** Bytes received and data rows read so far, for a progress bar. */
  readonly progress: { bytes: number; rows: number };
  /** True once nothing more can be read (a refused file, a record past a limit): the caller may stop pushing. */
  readonly stopped: boolean;
  /**
   * Ends the input of a later part of a file, read as a file of the header line and the part
   * (see {@link ParsedPart}), and returns what it read instead of a result. Call once, instead of end().
   */
  endPart(prefixBytes: number): ParsedPart;
  /**
   * Takes in the later part that starts right after the bytes pushed so far, as if its bytes had
   * been pushed here; then call end(). False, with nothing taken in, when the two cannot be
   * joined exactly as one reading would have read them: the pushed bytes stop inside a quoted
   * field, either part met a file-level problem, the part read its header otherwise, its issues
   * put kinds together, or one of its ids was on a row here (a duplicate only one reading can
   * warn about in its place). The caller then pushes the part's bytes here instead.
   */
  join(part: ParsedPart): boolean;
}

/**
 * The importer's single path for every file, whole or streamed, in stages: sniffing and decoding
 * (decodeStage) → routing to CSV or GeoJSON (textRouter) → records (the streaming CSV tokenizer,
 * delimiter from the header line, or the GeoJSON table) → the record driver (recordDriver: header
 * detection, the format's row mapper, row checks and warnings) → the result. Each data row becomes
 * an incident or is rejected with its row, field, value and reason, so `rowsRead ===
 * incidents.length + rowsRejected` always. A file that cannot be read at all (empty, binary,
 * UTF-32, header only, unrecognised columns, invalid JSON, no point features, a record past a
 * limit) gives one file-level error naming the file and what to do. Never throws.
 */
export function createFileParser(options: ParseFileOptions): FileParser {
  const { file } = options;
  const issues = new IssueLog(file);
  const incidents: Incident[] = [];
  const fileNotes: ImportIssue[] = [];
  let bytes = 0;
  let fileError: ImportIssue | null = null;
  let delimiter: Delimiter | null = null;
  let tokenizer: CsvTokenizer | null = null;
  /** Width of the header once read; -1 before. */
  let headerWidth = -1;
  const geo = createGeoJsonCollector();

  const ids = options.collectIds === true ? new TextColumnBuilder() : null;
  const idHashes = options.collectIds ? new HashList() : null;
  const fail = (message: string, row: number | null = null) => {
    fileError ??= { severity: 'error', file, row, field: null, value: null, message };
  };
  const driver = createRecordDriver({
    file,
    dataset: options.dataset,
    issues,
    detect: detectFormat,
    precisionWarnings: true,
    badBytesWarnings: true,
    onIncident: options.onIncident ?? ((incident) => incidents.push(incident)),
    dateRange: options.dateRange ?? defaultDateRange(),
    keepImplausible: options.keepImplausibleDates,
    ...(options.deferSources ? { deferSources: true } : {}),
    ...(idHashes
      ? {
          onIdChecked(id: string) {
            ids?.push(id);
            idHashes.push(id);
          },
        }
      : {}),
  });

  function onRecord(fields: string[], row: number): void {
    if (headerWidth < 0) {
      if (fields.length === 1 && fields[0].trim() === '') return;
      const header = normaliseHeader(fields);
      headerWidth = header.length;
      if (driver.header(header) === null) fail(unrecognisedHeaderMessage(header, `the first row of ${file}`), row);
      return;
    }
    const record = recordFields(fields, headerWidth);
    if (record !== null) driver.record({ row, fields: record });
  }

  const onOverflow = (overflow: CsvOverflow) => fail(fileMessages.overflow(file, overflow), overflow.row);

  const router = createTextRouter({
    csv(text) {
      if (tokenizer === null) {
        delimiter = detectDelimiter(text);
        tokenizer = createCsvTokenizer(delimiter, onRecord, { onOverflow });
      }
      driver.watch(text);
      tokenizer.push(text);
    },
    geojson: (text) => geo.push(text),
  });

  const decode = createDecodeStage(file, {
    text: (text, final) => router.push(text, final),
    refuse: (message) => fail(message),
    note: (issue) => fileNotes.push(issue),
  });

  function readGeo(): void {
    if (geo.tooLarge) return fail(fileMessages.geojsonTooLarge(file, bytes));
    const outcome = driveGeoJson(geo.take(), file, driver, issues, (header) => unrecognisedHeaderMessage(header, `the features' properties of ${file}`));
    rejectedFeatures = outcome.rejectedFeatures;
    if (outcome.error) fail(outcome.error);
  }
  let rejectedFeatures = 0;

  function end(): ImportResult {
    decode.end();
    (tokenizer as CsvTokenizer | null)?.end();
    const kind = router.kind;
    if (kind === 'geojson') readGeo();
    const rowsRead = driver.rowsRead + rejectedFeatures;
    if (!decode.refused && !router.sawText) fail(fileMessages.empty(file, bytes));
    else if (kind === 'csv' && driver.format !== null && rowsRead === 0) fail(fileMessages.noRows(file), 1);
    if (driver.badByteCount > 0) fileNotes.push(badBytesSummary(file, driver.badByteRows, driver.badByteCount));
    const error = fileError as ImportIssue | null;
    const kept = issues.list();
    const all: ImportIssue[] = error ? [error] : [];
    for (const list of [fileNotes, kept]) for (const issue of list) all.push(issue);
    const counts = { errors: issues.counts.errors + (error ? 1 : 0), warnings: issues.counts.warnings + fileNotes.length };
    return {
      file,
      kind,
      format: driver.format?.info ?? null,
      encoding: decode.encoding,
      delimiter: kind === 'csv' ? delimiter : null,
      bytes,
      rowLabel: kind === 'geojson' ? 'feature' : 'row',
      incidents,
      issues: all,
      rowsRead,
      rowsRejected: driver.rowsRejected + rejectedFeatures,
      fileError: error,
      issueCounts: counts,
    };
  }

  function endPart(prefixBytes: number): ParsedPart {
    decode.end();
    (tokenizer as CsvTokenizer | null)?.end();
    const info = driver.format?.info ?? null;
    return {
      records: (tokenizer as CsvTokenizer | null)?.records ?? 0,
      bytes: bytes - prefixBytes,
      rowsRead: driver.rowsRead,
      rowsRejected: driver.rowsRejected,
      badByteRows: [...driver.badByteRows],
      badByteCount: driver.badByteCount,
      issues: issues.state(),
      ids: (ids ?? new TextColumnBuilder()).finish(),
      idHashes: (idHashes ?? new HashList()).finish(),
      kind: router.kind,
      format: info ? { id: info.id, layout: info.layout } : null,
      delimiter,
      encoding: decode.encoding,
      troubled: fileError !== null || fileNotes.length > 0,
    };
  }

  function join(part: ParsedPart): boolean {
    const t = tokenizer as CsvTokenizer | null;
    const info = driver.format?.info;
    const here = router.kind === 'csv' && t !== null && t.atRecordStart && !t.stopped && fileError === null && info !== undefined && driver.tracksIds && decode.encoding?.startsWith('UTF-8');
    if (!here || part.troubled || part.kind !== 'csv' || part.delimiter !== delimiter || part.format?.id !== info.id || part.format.layout !== info.layout) return false;
    if (!part.encoding?.startsWith('UTF-8') || part.issues.catchAll) return false;
    // Only ids whose hash the rows here were checked with can have been seen here: those are asked.
    const ask = idHashes ? sharedHashes(idHashes.finish(), part.idHashes).map((k) => textAt(part.ids, k)) : textValues(part.ids);
    for (const id of ask) if (driver.seenId(id) !== false) return false;
    const rowOffset = t.records - 1;
    issues.absorb(part.issues, rowOffset);
    driver.absorb(part, rowOffset);
    bytes += part.bytes;
    return true;
  }

  return {
    endPart,
    join,
    push(chunk) {
      bytes += chunk.length;
      if (fileError && (decode.refused || (tokenizer as CsvTokenizer | null)?.stopped)) return;
      decode.push(chunk);
    },
    end,
    get progress() {
      return { bytes, rows: driver.rowsRead };
    },
    get stopped() {
      return decode.refused || ((tokenizer as CsvTokenizer | null)?.stopped ?? false);
    },
  };
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
  await pushStream(parser, stream, options);
  return parser.end();
}

/** Pushes a stream's pieces into a parser, without ending it; stops reading once the parser has stopped. */
export async function pushStream(parser: FileParser, stream: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>, options: Pick<StreamOptions, 'onProgress' | 'signal'> = {}): Promise<void> {
  /** Reads one piece; false once the parser has stopped (a refused file, a record past a limit): the rest is not read. */
  const step = (chunk: Uint8Array): boolean => {
    options.signal?.throwIfAborted();
    parser.push(chunk);
    options.onProgress?.(parser.progress);
    return !parser.stopped;
  };
  if ('getReader' in stream) {
    const reader = stream.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (!step(value)) {
          void reader.cancel().catch(() => undefined);
          break;
        }
      }
    } finally {
      reader.releaseLock();
    }
  } else {
    for await (const chunk of stream) if (!step(chunk)) break;
  }
  options.signal?.throwIfAborted();
}
