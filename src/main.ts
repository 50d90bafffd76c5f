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
import { DARK, LIGHT } from './map/theme';
import { parseDark, watchColourScheme, type DarkChoice } from './map/colourScheme';
import { applyThemeProperties } from './map/themeProperties';

// Entry: URL → store → views. Wiring only; each piece lives in its own module.
// `?lang=fr|en`, else the browser's language; `lang` stays in the URL (bindUrlState keeps it).
const warn = (m: string) => console.warn(m);
const { lang, messages, formatters } = pageText(pageLanguage(window.location.search, browserLanguages(navigator)));
applyPageLanguage(document, lang, messages.pageTitle);
// `dark=auto|true|false`, auto by default: the full map follows the reader's system setting, live.
const darkParam = new URLSearchParams(window.location.search).get('dark');
const darkChoice: DarkChoice = (darkParam === null ? undefined : parseDark(darkParam)) ?? 'auto';
if (darkParam !== null && parseDark(darkParam) === undefined) warn(`Sahel Incident Map: ignored "dark" = ${JSON.stringify(darkParam)}; expected auto, true or false.`);
let dark = false;
let onThemeChange: ((dark: boolean) => void) | null = null;
watchColourScheme(darkChoice, (next) => {
  dark = next;
  document.documentElement.classList.toggle('theme-dark', next);
  applyThemeProperties(document.documentElement, next ? DARK : LIGHT);
  onThemeChange?.(next);
});
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
  theme: dark ? DARK : LIGHT,
  description: new URLSearchParams(window.location.search).get('description'),
}), { workerUrl: maplibreWorkerUrl(), timeoutMs })
  .then((app) => {
    // Bring your own data: the picker, drops on the page, and ?data=URL (src/import/), read before bindUrlState rewrites the URL.
    const pageUrl = window.location.href;
    mountImport({ app, messages, formatters, dropTarget: document.getElementById('app')!, panelHost: mapElement.parentElement!, search: window.location.search, pageUrl, createWorker: createImportWorker });
    bindUrlState(store, window);
    onThemeChange = (next) => app.setTheme(next ? DARK : LIGHT);
    overlay.done();
    mapElement.dataset.ready = 'true';
    // A read-only handle for analysts in the devtools console and for the browser tests.
    Object.defineProperty(window, 'sahelIncidentMap', { value: { store, map: app.map, publish: app.publish }, configurable: true });
  })
  .catch((error: unknown) => {
    reportStartupFault(error, { overlay, mapElement, messages, timeoutMs, reload: () => window.location.reload() });
  });
