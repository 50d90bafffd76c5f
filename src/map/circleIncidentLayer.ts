import type { CircleLayerSpecification, ExpressionSpecification, GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import { dayNumber, type TimeIndex } from '../data/timeIndex';
import { countrySlot, OTHER_COUNTRY, typeSlot } from '../data/incidentClass';
import { APPROXIMATE_PRECISIONS, EVENT_TYPES, type Incident } from '../types';
import { dimmedOpacity, type MarkerStyle } from './markerStyle';
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
  /** match flag (src/data/datasetMatch.ts MATCH_FLAG) */
  m: number;
}

function toFeatures(index: TimeIndex, radius: (deaths: number) => number, flags: Uint8Array | null): FeatureCollection<Point, MarkerProperties> {
  return {
    type: 'FeatureCollection',
    features: Array.from({ length: index.incidents.length }, (_, i) => index.incidents.get(i)).map((incident, i) => ({
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
        m: flags && flags.length === index.incidents.length ? flags[i] : 0,
      },
    })),
  };
}

function typeColour(style: MarkerStyle): ExpressionSpecification {
  return [
    'match',
    ['get', 't'],
    ...EVENT_TYPES.flatMap((type, i) => [i, style.typeColours[type]] as [number, string]),
    style.unknownTypeColour,
  ] as unknown as ExpressionSpecification;
}

/**
 * The circle layer's paint, from the marker style the shaders and the legend read. Zero-death
 * events: a light dot ringed in the type colour; approximate (centroid) locations are blurred and
 * unrimmed, because the point is not the place.
 */
export function circlePaint(style: MarkerStyle): NonNullable<CircleLayerSpecification['paint']> {
  const colour = typeColour(style);
  return {
    'circle-radius': ['get', 'r'],
    'circle-color': ['case', ['get', 'zero'], style.noDeaths.fill, colour],
    'circle-opacity': style.fillOpacity,
    'circle-blur': ['case', ['get', 'approx'], style.approximate.blur, 0],
    'circle-stroke-color': ['case', ['get', 'zero'], colour, style.rim.colour],
    'circle-stroke-width': ['case', ['get', 'zero'], style.noDeaths.rimWidth, ['get', 'approx'], 0, style.rim.width],
    'circle-stroke-opacity': style.rim.opacity,
  };
}

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
  let flags: Uint8Array | null = null;
  const paint = circlePaint(options.style);

  map.addSource(sourceId, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer(
    {
      id: layerId,
      type: 'circle',
      source: sourceId,
      paint,
    },
    options.beforeId && map.getLayer(options.beforeId) ? options.beforeId : undefined,
  );

  return {
    id: options.id,
    setData(next) {
      index = next;
      (map.getSource(sourceId) as GeoJSONSource).setData(toFeatures(next, options.style.scale.radius, flags));
    },
    setMatchFlags(next) {
      flags = next;
      if (index) (map.getSource(sourceId) as GeoJSONSource).setData(toFeatures(index, options.style.scale.radius, flags));
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
      const opacity: ExpressionSpecification | number =
        state.mode === 'cumulative' ? ['case', ['<', ['get', 'day'], windowStart], dimmedOpacity(options.style), options.style.fillOpacity] : options.style.fillOpacity;
      // The matching toggle: matched dimmed; a lone event's rim becomes the (solid) match ring: circle strokes cannot dash.
      const { match } = options.style;
      const matching = state.matching && flags !== null;
      map.setPaintProperty(layerId, 'circle-opacity', matching ? ['*', opacity, ['case', ['==', ['get', 'm'], 1], match.matchedOpacity, 1]] : opacity);
      const rimWidth = paint['circle-stroke-width'] as ExpressionSpecification;
      const rimColour = paint['circle-stroke-color'] as ExpressionSpecification;
      map.setPaintProperty(layerId, 'circle-stroke-width', matching ? ['case', ['>=', ['get', 'm'], 2], match.width, rimWidth] : rimWidth);
      map.setPaintProperty(layerId, 'circle-stroke-color', matching ? ['case', ['>=', ['get', 'm'], 2], match.colour, rimColour] : rimColour);
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
        const incident = index.incidents.get(i);
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
