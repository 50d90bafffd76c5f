/** The delimiters a spreadsheet or database export uses: comma, semicolon (European Excel) and tab. */
export type Delimiter = ',' | ';' | '\t';

const CANDIDATES: readonly Delimiter[] = [',', ';', '\t'];

/**
 * Picks the delimiter from the header line: the candidate that splits it into the most fields,
 * counting only outside quotes (a quoted header name may hold a comma). A tie, or a header with
 * none of them, is a comma. European Excel saves "CSV" with semicolons and decimal commas, and a
 * copy from a spreadsheet is tab-separated, so the header alone decides: data rows are not
 * trusted, since notes are full of commas.
 *
 * `text` may be the whole file or its first piece; only the first line (ended outside quotes) is read.
 */
export function detectDelimiter(text: string): Delimiter {
  const counts = [0, 0, 0];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted) {
      const k = CANDIDATES.indexOf(c as Delimiter);
      if (k >= 0) counts[k]++;
    }
  }
  let best = 0;
  for (let k = 1; k < CANDIDATES.length; k++) if (counts[k] > counts[best]) best = k;
  return CANDIDATES[best];
}

/** Whether `text` holds a whole first line yet (a line end outside quotes), so detectDelimiter can decide. */
export function hasFirstLine(text: string): boolean {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (!quoted && (c === 10 || c === 13)) return true;
  }
  return false;
}

/** How a delimiter is named in a report. */
export function delimiterName(delimiter: Delimiter): string {
  return delimiter === ',' ? 'comma' : delimiter === ';' ? 'semicolon' : 'tab';
}
