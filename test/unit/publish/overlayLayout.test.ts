import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFormatters } from '../../../src/i18n/format';
import { en } from '../../../src/i18n/messages';
import { pageText } from '../../../src/i18n/pageText';
import { createMarkerScale } from '../../../src/map/markerScale';
import { fitsImage, layoutOverlay, type Box, type OverlayLayout } from '../../../src/publish/overlayLayout';
import { attributionText, overlayText } from '../../../src/publish/overlayText';
import { PICTURE_PRESETS, presetImageSize } from '../../../src/publish/presets';
import { wrapText, type TextStyle } from '../../../src/publish/wrapText';

/** A stand-in for canvas measureText: a bold glyph is 0.62 em wide, a regular one 0.56 em (wider than Noto Sans's average, so the real text fits at least as well). */
const measure = (text: string, style: TextStyle) => Array.from(text).length * style.size * (style.weight === 600 ? 0.62 : 0.56);
const d = (s: string) => new Date(`${s}T00:00:00Z`);
const scale = createMarkerScale(400);
const CREDITS = attributionText([
  '<a href="https://maplibre.org/">MapLibre</a>',
  '<a href="https://www.naturalearthdata.com/">Natural Earth</a>; Noto Sans (OFL)',
  '<a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)',
  'UCDP GED 24.1 (CC BY 4.0): Davies et al. 2024; Sundberg and Melander 2013',
  'Story events: compiled from news reports (see the sources in each popup)',
]);

function textFor(lang: 'en' | 'fr', twoDatasets: boolean) {
  const { messages, formatters } = pageText(lang);
  const view = twoDatasets
    ? { shown: { from: d('2021-02-21'), to: d('2021-03-21') }, totals: null, counted: [{ name: 'UCDP GED', totals: { incidents: 123, deaths: 1456 } }, { name: 'ACLED (Niger, Mali, Burkina Faso, 2018–2024)', totals: { incidents: 234, deaths: 1789 } }] }
    : { shown: { from: d('2021-02-21'), to: d('2021-03-21') }, totals: { incidents: 123, deaths: 1456 }, counted: [{ name: 'UCDP GED', totals: { incidents: 123, deaths: 1456 } }] };
  return overlayText({ messages, formatters, title: messages.pageTitle, view, scale, credits: CREDITS });
}

function layoutAt(width: number, height: number, lang: 'en' | 'fr', two = false): OverlayLayout {
  return layoutOverlay({ width, height, text: textFor(lang, two), legendRadii: scale.legendValues().map((v) => scale.radius(v)), measure });
}

const inside = (b: Box, w: number, h: number) => b.x >= 0 && b.y >= 0 && b.x + b.width <= w && b.y + b.height <= h;
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('layoutOverlay', () => {
  for (const preset of PICTURE_PRESETS) {
    for (const lang of ['en', 'fr'] as const) {
      for (const two of [false, true]) {
        it(`puts every box inside the ${preset.id} image in ${lang}${two ? ' with two datasets' : ''}`, () => {
          const size = presetImageSize(preset, { width: 1280, height: 720 });
          const w = size.width / preset.pixelRatio;
          const h = size.height / preset.pixelRatio;
          const layout = layoutAt(w, h, lang, two);
          expect(fitsImage(layout, w, h)).toBe(true);
          for (const b of [layout.title.box, layout.totals.box, layout.credits.box, layout.legend.box]) expect(inside(b, w, h)).toBe(true);
          // Every line of text is no wider than the image's inner width.
          for (const block of [layout.title, layout.totals, layout.credits]) for (const line of block.lines) expect(measure(line, block.style)).toBeLessThanOrEqual(w);
          expect(overlaps(layout.legend.box, layout.footer)).toBe(false);
          expect(overlaps(layout.legend.box, layout.header)).toBe(false);
        });
      }
    }
  }

  for (const [w, h] of [[1080, 1080], [1200, 630], [1080, 1920], [640, 360]]) {
    for (const lang of ['en', 'fr'] as const) {
      it(`places a video frame's date stamp inside the ${w}×${h} frame, clear of the legend, in ${lang}`, () => {
        const text = { ...textFor(lang, true), stamp: lang === 'fr' ? '28 septembre 2021' : '28 September 2021' };
        const layout = layoutOverlay({ width: w, height: h, text, legendRadii: scale.legendValues().map((v) => scale.radius(v)), measure });
        expect(layout.stamp).not.toBeNull();
        expect(fitsImage(layout, w, h)).toBe(true);
        expect(overlaps(layout.stamp!.box, layout.legend.box)).toBe(false);
      });
    }
  }

  it('keeps the whole credits text, word for word, across its lines', () => {
    const layout = layoutAt(1080, 1920, 'en');
    expect(layout.credits.lines.join(' ')).toBe(CREDITS);
    expect(layout.credits.lines.length).toBeGreaterThan(1);
  });

  it('keeps the status line’s text, with one figure per dataset when two are counted', () => {
    const layout = layoutAt(1200, 630, 'fr', true);
    const totals = layout.totals.lines.join(' ');
    expect(totals).toContain('UCDP GED');
    const { formatters } = pageText('fr');
    expect(totals).toContain(formatters.integer(1456));
    expect(totals).toContain(formatters.integer(1789));
    expect(totals).not.toContain(formatters.integer(1456 + 1789));
  });

  it('draws the size key at the markers’ radii, whatever the text scale', () => {
    const small = layoutAt(600, 600, 'en');
    const large = layoutAt(1800, 1800, 'en');
    expect(large.scale).toBeGreaterThan(small.scale);
    const rMax = scale.radius(scale.legendValues()[2]);
    // The key's box always holds the largest circle at the marker's own radius, at either scale.
    for (const l of [small, large]) {
      expect(l.legend.sizes.height).toBeGreaterThanOrEqual(2 * rMax + 8);
      expect(l.legend.sizes.width).toBeGreaterThanOrEqual(2 * rMax);
    }
    expect(small.legend.sizes.height).toBeLessThan(2 * rMax + 8 + small.legend.valueStyle.size * 4);
  });

  it('fits any map from phone to poster size in either language (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 340, max: 2400 }), fc.integer({ min: 420, max: 2400 }), fc.constantFrom<'en' | 'fr'>('en', 'fr'), fc.boolean(), (w, h, lang, two) => {
        expect(fitsImage(layoutAt(w, h, lang, two), w, h)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('wrapText', () => {
  it('never breaks at a no-break space and never makes a line wider than asked', () => {
    const lines = wrapText('1\u202f456 morts · UCDP\u00a0GED a-very-long-word-that-cannot-fit', 60, { size: 10, weight: 400 }, measure);
    expect(lines[0]).toBe('1\u202f456');
    for (const line of lines) expect(measure(line, { size: 10, weight: 400 })).toBeLessThanOrEqual(60);
    expect(lines.join('')).toContain('UCDP\u00a0GED');
  });
});

describe('attributionText', () => {
  it('drops tags, decodes entities and lists each credit once', () => {
    expect(attributionText(['<a href="x">Natural Earth</a>', '&copy; A &amp; B', '<a href="x">Natural Earth</a>'])).toBe('Natural Earth | © A & B');
  });
});

it('overlayText reads the status line exactly as the timeline does', () => {
  const text = overlayText({ messages: en, formatters: createFormatters(), title: 'T', view: { shown: { from: d('2021-03-21'), to: d('2021-03-27') }, totals: { incidents: 12, deaths: 190 }, counted: [] }, scale, credits: '' });
  expect(text.totals).toBe('21–27 Mar 2021 · 12 incidents · 190 deaths');
  expect(text.legendRows).toHaveLength(9);
});
