/// <reference lib="webworker" />
import type { FeatureCollection } from 'geojson';
import { assignAreas, prepareAreas } from '../../../src/geo/areaAssignment';
import type { AssignAnswer, AssignRequest } from './hooks';

/** Times what the import worker does for a large file: the areas prepared from the geodata, then every point assigned. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<AssignRequest>) => {
  const { lons, lats, admin1, focusAreas } = event.data;
  try {
    const t0 = performance.now();
    const areas = prepareAreas(JSON.parse(admin1) as FeatureCollection, JSON.parse(focusAreas) as FeatureCollection);
    const { region, focus, outside } = assignAreas(lons, lats, areas);
    const ms = performance.now() - t0;
    scope.postMessage({ ms, region, focus, outside: outside.length } satisfies AssignAnswer, [region.buffer, focus.buffer]);
  } catch (e) {
    scope.postMessage({ error: e instanceof Error ? e.message : String(e) } satisfies AssignAnswer);
  }
};
