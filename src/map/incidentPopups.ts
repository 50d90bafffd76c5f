import { Popup, type Map as MaplibreMap, type MapMouseEvent } from 'maplibre-gl';
import type { Store } from '../state';
import type { Dataset, Incident } from '../types';
import type { Messages } from '../i18n/messages';
import type { Formatters } from '../i18n/format';
import type { Lang } from '../i18n/pageLanguage';
import type { DensityCellHit, IncidentLayer } from './incidentLayer';
import { renderDensityCard, renderIncidentCard, renderStackList, type PopupComparison } from './popup';

export interface IncidentPopupsOptions {
  map: MaplibreMap;
  store: Store;
  /** Top-most first: the first layer with something under the pointer wins. */
  layers: () => readonly IncidentLayer[];
  datasets: ReadonlyMap<string, Dataset>;
  /** Finds an incident by its `${dataset}:${id}` key (for selections from the URL or the embed API). */
  lookup: (key: string) => Incident | undefined;
  /** The incident with its summary and sources, when they are still to be fetched (a large import keeps them in its worker); null when it has them. */
  details?: (incident: Incident) => Promise<Incident> | null;
  messages: Messages;
  formatters: Formatters;
  /** The marker's radius in CSS px, so the card opens beside its marker instead of over it. @defaultValue 8 */
  markerRadius?: (incident: Incident) => number;
  /** Names the data's English sub-event types in the page's language. @defaultValue 'en' */
  lang?: Lang;
  /**
   * An incident's match in the other dataset for the side-by-side table, when two datasets are
   * matched; null (or absent) when the incident takes no part in a match.
   */
  comparison?: (incident: Incident) => PopupComparison | null;
  /** Subscribes to changes of what `comparison` returns (a match finished): an open card is rebuilt in place. */
  onComparisonChange?: (listener: () => void) => () => void;
}

export const incidentKey = (incident: Incident): string => `${incident.dataset}:${incident.id}`;

/**
 * Hover (on devices that hover) previews, click selects. The selection lives in the store, so a
 * link or the embed API can open the same popup; closing the popup clears it.
 */
