import type { Map as MaplibreMap } from 'maplibre-gl';
import type { Store } from '../state';
import type { Messages } from '../i18n/messages';
import type { Formatters } from '../i18n/format';
import type { TimeIndex } from '../data/timeIndex';
import type { Dataset, Incident } from '../types';
import { createTimeIndex } from '../data/timeIndex';
import { createMarkerScale } from '../map/markerScale';
import { createMapView, type MapViewOptions } from '../map/mapView';
import { createCircleIncidentLayer } from '../map/circleIncidentLayer';
import { createStoryLayer, shortPlace } from '../map/storyLayer';
import { LegendControl } from '../map/controls/legendControl';
import { FocusAreaControl } from '../map/controls/focusAreaControl';
import { bindIncidentPopups, incidentKey } from '../map/incidentPopups';
import type { IncidentLayer } from '../map/incidentLayer';
import { buildStyle, FIRST_LABEL_LAYER_ID } from '../map/style';
import { LIGHT, type Theme } from '../map/theme';
import { mountTimeline } from '../timeline/timeline';
import { mountFilterPanel } from '../ui/filterPanel';
import { loadBundledData } from './loadBundledData';
import { loadFocusBounds } from './loadFocusBounds';
import { syncIncidentLayers } from './syncIncidentLayers';

/** The track opens on the years the map's stories are about (see TimelineOptions.trackStart). */
const TRACK_START = new Date(Date.UTC(2017, 0, 1));

export interface StartAppOptions {
  store: Store;
  messages: Messages;
  formatters: Formatters;
  mapElement: HTMLElement;
  filtersElement: HTMLElement;
  timelineElement: HTMLElement;
  /** Absolute URL of the app's folder, ending in '/'. */
  assetBase: string;
  /** The embed (embed.html) restyles and restricts the map; the full map takes these defaults. @defaultValue LIGHT */
  theme?: Theme;
  /** Language of the map's labels. @defaultValue 'en' */
  lang?: 'en' | 'fr';
  mapOptions?: Pick<MapViewOptions, 'hash' | 'cooperativeGestures' | 'interactive' | 'locale'>;
}

export interface App {
  map: MaplibreMap;
  /** The counted datasets' time indexes, by dataset id: the embed API reports their visible totals. */
  counted: { id: string; index: TimeIndex }[];
  /** An incident by its `${dataset}:${id}` key. */
  lookup(key: string): Incident | undefined;
}

/** Loads the bundled data and the focus areas, then mounts the map, its layers, the timeline and the filters. */
export async function startApp(options: StartAppOptions): Promise<App> {
  const { store, messages, formatters } = options;
  const theme = options.theme ?? LIGHT;
  const [data, boundsFor] = await Promise.all([loadBundledData(options.assetBase), loadFocusBounds(options.assetBase)]);
  for (const issue of [...data.counted.result.issues, ...data.stories.result.issues]) {
    if (issue.severity === 'error') console.warn(`${issue.file} row ${issue.row ?? '-'} ${issue.field ?? ''}: ${issue.message}`);
  }

  const countedIndex = createTimeIndex(data.counted.result.incidents);
  const storyIndex = createTimeIndex(data.stories.result.incidents);
  const datasets = new Map<string, Dataset>([data.counted.dataset, data.stories.dataset].map((d) => [d.id, d]));
  const byKey = new Map<string, Incident>();
  for (const incident of [...countedIndex.incidents, ...storyIndex.incidents]) byKey.set(incidentKey(incident), incident);
  // The scale's domain is fixed on the whole counted dataset, so markers and legend never change while scrubbing.
  const scale = createMarkerScale(countedIndex.maxDeaths);

  // The timeline and filters first: they set the map's final height before it frames the first view.
  mountTimeline(options.timelineElement, store, { index: countedIndex, messages, formatters, trackStart: TRACK_START });
  mountFilterPanel(options.filtersElement, store, { datasets: [...datasets.values()], messages });

  const view = createMapView({
    container: options.mapElement,
    store,
    style: buildStyle(theme, { assetBase: options.assetBase, lang: options.lang ?? 'en' }),
    boundsFor,
    attribution: [...datasets.values()].map((d) => d.attribution),
    ...options.mapOptions,
  });
  const { map } = view;
  map.getCanvas().setAttribute('aria-label', messages.mapLabel);
  map.addControl(new FocusAreaControl(store, messages), 'top-left');
  map.addControl(new LegendControl({ scale, messages, formatters, storyColour: theme.labelText }), 'top-right');
  await view.loaded;

  const counted = createCircleIncidentLayer(map, { id: 'ucdp', dataset: data.counted.dataset, scale, beforeId: FIRST_LABEL_LAYER_ID });
  counted.setData(countedIndex);
  const stories = createStoryLayer(map, {
    id: 'stories',
    dataset: data.stories.dataset,
    scale,
    label: (i) => `${shortPlace(i.place, i.admin2)} · ${formatters.day(i.dateStart)}`,
    font: 'Noto Sans Medium',
    textColour: theme.labelText,
    haloColour: theme.labelHalo,
  });
  stories.setData(storyIndex);
  const layers = new Map<string, IncidentLayer>([
    [data.counted.dataset.id, counted],
    [data.stories.dataset.id, stories],
  ]);
  syncIncidentLayers(store, layers);
  bindIncidentPopups({ map, store, layers: () => [stories, counted], datasets, lookup: (k) => byKey.get(k), messages, formatters });

  return { map, counted: [{ id: data.counted.dataset.id, index: countedIndex }], lookup: (key) => byKey.get(key) };
}
