import '../app.css';
import './embed.css';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { startApp } from '../app/startApp';
import { loadBundledData } from '../app/loadBundledData';
import { loadTimeoutMs } from '../app/loadTimeout';
import { describeFault, faultOf, reportStartupFault, watchStartup } from '../app/startupWatchdog';
import { maplibreWorkerUrl } from '../map/mapView';
import { createTimeIndex } from '../data/timeIndex';
import { en, t } from '../i18n/messages';
import { applyPageLanguage } from '../i18n/applyPageLanguage';
import { browserLanguages, pageLanguage } from '../i18n/pageLanguage';
import { pageText } from '../i18n/pageText';
import { DARK, LIGHT } from '../map/theme';
import { applyThemeProperties } from '../map/themeProperties';
import { createDerivedView, createStore, DEFAULT_STATE, readUrlState, reconcileWindow } from '../state';
import { mountLoadingOverlay } from '../ui/loadingOverlay';
import { startBridge } from './bridge';
import { mountEmbedChrome } from './embedChrome';
import { readEmbedOptions, resolveDark } from './embedOptions';
import { fullMapHref } from './fullMapLink';
import { watchHeight } from './heightPoster';
import { createParentPoster } from './postToParent';
import { mountStillFallback, supportsWebGL2 } from './stillFallback';
import { summaryText } from './summaryText';
import { visibleTotals } from './outgoing';
import { loadAreas } from '../app/loadAreas';
import { indexAreas } from '../geo/indexAreas';

// Entry of embed.html: the map in an article's iframe. URL → embed flags and state → chrome, bridge
// and height messages → the same startApp as the full map, restyled and restricted.
const warn = (m: string) => console.warn(m);
// `lang=fr|en` (readEmbedOptions warns about a bad one), else the browser's language.
const options = { ...readEmbedOptions(window.location.search, warn), lang: pageLanguage(window.location.search, browserLanguages(navigator)) };
const { messages, formatters } = pageText(options.lang);
const text = { messages, formatters };
const dark = resolveDark(options.dark, () => matchMedia('(prefers-color-scheme: dark)').matches);
const root = document.documentElement;
applyPageLanguage(document, options.lang, messages.embedPageTitle);
root.classList.toggle('theme-dark', dark);
applyThemeProperties(root, dark ? DARK : LIGHT);
root.classList.toggle('embed--static', options.static);
root.classList.toggle('embed--fill', options.fill);

const store = createStore({ ...DEFAULT_STATE, ...reconcileWindow(DEFAULT_STATE, readUrlState(window.location.search, warn), warn) });
// Before the bridge subscribes to the store, so its state messages read totals already derived.
const derived = createDerivedView(store);
const post = createParentPoster(window, options.origins);
const bridge = startBridge({ win: window, store, post, origins: options.origins, warn });
const el = (id: string) => document.getElementById(id)!;
const chrome = mountEmbedChrome({ header: el('embed-header'), footer: el('embed-footer'), summary: el('embed-summary') }, options, messages);
const mapElement = el('map');
const assetBase = new URL('./', document.baseURI).href;
const height = watchHeight(el('app'), post, options.pymId);
chrome.setFullMapHref(fullMapHref(store.get(), null, assetBase, options.lang));

const cameraOf = (map: MaplibreMap) => ({ zoom: map.getZoom(), lat: map.getCenter().lat, lng: map.getCenter().lng });
const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

const timeoutMs = loadTimeoutMs();

/** A failed load in the reader's language; the console gets the error itself. */
function failed(error: unknown): string {
  console.error(error);
  return describeFault(faultOf(error, timeoutMs), messages);
}

/** No WebGL2: a still image and the requested window's summary, instead of a blank box. */
function showStill(): void {
  root.classList.add('embed--still');
  const range = formatters.range(DEFAULT_STATE.from, DEFAULT_STATE.to);
  const still = mountStillFallback(mapElement, { imageUrl: `${assetBase}embed/still.png`, alt: t(messages.embedStillAlt, { range }), note: messages.embedNoWebgl });
  bridge.fail('WebGL2 is not available in this browser: showing a still image and a text summary.');
  // The regions' geodata only when the link names an area (its summary then names it too).
  Promise.all([loadBundledData(assetBase), store.get().area !== null ? loadAreas(assetBase) : Promise.resolve(null)])
    .then(([data, areas]) => {
      const index = createTimeIndex(data.counted.result.incidents);
      // An `area=` in the embed's URL names its area in the summary too.
      derived.setSources([{ id: data.counted.dataset.id, role: 'counted', index, ...(areas ? { areas: indexAreas(index, areas.areas) } : {}) }]);
      still.setSummary(summaryText(derived.get(), text));
      mapElement.dataset.ready = 'still';
    })
    .catch((error: unknown) => {
      still.setSummary(failed(error));
      mapElement.dataset.ready = 'error';
    });
}

if (!supportsWebGL2(document)) showStill();
else {
  const overlay = mountLoadingOverlay(mapElement, messages.loading);
  watchStartup(() => startApp({
    store,
    derived,
    messages,
    formatters,
    mapElement,
    // The embed has no filter panel (a page sets filters through the API), but keeps the incident list.
    filtersElement: document.createElement('div'),
    showFilters: false,
    showAreaPanel: false,
    // An article that never asks for an area or a choropleth downloads no regions' geodata.
    areasLoad: 'on-demand',
    onAreas: () => bridge.figuresChanged(),
    description: new URLSearchParams(window.location.search).get('description'),
    timelineElement: el('timeline'),
    assetBase,
    theme: dark ? DARK : LIGHT,
    lang: options.lang,
    publishTitle: options.title,
    mapOptions: {
      hash: false,
      cooperativeGestures: !options.static,
      interactive: !options.static,
    },
  }), { workerUrl: maplibreWorkerUrl(), timeoutMs })
    .then((app) => {
      const { map } = app;
      overlay.done();
      const update = () => {
        chrome.setFullMapHref(fullMapHref(store.get(), cameraOf(map), assetBase, options.lang));
        if (options.static) chrome.setSummary(summaryText(derived.get(), text));
      };
      derived.on('change', update);
      map.on('moveend', update);
      update();
      bridge.attach({
        visible: () => visibleTotals(derived.get()),
        lookup: app.lookup,
        fitBounds: ([w, s, e, n]) => {
          const { width, height: h } = mapElement.getBoundingClientRect();
          map.fitBounds([[w, s], [e, n]], { padding: Math.max(0, Math.min(40, width / 8, h / 8)), duration: reducedMotion() ? 0 : 1200 });
        },
      });
      mapElement.dataset.ready = 'true';
      height.post();
      Object.defineProperty(window, 'sahelIncidentMap', { value: { store, map, publish: app.publish }, configurable: true });
    })
    .catch((error: unknown) => {
      const { fault } = reportStartupFault(error, { overlay, mapElement, messages, timeoutMs, reload: () => window.location.reload() });
      // The article's developer reads the cause in English, whatever language the readers get.
      bridge.fail(describeFault(fault, en));
    });
}
