import type { DerivedView } from '../state';
import type { Incident } from '../types';
import { filterMasks } from '../data/incidentClass';
import type { IncidentTable } from '../data/incidentTable';

/** How the incident list is ordered. */
export type IncidentSort = 'date' | 'deaths' | 'place';
export const INCIDENT_SORTS: readonly IncidentSort[] = ['date', 'deaths', 'place'];

/** A place as the list names it: "Intazayene, Tahoua". */
export function placeOf(incident: Incident): string {
  return [incident.place, incident.admin1].filter((p) => p && p.trim()).join(', ');
}

/**
 * The incidents the map draws for a view, in the list's order: every shown dataset's slice
 * (counted and story events alike), through the type and country filters. Dates ascending (then
 * deadliest first), deaths descending (then earliest first), or place in the reader's collation.
 * Runs only while the list is open; it touches the window's events, never the whole dataset.
 */
export function incidentRows(view: DerivedView, sort: IncidentSort, collator: Intl.Collator): Incident[] {
  return sortRows(
    shownPositions(view).flatMap(({ table, positions }) => positions.map((i) => table.get(i))),
    sort,
    collator,
  );
}

/**
 * The same rows with their summaries and sources, which a large import's table fetches from its
 * worker: what a download writes.
 */
export async function incidentRowsWithDetails(view: DerivedView, sort: IncidentSort, collator: Intl.Collator): Promise<Incident[]> {
  const parts = await Promise.all(shownPositions(view).map(({ table, positions }) => table.details(positions)));
  return sortRows(parts.flat(), sort, collator);
}

/** Per shown dataset, the positions of its slice that pass the filters. */
function shownPositions(view: DerivedView): { table: IncidentTable; positions: number[] }[] {
  const masks = filterMasks({ types: view.state.types, countries: view.state.countries });
  const out: { table: IncidentTable; positions: number[] }[] = [];
  for (const shown of view.datasets) {
    if (!shown.visible) continue;
    const positions: number[] = [];
    for (let i = shown.slice[0]; i < shown.slice[1]; i++) if (shown.index.passesAt(i, masks)) positions.push(i);
    out.push({ table: shown.index.incidents, positions });
  }
  return out;
}

function sortRows(rows: Incident[], sort: IncidentSort, collator: Intl.Collator): Incident[] {
  const byDate = (a: Incident, b: Incident) => a.dateStart.getTime() - b.dateStart.getTime();
  const byDeaths = (a: Incident, b: Incident) => (b.deathsBest || 0) - (a.deathsBest || 0);
  if (sort === 'date') rows.sort((a, b) => byDate(a, b) || byDeaths(a, b));
  else if (sort === 'deaths') rows.sort((a, b) => byDeaths(a, b) || byDate(a, b));
  else {
    const keys = new Map<Incident, string>();
    for (const r of rows) keys.set(r, placeOf(r));
    rows.sort((a, b) => collator.compare(keys.get(a)!, keys.get(b)!) || byDate(a, b));
  }
  return rows;
}
