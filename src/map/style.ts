import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  StyleSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import { fontFaces } from './fontFaces';
import { basemapSources } from './basemapSources';
import type { Theme } from './theme';
import { choroplethColours } from './choroplethScale';

export interface StyleOptions {
  /** Absolute URL of the app's folder, ending in '/': the caller computes it from `document.baseURI`. */
  assetBase: string;
  /** Language of country and lake names. @defaultValue 'en' */
  lang?: 'en' | 'fr';
  /** Focus-area feature id to highlight (`niamey`, `tahoua`, `border`, …); null or `sahel` highlights nothing. */
  selectedFocusArea?: string | null;
}

/** The three font stacks shipped in public/fonts/: one font each, no fallbacks to fetch. */
export const FONT_REGULAR = ['Noto Sans Regular'];
export const FONT_MEDIUM = ['Noto Sans Medium'];
export const FONT_ITALIC = ['Noto Sans Italic'];

/**
 * The first label layer: every layer from here up is a symbol layer, every layer below is
 * geometry. Incident layers go below it (`beforeId: FIRST_LABEL_LAYER_ID`) so names stay
 * readable over the markers, while town dots and borders stay under them.
 */
export const FIRST_LABEL_LAYER_ID = 'label-rivers';

/**
 * The focus-area highlight layers. The map changes the highlight without rebuilding the style:
 * `for (const id of FOCUS_AREA_LAYER_IDS) map.setFilter(id, focusAreaFilter(selected))`.
 * A filter rather than feature-state, because the areas have string ids and feature-state needs
 * numeric ones.
 */
export const FOCUS_AREA_LAYER_IDS = ['focus-area-fill', 'focus-area-line'] as const;

/** Matches the focus area with this id; null (or an id with no feature, such as `sahel`) matches nothing. */
export function focusAreaFilter(selected: string | null | undefined): FilterSpecification {
  return ['==', ['get', 'id'], selected ?? ''];
}

/** The selected place's outline (an admin-1 region or a focus area): a casing under a line, per source. */
export const AREA_OUTLINE_LAYERS = {
  region: ['area-outline-region-casing', 'area-outline-region'],
  focus: ['area-outline-focus-casing', 'area-outline-focus'],
} as const;

/** The admin-1 regions shaded by the window's figures (feature-state `shade`, see areaLayers.ts); transparent while off. */
export const CHOROPLETH_LAYER_ID = 'choropleth-fill';
/** Opacity of the choropleth's fill when on: the land and borders still read through it. */
export const CHOROPLETH_OPACITY = 0.72;
/** An invisible fill over the focus areas, so a click can find the band it fell in. */
export const FOCUS_AREA_HIT_LAYER_ID = 'focus-area-hit';

/** Matches the region (ISO 3166-2 code) or focus area (id) with this id; null matches nothing. */
export function areaOutlineFilter(kind: 'region' | 'focus', selected: string | null | undefined): FilterSpecification {
  return ['==', ['get', kind === 'region' ? 'iso_3166_2' : 'id'], selected ?? ''];
}

function choroplethFill(theme: Theme): ExpressionSpecification {
  const stops = choroplethColours(theme).flatMap((c, i) => [i, c]);
  return ['match', ['coalesce', ['feature-state', 'shade'], -1], ...stops, 'rgba(0, 0, 0, 0)'] as unknown as ExpressionSpecification;
}

function areaOutlineLayers(theme: Theme): LayerSpecification[] {
  return (['region', 'focus'] as const).flatMap((kind): LayerSpecification[] => {
    const [casing, line] = AREA_OUTLINE_LAYERS[kind];
    const source = kind === 'region' ? 'admin1' : 'focus-areas';
    const filter = areaOutlineFilter(kind, null);
    return [
      {
        id: casing,
        type: 'line',
        source,
        filter,
        layout: { 'line-join': 'round' },
        paint: { 'line-color': theme.labelHalo, 'line-opacity': 0.9, 'line-width': zoomRamp([[3, 4], [8, 6.5]]) },
      },
      {
        id: line,
        type: 'line',
        source,
        filter,
        layout: { 'line-join': 'round' },
        paint: { 'line-color': theme.selectionRing, 'line-width': zoomRamp([[3, 2], [8, 3.5]]) },
      },
    ];
  });
}

