import type { FeatureCollection } from 'geojson';
import { createAreaIndex, type AreaIndex } from '../data/areaIndex';
import type { TimeIndex } from '../data/timeIndex';
import type { Incident } from '../types';
import { assignAreas, prepareAreas, type Area } from './areaAssignment';

/** The two geodata files areas come from: what the page sends the import worker. */
export interface AreaGeodata {
  admin1: FeatureCollection;
  focusAreas: FeatureCollection;
}

/** An assignment as columns only (no geometry): what the import worker transfers back. */
export interface AssignedColumns {
  region: Int16Array;
  focus: Uint8Array;
}

/** Assigns a time index's incidents (in its order) and builds the area index over them. */
export function indexAreas(index: TimeIndex, areas: readonly Area[]): AreaIndex {
  const n = index.incidents.length;
  const lons = new Float64Array(n);
  const lats = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lons[i] = index.incidents[i].lon;
    lats[i] = index.incidents[i].lat;
  }
  return createAreaIndex(index, assignAreas(lons, lats, areas));
}

/** The import worker's half: assigns the incidents in the order they were parsed, as two transferable columns. */
export function assignIncidents(incidents: readonly Incident[], geodata: AreaGeodata): AssignedColumns {
  const n = incidents.length;
  const lons = new Float64Array(n);
  const lats = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lons[i] = incidents[i].lon;
    lats[i] = incidents[i].lat;
  }
  const { region, focus } = assignAreas(lons, lats, prepareAreas(geodata.admin1, geodata.focusAreas));
  return { region, focus };
}

/**
 * The page's half: columns assigned in the order of `input` (the parsed incidents), re-ordered to
 * the time index's order (which sorts by day and drops undated incidents) and built into an area
 * index. `areas` must come from the same geodata the worker used (the same files, so the same order).
 */
export function indexAssignedAreas(index: TimeIndex, input: readonly Incident[], columns: AssignedColumns, areas: readonly Area[]): AreaIndex {
  const n = index.incidents.length;
  const region = new Int16Array(n);
  const focus = new Uint8Array(n);
  const same = input.length === n && index.incidents.every((incident, i) => incident === input[i]);
  const positionOf = same ? null : new Map<Incident, number>(input.map((incident, i) => [incident, i]));
  for (let i = 0; i < n; i++) {
    const from = positionOf ? positionOf.get(index.incidents[i])! : i;
    region[i] = columns.region[from];
    focus[i] = columns.focus[from];
  }
  return createAreaIndex(index, {
    regions: areas.filter((a) => a.kind === 'region'),
    focusAreas: areas.filter((a) => a.kind === 'focus'),
    region,
    focus,
  });
}
