import type { FeatureCollection } from 'geojson';
import { buildAreaIndexParts, createAreaIndex, type AreaIndex, type AreaIndexParts, type AreaSource } from '../data/areaIndex';
import type { TimeIndex } from '../data/timeIndex';
import type { Incident } from '../types';
import { tableOfIncidents, type IncidentTable } from '../data/incidentTable';
import { assignAreas, prepareAreas, type Area } from './areaAssignment';

/** The two geodata files areas come from: what the page sends the import worker. */
export interface AreaGeodata {
  admin1: FeatureCollection;
  focusAreas: FeatureCollection;
}

/** Assigns a time index's incidents (in its order) and builds the area index over them. */
export function indexAreas(index: TimeIndex, areas: readonly Area[]): AreaIndex {
  return createAreaIndex(index, assignAreas(index.incidents.lon, index.incidents.lat, areas));
}

/**
 * The import worker's area index for a large file: `sorted` and `days` from sortForTimeIndex (the
 * order the page's time index has), assigned to the areas of `geodata` and built into the area
 * index's parts, which the page wraps with areaIndexFromParts. The areas' ids and names travel in the parts.
 */
export function indexAreasInWorker(sorted: readonly Incident[], days: Int32Array, geodata: AreaGeodata): AreaIndexParts {
  return areaIndexPartsOfTable(tableOfIncidents(sorted), days, geodata);
}

/** The same over a table in time order (the import worker's, over its packed columns) and its days. */
export function areaIndexPartsOfTable(table: AreaSource & Pick<IncidentTable, 'lon' | 'lat'>, days: Int32Array, geodata: AreaGeodata): AreaIndexParts {
  const areas = prepareAreas(geodata.admin1, geodata.focusAreas);
  // The page's indexAreas over the same incidents in the same order, so the same index.
  return buildAreaIndexParts({ incidents: table, days }, assignAreas(table.lon, table.lat, areas));
}
