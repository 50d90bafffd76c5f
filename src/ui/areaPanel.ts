import { EVENT_TYPES, type EventType } from '../types';
import type { HistogramMetric } from '../state';
import type { AreaTotals } from '../data/areaIndex';
import type { Messages } from '../i18n/messages';
import { t } from '../i18n/messages';
import type { Formatters } from '../i18n/format';
import { eventTypeName } from '../i18n/catalogueNames';
import { EVENT_TYPE_COLOURS } from '../map/eventColours';
import { changeParts } from './areaChange';
import { createAreaSeriesChart, type AreaSeriesChart } from './areaSeries';
import { setText } from './domWrites';
import './areaPanel.css';

/** One dataset's figures for an area in one window (the area index's totals). */
export type AreaFigures = AreaTotals;

/** An incident of the "deadliest" list: enough to name it and open its popup. */
export interface DeadliestIncident {
  /** `${dataset}:${id}`, the store's `selection`. */
  key: string;
  deaths: number;
  place: string;
  date: Date;
  eventType: EventType;
}

/** One counted dataset in the panel: its own figures, never added to another dataset's. */
export interface AreaPanelDataset {
  id: string;
  name: string;
  current: AreaFigures;
  previous: AreaFigures;
  yearEarlier: AreaFigures;
  /** The dataset's incidents in the window outside every region (in no area's figures). */
  outside: Pick<AreaFigures, 'incidents' | 'deaths'>;
  /** The window's five deadliest incidents, deadliest first. */
  deadliest: readonly DeadliestIncident[];
}

/** What the panel shows: a plain model, fed from the derived view. */
export interface AreaPanelModel {
  id: string;
  kind: 'region' | 'focus';
  name: string;
  nameFr: string;
  /** The region's country, or null for a focus area. */
  country: string | null;
  /** The window shown (inclusive days), whose length names the previous period. */
  from: Date;
  to: Date;
  datasets: readonly AreaPanelDataset[];
}

export interface AreaPanelOptions {
  messages: Messages;
  formatters: Formatters;
  lang: 'en' | 'fr';
  onClose: () => void;
  /** A deadliest incident's button was pressed: select it (its popup follows the selection). */
  onSelectIncident: (key: string) => void;
}

export interface AreaPanel {
  readonly element: HTMLElement;
  /** Shows the model (null hides the panel). Updates text in place: cheap enough for every slider step. */
  update(model: AreaPanelModel | null): void;
  /** Redraws a dataset's weekly line (per area, filter or metric change, not per step). */
  setSeries(datasetId: string, weeks: readonly Date[], values: ArrayLike<number>, metric: HistogramMetric): void;
  destroy(): void;
}

const DEADLIEST = 5;
const DAY = 86_400_000;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The DOM of one dataset's section, kept so that a step only rewrites text and widths. */
interface DatasetSection {
  root: HTMLElement;
  heading: HTMLElement;
  incidents: HTMLElement;
  incidentsChange: [HTMLElement, HTMLElement];
  deaths: HTMLElement;
  deathsRange: HTMLElement;
  deathsChange: [HTMLElement, HTMLElement];
  previousHeader: HTMLElement;
  typeBar: Map<EventType, HTMLElement>;
  typeRows: Map<EventType, { row: HTMLElement; count: HTMLElement }>;
  series: AreaSeriesChart;
  seriesTitle: HTMLElement;
  deadliest: { item: HTMLElement; button: HTMLButtonElement; key: string }[];
  noDeaths: HTMLElement;
  centroid: HTMLElement;
  outside: HTMLElement;
}

/**
 * The selected area's figures for the window: incidents and deaths (best, and the low–high range)
 * per counted dataset, the change against the previous period and a year earlier, the split by
 * type, a weekly line with the window marked, the deadliest incidents (buttons that open their
 * popup) and how many are placed only at a centroid. Text is set with textContent only.
 */
