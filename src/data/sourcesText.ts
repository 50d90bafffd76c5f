import type { Source } from '../types';
import { textAt, type TextColumn } from './textColumn';
import { ucdpSources } from './ucdpSources';

/**
 * An incident's source list as the column store keeps it: JSON of the list, or, from a mapper
 * that deferred it ({@link MapperContext.deferSources}), a UCDP row's three source fields as
 * read, which {@link sourcesOfText} turns into the list only when a popup or an export asks.
 * Building a million lists of objects at import, to serialise each again at once, was a tenth of
 * a UCDP file's read.
 */
export type SourcesText = string;

/** Marks the UCDP form: JSON never starts with it. */
const UCDP_RAW = '\u0001';

/** A list stored as JSON. */
export function sourcesText(list: readonly Source[]): SourcesText {
  return JSON.stringify(list);
}

/**
 * A UCDP row's `source_office`, `source_date` and `source_headline`, kept as read. The lengths
 * come first, so any text, separators and control characters included, comes back as it was.
 */
export function ucdpSourcesText(office: string, date: string, headline: string): SourcesText {
  return `${UCDP_RAW}${office.length},${date.length};${office}${date}${headline}`;
}

/** The list a stored text holds (a new array each time; a caller that shares it must not mutate it). */
export function sourcesOfText(text: SourcesText): Source[] {
  if (!text.startsWith(UCDP_RAW)) return JSON.parse(text) as Source[];
  const comma = text.indexOf(',');
  const semicolon = text.indexOf(';', comma);
  const officeLength = Number(text.slice(1, comma));
  const dateLength = Number(text.slice(comma + 1, semicolon));
  const at = semicolon + 1;
  const office = text.slice(at, at + officeLength);
  const date = text.slice(at + officeLength, at + officeLength + dateLength);
  return ucdpSources(office, date, text.slice(at + officeLength + dateLength));
}

/**
 * The list of incident i in a sources column (each incident's index into the distinct texts),
 * each distinct text decoded once per reader: incidents that shared a list get it shared back
 * (nothing may mutate it).
 */
export function sourceListReader(sources: { index: Uint32Array; lists: TextColumn }): (i: number) => Source[] {
  const lists = new Map<number, Source[]>();
  return (i) => {
    const k = sources.index[i];
    let list = lists.get(k);
    if (!list) lists.set(k, (list = sourcesOfText(textAt(sources.lists, k))));
    return list;
  };
}
