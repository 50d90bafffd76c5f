import type { Formatters } from '../i18n/format';
import { eventTypeName } from '../i18n/catalogueNames';
import { t, type Messages } from '../i18n/messages';
import type { DerivedView, DerivedViewHandle, Store } from '../state';
import type { Dataset, Incident } from '../types';
import { incidentRows, INCIDENT_SORTS, placeOf, type IncidentSort } from './incidentRows';
import './incidentList.css';

export interface IncidentListOptions {
  messages: Messages;
  formatters: Formatters;
  /** BCP 47 language of the interface, for sorting place names. */
  lang: string;
  /** Dataset names for the rows, by id (the map's own names, in the reader's language). */
  datasetName(id: string): string;
}

/** Row height in CSS px: the list draws only the rows in view, placed by index × this. */
export const ROW_HEIGHT = 44;
/** Rows drawn beyond the visible ones, above and below, so a fast scroll shows no gap. */
const OVERSCAN = 6;

const keyOf = (incident: Incident) => `${incident.dataset}:${incident.id}`;

/**
 * The incident list: the accessible twin of the markers and the analyst's quick table. It lists
 * the incidents the map draws in the window and filters (counted and story events), sortable by
 * date, deaths or place; it follows the slider. It is an ARIA listbox: one tab stop, arrows,
 * Page Up/Down and Home/End move the active row, Enter or a click opens that incident's popup
 * (the selection, which also rings its marker). Only the rows in view exist in the DOM (their
 * positions are set from the index), so a window of a million events costs a sort, not a million
 * elements. A `<details>`: the rows are worked out only while it is open.
 */
