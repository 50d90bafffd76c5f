import { geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { EVENT_TYPES, type EventType } from '../types';
import type { MarkerStyle } from '../map/markerStyle';
import type { Theme } from '../map/theme';
import type { OverlayText } from './overlayLayout';
import { wrapText, type MeasureText, type TextStyle } from './wrapText';
import { MM_PER_PT } from './printSizes';
import { escapeXml } from './xml';
import { rewindForD3 } from './rewind';

/** The basemap's GeoJSON, as the app serves it (geodata/*.geojson, src/map/basemapSources.ts). */
export interface PrintBasemap {
  countries: FeatureCollection;
  countryBorders: FeatureCollection;
  admin1Borders: FeatureCollection;
  rivers: FeatureCollection;
  lakes: FeatureCollection;
  focusAreas: FeatureCollection;
  places: FeatureCollection;
  countryLabels: FeatureCollection;
}

/** A marker to draw: where, how many deaths, which type; `ring` marks a story event (drawn as the map's story ring). */
export interface PrintMarker {
  lon: number;
  lat: number;
  deaths: number;
  type: EventType;
  approximate: boolean;
  ring?: boolean;
}

export interface PrintSvgOptions {
  basemap: PrintBasemap;
  markers: readonly PrintMarker[];
  /** The view: [[west, south], [east, north]] in degrees. */
  bounds: [[number, number], [number, number]];
  /** Width of the printed map in millimetres (PRINT_COLUMNS). */
  widthMm: number;
  /** Height ÷ width of the map box (the live view's). Clamped to 0.5–1.4 so a column never gets a sliver or a tower. */
  aspect: number;
  text: OverlayText;
  theme: Theme;
  style: MarkerStyle;
  lang: 'en' | 'fr';
  /** The selected focus area's id (the map's highlight), or null. */
  focusArea: string | null;
  /** Text widths in points; by default an estimate (0.56 em a glyph, 0.62 em bold) that errs wide. */
  measure?: MeasureText;
  /** Points per CSS pixel for the markers (the same scale's radii, shrunk for print, so areas stay ∝ deaths). @defaultValue from 0.2 (one column) to 0.5 (three) */
  markerPt?: number;
}

/** The layers, bottom to top, as Inkscape and Illustrator list them. */
export const PRINT_LAYERS = ['background', 'countries', 'focus-areas', 'lakes', 'rivers', 'regions', 'borders', 'places', 'markers', 'labels', 'title', 'totals', 'legend', 'credits'] as const;
export type PrintLayer = (typeof PRINT_LAYERS)[number];

const estimate: MeasureText = (text, style) => Array.from(text).length * style.size * (style.weight === 600 ? 0.62 : 0.56);
const n = (v: number) => (Math.round(v * 100) / 100).toString();

function layer(id: PrintLayer, body: string, extra = ''): string {
  return `<g id="${id}" inkscape:label="${id}" inkscape:groupmode="layer"${extra}>${body}</g>`;
}

function textLines(lines: readonly string[], x: number, y: number, style: TextStyle, colour: string, lineHeight: number): string {
  return lines.map((l, i) => `<text x="${n(x)}" y="${n(y + i * lineHeight)}" font-size="${n(style.size)}" font-weight="${style.weight}" fill="${colour}">${escapeXml(l)}</text>`).join('');
}

function isFocus(f: Feature): boolean {
  return f.properties?.focus === true;
}

/**
 * The print file: an SVG `widthMm` wide in points, the view's bounds drawn with d3-geo in Web
 * Mercator (the map's projection) fitted to the map box, from the basemap's own GeoJSON and the
 * markers at the marker scale's radii × `markerPt` (area ∝ deaths, as on screen); the title and the
 * status line above, the legend and the whole attribution below, all as text. One named layer per
 * kind of thing (`<g inkscape:groupmode="layer">`), so it opens as editable layers. Every string
 * from data is escaped. Pure.
 */
export function printSvg(options: PrintSvgOptions): string {
  const { theme, style, text } = options;
  const measure = options.measure ?? estimate;
  const W = options.widthMm / MM_PER_PT;
  const pad = Math.max(4, W * 0.02);
  const inner = W - 2 * pad;
  const titleStyle: TextStyle = { size: W < 200 ? 9 : 12, weight: 600 };
  const bodyStyle: TextStyle = { size: W < 200 ? 6.5 : 8, weight: 400 };
  const creditStyle: TextStyle = { size: 5.5, weight: 400 };
  const lh = (s: TextStyle) => s.size * 1.25;

  let y = pad;
  const titleLines = wrapText(text.title, inner, titleStyle, measure);
  const titleSvg = textLines(titleLines, pad, y + titleStyle.size, titleStyle, theme.ink, lh(titleStyle));
  y += titleLines.length * lh(titleStyle) + 2;
  const totalsLines = wrapText(text.totals, inner, bodyStyle, measure);
  const totalsSvg = textLines(totalsLines, pad, y + bodyStyle.size, bodyStyle, theme.ink, lh(bodyStyle));
  y += totalsLines.length * lh(bodyStyle) + pad / 2;

  const aspect = Math.min(1.4, Math.max(0.5, Number.isFinite(options.aspect) ? options.aspect : 0.75));
  const map = { x: 0, y, width: W, height: W * aspect };
  y += map.height + pad / 2;

  const [[west, south], [east, north]] = options.bounds;
  // The view's corners, not a polygon: d3 would read a box wound the GeoJSON way as the rest of the globe.
  const frame: Feature<Geometry> = { type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: [[west, south], [east, south], [east, north], [west, north]] } };
  const projection = geoMercator().fitExtent([[map.x, map.y], [map.x + map.width, map.y + map.height]], frame).clipExtent([[map.x, map.y], [map.x + map.width, map.y + map.height]]);
  const path = geoPath(projection).digits(2);
  const paths = (fc: FeatureCollection, attrs: (f: Feature) => string, keep: (f: Feature) => boolean = () => true) =>
    rewindForD3(fc).features
      .filter(keep)
      .map((f) => {
        const d = path(f);
        return d ? `<path d="${d}" ${attrs(f)}/>` : '';
      })
      .join('');

  const background = `<rect x="${n(map.x)}" y="${n(map.y)}" width="${n(map.width)}" height="${n(map.height)}" fill="${theme.background}"/>`;
  const countries = paths(options.basemap.countries, (f) => `fill="${isFocus(f) ? theme.focusLand : theme.neighbourLand}"`);
  const focusAreas = options.focusArea ? paths(options.basemap.focusAreas, () => `fill="${theme.focusAreaFill}" fill-opacity="0.16" stroke="${theme.focusAreaLine}" stroke-width="1"`, (f) => f.properties?.id === options.focusArea) : '';
  const lakes = paths(options.basemap.lakes, () => `fill="${theme.water}"`);
  const rivers = paths(options.basemap.rivers, (f) => `fill="none" stroke="${theme.river}" stroke-width="${n(Math.max(0.3, 1.2 - 0.12 * Number(f.properties?.scalerank ?? 7)))}" stroke-linecap="round" stroke-linejoin="round"`, (f) => Number(f.properties?.scalerank ?? 9) <= 7);
  const regions = paths(options.basemap.admin1Borders, () => `fill="none" stroke="${theme.admin1Border}" stroke-width="0.4" stroke-dasharray="1.5 1"`);
  const borders = paths(options.basemap.countryBorders, (f) => `fill="none" stroke="${isFocus(f) ? theme.focusCountryBorder : theme.countryBorder}" stroke-width="${isFocus(f) ? 0.9 : 0.45}" stroke-linejoin="round"`);

  const placeStyle: TextStyle = { size: W < 200 ? 5 : 6.5, weight: 400 };
  const inMap = (p: [number, number] | null): p is [number, number] => !!p && p[0] >= map.x && p[0] <= map.x + map.width && p[1] >= map.y && p[1] <= map.y + map.height;
    const places: string[] = [];
  const labels: string[] = [];
  // Labels are placed greedily by rank (capitals, then regional capitals by Natural Earth's
  // scalerank) and one that would overlap a placed label or leave the map is dropped, as maplibre's
  // collision pass drops them on screen.
  const taken: { x0: number; y0: number; x1: number; y1: number }[] = [];
  const free = (b: { x0: number; y0: number; x1: number; y1: number }) =>
    b.x0 >= map.x && b.x1 <= map.x + map.width && b.y0 >= map.y && b.y1 <= map.y + map.height && !taken.some((t) => b.x0 < t.x1 && t.x0 < b.x1 && b.y0 < t.y1 && t.y0 < b.y1);
  const candidates = options.basemap.places.features
    .filter((f) => f.geometry.type === 'Point' && (f.properties?.capital === 'country' || (f.properties?.region_capital === true && Number(f.properties?.scalerank ?? 9) <= 6)))
    .sort((a, b) => (a.properties?.capital === 'country' ? 0 : 1) - (b.properties?.capital === 'country' ? 0 : 1) || Number(a.properties?.scalerank ?? 9) - Number(b.properties?.scalerank ?? 9));
  // A place's dot and label, where its label box is free of earlier labels.
  const placeLabel = (f: Feature): void => {
    const p = f.properties ?? {};
    if (f.geometry.type !== 'Point') return;
    const xy = projection(f.geometry.coordinates as [number, number]);
    if (!inMap(xy)) return;
    const name = String(p.name ?? '');
    const box = { x0: xy[0] - 2, y0: xy[1] - placeStyle.size * 0.75, x1: xy[0] + 2.5 + measure(name, placeStyle), y1: xy[1] + placeStyle.size * 0.45 };
    if (!free(box)) return;
    taken.push(box);
    places.push(`<circle cx="${n(xy[0])}" cy="${n(xy[1])}" r="${p.capital === 'country' ? 1.6 : 1.1}" fill="${theme.placeDot}" stroke="${theme.placeDotStroke}" stroke-width="0.5"/>`);
    labels.push(`<text x="${n(xy[0] + 2.5)}" y="${n(xy[1] + placeStyle.size * 0.35)}" font-size="${placeStyle.size}" fill="${theme.labelText}" stroke="${theme.labelHalo}" stroke-width="1.2" paint-order="stroke" stroke-linejoin="round">${escapeXml(name)}</text>`);
  };
  // National capitals first, then the focus countries' names, then the regional capitals around them.
  for (const f of candidates.filter((c) => c.properties?.capital === 'country')) placeLabel(f);
  // A focus country's name moves up or down by a line when a capital's label is in its way.
  const focusAt = new Map<Feature, [number, number]>();
  for (const f of options.basemap.countryLabels.features) {
    if (f.geometry.type !== 'Point' || !isFocus(f)) continue;
    const at = projection(f.geometry.coordinates as [number, number]);
    if (!inMap(at)) continue;
    const name = String((options.lang === 'fr' ? f.properties?.name_fr : null) ?? f.properties?.name ?? '').toUpperCase();
    const size = placeStyle.size * 1.5;
    const w = measure(name, { size, weight: 600 }) + name.length;
    const boxAt = (dy: number) => ({ x0: at[0] - w / 2, y0: at[1] + dy - size, x1: at[0] + w / 2, y1: at[1] + dy + 2 });
    const dy = [0, size * 1.2, size * 2.4, -size * 1.2].find((o) => free(boxAt(o))) ?? 0;
    taken.push(boxAt(dy));
    focusAt.set(f, [at[0], at[1] + dy]);
  }
  for (const f of candidates.filter((c) => c.properties?.capital !== 'country')) placeLabel(f);
  for (const f of options.basemap.countryLabels.features) {
    if (f.geometry.type !== 'Point') continue;
    const focus = isFocus(f);
    const xy = focus ? (focusAt.get(f) ?? null) : projection(f.geometry.coordinates as [number, number]);
    if (!inMap(xy)) continue;
    const name = String((options.lang === 'fr' ? f.properties?.name_fr : null) ?? f.properties?.name ?? '').toUpperCase();
    if (!focus) {
      // A neighbour's name goes only where it has room: it is context, not the story.
      const w = measure(name, placeStyle) + name.length * 0.4;
      const box = { x0: xy[0] - w / 2, y0: xy[1] - placeStyle.size, x1: xy[0] + w / 2, y1: xy[1] + 2 };
      if (!free(box)) continue;
      taken.push(box);
    }
    labels.push(`<text x="${n(xy[0])}" y="${n(xy[1])}" text-anchor="middle" font-size="${focus ? placeStyle.size * 1.5 : placeStyle.size}" font-weight="${focus ? 600 : 400}" letter-spacing="${focus ? 1 : 0.4}" fill="${focus ? theme.labelText : theme.labelTextMuted}" stroke="${theme.labelHalo}" stroke-width="1.2" paint-order="stroke">${escapeXml(name)}</text>`);
  }

  const k = options.markerPt ?? Math.min(0.5, Math.max(0.2, W / 900));
  // Largest first, so small markers stay visible on top, as the map's layers order them.
  const sorted = [...options.markers].sort((a, b) => b.deaths - a.deaths);
  const markers = sorted
    .map((m) => {
      const xy = projection([m.lon, m.lat]);
      if (!inMap(xy)) return '';
      const r = style.scale.radius(m.deaths) * k;
      const colour = style.typeColours[m.type] ?? style.unknownTypeColour;
      if (m.ring) return `<circle cx="${n(xy[0])}" cy="${n(xy[1])}" r="${n(r + style.story.pad * k)}" fill="none" stroke="${style.story.colour}" stroke-width="${n(style.story.width * k)}" data-story="1"/>`;
      if (!(m.deaths > 0)) return `<circle cx="${n(xy[0])}" cy="${n(xy[1])}" r="${n(r)}" fill="${style.noDeaths.fill}" stroke="${colour}" stroke-width="${n(style.noDeaths.rimWidth * k)}" data-deaths="0"/>`;
      const rim = m.approximate ? '' : ` stroke="${style.rim.colour}" stroke-opacity="${style.rim.opacity}" stroke-width="${n(style.rim.width * k)}"`;
      return `<circle cx="${n(xy[0])}" cy="${n(xy[1])}" r="${n(r)}" fill="${colour}" fill-opacity="${style.fillOpacity}"${rim}${m.approximate ? ' filter="url(#approximate)"' : ''} data-deaths="${m.deaths}"/>`;
    })
    .join('');

  // The legend, below the map: the size key on the left, the type key in as many columns as fit.
  const legendStyle: TextStyle = { size: W < 200 ? 5.5 : 6.5, weight: 400 };
  const values = style.scale.legendValues();
  const radii = values.map((v) => style.scale.radius(v) * k);
  const rMax = Math.max(...radii);
  const legendParts: string[] = [`<text x="${n(pad)}" y="${n(y + legendStyle.size)}" font-size="${legendStyle.size}" font-weight="600" fill="${theme.inkMuted}">${escapeXml(text.legendTitle)}</text>`];
  y += lh(legendStyle) + 1;
  const cx = pad + rMax;
  const base = y + Math.max(2 * rMax, values.length * legendStyle.size * 1.1);
  // Each value level with its circle's top, pushed down where two would touch.
  const labelY: number[] = [];
  for (let i = radii.length - 1; i >= 0; i--) {
    const top = base - 2 * radii[i] + legendStyle.size * 0.35;
    labelY[i] = i === radii.length - 1 ? Math.max(top, y + legendStyle.size * 0.8) : Math.max(top, labelY[i + 1] + legendStyle.size * 1.1);
  }
  radii.forEach((r, i) => {
    legendParts.push(`<circle cx="${n(cx)}" cy="${n(base - r)}" r="${n(r)}" fill="none" stroke="${theme.inkMuted}" stroke-width="0.4" data-deaths="${values[i]}"/>`);
    legendParts.push(`<text x="${n(cx + rMax + 3)}" y="${n(labelY[i])}" font-size="${legendStyle.size}" fill="${theme.ink}">${escapeXml(text.legendValues[i] ?? '')}</text>`);
  });
  const sizeKeyWidth = 2 * rMax + 6 + Math.max(...text.legendValues.map((v) => measure(v, legendStyle)));
  const rowsX = pad + sizeKeyWidth + pad;
  const swatch = legendStyle.size * 0.45;
  const rowH = lh(legendStyle);
  const colW = swatch * 2 + 3 + Math.max(...text.legendRows.map((r) => measure(r, legendStyle)));
  const columns = Math.max(1, Math.floor((W - pad - rowsX) / (colW + pad)));
  const fits = rowsX + colW <= W - pad;
  const startX = fits ? rowsX : pad;
  const startY = fits ? y : base + pad / 2;
  const perColumn = Math.ceil(text.legendRows.length / (fits ? columns : Math.max(1, Math.floor(inner / (colW + pad)))));
  text.legendRows.forEach((label, i) => {
    const col = Math.floor(i / perColumn);
    const row = i % perColumn;
    const x = startX + col * (colW + pad);
    const ry = startY + row * rowH + rowH / 2;
    const type = EVENT_TYPES[i];
    let mark = '';
    if (type) mark = `<circle cx="${n(x + swatch)}" cy="${n(ry)}" r="${n(swatch)}" fill="${style.typeColours[type]}" fill-opacity="${style.fillOpacity}"/>`;
    else if (i === EVENT_TYPES.length) mark = `<circle cx="${n(x + swatch)}" cy="${n(ry)}" r="${n(swatch * 0.6)}" fill="${style.noDeaths.fill}" stroke="${theme.inkMuted}" stroke-width="0.5"/>`;
    else if (i === EVENT_TYPES.length + 1) mark = `<circle cx="${n(x + swatch)}" cy="${n(ry)}" r="${n(swatch)}" fill="${theme.inkMuted}" filter="url(#approximate)"/>`;
    else mark = `<circle cx="${n(x + swatch)}" cy="${n(ry)}" r="${n(swatch * 0.85)}" fill="none" stroke="${style.story.colour}" stroke-width="0.7"/>`;
    legendParts.push(`${mark}<text x="${n(x + swatch * 2 + 3)}" y="${n(ry + legendStyle.size * 0.35)}" font-size="${legendStyle.size}" fill="${theme.ink}">${escapeXml(label)}</text>`);
  });
  y = Math.max(base, startY + perColumn * rowH) + pad / 2;

  const creditLines = wrapText(text.credits, inner, creditStyle, measure);
  const creditsSvg = textLines(creditLines, pad, y + creditStyle.size, creditStyle, theme.inkMuted, lh(creditStyle));
  y += creditLines.length * lh(creditStyle) + pad;
  const H = y;

  const clip = ' clip-path="url(#map-clip)"';
  const body = [
    layer('background', `<rect x="0" y="0" width="${n(W)}" height="${n(H)}" fill="${theme.panel}"/>${background}`),
    layer('countries', countries, clip),
    layer('focus-areas', focusAreas, clip),
    layer('lakes', lakes, clip),
    layer('rivers', rivers, clip),
    layer('regions', regions, clip),
    layer('borders', borders, clip),
    layer('places', places.join(''), clip),
    layer('markers', markers, clip),
    layer('labels', labels.join(''), clip),
    layer('title', titleSvg),
    layer('totals', totalsSvg),
    layer('legend', legendParts.join('')),
    layer('credits', creditsSvg),
  ].join('\n');
  const heightMm = H * MM_PER_PT;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" width="${n(options.widthMm)}mm" height="${n(heightMm)}mm" viewBox="0 0 ${n(W)} ${n(H)}" font-family="Noto Sans, sans-serif" lang="${options.lang}">`,
    `<title>${escapeXml(text.title)}</title>`,
    `<desc>${escapeXml(text.totals)}</desc>`,
    `<defs><clipPath id="map-clip"><rect x="${n(map.x)}" y="${n(map.y)}" width="${n(map.width)}" height="${n(map.height)}"/></clipPath><filter id="approximate" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="${n(0.9)}"/></filter></defs>`,
    body,
    '</svg>',
    '',
  ].join('\n');
}
