import { existsSync } from 'node:fs';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { BASEMAP_FILES, resolveAssetUrl } from '../../../src/map/basemapSources';
import {
  buildStyle,
  FIRST_LABEL_LAYER_ID,
  FOCUS_AREA_LAYER_IDS,
  focusAreaFilter,
  FONT_ITALIC,
  FONT_MEDIUM,
  FONT_REGULAR,
  PRIORITY_TOWNS,
} from '../../../src/map/style';
import { DARK, LIGHT } from '../../../src/map/theme';
import { readGeodata } from '../geo/geodataFiles';

const ASSET_BASE = 'https://example.org/sahel/';
const RANGES = ['0-255', '256-511', '512-767', '768-1023', '7680-7935', '8192-8447'];
const STACKS = [FONT_REGULAR, FONT_MEDIUM, FONT_ITALIC].map((s) => s.join(','));

const style = buildStyle(LIGHT, { assetBase: ASSET_BASE });
const layer = (s: StyleSpecification, id: string) => s.layers.find((l) => l.id === id)!;
const symbols = (s: StyleSpecification) => s.layers.filter((l) => l.type === 'symbol');
const layout = (l: LayerSpecification) => (l.type === 'symbol' ? (l.layout ?? {}) : {});

describe('buildStyle', () => {
  it.each([
    ['LIGHT en', buildStyle(LIGHT, { assetBase: ASSET_BASE })],
    ['DARK fr, border selected', buildStyle(DARK, { assetBase: ASSET_BASE, lang: 'fr', selectedFocusArea: 'border' })],
  ])('%s passes the MapLibre style-spec validator', (_name, s) => {
    expect(validateStyleMin(s).map((e) => e.message)).toEqual([]);
  });

  it('every layer but the background reads a source the style defines', () => {
    for (const l of style.layers) {
      if (l.type === 'background') continue;
      expect(style.sources, l.id).toHaveProperty((l as { source: string }).source);
    }
  });

  it('every source is a bundled GeoJSON file, absolute on the app’s own origin, with an attribution', () => {
    for (const [id, source] of Object.entries(style.sources)) {
      expect(source.type).toBe('geojson');
      expect((source as { attribution?: string }).attribution, id).toMatch(/\S/);
      // The regions start empty: the app fills them with the polygons it loads for the area figures.
      if (id === 'admin1') {
        expect((source as { data: unknown }).data).toEqual({ type: 'FeatureCollection', features: [] });
        continue;
      }
      // In a test (as in dev) Vite gives root paths (/geodata/…); a build gives absolute asset URLs.
      const data = new URL((source as { data: string }).data);
      expect(data.origin, id).toBe(new URL(ASSET_BASE).origin);
      expect(data.pathname).toMatch(/\.geojson$/);
      expect((source as { attribution?: string }).attribution, id).toMatch(/\S/);
    }
  });

  it('the credits name Natural Earth, GeoNames (CC BY 4.0) on its source, and the Noto Sans glyphs', () => {
    const credits = Object.values(style.sources).map((s) => (s as { attribution?: string }).attribution ?? '');
    expect(credits.some((c) => c.includes('Natural Earth'))).toBe(true);
    expect((style.sources['places-geonames'] as { attribution: string }).attribution).toMatch(/GeoNames.*CC BY 4\.0/);
    expect(credits.some((c) => c.includes('Noto Sans (OFL)'))).toBe(true);
  });

  it('each geodata file behind a source is in the repo', () => {
    for (const id of Object.keys(style.sources)) {
      const url = BASEMAP_FILES[id as keyof typeof BASEMAP_FILES];
      const path = new URL(`../../..${new URL(url, 'http://x/').pathname}`, import.meta.url);
      expect(existsSync(path), String(path)).toBe(true);
    }
  });

  it('glyphs are fetched from assetBase with MapLibre’s {fontstack}/{range} placeholders intact', () => {
    expect(style.glyphs).toBe(`${ASSET_BASE}fonts/{fontstack}/{range}.pbf`);
  });

  it('every text-font is one of the three shipped stacks, whose six range files exist in public/fonts', () => {
    const used = new Set<string>();
    for (const l of symbols(style)) {
      const font = layout(l)['text-font'];
      expect(Array.isArray(font) && font.every((f) => typeof f === 'string'), `${l.id} text-font literal`).toBe(true);
      const stack = (font as string[]).join(',');
      expect(STACKS, l.id).toContain(stack);
      used.add(stack);
    }
    expect(used.size).toBe(3);
    for (const stack of used) {
      for (const range of RANGES) {
        expect(existsSync(new URL(`../../../public/fonts/${stack}/${range}.pbf`, import.meta.url)), `${stack}/${range}`).toBe(true);
      }
    }
  });

  it('every layer from FIRST_LABEL_LAYER_ID up is a symbol layer, and none below it is', () => {
    const first = style.layers.findIndex((l) => l.id === FIRST_LABEL_LAYER_ID);
    expect(first).toBeGreaterThan(0);
    expect(style.layers.slice(first).every((l) => l.type === 'symbol')).toBe(true);
    expect(style.layers.slice(0, first).some((l) => l.type === 'symbol')).toBe(false);
  });

  it('the label layers (label-*) are all symbol layers with a text field', () => {
    const labels = style.layers.filter((l) => l.id.startsWith('label-'));
    expect(labels.map((l) => l.id)).toEqual(expect.arrayContaining(['label-countries', 'label-admin1', 'label-places', 'label-towns', 'label-lakes']));
    for (const l of labels) {
      expect(l.type, l.id).toBe('symbol');
      expect(layout(l)['text-field'], l.id).toBeDefined();
    }
  });

  it('layer ids are unique', () => {
    const ids = style.layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lang fr labels countries with name_fr; en with name', () => {
    const fr = JSON.stringify(layout(layer(buildStyle(LIGHT, { assetBase: ASSET_BASE, lang: 'fr' }), 'label-countries'))['text-field']);
    const en = JSON.stringify(layout(layer(style, 'label-countries'))['text-field']);
    expect(fr).toContain('"name_fr"');
    expect(en).not.toContain('name_fr');
  });

  it('the focus countries are filled and bordered differently from the neighbours', () => {
    const fill = layer(style, 'countries-fill');
    expect(fill.type === 'fill' && fill.paint?.['fill-color']).toEqual(['case', ['==', ['get', 'focus'], true], LIGHT.focusLand, LIGHT.neighbourLand]);
    expect(LIGHT.focusLand).not.toBe(LIGHT.neighbourLand);
    const borders = layer(style, 'country-borders');
    expect(borders.type === 'line' && borders.paint?.['line-color']).toEqual([
      'case',
      ['==', ['get', 'focus'], true],
      LIGHT.focusCountryBorder,
      LIGHT.countryBorder,
    ]);
  });

  it('admin-1 borders are dashed', () => {
    const l = layer(style, 'admin1-borders');
    expect(l.type === 'line' && l.paint?.['line-dasharray']).toBeTruthy();
  });

  it('the theme reaches the style: DARK’s background and label colours replace LIGHT’s', () => {
    const dark = buildStyle(DARK, { assetBase: ASSET_BASE });
    const bg = layer(dark, 'background');
    expect(bg.type === 'background' && bg.paint?.['background-color']).toBe(DARK.background);
    expect(JSON.stringify(dark.layers)).not.toContain(LIGHT.labelText);
  });

  it('selectedFocusArea sets the filter of both focus-area layers; none selected matches nothing', () => {
    const selected = buildStyle(LIGHT, { assetBase: ASSET_BASE, selectedFocusArea: 'tahoua' });
    for (const id of FOCUS_AREA_LAYER_IDS) {
      expect((layer(selected, id) as { filter: unknown }).filter).toEqual(focusAreaFilter('tahoua'));
      expect((layer(style, id) as { filter: unknown }).filter).toEqual(['==', ['get', 'id'], '']);
    }
  });

  it('the GeoNames towns that NE lacks are labelled, and each priority town is one of them', () => {
    const towns = layer(style, 'label-towns');
    expect(towns.type === 'symbol' && towns.source).toBe('places-geonames');
    expect(JSON.stringify((towns as { filter?: unknown }).filter)).toContain('"in_ne_places"');
    const geonames = readGeodata('places_geonames.geojson').features.map((f) => f.properties ?? {});
    expect(PRIORITY_TOWNS).toEqual(expect.arrayContaining(['Ouallam', 'Bani Bangou', 'Tillia', 'Kidal']));
    for (const name of PRIORITY_TOWNS) {
      expect(geonames.some((p) => p.name === name && p.in_ne_places === false), name).toBe(true);
    }
  });
});

describe('resolveAssetUrl', () => {
  it('resolves root and relative asset paths against assetBase and keeps absolute URLs', () => {
    expect(resolveAssetUrl('/geodata/a.geojson', ASSET_BASE)).toBe('https://example.org/geodata/a.geojson');
    expect(resolveAssetUrl('assets/a-123.geojson', ASSET_BASE)).toBe('https://example.org/sahel/assets/a-123.geojson');
    expect(resolveAssetUrl('https://example.org/sahel/assets/a.geojson', 'http://other/')).toBe('https://example.org/sahel/assets/a.geojson');
  });
});
