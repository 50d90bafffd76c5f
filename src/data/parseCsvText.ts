import type { Incident, ParseResult } from '../types';
import { readCsv } from './csv';
import type { FormatDefinition } from './formatDefinition';
import { IssueLog } from './issueLog';
import { defaultDateRange } from './plausibleDates';
import { createRecordDriver } from './recordDriver';

/**
 * Reads a whole CSV text of one known format at once, through the same record driver as the
 * streamed importer (parseFile): the bundled data's parsers (`parseAcled`, `parseUcdpGed`,
 * `parseStoryEvents`) are this with their format. A header that is not the format's gives the
 * format's own file-level error and every row is rejected. Never throws.
 */
export function parseCsvText(text: string, file: string, dataset: string, format: FormatDefinition): ParseResult {
  const { header, records } = readCsv(text);
  const issues = new IssueLog(file);
  const incidents: Incident[] = [];
  const driver = createRecordDriver({
    file,
    dataset,
    issues,
    detect: (names) => format.detect(names),
    precisionWarnings: false,
    badBytesWarnings: false,
    onIncident: (incident) => incidents.push(incident),
    dateRange: defaultDateRange(),
  });
  driver.watch(text);
  if (driver.header(header) === null) {
    const { field, message } = format.headerIssue(header);
    issues.push({ severity: 'error', file, row: header.length > 0 ? 1 : null, field, value: null, message });
  }
  for (const record of records) driver.record(record);
  return { incidents, issues: issues.list(), rowsRead: driver.rowsRead, rowsRejected: driver.rowsRejected };
}
