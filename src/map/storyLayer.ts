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
 * While the window keeps moving by the keys or in playback, the labels' filter is set at most
 * this often, and once more after the last move, or in the next frame when the reader lets go of
 * a key; during a drag (a pointer held) it waits for the release, and is set in the frame after it
 * (after the final window's markers are drawn): a filter change makes maplibre tile the layer's
 * source again, and the tiles' arrival is one more whole repaint (about 100 ms each under
 * SwiftShader: a drag step at the default window drew 2.5 times). The rings, and which labels are
 * shown among those filtered in, follow every step (feature state, see createStoryLayer).
 */
export const LABEL_EVERY_MS = 1000;

const sameRange = (a: readonly [number, number], b: readonly [number, number]) => a[0] === b[0] && a[1] === b[1];

const pendingCount = new WeakMap<HTMLElement, number>();

/**
 * Counts the story layers of a map whose labels wait for the window to rest, on the map's element
 * as `data-annotations-pending` (absent at none): what a test or a benchmark waits for, with the
 * map's own idle, before the picture is final.
 */
function markPending(element: HTMLElement, by: 1 | -1): void {
  const n = (pendingCount.get(element) ?? 0) + by;
  pendingCount.set(element, n);
  if (n > 0) element.dataset.annotationsPending = String(n);
  else delete element.dataset.annotationsPending;
}

/**
 * Story events: the curated annotation layer drawn on top of the counted data as ringed markers
 * with labelled callouts. They overlap the counted dataset (the Tahoua attack is in both), so they
 * are never added to totals. Which of them the window holds is each feature's state (`in`), read
 * by the rings' and labels' opacity: setting it repaints without tiling anything again. The
 * labels' filter, which also keeps labels outside the window from taking other labels' room,
 * follows at most every {@link LABEL_EVERY_MS} while the window moves, and at the end of a drag.
 */
