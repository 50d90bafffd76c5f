import type { Dataset, DatePrecision, Incident, LocationPrecision } from '../types';
import { APPROXIMATE_PRECISIONS } from '../types';
import type { Messages } from '../i18n/messages';
import { t } from '../i18n/messages';
import type { Formatters } from '../i18n/format';
import type { Lang } from '../i18n/pageLanguage';
import { eventTypeName } from '../i18n/catalogueNames';
import { subEventTypeName } from '../i18n/subEventTypes';
import { EVENT_TYPE_COLOURS } from './eventColours';
import { safeUrl } from '../data/safeUrl';
import type { MatchPartner } from '../data/datasetMatch';
import './popup.css';

export interface PopupContext {
  messages: Messages;
  formatters: Formatters;
  /** Names the sub-event types the data codes in English. @defaultValue 'en' */
  lang?: Lang;
  /** The summary and the sources are still being fetched (from a large import's worker): the card says so in their place. */
  loadingDetails?: boolean;
}

const DATE_PRECISION_KEY: Record<DatePrecision, keyof Messages> = {
  day: 'precisionDay',
  week: 'precisionWeek',
  month: 'precisionMonth',
  year: 'precisionYear',
  unknown: 'precisionUnknown',
};

const LOCATION_PRECISION_KEY: Record<LocationPrecision, keyof Messages> = {
  exact: 'locExact',
  near: 'locNear',
  district: 'locDistrict',
  region: 'locRegion',
  country: 'locCountry',
  unknown: 'locUnknown',
};

/** Grey for a type the colour table does not know (a malformed record must still render). */
const UNKNOWN_TYPE_COLOUR = '#888888';

/**
 * Is this a link we may open? Parsers already drop non-http(s) URLs, but the popup is the last
 * door before a click, so it checks again rather than trust whatever built the Incident.
 */
export function isHttpUrl(url: string | null | undefined): url is string {
  return typeof url === 'string' && safeUrl(url) !== null;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function swatch(type: string): HTMLElement {
  const span = el('span', 'incident-swatch');
  span.setAttribute('aria-hidden', 'true');
  span.style.backgroundColor = (EVENT_TYPE_COLOURS as Record<string, string>)[type] ?? UNKNOWN_TYPE_COLOUR;
  return span;
}

/** One `<dt>` and a `<dd>` per non-empty value; nothing at all when every value is empty. */
function fact(list: HTMLDListElement, label: string, values: readonly string[]): void {
  const present = values.map((v) => v.trim()).filter((v) => v !== '');
  if (present.length === 0) return;
  list.append(el('dt', undefined, label));
  for (const value of present) list.append(el('dd', undefined, value));
}

function deathsText(incident: Incident, { messages, formatters }: PopupContext): string {
  const best = Number.isFinite(incident.deathsBest) ? formatters.integer(incident.deathsBest) : '';
  const { deathsLow: low, deathsHigh: high } = incident;
  if (low === null || high === null || !Number.isFinite(low) || !Number.isFinite(high)) return best;
  // Sources do not always order their estimates; the range reads low to high regardless.
  const range = t(messages.deathsRange, { low: formatters.integer(Math.min(low, high)), high: formatters.integer(Math.max(low, high)) });
  return best === '' ? range : `${best} (${range})`;
}

function approximateNote(precision: LocationPrecision, messages: Messages): HTMLElement | null {
  if (!APPROXIMATE_PRECISIONS.has(precision)) return null;
  const text = precision === 'unknown'
    ? messages.approximateLocationUnknown
    : t(messages.approximateLocation, { precision: messages[LOCATION_PRECISION_KEY[precision]] });
  const note = el('p', 'incident-card-approximate', text);
  note.dataset.testid = 'incident-approximate';
  return note;
}

/**
 * A source's date as the page writes dates ("22 Mar 2021", "22 mars 2021"; a month alone as
 * "Mar 2021"), read as a UTC calendar day; anything else (a year, free text) as the dataset gives it.
 */
export function sourceDate(text: string, formatters: Formatters): string {
  const value = text.trim();
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!match) return value;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, d === undefined ? 1 : Number(d)));
  // 2021-02-30 rolls over to March: not a date, so it is shown as written.
  if (date.getUTCMonth() !== Number(m) - 1 || (d !== undefined && date.getUTCDate() !== Number(d))) return value;
  return d === undefined ? formatters.month(date) : formatters.day(date);
}

