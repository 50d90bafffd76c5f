// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mountFilterPanel } from '../../../src/ui/filterPanel';
import { createStore, type Store } from '../../../src/state';
import { en } from '../../../src/i18n/messages';
import { EVENT_TYPES, type Dataset } from '../../../src/types';

const datasets: Dataset[] = [
  { id: 'ucdp', name: 'UCDP GED', role: 'counted', licence: 'CC BY 4.0', attribution: 'UCDP', url: null },
  { id: 'stories', name: '<b>Story events</b>', role: 'annotation', licence: 'CC BY 4.0', attribution: '', url: null },
];

let container: HTMLElement;
let store: Store;
let panel: { destroy(): void };

const box = (testid: string) => container.querySelector<HTMLInputElement>(`[data-testid="${testid}"]`)!;
const click = (testid: string) => box(testid).click();

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  store = createStore();
  panel = mountFilterPanel(container, store, { datasets, messages: en });
});
afterEach(() => {
  panel.destroy();
  container.remove();
});

describe('mountFilterPanel', () => {
  it('builds fieldsets with legends and labelled checkboxes, types and countries in canonical order', () => {
    const legends = [...container.querySelectorAll('fieldset > legend')].map((l) => l.textContent);
    expect(legends).toEqual(['Event types', 'Countries', 'Layers']);
    const ids = [...container.querySelectorAll('input[type="checkbox"]')].map((i) => i.getAttribute('data-testid'));
    expect(ids).toEqual([
      'filter-type-battles', 'filter-type-explosions', 'filter-type-violence-against-civilians', 'filter-type-protests', 'filter-type-riots', 'filter-type-strategic-developments',
      'filter-country-ner', 'filter-country-mli', 'filter-country-bfa',
      'filter-dataset-ucdp', 'filter-dataset-stories',
    ]);
    expect(box('filter-type-riots').closest('label')?.textContent).toBe('Riots');
    expect(container.querySelector('[data-testid="filter-panel"]')?.tagName).toBe('DETAILS');
  });

  it('shows dataset names as text', () => {
    expect(box('filter-dataset-stories').closest('label')?.textContent).toBe('<b>Story events</b>');
    expect(container.querySelector('b')).toBeNull();
  });

  it('starts with the boxes of the current state checked', () => {
    const all = [...container.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(all.every((i) => i.checked)).toBe(true);
  });

  it('unchecking a type writes the store from the ui, keeping EVENT_TYPES order', () => {
    const sources: string[] = [];
    store.on('change', (_s, _p, source) => sources.push(source));
    click('filter-type-battles');
    expect(store.get().types).toEqual(EVENT_TYPES.slice(1));
    click('filter-type-battles');
    expect(store.get().types).toEqual(EVENT_TYPES);
    expect(sources).toEqual(['ui', 'ui']);
  });

  it('toggling a country writes the store', () => {
    click('filter-country-mli');
    expect(store.get().countries).toEqual(['Niger', 'Burkina Faso']);
  });

  it('toggling a dataset adds it to and removes it from hiddenDatasets', () => {
    click('filter-dataset-stories');
    expect(store.get().hiddenDatasets).toEqual(['stories']);
    click('filter-dataset-stories');
    expect(store.get().hiddenDatasets).toEqual([]);
  });

  it('keeps hidden ids it does not list (e.g. from the URL) when toggling', () => {
    store.set({ hiddenDatasets: ['acled'] }, 'url');
    click('filter-dataset-ucdp');
    expect(store.get().hiddenDatasets).toEqual(['acled', 'ucdp']);
  });

  it('store changes from the URL or the embed API update the boxes', () => {
    store.set({ types: ['Protests', 'Riots'], countries: ['Niger'], hiddenDatasets: ['ucdp'] }, 'embed');
    expect(box('filter-type-protests').checked).toBe(true);
    expect(box('filter-type-battles').checked).toBe(false);
    expect(box('filter-country-ner').checked).toBe(true);
    expect(box('filter-country-bfa').checked).toBe(false);
    expect(box('filter-dataset-ucdp').checked).toBe(false);
    expect(box('filter-dataset-stories').checked).toBe(true);
  });

  it('destroy() removes the panel and stops following the store', () => {
    const input = box('filter-type-riots');
    panel.destroy();
    expect(container.querySelector('[data-testid="filter-panel"]')).toBeNull();
    store.set({ types: [] }, 'url');
    expect(input.checked).toBe(true);
  });
});
