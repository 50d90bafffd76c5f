import { LngLatBounds, type GeoJSONSource, type Map as MaplibreMap } from 'maplibre-gl';
import type { AppState, DerivedViewHandle, Store } from '../state';
import type { Messages } from '../i18n/messages';
import type { Formatters } from '../i18n/format';
import type { Dataset, Incident } from '../types';
import { createTimeIndex } from '../data/timeIndex';
import { createMarkerScale } from '../map/markerScale';
import { createMarkerStyle } from '../map/markerStyle';
import { recolourMap } from '../map/colourScheme';
import { createMapView, type MapViewOptions } from '../map/mapView';
import { createCircleIncidentLayer } from '../map/circleIncidentLayer';
import { webglIncidentLayerFactory } from '../map/webglIncidentLayer';
import { createStoryLayer, shortPlace } from '../map/storyLayer';
import { LegendControl } from '../map/controls/legendControl';
import { DENSITY_SCALE } from '../map/densityScale';
import { createIncidentViewReport } from '../map/incidentViewReport';
import { mountViewStatus } from '../map/viewStatus';
import { FocusAreaControl } from '../map/controls/focusAreaControl';
import { bindIncidentPopups, incidentKey } from '../map/incidentPopups';
import { buildStyle, FIRST_LABEL_LAYER_ID } from '../map/style';
import { LIGHT, type Theme } from '../map/theme';
import { mountTimeline } from '../timeline/timeline';
import { mountSideToggle } from '../ui/sideToggle';
import { mountFilterPanel } from '../ui/filterPanel';
import { mountEmptyNotice } from '../ui/emptyNotice';
import { datasetNamer, mountIncidentList } from '../ui/incidentList';
import { incidentRows, incidentRowsWithDetails } from '../ui/incidentRows';
import { mountDownloadMenu } from '../ui/downloadMenu';
import { datasetInLanguage } from '../i18n/catalogueNames';
import { maplibreLocale } from '../i18n/maplibreLocale';
import { loadBundledData } from './loadBundledData';
import { readUcdpDetails } from './createDetailsWorker';
import { loadFocusBounds } from './loadFocusBounds';
import { loadAreas, type LoadedAreas } from './loadAreas';
import { indexAreas, type AreaGeodata } from '../geo/indexAreas';
import { syncIncidentLayers } from './syncIncidentLayers';
import { createDrawGate } from '../map/drawGate';
import { createDatasetLayers, type DatasetLayers } from './datasetLayers';
import { mountPlaces } from './mountPlaces';
import { createDatasetMatching, type DatasetMatching } from './datasetMatching';
import { createMatchWorker } from '../import/createMatchWorker';
import { mountMatchPanel } from '../ui/matchPanel';
import { partnerOf } from '../data/datasetMatch';
import { matchTableInView } from '../state';
import { mountPublish, type PublishApi } from '../publish/mountPublish';
import { BASEMAP_ATTRIBUTION } from '../map/basemapSources';
import type { MarkerStyle } from '../map/markerStyle';

/** The track opens on the years the map's stories are about (see TimelineOptions.trackStart). */
const TRACK_START = new Date(Date.UTC(2017, 0, 1));

export interface StartAppOptions {
  store: Store;
  /**
   * The derived view over the store, made right after it (before the embed bridge or any other
   * store listener), so that whoever hears a change reads figures already derived from it.
   */
  derived: DerivedViewHandle;
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
  /**
   * An author-written description of what the map shows (the `description` URL parameter), read by
   * screen readers with the map: plain text, at most 600 characters.
   */
  description?: string | null;
  /**
   * Show the selected area's figures in a panel over the map. The embed leaves it out: in an
   * article's frame it would cover the map it describes, and its status line names the area and its
   * totals instead. @defaultValue true
   */
  showAreaPanel?: boolean;
  /** Show the filter panel beside the map (the embed sets filters through its API instead). @defaultValue true */
  showFilters?: boolean;
  mapOptions?: Pick<MapViewOptions, 'hash' | 'cooperativeGestures' | 'interactive' | 'locale'>;
  /** The title written on pictures and videos (the embed's `title`). @defaultValue messages.pageTitle */
  publishTitle?: string | null;
  /**
   * When the regions' geodata (admin1.geojson) is fetched, unless the first state names an area or
   * a choropleth (then it loads with the data): `idle`, once the map has drawn; `on-demand`, when
   * the state first asks for an area or a choropleth (the embed: an article that never does
   * downloads nothing more). @defaultValue 'idle'
   */
  areasLoad?: 'idle' | 'on-demand';
  /** Called once the areas have arrived after the start (see `areasLoad`) and the figures include them. */
  onAreas?(): void;
}

