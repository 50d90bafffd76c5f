import type { IControl, Map as MaplibreMap } from 'maplibre-gl';
import { EVENT_TYPES } from '../../types';
import { t, type Messages } from '../../i18n/messages';
import type { Formatters } from '../../i18n/format';
import { eventTypeName } from '../../i18n/catalogueNames';
import type { MarkerStyle } from '../markerStyle';
import type { Theme } from '../theme';
import type { DensityScale } from '../densityScale';
import { densityKey } from './densityKey';
import { keySection, row, svgEl } from './legendParts';

export interface LegendControlOptions {
  /** The marker style the layers draw with: sizes, type colours, the special markers. */
  style: MarkerStyle;
  /** Colours of the key's ink (reference circles, leaders, numbers), read on the legend's panel. */
  theme: Theme;
  messages: Messages;
  formatters: Formatters;
  /** The density view's colours: the key shown while the map draws squares. */
  density: DensityScale;
}

/**
 * The key: three reference sizes drawn with the very scale the incident layer uses (so it cannot
 * drift from the map), the type colours, and the special markers, all from the layers' marker
 * style; its ink from the theme, so the dark legend is as legible as the light one. A `<details>`
 * so it folds on phones.
 */
export class LegendControl implements IControl {
  private container: HTMLElement | null = null;
  private matchKey: HTMLElement | null = null;
  private matching: { a: string; b: string } | null = null;
  private densityBox: HTMLElement | null = null;
  private density = false;
  constructor(private readonly options: LegendControlOptions) {}

  /** Shows the density key (the map draws squares) or hides it. */
  setDensity(on: boolean): void {
    this.density = on;
    this.densityBox?.remove();
    this.densityBox = null;
    if (!on || !this.container) return;
    const { density, messages, formatters } = this.options;
    this.densityBox = densityKey(density, messages, formatters);
    // First after the summary: it is what the map shows now.
    this.container.querySelector('summary')?.after(this.densityBox);
  }

  /**
   * The matching toggle's key (faded: in both; ring: only in A; dashed ring: only in B), drawn
   * from the same marker style as the layers; null hides it. `a` and `b` are the datasets' names.
   */
  setMatching(names: { a: string; b: string } | null): void {
    this.matching = names;
    this.matchKey?.remove();
    this.matchKey = null;
    if (!names || !this.container) return;
    const { style, theme, messages } = this.options;
    const { box, list } = keySection('legend-match', 'legend-match', messages.legendMatchTitle);
    const key = (ring: 'none' | 'solid' | 'dashed', label: string) => {
      const svg = svgEl('svg', { width: 18, height: 18, 'aria-hidden': 'true' });
      const m = style.match;
      svg.append(svgEl('circle', { cx: 9, cy: 9, r: 4.5, fill: theme.inkMuted, 'fill-opacity': ring === 'none' ? style.fillOpacity * m.matchedOpacity : style.fillOpacity }));
      if (ring !== 'none') {
        const r = 4.5 + style.rim.width + m.gap + m.width / 2;
        const dash = (2 * Math.PI * r) / m.dashes;
        svg.append(svgEl('circle', { cx: 9, cy: 9, r, fill: 'none', stroke: m.colour, 'stroke-width': m.width, ...(ring === 'dashed' ? { 'stroke-dasharray': `${dash * 0.55} ${dash * 0.45}` } : {}) }));
      }
      list.append(row(svg, label));
    };
    key('none', messages.legendMatched);
    key('solid', t(messages.legendOnlyA, { name: names.a }));
    key('dashed', t(messages.legendOnlyB, { name: names.b }));
    this.container.append(box);
    this.matchKey = box;
  }

  onAdd(_map: MaplibreMap): HTMLElement {
    const { style, theme, messages, formatters } = this.options;
    const scale = style.scale;
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
      svg.append(svgEl('circle', { cx: rMax + 2, cy, r, fill: 'none', stroke: theme.inkMuted, 'stroke-width': 1, 'data-deaths': v }));
      svg.append(svgEl('line', { x1: rMax + 2, x2: rMax * 2 + 10, y1: cy - r, y2: cy - r, stroke: theme.inkMuted, 'stroke-dasharray': '2 2' }));
      const text = svgEl('text', { x: rMax * 2 + 13, y: cy - r + 4 + (i === 0 ? 2 : 0), 'font-size': 11, fill: theme.ink });
      text.textContent = formatters.integer(v);
      svg.append(text);
    });
    sizes.append(svg);
    details.append(sizes);

    const list = document.createElement('ul');
    for (const type of EVENT_TYPES) {
      list.append(row(svgEl('svg', { width: 14, height: 14 }), eventTypeName(type, messages)));
      const sw = list.lastElementChild!.firstElementChild!;
      sw.append(svgEl('circle', { cx: 7, cy: 7, r: 6, fill: style.typeColours[type], 'fill-opacity': style.fillOpacity }));
    }
    const zero = svgEl('svg', { width: 14, height: 14 });
    zero.append(svgEl('circle', { cx: 7, cy: 7, r: scale.options.zeroRadius + 1, fill: style.noDeaths.fill, stroke: theme.inkMuted, 'stroke-width': style.noDeaths.rimWidth }));
    list.append(row(zero, messages.legendNoDeaths));
    const approx = svgEl('svg', { width: 14, height: 14 });
    const defs = svgEl('defs', {});
    const blur = svgEl('filter', { id: 'legend-blur' });
    blur.append(svgEl('feGaussianBlur', { stdDeviation: 1.4 }));
    defs.append(blur);
    approx.append(defs, svgEl('circle', { cx: 7, cy: 7, r: 5, fill: theme.inkMuted, filter: 'url(#legend-blur)' }));
    list.append(row(approx, messages.legendApproximate));
    const story = svgEl('svg', { width: 14, height: 14 });
    story.append(svgEl('circle', { cx: 7, cy: 7, r: 5.5, fill: 'none', stroke: style.story.colour, 'stroke-width': style.story.width }));
    list.append(row(story, messages.legendStoryEvent));
    details.append(list);
    this.container = details;
    if (this.matching) this.setMatching(this.matching);
    if (this.density) this.setDensity(true);
    return details;
  }

  onRemove(): void {
    this.container?.remove();
    this.container = null;
  }
}
