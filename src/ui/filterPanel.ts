import { COUNTRY_CODES, EVENT_TYPE_SLUGS, type AppState, type Store } from '../state';
import type { Country, Dataset, EventType } from '../types';
import { COUNTRIES, EVENT_TYPES } from '../types';
import type { Messages } from '../i18n/messages';
import { EVENT_TYPE_COLOURS } from '../map/eventColours';
import { eventTypeName } from '../i18n/catalogueNames';
import './filterPanel.css';

export interface FilterPanelOptions {
  /** Dataset layers the reader can show or hide, in the order given. */
  datasets: readonly Dataset[];
  messages: Messages;
}

/** Below this width the panel starts folded, so it does not cover the map on a phone. */
const WIDE_SCREEN = '(min-width: 700px)';

interface Check {
  input: HTMLInputElement;
  /** Is this box's item on in the state? */
  isOn(state: AppState): boolean;
}

function checkbox(testid: string, label: string, swatchColour: string | null, onToggle: (on: boolean) => void): { row: HTMLLabelElement; input: HTMLInputElement } {
  const row = document.createElement('label');
  row.className = 'filter-option';
  const input = document.createElement('input');
  input.type = 'checkbox';
  input.dataset.testid = testid;
  input.addEventListener('change', () => onToggle(input.checked));
  row.append(input);
  if (swatchColour) {
    const swatch = document.createElement('span');
    swatch.className = 'filter-swatch';
    swatch.setAttribute('aria-hidden', 'true');
    swatch.style.backgroundColor = swatchColour;
    row.append(swatch);
  }
  const text = document.createElement('span');
  text.textContent = label;
  row.append(text);
  return { row, input };
}

function group(legendText: string, rows: readonly HTMLElement[]): HTMLFieldSetElement {
  const fieldset = document.createElement('fieldset');
  const legend = document.createElement('legend');
  legend.textContent = legendText;
  fieldset.append(legend, ...rows);
  return fieldset;
}

/** `list` with `item` switched on or off, in `order`'s order (AppState keeps types and countries canonical). */
function toggled<T>(list: readonly T[], item: T, on: boolean, order: readonly T[]): T[] {
  return order.filter((x) => (x === item ? on : list.includes(x)));
}

/**
 * The filter panel: event types (with the map's colours), countries and dataset layers, as real
 * checkboxes in fieldsets so keyboards and screen readers get them for free. It writes the store
 * (`source: 'ui'`) and redraws its boxes from every store change, so the URL or the embed API can
 * change filters too. A `<details>`: open on wide screens, folded on narrow ones.
 */
export function mountFilterPanel(container: HTMLElement, store: Store, options: FilterPanelOptions): { destroy(): void } {
  const { datasets, messages } = options;
  const checks: Check[] = [];
  const add = (testid: string, label: string, colour: string | null, isOn: Check['isOn'], onToggle: (on: boolean) => void) => {
    const { row, input } = checkbox(testid, label, colour, onToggle);
    checks.push({ input, isOn });
    return row;
  };

  const typeRows = EVENT_TYPES.map((type: EventType) =>
    add(`filter-type-${EVENT_TYPE_SLUGS[type]}`, eventTypeName(type, messages), EVENT_TYPE_COLOURS[type], (s) => s.types.includes(type), (on) =>
      store.set({ types: toggled(store.get().types, type, on, EVENT_TYPES) }, 'ui'),
    ),
  );
  const countryRows = COUNTRIES.map((country: Country) =>
    add(`filter-country-${COUNTRY_CODES[country]}`, country, null, (s) => s.countries.includes(country), (on) =>
      store.set({ countries: toggled(store.get().countries, country, on, COUNTRIES) }, 'ui'),
    ),
  );
  const datasetRows = datasets.map((dataset) =>
    add(`filter-dataset-${dataset.id}`, dataset.name, null, (s) => !s.hiddenDatasets.includes(dataset.id), (on) => {
      const hidden = store.get().hiddenDatasets.filter((id) => id !== dataset.id);
      store.set({ hiddenDatasets: on ? hidden : [...hidden, dataset.id] }, 'ui');
    }),
  );

  const panel = document.createElement('details');
  panel.className = 'filter-panel';
  panel.dataset.testid = 'filter-panel';
  panel.open = typeof window.matchMedia === 'function' ? window.matchMedia(WIDE_SCREEN).matches : true;
  const summary = document.createElement('summary');
  summary.textContent = messages.filters;
  panel.append(summary, group(messages.eventTypes, typeRows), group(messages.countries, countryRows));
  if (datasetRows.length) panel.append(group(messages.datasets, datasetRows));
  container.append(panel);

  const reflect = (state: AppState) => {
    for (const { input, isOn } of checks) input.checked = isOn(state);
  };
  reflect(store.get());
  const off = store.on('change', (state) => reflect(state));

  return {
    destroy() {
      off();
      panel.remove();
    },
  };
}