export interface App {
  map: MaplibreMap;
  /** Every dataset on the map; add a user's file with `datasets.add(dataset, incidents)`. */
  datasets: DatasetLayers;
  /** What the map shows, derived once per change: the embed API and the text summaries read it. */
  derived: DerivedViewHandle;
  /**
   * Recolours the running map (basemap, story labels, legend) to a theme, for a reader whose system
   * switches between light and dark while the map is open. The markers' own colours do not depend
   * on the theme but for the selection ring, which keeps the first theme's until a reload.
   */
  setTheme(theme: Theme): void;
  /** An incident by its `${dataset}:${id}` key. */
  lookup(key: string): Incident | undefined;
  /** Matching the first counted dataset with the newest other one, in a worker (src/app/datasetMatching.ts). */
  matching: DatasetMatching;
  /** Pictures, print and video of the view (null in a static embed, which has no menu). */
  publish: PublishApi | null;
  /** The regions' and focus areas' geodata, for the import worker; null until they have loaded (or when they failed to). */
  areaGeodata(): AreaGeodata | null;
  /** Loads the areas now if they have not been asked for yet; settles with their geodata, or null when they failed to load. */
  loadAreaGeodata(): Promise<AreaGeodata | null>;
}

/** Does this state need the areas' figures? */
const wantsAreas = (state: AppState): boolean => state.area !== null || state.choropleth !== 'off';