/** A source as a list item: its title links out only when the URL is http(s). */
function sourceItem(source: Incident['sources'][number], formatters: Formatters): HTMLLIElement {
  const li = el('li');
  const title = source.title.trim() || source.publisher.trim() || source.url?.trim() || '';
  if (isHttpUrl(source.url)) {
    const a = el('a', undefined, title);
    a.href = safeUrl(source.url)!;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    li.append(a);
  } else {
    li.append(el('span', undefined, title));
  }
  const meta = [source.title.trim() ? source.publisher.trim() : '', sourceDate(source.date, formatters)].filter((s) => s !== '');
  if (meta.length) li.append(el('span', 'incident-source-meta', ` — ${meta.join(', ')}`));
  return li;
}

/**
 * An incident's card for a popup. Built only with createElement and textContent: every string
 * here comes from a data file, a user's import or a URL, and none of it may become markup.
 */
export function renderIncidentCard(incident: Incident, dataset: Dataset, ctx: PopupContext, comparison?: PopupComparison | null): HTMLElement {
  const { messages, formatters } = ctx;
  const card = el('article', 'incident-card');
  card.dataset.testid = 'incident-card';

  const header = el('h3', 'incident-card-type');
  header.append(swatch(incident.eventType), el('span', undefined, eventTypeName(incident.eventType, messages)));
  if (incident.subEventType.trim()) header.append(el('span', 'incident-card-subtype', subEventTypeName(incident.subEventType, ctx.lang ?? 'en')));
  card.append(header);

  const facts = el('dl', 'incident-card-facts');
  const date = formatters.range(incident.dateStart, incident.dateEnd);
  const precision = t(messages.datePrecision, { precision: messages[DATE_PRECISION_KEY[incident.datePrecision]] ?? messages.precisionUnknown });
  fact(facts, messages.date, [`${date} (${precision})`]);
  fact(facts, messages.place, [incident.place]);
  fact(facts, messages.region, [incident.admin1]);
  fact(facts, messages.country, [incident.country]);
  fact(facts, messages.actors, [incident.actor1, incident.actor2]);
  fact(facts, messages.deaths, [deathsText(incident, ctx)]);
  card.append(facts);

  const note = approximateNote(incident.locationPrecision, messages);
  if (note) card.append(note);
  // The match before the long texts: it is what a reader comparing two sources opened the card for.
  if (comparison) card.append(renderComparison(comparison, ctx));

  if (ctx.loadingDetails) {
    const loading = el('p', 'incident-card-loading', messages.popupLoadingDetails);
    loading.setAttribute('role', 'status');
    card.append(loading);
  }
  if (incident.summary.trim()) card.append(el('p', 'incident-card-summary', incident.summary));

  if (incident.sources.length) {
    card.append(el('p', 'incident-card-label', messages.sources));
    const list = el('ul', 'incident-card-sources');
    for (const source of incident.sources) list.append(sourceItem(source, formatters));
    card.append(list);
  }

  const footer = el('footer', 'incident-card-dataset');
  footer.textContent = [
    t(messages.labelValue, { label: messages.dataset, value: dataset.name }),
    dataset.licence.trim() ? t(messages.labelValue, { label: messages.licence, value: dataset.licence }) : '',
  ]
    .filter((s) => s !== '')
    .join(' · ');
  card.append(footer);
  return card;
}

/** An event's match in the other dataset, for the side-by-side table; `partner` null when it has none. */
export interface PopupComparison {
  partner: MatchPartner | null;
  /** The dataset of the event the card is about, and the other one. */
  own: Dataset;
  other: Dataset;
}

function sourcesText(incident: Incident): string {
  return incident.sources.map((s) => s.title.trim() || s.publisher.trim() || s.url?.trim() || '').filter((s) => s !== '').join('; ');
}

/**
 * The card's comparison: the event beside its match in the other source, as a table (a row per
 * fact, a column per dataset, headed by the datasets' names) so a screen reader announces each
 * cell with its row and column. Each side's deaths stay its own: nothing is added across columns.
 */