/**
 * Towns the stories name that Natural Earth lacks, ranked first among the GeoNames towns so
 * collisions with their unnamed neighbours cannot hide them at zoom 6–7. (GeoNames spells
 * Banibangou "Bani Bangou".)
 */
export const PRIORITY_TOWNS = ['Ouallam', 'Bani Bangou', 'Tillia', 'Kidal', 'Abala'];

/** English lake names of Natural Earth and their French forms; NE's "Lake Dbo" is Lac Débo. */
const LAKE_NAMES: Record<string, { en: string; fr: string }> = {
  'Lake Chad': { en: 'Lake Chad', fr: 'Lac Tchad' },
  'Lake Volta': { en: 'Lake Volta', fr: 'Lac Volta' },
  'Kainji Reservoir': { en: 'Kainji Reservoir', fr: 'Lac de Kainji' },
  'Lake Dbo': { en: 'Lake Débo', fr: 'Lac Débo' },
};

const isTrue = (key: string): ExpressionSpecification => ['==', ['get', key], true];

/**
 * Natural Earth places by importance: 0 national capitals, 1 regional capitals of the three
 * countries with NE scalerank ≤ 4 (Agadez, Gao, Tahoua …), 2 other regional capitals and
 * scalerank ≤ 4 elsewhere (Kano), 3 scalerank ≤ 6, 4 scalerank 7, 5 the rest.
 */
const PLACE_RANK: ExpressionSpecification = [
  'case',
  ['==', ['get', 'capital'], 'country'],
  0,
  isTrue('region_capital'),
  ['case', ['<=', ['get', 'scalerank'], 4], 1, 2],
  ['<=', ['get', 'scalerank'], 4],
  2,
  ['<=', ['get', 'scalerank'], 6],
  3,
  ['<=', ['get', 'scalerank'], 7],
  4,
  5,
];

/** Highest place rank shown at a zoom (filters see integer zooms): the first view (~4.5) shows ranks 0–1. */
const PLACE_RANK_AT_ZOOM: ExpressionSpecification = ['step', ['zoom'], 1, 5, 2, 6, 3, 7, 4, 8, 5];

const NE_PLACES_FILTER: ExpressionSpecification = ['<=', PLACE_RANK, PLACE_RANK_AT_ZOOM];

/**
 * GeoNames towns that NE lacks. A town named like its region (Kidal) is the region's seat, missing
 * from NE 4.0: it shows from zoom 4 with the other regional capitals. PRIORITY_TOWNS show from
 * zoom 6, the other ~200 towns from zoom 7, where Burkina Faso's dense plateau has room for them.
 */
const IS_REGION_SEAT: ExpressionSpecification = ['==', ['get', 'name'], ['get', 'adm1name']];
const IS_PRIORITY_TOWN: ExpressionSpecification = ['in', ['get', 'name'], ['literal', PRIORITY_TOWNS]];
const GEONAMES_FILTER: ExpressionSpecification = [
  'all',
  ['==', ['get', 'in_ne_places'], false],
  ['any', IS_REGION_SEAT, ['all', IS_PRIORITY_TOWN, ['>=', ['zoom'], 6]], ['>=', ['zoom'], 7]],
];
const TOWN_PRIORITY: ExpressionSpecification = ['case', IS_REGION_SEAT, 0, IS_PRIORITY_TOWN, 1, 2];

/** GeoNames writes "Bani Bangou"; the town, its commune and the incident sources say Banibangou. */
const TOWN_NAME: ExpressionSpecification = ['match', ['get', 'name'], 'Bani Bangou', 'Banibangou', ['get', 'name']];

const zoomRamp = (stops: [number, number | ExpressionSpecification][]): ExpressionSpecification =>
  ['interpolate', ['linear'], ['zoom'], ...stops.flat()] as ExpressionSpecification;

