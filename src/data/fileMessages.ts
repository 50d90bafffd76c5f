import type { CsvOverflow } from './csvStream';

/**
 * The importer's file-level error messages: each names the file, says what is wrong and what to
 * do. English, like every data message (the report panel shows them as they are).
 */
export const fileMessages = {
  empty: (file: string, bytes: number) => `${file} is empty${bytes > 0 ? ' (it holds only spaces and line breaks)' : ''}. Choose the exported file itself, not an empty copy.`,
  noRows: (file: string) => `${file} has a header but no data rows. Export the events again with a date range and area that hold some.`,
  /** A record past a limit of the CSV reader: quotes the record's first characters only. */
  overflow: (file: string, { limit, max, row, preview }: CsvOverflow) =>
    `Row ${row} of ${file} holds more than ${max.toLocaleString('en-US')} ${limit}, the most one row may hold, so reading stopped there: the file probably lacks line breaks between rows, or a quote is never closed. The row starts: ${JSON.stringify(preview)}. Export the events again as CSV with one event per line.`,
  geojsonTooLarge: (file: string, bytes: number) =>
    `${file} is too large to read as GeoJSON (${Math.round(bytes / 1e6)} MB): GeoJSON must be read whole. Save the events as CSV, which is read as a stream.`,
};