export function renderComparison(comparison: PopupComparison, ctx: PopupContext): HTMLElement {
  const { messages, formatters } = ctx;
  const box = el('section', 'incident-match');
  box.dataset.testid = 'incident-match';
  const heading = el('h4', 'incident-match-title', t(messages.popupMatchTitle, { name: comparison.other.name }));
  box.append(heading);
  const { partner } = comparison;
  if (!partner) {
    box.dataset.matched = 'false';
    box.append(el('p', 'incident-match-none', t(messages.popupNoMatch, { name: comparison.other.name })));
    return box;
  }
  box.dataset.matched = 'true';
  const table = el('table', 'incident-match-table');
  const head = el('tr');
  head.append(el('td'));
  for (const name of [comparison.own.name, comparison.other.name]) {
    const th = el('th', undefined, name);
    th.scope = 'col';
    head.append(th);
  }
  const thead = el('thead');
  thead.append(head);
  const body = el('tbody');
  const both = [partner.incident, partner.partner];
  const fact = (label: string, value: (i: Incident) => string, testid: string) => {
    const tr = el('tr');
    tr.dataset.testid = testid;
    const th = el('th', undefined, label);
    th.scope = 'row';
    tr.append(th, ...both.map((i) => el('td', undefined, value(i))));
    body.append(tr);
  };
  fact(messages.date, (i) => formatters.range(i.dateStart, i.dateEnd), 'match-date');
  fact(messages.place, (i) => [i.place, i.admin1].map((p) => p.trim()).filter((p) => p !== '').join(', '), 'match-place');
  fact(messages.deaths, (i) => deathsText(i, ctx), 'match-deaths');
  fact(messages.sources, sourcesText, 'match-sources');
  table.append(thead, body);
  box.append(table);
  const figures = t(messages.popupMatchFigures, {
    score: formatters.decimal(partner.score, 2),
    days: formatters.integer(partner.dayGap),
    km: formatters.decimal(partner.distanceKm, 1),
  });
  box.append(el('p', 'incident-match-figures', figures));
  return box;
}

function stackLabel(incident: Incident, { messages, formatters }: PopupContext): string {
  const deaths = incident.deathsBest === 1 ? messages.deathsCountOne : t(messages.deathsCount, { n: formatters.integer(incident.deathsBest || 0) });
  return `${formatters.range(incident.dateStart, incident.dateEnd)} · ${eventTypeName(incident.eventType, messages)} · ${deaths}`;
}

/**
 * Several incidents drawn at one point (same village, or a centroid shared by approximate events):
 * one button each, in the order given, so the reader can open the one they want.
 */
export function renderStackList(incidents: readonly Incident[], datasetsById: ReadonlyMap<string, Dataset>, ctx: PopupContext, onPick: (incident: Incident) => void): HTMLElement {
  const box = el('div', 'incident-stack');
  box.dataset.testid = 'incident-stack';
  box.append(el('p', 'incident-stack-title', t(ctx.messages.stackedIncidents, { n: ctx.formatters.integer(incidents.length) })));
  const list = el('ul');
  for (const incident of incidents) {
    const button = el('button');
    button.type = 'button';
    button.dataset.testid = 'incident-stack-item';
    button.append(swatch(incident.eventType), el('span', undefined, stackLabel(incident, ctx)));
    const name = datasetsById.get(incident.dataset)?.name;
    if (name) button.title = name;
    button.addEventListener('click', () => onPick(incident));
    const li = el('li');
    li.append(button);
    list.append(li);
  }
  box.append(list);
  return box;
}

/** A density square's figures, for its hover card: one dataset's events and deaths, never two added together. */
export interface DensityCardFigures {
  count: number;
  deaths: number;
  /** The square's dataset's name. */
  dataset: string;
}

/** A density square's card: how many incidents and deaths it gathers, its dataset, and that a click zooms in. Text only. */
export function renderDensityCard(figures: DensityCardFigures, ctx: PopupContext): HTMLElement {
  const { messages, formatters } = ctx;
  const card = el('article', 'incident-card density-card');
  card.dataset.testid = 'density-card';
  card.append(el('h3', 'incident-card-type', messages.densityCardTitle));
  const facts = el('dl', 'incident-card-facts');
  const n = formatters.integer(figures.count);
  fact(facts, messages.areaIncidents, [n]);
  fact(facts, messages.deaths, [formatters.integer(figures.deaths)]);
  card.append(facts);
  card.append(el('p', 'incident-card-note', messages.densityCardHint));
  const footer = el('footer', 'incident-card-dataset');
  footer.textContent = t(messages.labelValue, { label: messages.dataset, value: figures.dataset });
  card.append(footer);
  return card;
}
