import './app.css';
import { pageLanguage, browserLanguages } from './i18n/pageLanguage';
import { pageText } from './i18n/pageText';
import { applyPageLanguage } from './i18n/applyPageLanguage';
import { bindUrlState, createDerivedView, createStore, DEFAULT_STATE, readUrlState, reconcileWindow } from './state';
import { mountLoadingOverlay } from './ui/loadingOverlay';
import { mountHeader } from './ui/header';
import { startApp } from './app/startApp';
import { loadTimeoutMs } from './app/loadTimeout';
import { reportStartupFault, watchStartup } from './app/startupWatchdog';
import { maplibreWorkerUrl } from './map/mapView';
import { mountImport } from './import/mountImport';
import { createImportWorker } from './import/createImportWorker';
import { LIGHT } from './map/theme';
import { applyThemeProperties } from './map/themeProperties';

// Entry: URL → store → views. Wiring only; each piece lives in its own module.
// `?lang=fr|en`, else the browser's language; `lang` stays in the URL (bindUrlState keeps it).
const { lang, messages, formatters } = pageText(pageLanguage(window.location.search, browserLanguages(navigator)));
applyPageLanguage(document, lang, messages.pageTitle);
const warn = (m: string) => console.warn(m);
applyThemeProperties(document.documentElement, LIGHT);
const store = createStore({ ...DEFAULT_STATE, ...reconcileWindow(DEFAULT_STATE, readUrlState(window.location.search, warn), warn) });
const derived = createDerivedView(store);
const mapElement = document.getElementById('map')!;
mountHeader(document.getElementById('header')!, messages);
const overlay = mountLoadingOverlay(mapElement, messages.loading);

const timeoutMs = loadTimeoutMs();
watchStartup(() => startApp({
  store,
  derived,
  messages,
  formatters,
  mapElement,
  filtersElement: document.getElementById('filters')!,
  timelineElement: document.getElementById('timeline')!,
  assetBase: new URL('./', document.baseURI).href,
  lang,
}), { workerUrl: maplibreWorkerUrl(), timeoutMs })
  .then((app) => {
    // Bring your own data: the picker, drops on the page, and ?data=URL (src/import/), read before bindUrlState rewrites the URL.
    const pageUrl = window.location.href;
    mountImport({ app, messages, formatters, dropTarget: document.getElementById('app')!, panelHost: mapElement.parentElement!, search: window.location.search, pageUrl, createWorker: createImportWorker });
    bindUrlState(store, window);
    overlay.done();
    mapElement.dataset.ready = 'true';
    // A read-only handle for analysts in the devtools console and for the browser tests.
    Object.defineProperty(window, 'sahelIncidentMap', { value: { store, map: app.map }, configurable: true });
  })
  .catch((error: unknown) => {
    reportStartupFault(error, { overlay, mapElement, messages, timeoutMs, reload: () => window.location.reload() });
  });
