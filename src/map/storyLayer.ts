import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import type { TimeIndex } from '../data/timeIndex';
import type { Incident } from '../types';
import type { IncidentLayer, IncidentLayerOptions, IncidentLayerState } from './incidentLayer';

export interface StoryLayerOptions extends IncidentLayerOptions {
  /** Label text for a story event (plain text: maplibre draws it as glyphs, never as HTML). */
  label: (incident: Incident) => string;
  /** Font stack for labels (one of the app's glyph folders). */
  font: string;
  textColour: string;
  haloColour: string;
}

/**
 * A short callout name: the first part of the place description ("Niamey, US Embassy" → "Niamey"),
 * or the district when that part is a long phrase ("Roads from Banibangou market to …" → "Banibangou").
 */
export function shortPlace(place: string, district = ''): string {
  const first = place.split(/[,(;]/)[0].trim();
  if (first.length <= 22 && first) return first;
  if (district) return district;
  return `${first.slice(0, 21)}…`;
}

/**
 * Story events: the curated annotation layer drawn on top of the counted data as ringed markers
 * with labelled callouts. They overlap the counted dataset (the Tahoua attack is in both), so they
 * are never added to totals; only 54 of them, so plain filters are cheap.
 */
export function createStoryLayer(map: MaplibreMap, options: StoryLayerOptions): IncidentLayer {
  const sourceId = `${options.id}-source`;
  const ringId = `${options.id}-rings`;
  const labelId = `${options.id}-labels`;
  let index: TimeIndex | null = null;
  let slice: readonly [number, number] = [0, 0];

  map.addSource(sourceId, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({
    id: ringId,
    type: 'circle',
    source: sourceId,
    paint: {
      'circle-radius': ['get', 'r'],
      'circle-color': '#000000',
      'circle-opacity': 0,
      'circle-stroke-color': options.style.story.colour,
      'circle-stroke-width': options.style.story.width,
    },
  });
  map.addLayer({
    id: labelId,
    type: 'symbol',
    source: sourceId,
    layout: {
      'text-field': ['get', 'label'],
      'text-font': [options.font],
      'text-size': 12,
      'text-anchor': 'left',
      'text-offset': [0.9, 0],
      'text-max-width': 12,
      'text-optional': true,
    },
    paint: { 'text-color': options.textColour, 'text-halo-color': options.haloColour, 'text-halo-width': 1.6 },
  });

  return {
    id: options.id,
    setData(next) {
      index = next;
      const data: FeatureCollection<Point> = {
        type: 'FeatureCollection',
        features: Array.from({ length: next.incidents.length }, (_, i) => next.incidents.get(i)).map((incident, i) => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [incident.lon, incident.lat] },
          properties: { i, r: options.style.scale.radius(incident.deathsBest) + options.style.story.pad, label: options.label(incident) },
        })),
      };
      (map.getSource(sourceId) as GeoJSONSource).setData(data);
    },
    update(state: IncidentLayerState) {
      const visibility = state.visible ? 'visible' : 'none';
      slice = state.slice;
      // Features keep the index's order in `i`: the derived view's slice is a range of `i`.
      const filter = ['all', ['>=', ['get', 'i'], slice[0]], ['<', ['get', 'i'], slice[1]]] as const;
      for (const id of [ringId, labelId]) {
        map.setLayoutProperty(id, 'visibility', visibility);
        map.setFilter(id, filter as never);
      }
    },
    pick(point) {
      if (!index || !map.getLayer(ringId) || map.getLayoutProperty(ringId, 'visibility') === 'none') return [];
      const pad = 4;
      const features = map.queryRenderedFeatures(
        [
          [point.x - pad, point.y - pad],
          [point.x + pad, point.y + pad],
        ],
        { layers: [ringId] },
      );
      const out: Incident[] = [];
      for (const f of features) {
        const i = Number(f.properties?.i);
        if (!Number.isInteger(i) || i < 0 || i >= index.incidents.length || i < slice[0] || i >= slice[1]) continue;
        const incident = index.incidents.get(i);
        if (!out.includes(incident)) out.push(incident);
      }
      return out;
    },
    remove() {
      for (const id of [labelId, ringId]) if (map.getLayer(id)) map.removeLayer(id);
      if (map.getSource(sourceId)) map.removeSource(sourceId);
    },
  };
}
