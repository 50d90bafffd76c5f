import '../app.css';
import './embed.css';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { startApp } from '../app/startApp';
import { loadBundledData } from '../app/loadBundledData';
import { LoadError } from '../app/fetchText';
import { createTimeIndex } from '../data/timeIndex';
import { createFormatters } from '../i18n/format';
import { FR_NUMBER, FR_TIME, fr } from '../i18n/fr';
import { en, t, type Messages } from '../i18n/messages';
import { DARK, LIGHT } from '../map/theme';
import { applyThemeProperties } from '../map/themeProperties';
import { createStore, DEFAULT_STATE } from '../state';
import { mountLoadingOverlay } from '../ui/loadingOverlay';
import { startBridge } from './bridge';
import { mountEmbedChrome } from './embedChrome';
import { readEmbedOptions, resolveDark } from './embedOptions';
import { fullMapHref } from './fullMapLink';
import { watchHeight } from './heightPoster';
import { createParentPoster } from './postToParent';
import { reconcileWindow } from './statePatch';
import { mountStillFallback, supportsWebGL2 } from './stillFallback';
import { summaryText } from './summaryText';
import { readUrlState } from './urlState';
import { visibleTotals } from './visibleTotals';

// Entry of embed.html: the map in an article's iframe. URL → embed flags and state → chrome, bridge
// and height messages → the same startApp as the full map, restyled and restricted.
const warn = (m: string) => console.warn(m);
const options = readEmbedOptions(window.location.search, warn);
const messages: Messages = options.lang === 'fr' ? fr : en;
const formatters = options.lang === 'fr' ? createFormatters(FR_NUMBER, FR_TIME) : createFormatters();
const text = { messages, formatters };
const dark = resolveDark(options.dark, () => matchMedia('(prefers-color-scheme: dark)').matches);
const root = document.documentElement;
root.lang = options.lang;
root.classList.toggle('theme-dark', dark);
applyThemeProperties(root, dark ? DARK : LIGHT);
root.classList.toggle('embed--static', options.static);
root.classList.toggle('embed--fill', options.fill);

const store = createStore({ ...DEFAULT_STATE, ...reconcileWindow(DEFAULT_STATE, readUrlState(window.location.search, warn), warn) });
const post = createParentPoster(window, options.origins);
const bridge = startBridge({ win: window, store, post, origins: options.origins, warn });
const el = (id: string) => document.getElementById(id)!;
const chrome = mountEmbedChrome({ header: el('embed-header'), footer: el('embed-footer'), summary: el('embed-summary') }, options, messages);
const mapElement = el('map');
const assetBase = new URL('./', document.baseURI).href;
const height = watchHeight(el('app'), post, options.pymId);
chrome.setFullMapHref(fullMapHref(store.get(), null, assetBase));

const cameraOf = (map: MaplibreMap) => ({ zoom: map.getZoom(), lat: map.getCenter().lat, lng: map.getCenter().lng });
const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

function failed(error: unknown): string {
  console.error(error);
  const file = error instanceof LoadError ? error.file : 'the map';
  const reason = error instanceof LoadError ? error.reason : error instanceof Error ? error.message : String(error);
  return t(messages.loadFailed, { file, reason });
}

/** No WebGL2: a still image and the requested window's summary, instead of a blank box. */
function showStill(): void {
  root.classList.add('embed--still');
  const range = formatters.range(DEFAULT_STATE.from, DEFAULT_STATE.to);
  const still = mountStillFallback(mapElement, { imageUrl: `${assetBase}embed/still.png`, alt: t(messages.embedStillAlt, { range }), note: messages.embedNoWebgl });
  bridge.fail('WebGL2 is not available in this browser: showing a still image and a text summary.');
  loadBundledData(assetBase)
    .then((data) => {
      const counted = [{ id: data.counted.dataset.id, index: createTimeIndex(data.counted.result.incidents) }];
      still.setSummary(summaryText(store.get(), counted, text));
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
  startApp({
    store,
    messages,
    formatters,
    mapElement,
    // The embed has no filter panel: a page sets filters through the API.
    filtersElement: document.createElement('div'),
    timelineElement: el('timeline'),
    assetBase,
    theme: dark ? DARK : LIGHT,
    lang: options.lang,
    mapOptions: {
      hash: false,
      cooperativeGestures: !options.static,
      interactive: !options.static,
      locale: {
        'CooperativeGesturesHandler.WindowsHelpText': messages.gestureWindows,
        'CooperativeGesturesHandler.MacHelpText': messages.gestureMac,
        'CooperativeGesturesHandler.MobileHelpText': messages.gestureMobile,
      },
    },
  })
    .then((app) => {
      const { map } = app;
      overlay.done();
      const update = () => {
        chrome.setFullMapHref(fullMapHref(store.get(), cameraOf(map), assetBase));
        if (options.static) chrome.setSummary(summaryText(store.get(), app.counted, text));
      };
      store.on('change', update);
      map.on('moveend', update);
      update();
      bridge.attach({
        visible: (state) => visibleTotals(state, app.counted),
        lookup: app.lookup,
        fitBounds: ([w, s, e, n]) => {
          const { width, height: h } = mapElement.getBoundingClientRect();
          map.fitBounds([[w, s], [e, n]], { padding: Math.max(0, Math.min(40, width / 8, h / 8)), duration: reducedMotion() ? 0 : 1200 });
        },
      });
      mapElement.dataset.ready = 'true';
      height.post();
      Object.defineProperty(window, 'sahelIncidentMap', { value: { store, map }, configurable: true });
    })
    .catch((error: unknown) => {
      const message = failed(error);
      overlay.fail(message);
      mapElement.dataset.ready = 'error';
      bridge.fail(message);
    });
}
