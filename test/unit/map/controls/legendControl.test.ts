// @vitest-environment happy-dom
import type { Map as MaplibreMap } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { LegendControl } from '../../../../src/map/controls/legendControl';
import { DENSITY_SCALE } from '../../../../src/map/densityScale';
import { createMarkerScale } from '../../../../src/map/markerScale';
import { createMarkerStyle } from '../../../../src/map/markerStyle';
import { DARK, LIGHT, type Theme } from '../../../../src/map/theme';
import { OVER_MAP_OPACITY } from '../../../../src/map/themeProperties';
import { createFormatters } from '../../../../src/i18n/format';
import { en } from '../../../../src/i18n/messages';
import { EVENT_TYPES } from '../../../../src/types';

function legend(theme: Theme): HTMLElement {
  const style = createMarkerStyle(theme, createMarkerScale(200));
  return new LegendControl({ style, theme, messages: en, formatters: createFormatters(), density: DENSITY_SCALE }).onAdd({} as MaplibreMap);
}

/** Every colour the legend's SVG paints with, as `attr=value`. */
function paints(el: HTMLElement): Set<string> {
  const out = new Set<string>();
  for (const node of el.querySelectorAll('circle, line, text')) {
    for (const attr of ['fill', 'stroke']) {
      const v = node.getAttribute(attr);
      if (v && v !== 'none') out.add(`${node.tagName.toLowerCase()} ${attr}=${v}`);
    }
  }
  return out;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
/** `top` at `alpha` over `under`, as the browser blends the legend's panel over the map. */
function over(top: string, alpha: number, under: string): string {
  const hex = [1, 3, 5].map((i) => {
    const c = Math.round(alpha * parseInt(top.slice(i, i + 2), 16) + (1 - alpha) * parseInt(under.slice(i, i + 2), 16));
    return c.toString(16).padStart(2, '0');
  });
  return `#${hex.join('')}`;
}

describe('LegendControl', () => {
  it('draws the size key in the theme’s ink: the dark legend differs from the light one', () => {
    const light = legend(LIGHT);
    const dark = legend(DARK);
    const texts = (el: HTMLElement) => [...el.querySelectorAll('.legend-sizes text')].map((t) => t.getAttribute('fill'));
    expect(texts(light)).toEqual([LIGHT.ink, LIGHT.ink, LIGHT.ink]);
    expect(texts(dark)).toEqual([DARK.ink, DARK.ink, DARK.ink]);
    const rings = [...dark.querySelectorAll('.legend-sizes circle')].map((c) => c.getAttribute('stroke'));
    expect(rings).toEqual([DARK.inkMuted, DARK.inkMuted, DARK.inkMuted]);
    expect(paints(dark)).not.toEqual(paints(light));
  });

  it('paints nothing that is not in the theme or the marker style', () => {
    for (const theme of [LIGHT, DARK]) {
      const style = createMarkerStyle(theme, createMarkerScale(200));
      const allowed = new Set<string>([...Object.values(theme), ...Object.values(style.typeColours), style.noDeaths.fill, style.story.colour]);
      for (const p of paints(legend(theme))) expect(allowed, p).toContain(p.split('=')[1]);
    }
  });

  it('draws each type in the marker style’s colour and fill opacity', () => {
    const el = legend(LIGHT);
    const swatches = [...el.querySelectorAll('ul li')].slice(0, EVENT_TYPES.length).map((li) => li.querySelector('circle')!);
    const style = createMarkerStyle(LIGHT, createMarkerScale(200));
    swatches.forEach((c, i) => {
      expect(c.getAttribute('fill')).toBe(style.typeColours[EVENT_TYPES[i]]);
      expect(c.getAttribute('fill-opacity')).toBe(String(style.fillOpacity));
    });
  });

  it.each([
    ['LIGHT', LIGHT],
    ['DARK', DARK],
  ] as [string, Theme][])('%s: legend text has WCAG AA contrast (≥ 4.5) on its panel over any of the map’s colours', (_name, theme) => {
    for (const under of [theme.background, theme.focusLand, theme.neighbourLand, theme.water]) {
      const panel = over(theme.panel, OVER_MAP_OPACITY, under);
      expect(contrast(theme.ink, panel), `ink over ${under}`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(theme.inkMuted, panel), `muted over ${under}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