function geometryLayers(theme: Theme, selected: string | null | undefined): LayerSpecification[] {
  return [
    { id: 'background', type: 'background', paint: { 'background-color': theme.background } },
    {
      id: 'countries-fill',
      type: 'fill',
      source: 'countries',
      paint: { 'fill-color': ['case', isTrue('focus'), theme.focusLand, theme.neighbourLand] },
    },
    {
      id: 'focus-area-fill',
      type: 'fill',
      source: 'focus-areas',
      filter: focusAreaFilter(selected),
      paint: { 'fill-color': theme.focusAreaFill, 'fill-opacity': 0.16 },
    },
    {
      id: CHOROPLETH_LAYER_ID,
      type: 'fill',
      source: 'admin1',
      paint: { 'fill-color': choroplethFill(theme), 'fill-opacity': 0 },
    },
    { id: FOCUS_AREA_HIT_LAYER_ID, type: 'fill', source: 'focus-areas', paint: { 'fill-color': theme.focusAreaFill, 'fill-opacity': 0 } },
    { id: 'lakes', type: 'fill', source: 'lakes', paint: { 'fill-color': theme.water } },
    {
      id: 'rivers',
      type: 'line',
      source: 'rivers',
      // minor rivers (scalerank 8–9) only from zoom 6: at the first view they are noise
      filter: ['<=', ['get', 'scalerank'], ['step', ['zoom'], 7, 6, 9]],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': theme.river,
        'line-width': zoomRamp([
          [3, ['interpolate', ['linear'], ['get', 'scalerank'], 3, 1.3, 5, 0.7, 9, 0.3]],
          [8, ['interpolate', ['linear'], ['get', 'scalerank'], 3, 3.5, 5, 2, 9, 0.8]],
        ]),
      },
    },
    {
      id: 'admin1-borders',
      type: 'line',
      source: 'admin1-borders',
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': theme.admin1Border,
        'line-width': zoomRamp([
          [3, 0.5],
          [8, 1.2],
        ]),
        'line-dasharray': [3, 2],
      },
    },
    {
      id: 'country-borders',
      type: 'line',
      source: 'country-borders',
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': ['case', isTrue('focus'), theme.focusCountryBorder, theme.countryBorder],
        'line-width': zoomRamp([
          [3, ['case', isTrue('focus'), 1, 0.5]],
          [8, ['case', isTrue('focus'), 2.4, 1]],
        ]),
      },
    },
    {
      id: 'focus-area-line',
      type: 'line',
      source: 'focus-areas',
      filter: focusAreaFilter(selected),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': theme.focusAreaLine,
        'line-width': zoomRamp([
          [3, 1.2],
          [8, 2.5],
        ]),
      },
    },
    ...areaOutlineLayers(theme),
    {
      id: 'places-dot',
      type: 'circle',
      source: 'places',
      filter: NE_PLACES_FILTER,
      paint: {
        'circle-color': theme.placeDot,
        'circle-stroke-color': theme.placeDotStroke,
        'circle-radius': ['case', ['==', PLACE_RANK, 0], 3.2, 2.2],
        'circle-stroke-width': ['case', ['==', PLACE_RANK, 0], 1.6, 1],
      },
    },
    {
      id: 'towns-dot',
      type: 'circle',
      source: 'places-geonames',
      filter: GEONAMES_FILTER,
      paint: {
        'circle-color': theme.placeDot,
        'circle-stroke-color': theme.placeDotStroke,
        'circle-radius': 2,
        'circle-stroke-width': 1,
      },
    },
  ];
}

function labelPaint(theme: Theme, colour: string, halo = 1.4): SymbolLayerSpecification['paint'] {
  return { 'text-color': colour, 'text-halo-color': theme.labelHalo, 'text-halo-width': halo, 'text-halo-blur': 0.5 };
}

/** Point labels beside a dot: tries right, left, above, below before giving up. */
const BESIDE_DOT: SymbolLayerSpecification['layout'] = {
  'text-variable-anchor': ['left', 'right', 'bottom', 'top'],
  'text-radial-offset': 0.45,
  'text-justify': 'auto',
};

