// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { geoArea } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { rewindForD3 } from '../../../src/publish/rewind';
import { pageText } from '../../../src/i18n/pageText';
import { createMarkerScale } from '../../../src/map/markerScale';
import { createMarkerStyle } from '../../../src/map/markerStyle';
import { LIGHT } from '../../../src/map/theme';
import { viewStatusText } from '../../../src/timeline/labels';
import { overlayText } from '../../../src/publish/overlayText';
import { PRINT_COLUMNS } from '../../../src/publish/printSizes';
import { PRINT_LAYERS, printSvg, type PrintBasemap, type PrintMarker } from '../../../src/publish/printSvg';

const geo = (name: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../geodata', `${name}.geojson`), 'utf8')) as FeatureCollection;
const basemap: PrintBasemap = {
  countries: geo('countries'),
  countryBorders: geo('country_borders'),
  admin1Borders: geo('admin1_borders'),
  rivers: geo('rivers'),
  lakes: geo('lakes'),
  focusAreas: geo('focus-areas'),
  places: geo('places'),
  countryLabels: geo('country_labels'),
};
const d = (s: string) => new Date(`${s}T00:00:00Z`);
const style = createMarkerStyle(LIGHT, createMarkerScale(400));
const view = { shown: { from: d('2021-03-01'), to: d('2021-03-31') }, totals: { incidents: 3, deaths: 210 }, counted: [{ name: 'UCDP GED', totals: { incidents: 3, deaths: 210 } }] };
const markers: PrintMarker[] = [
  { lon: 1.5, lat: 14.9, deaths: 10, type: 'Battles', approximate: false },
  { lon: 2.1, lat: 13.5, deaths: 40, type: 'Violence against civilians', approximate: false },
  { lon: 5.3, lat: 14.9, deaths: 160, type: 'Violence against civilians', approximate: true },
  { lon: 0.2, lat: 12.1, deaths: 0, type: 'Protests', approximate: false },
];

function svgFor(lang: 'en' | 'fr', columns: 1 | 2 | 3, title = 'Sahel Incident Map', twoDatasets = false): { svg: string; doc: Document; totals: string } {
  const { messages, formatters } = pageText(lang);
  const v = twoDatasets ? { ...view, totals: null, counted: [{ name: 'UCDP GED', totals: { incidents: 3, deaths: 210 } }, { name: 'ACLED', totals: { incidents: 5, deaths: 250 } }] } : view;
  const text = overlayText({ messages, formatters, title, view: v, scale: style.scale, credits: 'Natural Earth | UCDP GED 24.1 (CC BY 4.0) <b>&</b>' });
  const svg = printSvg({ basemap, markers, bounds: [[-12, 9], [16, 25]], widthMm: PRINT_COLUMNS[columns], aspect: 0.6, text, theme: LIGHT, style, lang, focusArea: 'tahoua' });
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  return { svg, doc, totals: viewStatusText({ messages, formatters }, v) };
}

describe('printSvg', () => {
  it('holds one named Inkscape layer per kind of thing, in drawing order', () => {
    const { doc } = svgFor('en', 2);
    const layers = [...doc.querySelectorAll('svg > g')];
    expect(layers.map((g) => g.getAttribute('id'))).toEqual([...PRINT_LAYERS]);
    for (const g of layers) {
      expect(g.getAttribute('inkscape:groupmode')).toBe('layer');
      expect(g.getAttribute('inkscape:label')).toBe(g.getAttribute('id'));
    }
    for (const id of ['countries', 'lakes', 'rivers', 'regions', 'borders', 'focus-areas']) expect(doc.querySelectorAll(`#${id} path`).length).toBeGreaterThan(0);
    expect(doc.querySelectorAll('#labels text').length).toBeGreaterThan(3);
  });

  it('is as wide as one, two or three broadsheet columns, in millimetres', () => {
    for (const c of [1, 2, 3] as const) expect(svgFor('en', c).doc.documentElement.getAttribute('width')).toBe(`${PRINT_COLUMNS[c]}mm`);
  });

  it('draws markers whose areas are proportional to deaths, from the map’s marker scale', () => {
    const { doc } = svgFor('en', 2);
    const r = (deaths: number) => Number(doc.querySelector(`#markers circle[data-deaths="${deaths}"]`)!.getAttribute('r'));
    const area = (deaths: number) => Math.PI * r(deaths) ** 2;
    expect(area(40) / area(10)).toBeCloseTo(4, 1);
    expect(area(160) / area(10)).toBeCloseTo(16, 1);
    // The legend's reference circles use the same radii.
    const ref = (v: number) => Number(doc.querySelector(`#legend circle[data-deaths="${v}"]`)!.getAttribute('r'));
    const [, mid, top] = style.scale.legendValues();
    expect(ref(top) ** 2 / ref(mid) ** 2).toBeCloseTo(top / mid, 1);
    // Largest first, so a small marker is never hidden under a large one.
    const order = [...doc.querySelectorAll('#markers circle')].map((c) => Number(c.getAttribute('data-deaths')));
    expect(order).toEqual([...order].sort((a, b) => b - a));
  });

  it('writes the status line’s very text, one figure per dataset when two are counted, in EN and FR', () => {
    for (const lang of ['en', 'fr'] as const) {
      for (const two of [false, true]) {
        const { doc, totals } = svgFor(lang, 3, 'T', two);
        const text = [...doc.querySelectorAll('#totals text')].map((t) => t.textContent).join(' ');
        expect(text).toBe(totals);
      }
    }
  });

  it('escapes text from data: a title with markup stays text', () => {
    const { svg, doc } = svgFor('en', 3, 'Attack <script>alert(1)</script> & "more"');
    expect(svg).not.toContain('<script>');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect([...doc.querySelectorAll('#title text')].map((t) => t.textContent).join(' ')).toBe('Attack <script>alert(1)</script> & "more"');
    expect(doc.querySelector('#credits')!.textContent).toContain('<b>&</b>');
  });

  it('keeps every text inside the page at one column', () => {
    const { doc } = svgFor('fr', 1);
    const [, , w] = doc.documentElement.getAttribute('viewBox')!.split(' ').map(Number);
    for (const t of doc.querySelectorAll('#title text, #totals text, #credits text, #legend text')) {
      const x = Number(t.getAttribute('x'));
      const size = Number(t.getAttribute('font-size'));
      expect(x + Array.from(t.textContent ?? '').length * size * 0.56).toBeLessThanOrEqual(w + 0.01);
    }
  });
});

describe('rewindForD3', () => {
  it('winds the geodata’s polygons so d3-geo reads each country as itself, not the rest of the globe', () => {
    const rewound = rewindForD3(basemap.countries);
    for (const f of rewound.features) expect(geoArea(f)).toBeLessThan(Math.PI);
  });
  it('fits the view to the map box: Niamey lands inside it and a focus country is smaller than the box', () => {
    const { doc } = svgFor('en', 2);
    const niamey = [...doc.querySelectorAll('#labels text')].find((t) => t.textContent === 'Niamey');
    expect(niamey).toBeDefined();
    const clip = doc.querySelector('#map-clip rect')!;
    const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((a) => Number(clip.getAttribute(a)));
    const nx = Number(niamey!.getAttribute('x'));
    const ny = Number(niamey!.getAttribute('y'));
    expect(nx > x && nx < x + w && ny > y && ny < y + h).toBe(true);
  });
});