export function bindIncidentPopups(options: IncidentPopupsOptions): () => void {
  const { map, store, messages, formatters } = options;
  const ctx = { messages, formatters, lang: options.lang };
  const canHover = matchMedia('(hover: hover)').matches;
  // A preview must not take the focus (or the click) from the page.
  const hoverPopup = new Popup({ closeButton: false, closeOnClick: false, focusAfterOpen: false, maxWidth: '320px', className: 'incident-popup hover' });
  // Focus goes to the card itself (below), not to its first link, so it opens at its top.
  const selectedPopup = new Popup({ closeButton: true, closeOnClick: false, maxWidth: '340px', className: 'incident-popup', focusAfterOpen: false });
  let closingFromStore = false;
  /** Where the focus was when the card opened: it goes back there when the card closes. */
  let returnFocus: HTMLElement | null = null;
  const focusInCard = () => !!document.activeElement && !!selectedPopup.getElement()?.contains(document.activeElement);
  const giveFocusBack = () => {
    const target = returnFocus;
    returnFocus = null;
    if (target?.isConnected && (focusInCard() || document.activeElement === document.body || !document.activeElement)) target.focus({ preventScroll: true });
  };
  selectedPopup.on('close', () => {
    if (!closingFromStore && store.get().selection) store.set({ selection: null }, 'ui');
  });
  let cardCount = 0;
  /**
   * The open card as a labelled, non-modal dialog: named by its heading, focused at its top (so
   * title, date and place are what a screen reader reads first), closed by Escape.
   */
  const asDialog = (popup: Popup, focus = true) => {
    const el = popup.getElement();
    if (!el) return;
    el.setAttribute('role', 'dialog');
    const heading = el.querySelector<HTMLElement>('h3, h2, [data-heading]');
    if (heading) {
      heading.id ||= `incident-card-title-${++cardCount}`;
      el.setAttribute('aria-labelledby', heading.id);
      el.removeAttribute('aria-label');
    } else el.setAttribute('aria-label', messages.popupLabel);
    const body = el.querySelector<HTMLElement>('.maplibregl-popup-content');
    const scroller = el.querySelector<HTMLElement>('.incident-card, .incident-stack');
    if (scroller) {
      scroller.scrollTop = 0;
      // A card taller than its box scrolls: keyboard users reach it with Tab (WCAG 2.1.1), as they do its links.
      if (scroller.scrollHeight > scroller.clientHeight) scroller.tabIndex = 0;
      else scroller.removeAttribute('tabindex');
    }
    if (body) {
      body.tabIndex = -1;
      if (focus) body.focus({ preventScroll: true });
    }
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !selectedPopup.isOpen()) return;
    event.preventDefault();
    if (store.get().selection) store.set({ selection: null }, 'ui');
    else {
      closingFromStore = true;
      selectedPopup.remove();
      closingFromStore = false;
    }
    giveFocusBack();
  };
  document.addEventListener('keydown', onKey);
  const offset = (incident: Incident | undefined) => (incident ? (options.markerRadius?.(incident) ?? 8) + 6 : 10);

  const pickAt = (point: { x: number; y: number }): Incident[] => {
    for (const layer of options.layers()) {
      const found = layer.pick(point);
      if (found.length) return found;
    }
    return [];
  };

  /** The density square under the point, from the first layer (top-most) that draws one there. */
  const cellAt = (point: { x: number; y: number }): DensityCellHit | null => {
    for (const layer of options.layers()) {
      const hit = layer.pickCell?.(point) ?? null;
      if (hit) return hit;
    }
    return null;
  };
  const cellCard = (hit: DensityCellHit) => renderDensityCard({ count: hit.count, deaths: hit.deaths, dataset: options.datasets.get(hit.datasetId)?.name ?? hit.datasetId }, ctx);

  /** A card, or a stack's list; only an opened card (not the hover preview) compares with the other source. */
  const content = (incidents: Incident[], compare = true, loadingDetails = false): HTMLElement => {
    if (incidents.length === 1) {
      const dataset = options.datasets.get(incidents[0].dataset);
      return dataset ? renderIncidentCard(incidents[0], dataset, { ...ctx, loadingDetails }, compare ? options.comparison?.(incidents[0]) : null) : document.createElement('div');
    }
    return renderStackList(incidents, options.datasets, ctx, (incident) => store.set({ selection: incidentKey(incident) }, 'ui'));
  };

  const onMove = (e: MapMouseEvent) => {
    const found = pickAt(e.point);
    const cell = found.length ? null : cellAt(e.point);
    map.getCanvas().style.cursor = found.length ? 'pointer' : cell ? 'zoom-in' : '';
    if (cell && canHover && !selectedPopup.isOpen()) {
      hoverPopup.setLngLat(cell.centre).setDOMContent(cellCard(cell)).addTo(map);
      return;
    }
    if (!canHover || !found.length || selectedPopup.isOpen()) {
      hoverPopup.remove();
      return;
    }
    hoverPopup.setLngLat([found[0].lon, found[0].lat]).setDOMContent(content(found.slice(0, 1), false)).addTo(map);
  };
  const onClick = (e: MapMouseEvent) => {
    const found = pickAt(e.point);
    hoverPopup.remove();
    if (found.length === 0) {
      if (store.get().selection) store.set({ selection: null }, 'ui');
      // A square of the density view: zoom in on it, towards the markers it stands for.
      const cell = cellAt(e.point);
      if (cell) map.easeTo({ center: cell.centre, zoom: Math.min(map.getZoom() + 2, map.getMaxZoom()) });
      return;
    }
    if (found.length === 1) {
      store.set({ selection: incidentKey(found[0]) }, 'ui');
      return;
    }
    // A stack: list them all at the point, and let the reader pick one.
    closingFromStore = true;
    selectedPopup.remove();
    closingFromStore = false;
    if (!focusInCard()) returnFocus = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : map.getCanvas();
    selectedPopup.setOffset(offset(found[0])).setLngLat(e.lngLat).setDOMContent(content(found)).addTo(map);
    asDialog(selectedPopup);
    keepInView(selectedPopup);
  };
  const onLeave = () => {
    hoverPopup.remove();
    map.getCanvas().style.cursor = '';
  };

  const showSelection = () => {
    const key = store.get().selection;
    const incident = key ? options.lookup(key) : undefined;
    const wasOpen = selectedPopup.isOpen();
    // Remember who opened it (the list's row, the canvas) unless focus is already in a card (a stack's list).
    if (incident && !focusInCard()) returnFocus = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : map.getCanvas();
    closingFromStore = true;
    selectedPopup.remove();
    closingFromStore = false;
    if (!incident) {
      if (wasOpen) giveFocusBack();
      return;
    }
    const pending = options.details?.(incident) ?? null;
    selectedPopup.setOffset(offset(incident)).setLngLat([incident.lon, incident.lat]).setDOMContent(content([incident], true, pending !== null)).addTo(map);
    asDialog(selectedPopup);
    keepInView(selectedPopup);
    // The card opens at once with what the page holds; the summary and sources replace the loading line when they come.
    pending?.then(
      (full) => {
        if (store.get().selection !== key || !selectedPopup.isOpen()) return;
        refill(full);
      },
      () => {
        if (store.get().selection === key && selectedPopup.isOpen()) refill(incident);
      },
    );
  };
  /** Rebuilds the open card in place, keeping the focus where the reader has it. */
  const refill = (incident: Incident) => {
    const hadFocus = focusInCard();
    selectedPopup.setDOMContent(content([incident]));
    asDialog(selectedPopup, hadFocus);
    keepInView(selectedPopup);
  };

  /** Pans the map just enough that an opened card is not cut off by the map's edges. */
  const keepInView = (popup: Popup) => {
    const el = popup.getElement();
    if (!el) return;
    const box = el.getBoundingClientRect();
    const frame = map.getContainer().getBoundingClientRect();
    const margin = 8;
    const dx = box.left < frame.left + margin ? box.left - frame.left - margin : box.right > frame.right - margin ? box.right - frame.right + margin : 0;
    const dy = box.top < frame.top + margin ? box.top - frame.top - margin : box.bottom > frame.bottom - margin ? box.bottom - frame.bottom + margin : 0;
    if (dx || dy) map.panBy([dx, dy], { duration: matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 300 });
  };
  const off = store.on('change', (state, previous) => {
    if (state.selection !== previous.selection) showSelection();
  });
  // A match that finishes while a card is open: the card gets its side-by-side table where it stands,
  // keeping the focus where the reader has it.
  const offComparison = options.onComparisonChange?.(() => {
    const key = store.get().selection;
    const incident = key ? options.lookup(key) : undefined;
    if (!incident || !selectedPopup.isOpen()) return;
    const pending = options.details?.(incident) ?? null;
    if (!pending) refill(incident);
    else void pending.then((full) => store.get().selection === key && selectedPopup.isOpen() && refill(full), () => undefined);
  });
  showSelection();

  map.on('mousemove', onMove);
  map.on('click', onClick);
  map.getCanvas().addEventListener('mouseleave', onLeave);
  return () => {
    off();
    offComparison?.();
    document.removeEventListener('keydown', onKey);
    map.off('mousemove', onMove);
    map.off('click', onClick);
    map.getCanvas().removeEventListener('mouseleave', onLeave);
    hoverPopup.remove();
    selectedPopup.remove();
  };
}
