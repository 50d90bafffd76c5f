import type { IControl, Map as MaplibreMap } from 'maplibre-gl';
import type { ChoroplethMode, Store } from '../../state';
import { CHOROPLETH_MODES } from '../../state';
import type { Messages } from '../../i18n/messages';
import { t } from '../../i18n/messages';
import type { Formatters } from '../../i18n/format';
import type { ChoroplethScale } from '../choroplethScale';
import './choroplethControl.css';

const MODE_KEYS: Record<ChoroplethMode, keyof Messages> = {
  off: 'choroplethOff',
  deaths: 'choroplethDeaths',
  incidents: 'choroplethIncidents',
};

let controlCount = 0;

/**
 * The choropleth's switch (nothing, deaths, incidents: a native select writing `choropleth` to the
 * store) and its key, drawn from the very scale the fill layer shades with, so they cannot drift.
 * The key is rebuilt only when the scale or the dataset changes, not per slider step.
 */
export class ChoroplethControl implements IControl {
  private container: HTMLElement | null = null;
  private off: (() => void) | null = null;
  private legend: HTMLElement | null = null;
  private legendKey = '';
  constructor(
    private readonly store: Store,
    private readonly messages: Messages,
    private readonly formatters: Formatters,
  ) {}

  onAdd(_map: MaplibreMap): HTMLElement {
    const { messages, store } = this;
    const uid = `choropleth-${++controlCount}`;
    const root = document.createElement('div');
    root.className = 'maplibregl-ctrl choropleth-control';
    root.dataset.testid = 'choropleth-control';
    const row = document.createElement('div');
    row.className = 'choropleth-control__row';
    const label = document.createElement('label');
    label.htmlFor = `${uid}-select`;
    label.textContent = messages.choroplethLabel;
    const select = document.createElement('select');
    select.id = `${uid}-select`;
    select.dataset.testid = 'choropleth-select';
    for (const mode of CHOROPLETH_MODES) {
      const option = document.createElement('option');
      option.value = mode;
      option.textContent = messages[MODE_KEYS[mode]];
      select.append(option);
    }
    select.addEventListener('change', () => store.set({ choropleth: select.value as ChoroplethMode }, 'ui'));
    row.append(label, select);
    const key = document.createElement('div');
    key.className = 'choropleth-key';
    key.dataset.testid = 'choropleth-legend';
    key.hidden = true;
    root.append(row, key);
    const sync = () => {
      select.value = store.get().choropleth;
    };
    sync();
    this.off = store.on('change', (s, p) => s.choropleth !== p.choropleth && sync());
    this.container = root;
    this.legend = key;
    return root;
  }

  /** Shows the key of the shading (null hides it). */
  setKey(shading: { scale: ChoroplethScale; metric: Exclude<ChoroplethMode, 'off'>; datasetName: string } | null): void {
    const key = this.legend;
    if (!key) return;
    if (!shading) {
      key.hidden = true;
      this.legendKey = '';
      return;
    }
    const { scale, metric, datasetName } = shading;
    const id = `${metric}|${datasetName}|${scale.max}|${scale.colours.join()}`;
    key.hidden = false;
    if (id === this.legendKey) return;
    this.legendKey = id;
    const { messages, formatters } = this;
    const title = document.createElement('p');
    title.className = 'choropleth-key__title';
    title.textContent = t(metric === 'deaths' ? messages.choroplethLegendDeaths : messages.choroplethLegendIncidents, { dataset: datasetName });
    const list = document.createElement('ul');
    list.className = 'choropleth-key__list';
    const item = (colour: string | null, text: string) => {
      const li = document.createElement('li');
      const sw = document.createElement('span');
      sw.className = 'choropleth-key__swatch';
      if (colour) sw.style.background = colour;
      else sw.classList.add('choropleth-key__swatch--none');
      const label = document.createElement('span');
      label.textContent = text;
      li.append(sw, label);
      list.append(li);
    };
    item(null, messages.choroplethNone);
    for (const shade of scale.shades) {
      const [lo, hi] = scale.range(shade);
      item(scale.colours[shade], lo === hi ? formatters.integer(lo) : `${formatters.integer(lo)}–${formatters.integer(hi)}`);
    }
    key.replaceChildren(title, list);
  }

  onRemove(): void {
    this.off?.();
    this.container?.remove();
    this.container = null;
    this.legend = null;
  }
}
