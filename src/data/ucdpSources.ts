import type { Source } from '../types';

/** Whether a field is empty or only white space, without building its trimmed copy. */
const isBlank = (raw: string): boolean => raw === '' || raw.trim() === '';

/** Splits a UCDP `;`-list, trimming each entry; an empty field is an empty list. Most lists have one entry: no split then. */
function splitList(raw: string): string[] {
  if (isBlank(raw)) return [];
  if (!raw.includes(';')) return [raw.trim()];
  const pieces = raw.split(';');
  for (let i = 0; i < pieces.length; i++) pieces[i] = pieces[i].trim();
  return pieces;
}

/** The `;`-pieces of a list, untrimmed; none for a blank field. */
const splitRaw = (raw: string): string[] => (isBlank(raw) ? [] : raw.includes(';') ? raw.split(';') : [raw]);

/**
 * Headlines may themselves contain `;`, which UCDP does not escape, so a list can have more pieces
 * than there are sources. A piece that began with a space after the `;` continues the previous
 * headline ("Gunmen stage deadly raid on Mali army post; U.N. peacekeepers hurt in blast"): such
 * pieces are joined back until the counts agree; any remaining excess is joined to the last title.
 */
function headlinesFor(raw: string, count: number): string[] {
  const pieces = splitRaw(raw);
  if (pieces.length <= count) {
    for (let i = 0; i < pieces.length; i++) pieces[i] = pieces[i].trim();
    return pieces;
  }
  for (let i = pieces.length - 1; i > 0 && pieces.length > count; i--) {
    if (/^\s/.test(pieces[i])) pieces.splice(i - 1, 2, `${pieces[i - 1]};${pieces[i]}`);
  }
  if (count > 0 && pieces.length > count) pieces.splice(count - 1, Infinity, pieces.slice(count - 1).join(';'));
  return pieces.map((piece) => piece.trim());
}

/**
 * One {@link Source} per reported source of a UCDP event: `source_office` gives the publisher,
 * `source_headline` the title, `source_date` the date (ISO, as given). UCDP publishes no links, so
 * `url` is always null. The number of sources is the length of the office list (UCDP keeps offices
 * and dates in step); without offices, the longer of the other two lists.
 */
export function ucdpSources(office: string, date: string, headline: string): Source[] {
  const offices = splitList(office);
  const dates = splitList(date);
  const count = offices.length > 0 ? offices.length : Math.max(dates.length, splitList(headline).length);
  const titles = headlinesFor(headline, count);
  const sources: Source[] = [];
  for (let i = 0; i < count; i++) {
    sources.push({ title: titles[i] ?? '', url: null, publisher: offices[i] ?? '', date: dates[i] ?? '' });
  }
  return sources;
}
