import { rowsOf, tableOfColumns, type IncidentColumnsStore } from '../data/incidentTable';
import { textTransfer, type TextColumn } from '../data/textColumn';
import type { Incident } from '../types';
import { PackBuilder } from './packBuilder';

/**
 * Incidents as columns, for the import worker to post to the page: numbers in typed arrays, text
 * as code units (see TextColumn), repeated text once with an index per incident, each distinct
 * source list once as JSON. Every array is transferred, not copied, and the message holds no
 * string that grows with the file: structured cloning a million Incident objects, or a million
 * strings, costs seconds on each side and blocks the page while it lands.
 */
export interface PackedIncidents extends IncidentColumnsStore {
  unique: { id: TextColumn; summary: TextColumn };
  sources: { index: Uint32Array; lists: TextColumn };
}

/** The columns of these incidents, in their order (PackBuilder over them). */
export function packIncidents(incidents: readonly Incident[]): PackedIncidents {
  const builder = new PackBuilder();
  for (const incident of incidents) builder.add(incident);
  return builder.finish();
}

/** The buffers to transfer with a packed column set (they move to the page rather than being copied); summary and sources only when present. */
export function packedTransfer(p: IncidentColumnsStore): ArrayBuffer[] {
  const arrays = [p.start, p.end, p.lon, p.lat, p.best, p.low, p.high, p.datePrecision, p.locationPrecision, p.eventType, ...Object.values(p.repeated).map((d) => d.index)];
  const texts = [...Object.values(p.repeated).map((d) => d.values), p.unique.id, ...(p.unique.summary ? [p.unique.summary] : []), ...(p.sources ? [p.sources.lists] : [])];
  // Once each: columns may share a buffer (the end days are the start days when every event lasts one day).
  return [...new Set([...arrays.map((a) => a.buffer as ArrayBuffer), ...(p.sources ? [p.sources.index.buffer as ArrayBuffer] : []), ...texts.flatMap(textTransfer)])];
}

/**
 * The incidents again (tests and small tables: the page reads the columns through tableOfColumns).
 * A source list shared in the worker is shared here too: it may not be mutated.
 */
export function unpackIncidents(p: IncidentColumnsStore): Incident[] {
  return rowsOf(tableOfColumns(p));
}