function labelLayers(theme: Theme, lang: 'en' | 'fr'): SymbolLayerSpecification[] {
  const countryName: ExpressionSpecification =
    lang === 'fr' ? ['coalesce', ['get', 'name_fr'], ['get', 'name']] : ['get', 'name'];
  const lakeName = [
    'match',
    ['get', 'name'],
    ...Object.entries(LAKE_NAMES).flatMap(([ne, names]) => [ne, names[lang]]),
    ['get', 'name'],
  ] as unknown as ExpressionSpecification;
  const focus = isTrue('focus');
  return [
    {
      id: FIRST_LABEL_LAYER_ID,
      type: 'symbol',
      source: 'rivers',
      minzoom: 5,
      filter: ['all', ['has', 'name'], ['<=', ['get', 'scalerank'], 7]],
      layout: {
        'symbol-placement': 'line',
        'symbol-spacing': 350,
        'text-field': ['get', 'name'],
        'text-font': FONT_ITALIC,
        'text-size': 11,
        'text-letter-spacing': 0.1,
      },
      paint: labelPaint(theme, theme.waterLabel, 1.2),
    },
    {
      id: 'label-lakes',
      type: 'symbol',
      source: 'lakes',
      minzoom: 4,
      filter: ['<=', ['get', 'scalerank'], ['step', ['zoom'], 1, 6, 9]],
      layout: { 'text-field': lakeName, 'text-font': FONT_ITALIC, 'text-size': 11, 'text-max-width': 6 },
      paint: labelPaint(theme, theme.waterLabel, 1.2),
    },
    {
      id: 'label-admin1',
      type: 'symbol',
      source: 'admin1-labels',
      minzoom: 5.5,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': FONT_ITALIC,
        'text-size': zoomRamp([
          [5.5, 10.5],
          [8, 13],
        ]),
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.08,
        'text-max-width': 7,
        'text-padding': 4,
      },
      paint: labelPaint(theme, theme.labelTextMuted),
    },
    {
      id: 'label-towns',
      type: 'symbol',
      source: 'places-geonames',
      minzoom: 4,
      filter: GEONAMES_FILTER,
      layout: {
        'text-field': TOWN_NAME,
        'text-font': FONT_REGULAR,
        'text-size': ['case', IS_REGION_SEAT, 12.5, 11],
        'text-padding': 4,
        'symbol-sort-key': TOWN_PRIORITY,
        ...BESIDE_DOT,
      },
      paint: labelPaint(theme, theme.labelText),
    },
    {
      id: 'label-places',
      type: 'symbol',
      source: 'places',
      filter: ['all', NE_PLACES_FILTER, ['!=', ['get', 'capital'], 'country']],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': FONT_REGULAR,
        'text-size': ['step', PLACE_RANK, 12.5, 2, 12, 3, 11],
        'symbol-sort-key': PLACE_RANK,
        ...BESIDE_DOT,
      },
      paint: labelPaint(theme, theme.labelText),
    },
    {
      id: 'label-capitals',
      type: 'symbol',
      source: 'places',
      filter: ['==', ['get', 'capital'], 'country'],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': FONT_MEDIUM,
        'text-size': zoomRamp([
          [3, 12],
          [8, 15],
        ]),
        ...BESIDE_DOT,
      },
      paint: labelPaint(theme, theme.labelText, 1.6),
    },
    {
      id: 'label-countries',
      type: 'symbol',
      source: 'country-labels',
      layout: {
        'text-field': countryName,
        'text-font': FONT_MEDIUM,
        'text-size': zoomRamp([
          [3, ['case', focus, 14, 10]],
          [7, ['case', focus, 22, 13]],
        ]),
        'text-transform': 'uppercase',
        'text-letter-spacing': ['case', focus, 0.2, 0.08],
        'text-max-width': 8,
        'symbol-sort-key': ['case', focus, 0, 1],
      },
      paint: {
        'text-color': ['case', focus, theme.labelText, theme.labelTextMuted],
        'text-halo-color': theme.labelHalo,
        'text-halo-width': 1.6,
      },
    },
  ];
}

/**
 * The whole basemap as a MapLibre style, from a theme (protomaps' approach: the style is code,
 * and no style JSON is checked in). Sources are the bundled GeoJSON files, glyphs the bundled
 * Noto Sans PBFs and font files: nothing is fetched from another origin.
 */
export function buildStyle(theme: Theme, options: StyleOptions): StyleSpecification {
  const lang = options.lang ?? 'en';
  return {
    version: 8,
    name: 'Sahel Incident Map basemap',
    // MapLibre substitutes {fontstack} and {range} itself (and URL-encodes the stack's spaces).
    glyphs: `${options.assetBase}fonts/{fontstack}/{range}.pbf`,
    // Scripts the PBFs lack (Cyrillic, Greek Extended, Latin Extended-C/D, Arabic): Noto Sans files,
    // fetched only when a label needs them (fontFaces.ts, glyphCoverage.ts).
    'font-faces': fontFaces(options.assetBase),
    sources: basemapSources(options.assetBase),
    layers: [...geometryLayers(theme, options.selectedFocusArea), ...labelLayers(theme, lang)],
  };
}