/** Loads the bundled data and the focus areas, then mounts the map, its layers, the timeline and the filters. */
export async function startApp(options: StartAppOptions): Promise<App> {
  const { store, messages, formatters } = options;
  const theme = options.theme ?? LIGHT;
  const areasAtStart = wantsAreas(store.get());
  const [data, boundsFor, early] = await Promise.all([
    loadBundledData(options.assetBase, readUcdpDetails),
    loadFocusBounds(options.assetBase),
    areasAtStart ? loadAreas(options.assetBase) : Promise.resolve(null),
  ]);
  let areas: LoadedAreas | null = early;
  for (const issue of [...data.counted.result.issues, ...data.stories.result.issues]) {
    if (issue.severity === 'error') console.warn(`${issue.file} row ${issue.row ?? '-'} ${issue.field ?? ''}: ${issue.message}`);
  }
  // The bundled datasets are named and credited in the page's language; a user's file keeps its own name.
  for (const b of [data.counted, data.stories]) b.dataset = datasetInLanguage(b.dataset, messages);
  const bundled = [data.counted, data.stories];
  // The scale's domain is fixed on the bundled counted dataset, so markers and legend never change
  // while scrubbing, nor when a file is added.
  const countedIndex = createTimeIndex(data.counted.result.incidents);
  const style = createMarkerStyle(theme, createMarkerScale(countedIndex.maxDeaths));
  const { derived } = options;
  // Before any view mounts, so the first frame already reads the window and totals of the data.
  // The bundled dataset's incidents are assigned to the areas once, here (a few thousand: milliseconds).
  const countedAreas = areas ? indexAreas(countedIndex, areas.areas) : null;
  derived.setSources([{ id: data.counted.dataset.id, role: 'counted', index: countedIndex, name: data.counted.dataset.name, ...(countedAreas ? { areas: countedAreas } : {}) }]);

  // The timeline and filters first: they set the map's final height before it frames the first view.
  mountTimeline(options.timelineElement, store, {
    index: countedIndex,
    derived,
    messages,
    formatters,
    trackStart: TRACK_START,
  });
  // The side column over the map: the filters, then the incident list, each in a host of its own.
  const filtersHost = document.createElement('div');
  const listHost = document.createElement('div');
  const matchHost = document.createElement('div');
  const downloadHost = document.createElement('div');
  downloadHost.className = 'download-host';
  const pickerHost = document.createElement('div');
  const choroplethHost = document.createElement('div');
  choroplethHost.className = 'choropleth-host';
  listHost.className = 'list-host';
  options.filtersElement.append(pickerHost, choroplethHost, filtersHost, listHost, matchHost, downloadHost);
  let filters = mountFilterPanel(filtersHost, store, { datasets: bundled.map((b) => b.dataset), messages });

  const view = createMapView({
    container: options.mapElement,
    store,
    style: buildStyle(theme, { assetBase: options.assetBase, lang: options.lang ?? 'en' }),
    boundsFor,
    overlays: () => [
      ...options.filtersElement.querySelectorAll<HTMLElement>('details[open]'),
      options.mapElement.querySelector<HTMLElement>('.legend[open]'),
    ],
    attribution: bundled.map((b) => b.dataset.attribution),
    locale: maplibreLocale(messages),
    ...options.mapOptions,
  });
  const { map } = view;
  let currentTheme = theme;
  let currentStyle: MarkerStyle = style;
  map.getCanvas().setAttribute('aria-label', messages.mapLabel);
  const description = options.description?.trim().slice(0, 600);
  if (description) {
    const note = document.createElement('p');
    note.id = 'map-description';
    note.className = 'visually-hidden';
    note.textContent = description;
    options.mapElement.append(note);
    map.getCanvas().setAttribute('aria-describedby', note.id);
  }
  map.addControl(new FocusAreaControl(store, messages), 'top-left');
  // In the map's top-left corner, after the focus buttons: the tab order follows what the eye sees
  // (focus areas, filters and list, then the legend and zoom on the right, then the credits).
  options.filtersElement.classList.add('maplibregl-ctrl', 'map-side');
  if (options.showFilters === false) filtersHost.hidden = true;
  // The full map folds its side column behind one button on phones; the embed's column is only the list.
  else mountSideToggle(options.filtersElement, store, messages);
  // One card open at a time (an accordion): both at once would not fit beside a laptop's map.
  options.filtersElement.addEventListener(
    'toggle',
    (event) => {
      const opened = event.target;
      if (!(opened instanceof HTMLDetailsElement) || !opened.open) return;
      for (const other of options.filtersElement.querySelectorAll<HTMLDetailsElement>(':scope > div > details[open]')) if (other !== opened) other.open = false;
    },
    true,
  );
  map.addControl({ onAdd: () => options.filtersElement, onRemove: () => options.filtersElement.remove() }, 'top-left');
  let legend = new LegendControl({ style, theme, messages, formatters, density: DENSITY_SCALE });
  map.addControl(legend, 'top-right');
  // What the incident layers draw (markers, or the density view's squares): the legend's key and a status line follow it.
  const viewReport = createIncidentViewReport();
  viewReport.on((v) => legend.setDensity(v === 'density'));
  mountViewStatus(options.mapElement, viewReport, messages);
  view.reframe();
  await view.loaded;
  // The style's regions source starts empty: the polygons loaded for the area figures fill it, one fetch for both.
  const showAreaShapes = (loaded: { geodata: AreaGeodata }) => map.getSource<GeoJSONSource>('admin1')?.setData(loaded.geodata.admin1);
  if (areas) showAreaShapes(areas);

  const datasets = createDatasetLayers({
    map,
    store,
    derived,
    style,
    beforeId: FIRST_LABEL_LAYER_ID,
    areas: areas?.areas ?? null,
    // The GPU layer draws only the window's slice; without WebGL2 it falls back to circle layers.
    countedFactory: webglIncidentLayerFactory(createCircleIncidentLayer, { report: viewReport }),
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
  datasets.add(data.counted.dataset, data.counted.result.incidents, { index: countedIndex, areas: countedAreas });
  datasets.add(data.stories.dataset, data.stories.result.incidents);
  // Settles once the areas have loaded (or failed to): an import waits for it, so a large file's areas are indexed in its worker.
  let areasLoaded: Promise<LoadedAreas | null> = Promise.resolve(areas);
  let fetchAreas = (): void => {};
  if (!areasAtStart) {
    let offWant: (() => void) | null = null;
    let asked = false;
    fetchAreas = () => {
      if (asked) return;
      asked = true;
      offWant?.();
      areasLoaded = loadAreas(options.assetBase).then((loaded) => {
        if (!loaded) return null;
        areas = loaded;
        showAreaShapes(loaded);
        datasets.setAreas(loaded.areas);
        options.onAreas?.();
        return loaded;
      });
    };
    offWant = store.on('change', (state) => {
      if (wantsAreas(state)) fetchAreas();
    });
    if ((options.areasLoad ?? 'idle') === 'idle') map.once('idle', fetchAreas);
  }
  // A link may name an incident that is not in this build's data (a typo, a newer release's id).
  const asked = store.get().selection;
  if (asked && !datasets.lookup(asked)) {
    console.warn(`Sahel Incident Map: no incident "${asked}" in the loaded data; the link's selection is dropped.`);
    store.set({ selection: null }, 'data');
  }
  // The timeline's bars follow the derived view's datasets; only the filter panel's layer list is rebuilt.
  datasets.onChange(() => {
    filters.destroy();
    filters = mountFilterPanel(filtersHost, store, { datasets: datasets.entries().map((e) => e.dataset), messages });
  });
  // A lost WebGL context pauses layer changes quietly; the latest state is drawn on restore.
  const gate = createDrawGate(map);
  syncIncidentLayers(derived, () => datasets.entries(), gate);
  mountEmptyNotice(options.mapElement, derived, messages.noIncidents);
  mountIncidentList(listHost, store, derived, {
    messages,
    formatters,
    lang: options.lang ?? 'en',
    datasetName: datasetNamer(() => datasets.entries().map((e) => e.dataset)),
  });
  // Two counted datasets: matched in a worker; the summary, the toggle, the layers' flags and the popups read the result.
  const matching = createDatasetMatching({ datasets, createWorker: createMatchWorker });
  const datasetName = (id: string) => datasetsById.get(id)?.name ?? id;
  mountMatchPanel(matchHost, store, derived, {
    messages,
    formatters,
    status: () => matching.status(),
    onStatus: (listener) => matching.onChange(listener),
    datasetName,
  });
  const showMatchKey = () => {
    const match = matching.match();
    legend.setMatching(match && store.get().matching ? { a: datasetName(match.a.id), b: datasetName(match.b.id) } : null);
  };
  matching.onChange(showMatchKey);
  store.on('change', (state, previous) => {
    if (state.matching !== previous.matching) showMatchKey();
  });
  // Export what you see: the incidents the list shows (window, filters, shown datasets), with licences.
  const exportCollator = new Intl.Collator(options.lang ?? 'en', { sensitivity: 'base', numeric: true });
  mountDownloadMenu(downloadHost, {
    messages,
    datasets: () => datasetsById,
    rows: async () => ({ incidents: await incidentRowsWithDetails(derived.get(), 'date', exportCollator), datasets: datasetsById }),
    viewUrl: () => window.location.href,
    matchTable: () => {
      const match = matching.match();
      const table = match ? matchTableInView(derived.get(), match) : null;
      const a = match && datasetsById.get(match.a.id);
      const b = match && datasetsById.get(match.b.id);
      return table && a && b ? { table, a, b } : null;
    },
  });
  // Download picture, print SVG and video of the view (src/publish/); a static embed is itself a picture and has no menu.
  let publish: PublishApi | null = null;
  if (options.mapOptions?.interactive ?? true) {
    publish = mountPublish(downloadHost, {
      map,
      store,
      derived,
      messages,
      formatters,
      lang: options.lang ?? 'en',
      theme: () => currentTheme,
      markerStyle: () => currentStyle,
      title: () => options.publishTitle?.trim() || messages.pageTitle,
      attribution: () => [...datasets.entries().map((e) => e.dataset.attribution), ...Object.values(BASEMAP_ATTRIBUTION)],
      focusBounds: () => {
        const b = LngLatBounds.convert(boundsFor('sahel'));
        return [[b.getWest(), b.getSouth()], [b.getEast(), b.getNorth()]];
      },
      assetBase: options.assetBase,
    }).api;
  }
  // Enter or Space on the map: the keyboard's way to the markers is the incident list.
  map.getCanvas().addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const list = listHost.querySelector<HTMLDetailsElement>('details');
    if (!list) return;
    event.preventDefault();
    list.open = true;
    requestAnimationFrame(() => list.querySelector<HTMLElement>('[role="listbox"]:not([hidden])')?.focus());
  });
  bindIncidentPopups({
    map,
    store,
    markerRadius: (incident) => style.scale.radius(incident.deathsBest),
    layers: () => (gate.open() ? datasets.pickOrder() : []),
    datasets: datasetsById,
    lookup: (k) => datasets.lookup(k),
    details: (incident) => {
      const own = datasets.details(incidentKey(incident));
      // A matched card shows its partner's sources too: an imported partner's come from its worker, with the incident's own.
      const match = matching.match();
      const partner = match ? partnerOf(match, incidentKey(incident), (dataset, id) => datasets.positionOf(dataset, id))?.partner : undefined;
      const theirs = partner ? datasets.details(incidentKey(partner)) : null;
      if (!theirs) return own;
      return Promise.all([own ?? Promise.resolve(incident), theirs]).then(([full]) => full);
    },
    messages,
    formatters,
    lang: options.lang,
    comparison: (incident) => {
      const match = matching.match();
      if (!match) return null;
      const side = incident.dataset === match.a.id ? 'a' : incident.dataset === match.b.id ? 'b' : null;
      const own = datasetsById.get(incident.dataset);
      const other = side && datasetsById.get(side === 'a' ? match.b.id : match.a.id);
      if (!side || !own || !other) return null;
      return { partner: partnerOf(match, `${incident.dataset}:${incident.id}`, (dataset, id) => datasets.positionOf(dataset, id)), own, other };
    },
    onComparisonChange: (listener) => matching.onChange(listener),
  });

  // Places (issue 10): the area outline, the choropleth and its switch, the area panel and picker.
  const places = mountPlaces({
    map,
    store,
    derived,
    messages,
    formatters,
    lang: options.lang ?? 'en',
    theme,
    panelHost: options.showAreaPanel === false ? null : options.mapElement,
    pickerHost: options.showFilters === false ? null : pickerHost,
    controlHost: options.showFilters === false ? null : choroplethHost,
    seriesStart: TRACK_START,
    hitsMarker: (point) => gate.open() && datasets.pickOrder().some((layer) => layer.pick(point).length > 0),
  });

  // The UCDP popups' long texts come in a second file once the map has drawn (loadUcdpTiers.ts).
  map.once('idle', () => {
    for (const b of bundled) b.complete?.().catch((e: unknown) => console.warn(`Sahel Incident Map: the popups' details did not load (${e instanceof Error ? e.message : String(e)}); the map is unaffected.`));
  });

  return {
    map,
    datasets,
    derived,
    areaGeodata: () => areas?.geodata ?? null,
    loadAreaGeodata() {
      fetchAreas();
      return areasLoaded.then((loaded) => loaded?.geodata ?? null);
    },
    setTheme(next) {
      recolourMap(map, buildStyle(next, { assetBase: options.assetBase, lang: options.lang ?? 'en' }));
      places.setTheme(next);
      for (const e of datasets.entries()) {
        const id = `dataset-${e.dataset.id}`;
        if (map.getLayer(`${id}-labels`)) {
          map.setPaintProperty(`${id}-labels`, 'text-color', next.labelText);
          map.setPaintProperty(`${id}-labels`, 'text-halo-color', next.labelHalo);
        }
      }
      const open = map.getContainer().querySelector<HTMLDetailsElement>('.legend')?.open;
      map.removeControl(legend);
      currentTheme = next;
      currentStyle = createMarkerStyle(next, style.scale);
      legend = new LegendControl({ style: currentStyle, theme: next, messages, formatters, density: DENSITY_SCALE });
      legend.setDensity(viewReport.view() === 'density');
      map.addControl(legend, 'top-right');
      showMatchKey();
      const el = map.getContainer().querySelector<HTMLDetailsElement>('.legend');
      if (el && open !== undefined) el.open = open;
    },
    lookup: (key) => datasets.lookup(key),
    matching,
    publish,
  };
}
