import type { IControl, Map as MaplibreMap } from 'maplibre-gl';
import { EVENT_TYPES } from '../../types';
import type { Messages } from '../../i18n/messages';
import type { Formatters } from '../../i18n/format';
import { EVENT_TYPE_COLOURS } from '../eventColours';
import { eventTypeName } from '../../i18n/catalogueNames';
import type { MarkerScale } from '../markerScale';

export interface LegendControlOptions {
  scale: MarkerScale;
  messages: Messages;
  formatters: Formatters;
  /** Ring colour of story-event markers. */
  storyColour: string;
}

const SVG = 'http://www.w3.org/2000/svg';

function svgEl<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

function row(swatch: Element, label: string): HTMLElement {
  const li = document.createElement('li');
  li.append(swatch);
  const span = document.createElement('span');
  span.textContent = label;
  li.append(span);
  return li;
}

/**
 * The key: three reference sizes drawn with the very scale the incident layer uses (so it cannot
 * drift from the map), the type colours, and the special markers. A `<details>` so it folds on phones.
 */
export class LegendControl implements IControl {
  private container: HTMLElement | null = null;
  constructor(private readonly options: LegendControlOptions) {}

  onAdd(_map: MaplibreMap): HTMLElement {
    const { scale, messages, formatters, storyColour } = this.options;
    const details = document.createElement('details');
    details.className = 'maplibregl-ctrl maplibregl-ctrl-group legend';
    details.dataset.testid = 'legend';
    details.open = window.matchMedia?.('(min-width: 700px)').matches ?? true;
    const summary = document.createElement('summary');
    summary.textContent = messages.legend;
    details.append(summary);

    const sizes = document.createElement('div');
    sizes.className = 'legend-sizes';
    const title = document.createElement('p');
    title.textContent = messages.legendDeaths;
    sizes.append(title);
    const values = scale.legendValues();
    const rMax = scale.radius(values[2]);
    const svg = svgEl('svg', { width: rMax * 2 + 60, height: rMax * 2 + 12, viewBox: `0 -8 ${rMax * 2 + 60} ${rMax * 2 + 12}`, role: 'img', 'aria-label': messages.legendDeaths });
    values.forEach((v, i) => {
      const r = scale.radius(v);
      const cy = rMax * 2 + 2 - r;
      svg.append(svgEl('circle', { cx: rMax + 2, cy, r, fill: 'none', stroke: '#555', 'stroke-width': 1, 'data-deaths': v }));
      svg.append(svgEl('line', { x1: rMax + 2, x2: rMax * 2 + 10, y1: cy - r, y2: cy - r, stroke: '#999', 'stroke-dasharray': '2 2' }));
      const text = svgEl('text', { x: rMax * 2 + 13, y: cy - r + 4 + (i === 0 ? 2 : 0), 'font-size': 11, fill: '#333' });
      text.textContent = formatters.integer(v);
      svg.append(text);
    });
    sizes.append(svg);
    details.append(sizes);

    const list = document.createElement('ul');
    for (const type of EVENT_TYPES) {
      list.append(row(svgEl('svg', { width: 14, height: 14 }), eventTypeName(type, messages)));
      const sw = list.lastElementChild!.firstElementChild!;
      sw.append(svgEl('circle', { cx: 7, cy: 7, r: 6, fill: EVENT_TYPE_COLOURS[type], 'fill-opacity': 0.8 }));
    }
    const zero = svgEl('svg', { width: 14, height: 14 });
    zero.append(svgEl('circle', { cx: 7, cy: 7, r: scale.options.zeroRadius + 1, fill: '#fff', stroke: '#555', 'stroke-width': 1.5 }));
    list.append(row(zero, messages.legendNoDeaths));
    const approx = svgEl('svg', { width: 14, height: 14 });
    const defs = svgEl('defs', {});
    const blur = svgEl('filter', { id: 'legend-blur' });
    blur.append(svgEl('feGaussianBlur', { stdDeviation: 1.4 }));
    defs.append(blur);
    approx.append(defs, svgEl('circle', { cx: 7, cy: 7, r: 5, fill: '#777', filter: 'url(#legend-blur)' }));
    list.append(row(approx, messages.legendApproximate));
    const story = svgEl('svg', { width: 14, height: 14 });
    story.append(svgEl('circle', { cx: 7, cy: 7, r: 5.5, fill: 'none', stroke: storyColour, 'stroke-width': 2 }));
    list.append(row(story, messages.legendStoryEvent));
    details.append(list);
    this.container = details;
    return details;
  }

  onRemove(): void {
    this.container?.remove();
    this.container = null;
  }
}
