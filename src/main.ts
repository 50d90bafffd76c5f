import './app.css';
import { en } from './i18n/messages';
import { createFormatters } from './i18n/format';
import { createStore, DEFAULT_STATE } from './state';
import { readUrlState, bindUrlState } from './embed/urlState';
import { reconcileWindow } from './embed/statePatch';
import { mountLoadingOverlay } from './ui/loadingOverlay';
import { mountHeader } from './ui/header';
import { startApp } from './app/startApp';
import { LoadError } from './app/fetchText';
import { t } from './i18n/messages';
import { mountImport } from './import/mountImport';
import { createImportWorker } from './import/createImportWorker';
import { LIGHT } from './map/theme';
import { applyThemeProperties } from './map/themeProperties';

// Entry: URL → store → views. Wiring only; each piece lives in its own module.
const messages = en;
const formatters = createFormatters();
const warn = (m: string) => console.warn(m);
applyThemeProperties(document.documentElement, LIGHT);
const store = createStore({ ...DEFAULT_STATE, ...reconcileWindow(DEFAULT_STATE, readUrlState(window.location.search, warn), warn) });
const mapElement = document.getElementById('map')!;
mountHeader(document.getElementById('header')!, messages);
const overlay = mountLoadingOverlay(mapElement, messages.loading);

startApp({
  store,
  messages,
  formatters,
  mapElement,
  filtersElement: document.getElementById('filters')!,
  timelineElement: document.getElementById('timeline')!,
  assetBase: new URL('./', document.baseURI).href,
})
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
    console.error(error);
    const file = error instanceof LoadError ? error.file : 'the map';
    const reason = error instanceof LoadError ? error.reason : error instanceof Error ? error.message : String(error);
    overlay.fail(t(messages.loadFailed, { file, reason }));
    mapElement.dataset.ready = 'error';
  });