export function createStoryLayer(map: MaplibreMap, options: StoryLayerOptions): IncidentLayer {
  const sourceId = `${options.id}-source`;
  const ringId = `${options.id}-rings`;
  const labelId = `${options.id}-labels`;
  let index: TimeIndex | null = null;
  let slice: readonly [number, number] = [0, 0];
  /** The features whose `in` state is set (the window's, as the last update left them). */
  let shown: readonly [number, number] = [0, 0];
  const inSlice = ['boolean', ['feature-state', 'in'], false];

  // Features are known by `i`, their position in the index, so their state can be set by it.
  map.addSource(sourceId, { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'i' });
  map.addLayer({
    id: ringId,
    type: 'circle',
    source: sourceId,
    paint: {
      'circle-radius': ['get', 'r'],
      'circle-color': '#000000',
      'circle-opacity': 0,
      'circle-stroke-color': options.style.story.colour,
      // In or out of the window by the stroke's width, not its opacity: radius and width are then
      // the data-driven pair the basemap's place dots have, so maplibre links one circle program
      // for both instead of a second one (100–250 ms of the page's thread in software, as the map got ready).
      'circle-stroke-width': ['case', inSlice, options.style.story.width, 0] as never,
      'circle-stroke-opacity': 1,
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
    paint: { 'text-color': options.textColour, 'text-halo-color': options.haloColour, 'text-halo-width': 1.6, 'text-opacity': ['case', inSlice, 1, 0] as never },
    // No label until the first window is set.
    filter: ['==', ['get', 'i'], -1],
  });

  /** The slice the labels' filter holds; null when unknown (a style rebuilt after a lost context has its snapshot's). */
  let labelled: readonly [number, number] | null = null;
  /** When the labels' filter was last set, and the next one while the window moves (said on the map's element, see markPending). */
  let filteredAt = -Infinity;
  /** The labels' next filter, waiting: a timer while the window moves, a frame once it rests (`frame`). */
  let pending: { cancel(): void; frame: boolean } | null = null;
  const cancelPending = () => {
    if (pending === null) return;
    pending.cancel();
    markPending(map.getContainer(), -1);
    pending = null;
  };
  // A lost WebGL context throws the style away: nothing is set until it is rebuilt, and then the
  // features' states are gone too. The app's draw gate then replays the latest update.
  const onLost = () => cancelPending();
  const onRebuilt = () => {
    shown = [0, 0];
    labelled = null;
    filteredAt = -Infinity;
  };
  map.on('webglcontextlost', onLost);
  map.on('style.load', onRebuilt);
  // The reader letting go of the brush (or a key) ends the move: the labels catch up in the next
  // animation frame. Its callback runs after the map's own, already asked for by the last move,
  // so the final window's markers are drawn first and the labels' tiling follows.
  const flush = () => {
    if (pending === null || pending.frame) return;
    pending.cancel();
    const frame = requestAnimationFrame(filterLabels);
    pending = { cancel: () => cancelAnimationFrame(frame), frame: true };
  };
  // While a pointer is held (a drag of the brush or of the map) the filter waits for the release:
  // each retiling during a drag is one more whole repaint between two steps.
  let held = false;
  const hold = () => {
    held = true;
  };
  const release = () => {
    held = false;
    flush();
  };
  // A release the page never heard of (the pointer let go outside a frame) ends the hold at the next move.
  const moved = (event: PointerEvent) => {
    if (held && event.buttons === 0) release();
  };
  window.addEventListener('pointerdown', hold, true);
  window.addEventListener('pointermove', moved, { passive: true });
  window.addEventListener('pointerup', release);
  window.addEventListener('pointercancel', release);
  window.addEventListener('keyup', flush);
  const filterLabels = () => {
    cancelPending();
    labelled = slice;
    filteredAt = performance.now();
    // Features keep the index's order in `i`: the derived view's slice is a range of `i`.
    if (map.getLayer(labelId)) map.setFilter(labelId, ['all', ['>=', ['get', 'i'], slice[0]], ['<', ['get', 'i'], slice[1]]] as never);
  };

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
      // The next update sets the new features' state afresh.
      map.removeFeatureState({ source: sourceId });
      shown = [0, 0];
    },
    update(state: IncidentLayerState) {
      const visibility = state.visible ? 'visible' : 'none';
      slice = state.slice;
      // Only on a change: each call marks the whole style for an update in the next frame, and this runs every slider step.
      for (const id of [ringId, labelId]) if (map.getLayoutProperty(id, 'visibility') !== visibility) map.setLayoutProperty(id, 'visibility', visibility);
      if (!sameRange(shown, slice)) {
        // Only the features entering or leaving the window change state: a few a step.
        const set = (i: number, on: boolean) => map.setFeatureState({ source: sourceId, id: i }, { in: on });
        for (let i = shown[0]; i < shown[1]; i++) if (i < slice[0] || i >= slice[1]) set(i, false);
        for (let i = slice[0]; i < slice[1]; i++) if (i < shown[0] || i >= shown[1]) set(i, true);
        shown = slice;
      }
      if (pending !== null || (labelled !== null && sameRange(labelled, slice))) return;
      if (held) {
        // Set by `release` (or the next update after it).
        markPending(map.getContainer(), 1);
        pending = { cancel: () => {}, frame: false };
        return;
      }
      const wait = filteredAt + LABEL_EVERY_MS - performance.now();
      if (wait <= 0) return filterLabels();
      markPending(map.getContainer(), 1);
      const timer = setTimeout(filterLabels, wait);
      pending = { cancel: () => clearTimeout(timer), frame: false };
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
      cancelPending();
      map.off('webglcontextlost', onLost);
      map.off('style.load', onRebuilt);
      window.removeEventListener('pointerdown', hold, true);
      window.removeEventListener('pointermove', moved);
      window.removeEventListener('pointerup', release);
      window.removeEventListener('pointercancel', release);
      window.removeEventListener('keyup', flush);
      for (const id of [labelId, ringId]) if (map.getLayer(id)) map.removeLayer(id);
      if (map.getSource(sourceId)) map.removeSource(sourceId);
    },
  };
}