export function mountIncidentList(container: HTMLElement, store: Store, derived: DerivedViewHandle, options: IncidentListOptions): { destroy(): void } {
  const { messages, formatters } = options;
  const collator = new Intl.Collator(options.lang, { sensitivity: 'base', numeric: true });
  const panel = document.createElement('details');
  panel.className = 'incident-list';
  panel.dataset.testid = 'incident-list';
  const summary = document.createElement('summary');
  panel.append(summary);

  const controls = document.createElement('div');
  controls.className = 'incident-list__controls';
  const sortLabel = document.createElement('label');
  sortLabel.textContent = messages.listSort;
  const sortSelect = document.createElement('select');
  sortSelect.dataset.testid = 'incident-list-sort';
  const sortNames: Record<IncidentSort, string> = { date: messages.listSortDate, deaths: messages.listSortDeaths, place: messages.listSortPlace };
  for (const s of INCIDENT_SORTS) {
    const option = document.createElement('option');
    option.value = s;
    option.textContent = sortNames[s];
    sortSelect.append(option);
  }
  sortLabel.append(sortSelect);
  controls.append(sortLabel);

  const listbox = document.createElement('div');
  listbox.className = 'incident-list__rows';
  listbox.dataset.testid = 'incident-list-rows';
  listbox.tabIndex = 0;
  listbox.setAttribute('role', 'listbox');
  listbox.setAttribute('aria-label', messages.listLabel);
  const spacer = document.createElement('div');
  spacer.className = 'incident-list__spacer';
  listbox.append(spacer);
  const empty = document.createElement('p');
  empty.className = 'incident-list__empty';
  empty.textContent = messages.noIncidents;
  panel.append(controls, listbox, empty);
  container.append(panel);

  let sort: IncidentSort = 'date';
  let rows: Incident[] = [];
  let active = -1;
  let stale = true;
  let frame: number | null = null;
  const drawn = new Map<number, HTMLElement>();

  const rowText = (incident: Incident): string => {
    const deaths = incident.deathsBest === 1 ? messages.deathsCountOne : t(messages.deathsCount, { n: formatters.integer(incident.deathsBest || 0) });
    return [formatters.day(incident.dateStart), placeOf(incident), eventTypeName(incident.eventType, messages), deaths, options.datasetName(incident.dataset)].filter(Boolean).join(' · ');
  };

  const rowId = (i: number) => `incident-row-${i}`;
  /** "Incident list (12 counted)"; with several counted datasets no count, since it would add them up. */
  const summaryText = (view: DerivedView) => (view.totals ? t(messages.listSummary, { n: formatters.integer(view.totals.incidents) }) : messages.listSummaryPlain);

  const drawRows = () => {
    const top = listbox.scrollTop;
    const height = listbox.clientHeight || ROW_HEIGHT * 8;
    const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(rows.length, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
    const wanted = new Set<number>();
    for (let i = first; i < last; i++) wanted.add(i);
    if (active >= 0 && active < rows.length) wanted.add(active);
    for (const [i, el] of drawn) {
      if (!wanted.has(i)) {
        el.remove();
        drawn.delete(i);
      }
    }
    for (const i of wanted) {
      let el = drawn.get(i);
      if (!el) {
        el = document.createElement('div');
        el.className = 'incident-list__row';
        el.setAttribute('role', 'option');
        el.id = rowId(i);
        el.style.top = `${i * ROW_HEIGHT}px`;
        el.addEventListener('click', () => {
          setActive(i);
          open(i);
        });
        listbox.append(el);
        drawn.set(i, el);
      }
      const incident = rows[i];
      el.textContent = rowText(incident);
      el.dataset.key = keyOf(incident);
      el.setAttribute('aria-posinset', String(i + 1));
      el.setAttribute('aria-setsize', String(rows.length));
      el.setAttribute('aria-selected', String(i === active));
      el.classList.toggle('incident-list__row--active', i === active);
      el.classList.toggle('incident-list__row--selected', keyOf(incident) === store.get().selection);
    }
  };

  const refresh = (view: DerivedView) => {
    summary.textContent = summaryText(view);
    if (!panel.open) {
      stale = true;
      return;
    }
    const activeKey = active >= 0 && rows[active] ? keyOf(rows[active]) : null;
    rows = incidentRows(view, sort, collator);
    stale = false;
    active = activeKey ? rows.findIndex((r) => keyOf(r) === activeKey) : -1;
    spacer.style.height = `${rows.length * ROW_HEIGHT}px`;
    empty.hidden = rows.length > 0;
    listbox.hidden = rows.length === 0;
    if (active >= 0) listbox.setAttribute('aria-activedescendant', rowId(active));
    else listbox.removeAttribute('aria-activedescendant');
    for (const el of drawn.values()) el.remove();
    drawn.clear();
    drawRows();
  };

  /** The slider may move every frame while playing: the rows follow once per frame. */
  const schedule = () => {
    if (frame !== null) return;
    frame = requestAnimationFrame(() => {
      frame = null;
      refresh(derived.get());
    });
  };

  const setActive = (i: number) => {
    if (rows.length === 0) return;
    active = Math.max(0, Math.min(rows.length - 1, i));
    listbox.setAttribute('aria-activedescendant', rowId(active));
    const top = active * ROW_HEIGHT;
    if (top < listbox.scrollTop) listbox.scrollTop = top;
    else if (top + ROW_HEIGHT > listbox.scrollTop + listbox.clientHeight) listbox.scrollTop = top + ROW_HEIGHT - listbox.clientHeight;
    drawRows();
  };

  const open = (i: number) => {
    const incident = rows[i];
    if (incident) store.set({ selection: keyOf(incident) }, 'ui');
  };

  const page = () => Math.max(1, Math.floor((listbox.clientHeight || ROW_HEIGHT * 8) / ROW_HEIGHT) - 1);
  listbox.addEventListener('keydown', (event) => {
    const moves: Record<string, () => number> = {
      ArrowDown: () => active + 1,
      ArrowUp: () => Math.max(0, active - 1),
      PageDown: () => active + page(),
      PageUp: () => Math.max(0, active - page()),
      Home: () => 0,
      End: () => rows.length - 1,
    };
    if (moves[event.key]) {
      event.preventDefault();
      setActive(moves[event.key]());
    } else if ((event.key === 'Enter' || event.key === ' ') && active >= 0) {
      event.preventDefault();
      open(active);
    }
  });
  listbox.addEventListener('focus', () => {
    // The toggle event comes a frame after the click that opened the list: a fast keyboard may be here first.
    if (stale) refresh(derived.get());
    if (active < 0 && rows.length) setActive(0);
  });
  listbox.addEventListener('scroll', () => drawRows(), { passive: true });
  sortSelect.addEventListener('change', () => {
    sort = sortSelect.value as IncidentSort;
    active = -1;
    listbox.scrollTop = 0;
    refresh(derived.get());
  });
  panel.addEventListener('toggle', () => {
    if (panel.open && stale) refresh(derived.get());
  });

  refresh(derived.get());
  const off = derived.on('change', (view, previous) => {
    if (view.datasets !== previous.datasets) schedule();
    else if (view.state.selection !== previous.state.selection) drawRows();
    else summary.textContent = summaryText(view);
  });

  return {
    destroy() {
      off();
      if (frame !== null) cancelAnimationFrame(frame);
      panel.remove();
    },
  };
}

/** The map's names for the row labels: a dataset's own name, or its id when it is not loaded. */
export function datasetNamer(datasets: () => Iterable<Dataset>): (id: string) => string {
  return (id) => {
    for (const d of datasets()) if (d.id === id) return d.name;
    return id;
  };
}
