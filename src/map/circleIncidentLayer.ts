import type { ExpressionSpecification, GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import { dayNumber, type TimeIndex } from '../data/timeIndex';
import { countrySlot, OTHER_COUNTRY, typeSlot } from '../data/incidentClass';
import { APPROXIMATE_PRECISIONS, EVENT_TYPES, type Incident } from '../types';
import { EVENT_TYPE_COLOURS } from './eventColours';
import type { IncidentLayer, IncidentLayerFactory, IncidentLayerOptions, IncidentLayerState } from './incidentLayer';

/** Feature properties: short keys, because a GeoJSON source copies them into every tile. */
interface MarkerProperties {
  /** index into TimeIndex.incidents */
  i: number;
  day: number;
  r: number;
  /** type slot (src/data/incidentClass.ts) */
  t: number;
  /** country slot: index in COUNTRIES, or OTHER_COUNTRY for any other country */
  c: number;
  zero: boolean;
  approx: boolean;
}

function toFeatures(index: TimeIndex, radius: (deaths: number) => number): FeatureCollection<Point, MarkerProperties> {
  return {
    type: 'FeatureCollection',
    features: index.incidents.map((incident, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [incident.lon, incident.lat] },
      properties: {
        i,
        day: index.days[i],
        r: radius(incident.deathsBest),
        t: typeSlot(incident.eventType),
        c: countrySlot(incident.country),
        zero: !(incident.deathsBest > 0),
        approx: APPROXIMATE_PRECISIONS.has(incident.locationPrecision),
      },
    })),
  };
}

const typeColour = [
  'match',
  ['get', 't'],
  ...EVENT_TYPES.flatMap((type, i) => [i, EVENT_TYPE_COLOURS[type]] as [number, string]),
  '#777777',
] as unknown as ExpressionSpecification;

/**
 * The incident layer as plain maplibre circle layers over a GeoJSON source, re-filtered with
 * `setFilter` on each step. Simple and robust; it is the fallback where WebGL2 custom layers
 * cannot run, and the baseline the GPU layer is benchmarked against.
 */
export const createCircleIncidentLayer: IncidentLayerFactory = (map: MaplibreMap, options: IncidentLayerOptions): IncidentLayer => {
  const sourceId = `${options.id}-source`;
  const layerId = `${options.id}-circles`;
  let index: TimeIndex | null = null;
  let slice: readonly [number, number] = [0, 0];

  map.addSource(sourceId, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer(
    {
      id: layerId,
      type: 'circle',
      source: sourceId,
      paint: {
        'circle-radius': ['get', 'r'],
        // Zero-death events: a white dot ringed in the type colour, distinct from a 1-death marker.
        'circle-color': ['case', ['get', 'zero'], '#ffffff', typeColour],
        'circle-opacity': 0.72,
        // Approximate (centroid) locations are blurred: the point is not the place.
        'circle-blur': ['case', ['get', 'approx'], 0.55, 0],
        'circle-stroke-color': ['case', ['get', 'zero'], typeColour, '#ffffff'],
        'circle-stroke-width': ['case', ['get', 'zero'], 1.5, ['get', 'approx'], 0, 0.75],
        'circle-stroke-opacity': 0.9,
      },
    },
    options.beforeId && map.getLayer(options.beforeId) ? options.beforeId : undefined,
  );

  return {
    id: options.id,
    setData(next) {
      index = next;
      (map.getSource(sourceId) as GeoJSONSource).setData(toFeatures(next, options.scale.radius));
    },
    update(state: IncidentLayerState) {
      map.setLayoutProperty(layerId, 'visibility', state.visible ? 'visible' : 'none');
      slice = state.slice;
      const types = state.filter.types.map(typeSlot);
      const countries = [OTHER_COUNTRY, ...state.filter.countries.map(countrySlot)];
      // Features keep the index's order in `i`, so the derived view's slice is a range of `i`.
      map.setFilter(layerId, [
        'all',
        ['>=', ['get', 'i'], slice[0]],
        ['<', ['get', 'i'], slice[1]],
        ['in', ['get', 't'], ['literal', types]],
        ['in', ['get', 'c'], ['literal', countries]],
      ]);
      // In cumulative mode the events before the window's start stay, dimmed.
      const windowStart = dayNumber(state.window.from);
      map.setPaintProperty(
        layerId,
        'circle-opacity',
        state.mode === 'cumulative' ? ['case', ['<', ['get', 'day'], windowStart], 0.25, 0.75] : 0.72,
      );
    },
    pick(point) {
      if (!index || !map.getLayer(layerId)) return [];
      const pad = 3;
      const features = map.queryRenderedFeatures(
        [
          [point.x - pad, point.y - pad],
          [point.x + pad, point.y + pad],
        ],
        { layers: [layerId] },
      );
      const seen = new Set<number>();
      const picked: { incident: Incident; d: number }[] = [];
      for (const f of features) {
        const i = Number(f.properties?.i);
        if (!Number.isInteger(i) || seen.has(i) || i < 0 || i >= index.incidents.length) continue;
        if (i < slice[0] || i >= slice[1]) continue;
        seen.add(i);
        const incident = index.incidents[i];
        const p = map.project([incident.lon, incident.lat]);
        picked.push({ incident, d: Math.hypot(p.x - point.x, p.y - point.y) });
      }
      // Nearest first; among a stack at one point, the deadliest first.
      return picked.sort((a, b) => a.d - b.d || b.incident.deathsBest - a.incident.deathsBest).map((p) => p.incident);
    },
    remove() {
      if (map.getLayer(layerId)) map.removeLayer(layerId);
      if (map.getSource(sourceId)) map.removeSource(sourceId);
    },
  };
};
