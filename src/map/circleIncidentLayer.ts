import type { ExpressionSpecification, GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import { dayNumber, type TimeIndex } from '../data/timeIndex';
import { APPROXIMATE_PRECISIONS, COUNTRIES, EVENT_TYPES, type Incident } from '../types';
import { EVENT_TYPE_COLOURS } from './eventColours';
import type { IncidentLayer, IncidentLayerFactory, IncidentLayerOptions, IncidentLayerState } from './incidentLayer';

/** Feature properties: short keys, because a GeoJSON source copies them into every tile. */
interface MarkerProperties {
  /** index into TimeIndex.incidents */
  i: number;
  day: number;
  r: number;
  t: number;
  /** country bucket: index in COUNTRIES, or -1 for any other country */
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
        t: EVENT_TYPES.indexOf(incident.eventType),
        c: (COUNTRIES as readonly string[]).indexOf(incident.country),
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
  let dayWindow: [number, number] = [0, -1];

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
      const from = state.mode === 'cumulative' && index?.extent ? dayNumber(index.extent[0]) : dayNumber(state.from);
      const to = dayNumber(state.to);
      dayWindow = [from, to];
      const types = state.filter.types.map((t) => EVENT_TYPES.indexOf(t));
      const countries = [-1, ...state.filter.countries.map((c) => COUNTRIES.indexOf(c))];
      map.setFilter(layerId, [
        'all',
        ['>=', ['get', 'day'], from],
        ['<=', ['get', 'day'], to],
        ['in', ['get', 't'], ['literal', types]],
        ['in', ['get', 'c'], ['literal', countries]],
      ]);
      // In cumulative mode the events before the window's start stay, dimmed.
      const windowStart = dayNumber(state.from);
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
        if (index.days[i] < dayWindow[0] || index.days[i] > dayWindow[1]) continue;
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