export function mountAreaPanel(host: HTMLElement, options: AreaPanelOptions): AreaPanel {
  const { messages, formatters, lang } = options;
  const panel = el('section', 'area-panel');
  panel.dataset.testid = 'area-panel';
  panel.hidden = true;
  const header = el('header', 'area-panel__header');
  const kind = el('p', 'area-panel__kind');
  const title = el('h2', 'area-panel__title');
  const when = el('p', 'area-panel__when');
  const close = el('button', 'area-panel__close', '×');
  close.type = 'button';
  close.setAttribute('aria-label', messages.areaClose);
  close.dataset.testid = 'area-close';
  close.addEventListener('click', () => options.onClose());
  header.append(kind, title, when, close);
  const body = el('div', 'area-panel__body');
  panel.append(header, body);
  host.append(panel);

  const sections = new Map<string, DatasetSection>();
  let datasetIds = '';

  /** "+12" over "+33%" (no percentage when the earlier period had none). */
  const changeCell = (node: HTMLElement, current: number, base: number) => {
    const parts = changeParts(current, base, formatters.integer);
    const shown = `${parts.delta}|${parts.percent ?? ''}`;
    if (node.dataset.shown === shown) return;
    node.dataset.shown = shown;
    node.textContent = parts.delta;
    if (parts.percent !== null) node.append(el('span', 'area-panel__percent', parts.percent));
    node.dataset.sign = String(parts.sign);
  };

  const buildSection = (id: string): DatasetSection => {
    const root = el('div', 'area-panel__dataset');
    root.dataset.dataset = id;
    const heading = el('h3', 'area-panel__dataset-name');
    // One table: incidents and deaths in the window, and their change against the two earlier periods.
    const table = el('table', 'area-panel__figures');
    const headRow = el('tr', '');
    const corner = el('th', '');
    corner.scope = 'col';
    corner.append(el('span', 'visually-hidden', messages.areaFigureColumn));
    const nowHeader = el('th', '', messages.areaWindowColumn);
    const previousHeader = el('th', '');
    const yearHeader = el('th', '', messages.areaVsYearEarlier);
    for (const th of [nowHeader, previousHeader, yearHeader]) th.scope = 'col';
    headRow.append(corner, nowHeader, previousHeader, yearHeader);
    const thead = el('thead', '');
    thead.append(headRow);
    const tbody = el('tbody', '');
    const row = (term: string, testid: string): [HTMLElement, [HTMLElement, HTMLElement]] => {
      const tr = el('tr', '');
      const th = el('th', '', term);
      th.scope = 'row';
      const value = el('td', 'area-panel__value');
      value.dataset.testid = testid;
      const changes: [HTMLElement, HTMLElement] = [el('td', 'area-panel__change'), el('td', 'area-panel__change')];
      changes[0].dataset.testid = `${testid}-previous`;
      changes[1].dataset.testid = `${testid}-year`;
      tr.append(th, value, ...changes);
      tbody.append(tr);
      return [value, changes];
    };
    const [incidents, incidentsChange] = row(messages.areaIncidents, 'area-incidents');
    const [deaths, deathsChange] = row(messages.areaDeaths, 'area-deaths');
    table.append(thead, tbody);
    const deathsRange = el('p', 'area-panel__range');
    deathsRange.dataset.testid = 'area-deaths-range';

    const types = el('div', 'area-panel__types');
    const typesTitle = el('h4', 'area-panel__subhead', messages.areaByType);
    const bar = el('div', 'area-panel__type-bar');
    bar.setAttribute('aria-hidden', 'true');
    const list = el('ul', 'area-panel__type-list');
    const typeBar = new Map<EventType, HTMLElement>();
    const typeRows = new Map<EventType, { row: HTMLElement; count: HTMLElement }>();
    for (const type of EVENT_TYPES) {
      const seg = el('span', 'area-panel__type-seg');
      seg.style.background = EVENT_TYPE_COLOURS[type];
      bar.append(seg);
      typeBar.set(type, seg);
      const row = el('li', 'area-panel__type-row');
      const sw = el('span', 'area-panel__swatch');
      sw.style.background = EVENT_TYPE_COLOURS[type];
      const name = el('span', 'area-panel__type-name', eventTypeName(type, messages));
      const count = el('span', 'area-panel__type-count');
      count.dataset.testid = `area-type-${type}`;
      row.append(sw, name, count);
      list.append(row);
      typeRows.set(type, { row, count });
    }
    types.append(typesTitle, bar, list);

    const seriesBox = el('figure', 'area-panel__series');
    const seriesTitle = el('figcaption', 'area-panel__subhead');
    const series = createAreaSeriesChart(formatters, (first, last) =>
      t(messages.areaSeriesAlt, { metric: seriesTitle.textContent ?? '', first: formatters.day(first), last: formatters.day(last) }),
    );
    seriesBox.append(seriesTitle, series.element);

    const deadlyBox = el('div', 'area-panel__deadliest');
    const deadlyTitle = el('h4', 'area-panel__subhead', messages.areaDeadliest);
    const ol = el('ol', 'area-panel__deadliest-list');
    const noDeaths = el('p', 'area-panel__note', messages.areaDeadliestNone);
    const deadliest: DatasetSection['deadliest'] = [];
    for (let i = 0; i < DEADLIEST; i++) {
      const item = el('li', '');
      const button = el('button', 'area-panel__incident');
      button.type = 'button';
      button.dataset.testid = 'area-deadliest';
      const slot = { item, button, key: '' };
      button.addEventListener('click', () => slot.key && options.onSelectIncident(slot.key));
      item.append(button);
      ol.append(item);
      deadliest.push(slot);
    }
    deadlyBox.append(deadlyTitle, ol, noDeaths);
    const centroid = el('p', 'area-panel__note');
    centroid.dataset.testid = 'area-centroid';
    const outside = el('p', 'area-panel__note');
    outside.dataset.testid = 'area-outside';
    root.append(heading, table, deathsRange, types, seriesBox, deadlyBox, centroid, outside);
    return { root, heading, incidents, incidentsChange, deaths, deathsRange, deathsChange, previousHeader, typeBar, typeRows, series, seriesTitle, deadliest, noDeaths, centroid, outside };
  };

  const fill = (s: DatasetSection, d: AreaPanelDataset, days: number, several: boolean) => {
    const { current, previous, yearEarlier } = d;
    setText(s.heading, d.name);
    s.heading.hidden = !several;
    setText(s.previousHeader, t(messages.areaVsPrevious, { days: formatters.integer(days) }));
    setText(s.incidents, formatters.integer(current.incidents));
    changeCell(s.incidentsChange[0], current.incidents, previous.incidents);
    changeCell(s.incidentsChange[1], current.incidents, yearEarlier.incidents);
    setText(s.deaths, formatters.integer(current.deaths));
    setText(s.deathsRange, t(messages.areaDeathsRange, { low: formatters.integer(current.deathsLow), high: formatters.integer(current.deathsHigh) }));
    changeCell(s.deathsChange[0], current.deaths, previous.deaths);
    changeCell(s.deathsChange[1], current.deaths, yearEarlier.deaths);
    for (const type of EVENT_TYPES) {
      const n = current.byType[type]?.incidents ?? 0;
      s.typeBar.get(type)!.style.flexGrow = String(n);
      s.typeBar.get(type)!.hidden = n === 0;
      const row = s.typeRows.get(type)!;
      row.row.hidden = n === 0;
      setText(row.count, formatters.integer(n));
    }
    let shown = 0;
    d.deadliest.slice(0, DEADLIEST).forEach((incident, i) => {
      if (incident.deaths <= 0) return;
      const slot = s.deadliest[i];
      slot.key = incident.key;
      setText(slot.button, `${t(messages.areaDeadliestDeaths, { deaths: formatters.integer(incident.deaths) })} · ${incident.place} · ${formatters.day(incident.date)}`);
      slot.button.style.borderLeftColor = EVENT_TYPE_COLOURS[incident.eventType];
      slot.item.hidden = false;
      shown = i + 1;
    });
    for (let i = shown; i < DEADLIEST; i++) {
      s.deadliest[i].item.hidden = true;
      s.deadliest[i].key = '';
    }
    s.noDeaths.hidden = shown > 0;
    setText(s.centroid, t(messages.areaCentroidOnly, { count: formatters.integer(current.centroidOnly), total: formatters.integer(current.incidents) }));
    s.centroid.hidden = current.incidents === 0;
    setText(s.outside, t(messages.areaOutside, { incidents: formatters.integer(d.outside.incidents), deaths: formatters.integer(d.outside.deaths) }));
    s.outside.hidden = d.outside.incidents === 0;
  };

  return {
    element: panel,
    update(model) {
      if (!model) {
        panel.hidden = true;
        return;
      }
      panel.hidden = false;
      setText(kind, model.kind === 'region' ? `${messages.areaKindRegion}${model.country ? ` · ${model.country}` : ''}` : messages.areaKindFocus);
      const name = lang === 'fr' ? model.nameFr : model.name;
      if (title.textContent !== name) {
        title.textContent = name;
        // A named region landmark: "Figures for Tahoua".
        panel.setAttribute('aria-label', t(messages.areaPanelLabel, { name }));
      }
      setText(when, formatters.range(model.from, model.to));
      // The sections are rebuilt only when the datasets change (a file added, a layer hidden).
      const ids = model.datasets.map((d) => d.id).join('\n');
      if (ids !== datasetIds) {
        datasetIds = ids;
        for (const [id, s] of sections) if (!model.datasets.some((d) => d.id === id)) (s.root.remove(), sections.delete(id));
        for (const d of model.datasets) if (!sections.has(d.id)) sections.set(d.id, buildSection(d.id));
        body.replaceChildren(...model.datasets.map((d) => sections.get(d.id)!.root));
      }
      const days = Math.round((model.to.getTime() - model.from.getTime()) / DAY) + 1;
      for (const d of model.datasets) {
        const s = sections.get(d.id)!;
        fill(s, d, days, model.datasets.length > 1);
        s.series.setWindow(model.from, model.to);
      }
    },
    setSeries(datasetId, weeks, values, metric) {
      const s = sections.get(datasetId);
      if (!s) return;
      s.seriesTitle.textContent = metric === 'deaths' ? messages.areaWeeklyDeaths : messages.areaWeeklyEvents;
      s.series.setSeries(weeks, values);
    },
    destroy() {
      panel.remove();
    },
  };
}
