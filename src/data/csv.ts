import { csvParseRows, dsvFormat } from 'd3-dsv';

/** One record of a delimited file, with the row number a spreadsheet shows for it. */
export interface CsvRecord {
  /**
   * 1-based row as a spreadsheet numbers it: the header is row 1, the first record row 2. A record
   * whose quoted fields contain line breaks is still one row, and a blank line still takes a row
   * number (spreadsheets show it as an empty row) although it yields no record.
   */
  row: number;
  /** The fields, unquoted. A trailing empty field beyond the header's width is dropped. */
  fields: string[];
}

export interface CsvTable {
  /** Header names, trimmed (a leading UTF-8 BOM is stripped). Empty for an empty file. */
  header: string[];
  records: CsvRecord[];
}

/**
 * Reads comma- (or other-) delimited text into a header and records, never throwing.
 *
 * d3-dsv does the RFC 4180 work (quotes, doubled quotes, line breaks inside quotes, CRLF or LF
 * line ends). On top of it this keeps spreadsheet row numbers, so every import message can point
 * at the row a user sees when opening the file, and tolerates one trailing empty field beyond the
 * header: UCDP's per-country download ends every row with a comma (48 fields for 47 names).
 */
export function readCsv(text: string, delimiter = ','): CsvTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows = delimiter === ',' ? csvParseRows(body) : dsvFormat(delimiter).parseRows(body);
  if (rows.length === 0) return { header: [], records: [] };
  const header = rows[0].map((name) => name.trim());
  const records: CsvRecord[] = [];
  for (let i = 1; i < rows.length; i++) {
    const fields = recordFields(rows[i], header.length);
    if (fields) records.push({ row: i + 1, fields });
  }
  return { header, records };
}

/**
 * A data record's fields as the parsers read them, or null for a blank line (d3-dsv and the
 * streaming tokenizer give `[""]`): one trailing empty field beyond the header's width is dropped.
 * Shared by readCsv and the streamed import, so both read a record alike. May modify `fields`.
 */
export function recordFields(fields: string[], headerWidth: number): string[] | null {
  if (fields.length === 1 && fields[0].trim() === '') return null;
  if (fields.length === headerWidth + 1 && fields[fields.length - 1] === '') fields.pop();
  return fields;
}

/**
 * Looks fields up by header name. A name missing from the header, or a field missing from a short
 * record, reads as the empty string, so callers report "empty" rather than crash.
 */
export function fieldReader(header: readonly string[]): (record: CsvRecord, name: string) => string {
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (!index.has(name)) index.set(name, i);
  });
  return (record, name) => {
    const i = index.get(name);
    return i === undefined ? '' : (record.fields[i] ?? '');
  };
}
