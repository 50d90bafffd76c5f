import type { Map as MaplibreMap } from 'maplibre-gl';
import type { Store } from '../state';
import type { Messages } from '../i18n/messages';
import type { Formatters } from '../i18n/format';
import type { TimeIndex } from '../data/timeIndex';
import type { Dataset, Incident } from '../types';
import { createTimeIndex } from '../data/timeIndex';
import { createMarkerScale } from '../map/markerScale';
import { createMarkerStyle } from '../map/markerStyle';
import { createMapView, type MapViewOptions } from '../map/mapView';
import { createCircleIncidentLayer } from '../map/circleIncidentLayer';
import { webglIncidentLayerFactory } from '../map/webglIncidentLayer';
import { createStoryLayer, shortPlace } from '../map/storyLayer';
import { LegendControl } from '../map/controls/legendControl';
import { FocusAreaControl } from '../map/controls/focusAreaControl';
import { bindIncidentPopups } from '../map/incidentPopups';
import { buildStyle, FIRST_LABEL_LAYER_ID } from '../map/style';
import { LIGHT, type Theme } from '../map/theme';
import { mountTimeline } from '../timeline/timeline';
import { mountFilterPanel } from '../ui/filterPanel';
import { mountEmptyNotice } from '../ui/emptyNotice';
import { loadBundledData } from './loadBundledData';
import { loadFocusBounds } from './loadFocusBounds';
import { syncIncidentLayers } from './syncIncidentLayers';
import { createDatasetLayers, type DatasetLayers } from './datasetLayers';

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
  /** Every dataset on the map; add a user's file with `datasets.add(dataset, incidents)`. */
  datasets: DatasetLayers;
  /** The counted datasets' time indexes, by dataset id: the embed API reports their visible totals. */
  readonly counted: { id: string; index: TimeIndex }[];
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
  const bundled = [data.counted, data.stories];
  // The scale's domain is fixed on the bundled counted dataset, so markers and legend never change
  // while scrubbing, nor when a file is added.
  const countedIndex = createTimeIndex(data.counted.result.incidents);
  const style = createMarkerStyle(theme, createMarkerScale(countedIndex.maxDeaths));

  // The timeline and filters first: they set the map's final height before it frames the first view.
  const timeline = mountTimeline(options.timelineElement, store, {
    index: countedIndex,
    messages,
    formatters,
    trackStart: TRACK_START,
  });
  let filters = mountFilterPanel(options.filtersElement, store, { datasets: bundled.map((b) => b.dataset), messages });

  const view = createMapView({
    container: options.mapElement,
    store,
    style: buildStyle(theme, { assetBase: options.assetBase, lang: options.lang ?? 'en' }),
    boundsFor,
    overlays: () => [
      options.filtersElement.querySelector<HTMLElement>('details[open]'),
      options.mapElement.querySelector<HTMLElement>('.legend[open]'),
    ],
    attribution: bundled.map((b) => b.dataset.attribution),
    ...options.mapOptions,
  });
  const { map } = view;
  map.getCanvas().setAttribute('aria-label', messages.mapLabel);
  map.addControl(new FocusAreaControl(store, messages), 'top-left');
  map.addControl(new LegendControl({ style, theme, messages, formatters }), 'top-right');
  view.reframe();
  await view.loaded;

  const datasets = createDatasetLayers({
    map,
    store,
    style,
    beforeId: FIRST_LABEL_LAYER_ID,
    // The GPU layer draws only the window's slice; without WebGL2 it falls back to circle layers.
    countedFactory: webglIncidentLayerFactory(createCircleIncidentLayer),
    annotationFactory: (m, o) =>
      createStoryLayer(m, {
        ...o,
        label: (i) => `${shortPlace(i.place, i.admin2)} · ${formatters.day(i.dateStart)}`,
        font: 'Noto Sans Medium',
        textColour: theme.labelText,
        haloColour: theme.labelHalo,
      }),
  });
  const datasetsById = new Map<string, Dataset>();
  datasets.onChange(() => {
    datasetsById.clear();
    for (const e of datasets.entries()) datasetsById.set(e.dataset.id, e.dataset);
  });
  datasets.add(data.counted.dataset, data.counted.result.incidents, countedIndex);
  datasets.add(data.stories.dataset, data.stories.result.incidents);
  // Only when the URL hid the counted layer does the timeline need another index than the one it has.
  if (datasets.countedIndex() !== countedIndex) timeline.setIndex(datasets.countedIndex());
  datasets.onChange(() => {
    timeline.setIndex(datasets.countedIndex());
    filters.destroy();
    filters = mountFilterPanel(options.filtersElement, store, { datasets: datasets.entries().map((e) => e.dataset), messages });
  });
  syncIncidentLayers(store, () => datasets.entries());
  mountEmptyNotice(options.mapElement, store, () => datasets.countedIndex(), messages.noIncidents);
  bindIncidentPopups({
    map,
    store,
    layers: () => datasets.pickOrder(),
    datasets: datasetsById,
    lookup: (k) => datasets.lookup(k),
    messages,
    formatters,
  });

  // The UCDP popups' long texts come in a second file once the map has drawn (loadUcdpTiers.ts).
  map.once('idle', () => {
    for (const b of bundled) b.complete?.().catch((e: unknown) => console.warn(`Sahel Incident Map: the popups' details did not load (${e instanceof Error ? e.message : String(e)}); the map is unaffected.`));
  });

  return {
    map,
    datasets,
    get counted() {
      return datasets.entries().filter((e) => e.dataset.role === 'counted').map((e) => ({ id: e.dataset.id, index: e.index }));
    },
    lookup: (key) => datasets.lookup(key),
  };
}
