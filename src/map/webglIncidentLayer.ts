import type { CustomLayerInterface, Map as MaplibreMap } from 'maplibre-gl';
import { buildIncidentColumns, filterMasks, mercatorX, mercatorY, type IncidentColumns } from '../data/incidentColumns';
import { createSpatialIndex, pickNear, spatialIndexFromData, type SpatialIndex } from '../data/spatialIndex';
import { dayNumber, type TimeIndex } from '../data/timeIndex';
import { binDensity, cellAt, cellSizeForZoom, countInBox, type DensityBins } from '../data/densityBins';
import { DensityRenderer } from './gl/densityRenderer';
import { IncidentRenderer, type IncidentDrawState } from './gl/incidentRenderer';
import { originMatrix } from './gl/uniforms';
import { defaultDensityRule, mayUseDensity, useDensity, type DensityRuleOptions } from './densityRule';
import { DENSITY_SCALE } from './densityScale';
import type { IncidentLayer, IncidentLayerFactory, IncidentLayerOptions, IncidentLayerState } from './incidentLayer';
import type { IncidentView, IncidentViewReport } from './incidentViewReport';
import type { MarkerStyle } from './markerStyle';

export interface WebglIncidentLayerSettings {
  /** Days over which markers fade in at both edges of the window; 0 turns the fade off. @defaultValue 0 */
  fadeDays: number;
  /** Opacity factor of the events before the window in cumulative mode. @defaultValue the marker style's `dimFactor` */
  dimOpacity: number;
  /** Extra CSS px around each marker that still counts as a hit, so a 2.5 px dot can be hovered. @defaultValue 2 */
  pickTolerance: number;
  /** When squares are drawn instead of markers; null never draws them. @defaultValue {@link defaultDensityRule} */
  density: DensityRuleOptions | null;
  /** Side of a density square in CSS px, at whole and half zoom levels (between them it grows up to √2 larger). @defaultValue 20 */
  cellPx: number;
  /** Told whenever the layer switches between markers and squares (the legend and the status listen). */
  report: IncidentViewReport | null;
}

export const defaultWebglIncidentLayerSettings: Omit<WebglIncidentLayerSettings, 'dimOpacity'> = { fadeDays: 0, pickTolerance: 2, density: defaultDensityRule, cellPx: 20, report: null };

/** Gap left on each side of a density square, in CSS px. */
const CELL_GAP_PX = 0.5;

export interface WebglIncidentLayerOptions extends IncidentLayerOptions, Partial<WebglIncidentLayerSettings> {
  /** The layer to build instead where WebGL2 or the shaders are unavailable (the circle layer). */
  fallback: IncidentLayerFactory;
}

const NOTHING: IncidentDrawState = {
  lo: 0,
  hi: 0,
  masks: { types: 0, countries: 0 },
  window: [0, -1],
  dimBefore: -Infinity,
  dimOpacity: 1,
  fadeDays: 0,
  selected: -1,
  matching: false,
};

function createRenderer(map: MaplibreMap, style: MarkerStyle): IncidentRenderer | string {
  // The canvas hands back the context maplibre already made: getContext returns the existing one.
  const gl = map.getCanvas().getContext('webgl2');
  return gl ? IncidentRenderer.create(gl, style) : 'no WebGL2 context';
}

/** The density view's renderer, or null where it cannot run (the layer then always draws markers). */
function createDensityRenderer(map: MaplibreMap, id: string): DensityRenderer | null {
  const gl = map.getCanvas().getContext('webgl2');
  const made = gl ? DensityRenderer.create(gl) : 'no WebGL2 context';
  if (typeof made !== 'string') return made;
  console.warn(`Incident layer "${id}": the density view cannot run (${made}); drawing markers at every zoom.`);
  return null;
}

/**
 * The incident layer as one maplibre custom WebGL2 layer. `setData` builds typed columns sorted by
 * day and queues them for a single GPU upload; a k-d tree for picking follows; `update` is two
 * binary searches and a few uniforms, so a slider step costs the GPU only the window's slice.
 * Where the layer cannot run it says so in the console and hands every call to `fallback`.
 * Drawn in Web Mercator; it does not support the globe projection.
 */
export function createWebglIncidentLayer(map: MaplibreMap, options: WebglIncidentLayerOptions): IncidentLayer {
  const settings: WebglIncidentLayerSettings = { ...defaultWebglIncidentLayerSettings, dimOpacity: options.style.dimFactor, ...options };
  const created = createRenderer(map, options.style);
  if (typeof created === 'string') {
    console.warn(`Incident layer "${options.id}": the WebGL2 layer cannot run (${created}); drawing with maplibre circle layers instead.`);
    return options.fallback(map, options);
  }
  let renderer = created;
  let densityRenderer = settings.density ? createDensityRenderer(map, options.id) : null;
  /** What the layer drew last frame, and the bins of the density view with what they were built for. */
  let view: IncidentView = 'markers';
  let bins: { key: string; bins: DensityBins; uploaded: boolean } | null = null;
  let inView: { key: string; count: number } | null = null;
  /** New data not yet drawn: its first bins are made in a task of their own (see drawSquares). */
  let freshData = false;
  let binTimer: number | null = null;
  const report = (next: IncidentView) => {
    view = next;
    settings.report?.set(options.id, next);
  };

  let index: TimeIndex | null = null;
  let columns: IncidentColumns | null = null;
  let spatial: SpatialIndex | null = null;
  let spatialTimer: number | null = null;
  let state: IncidentLayerState | null = null;
  let draw = NOTHING;
  let selection: { key: string | null; index: number } = { key: null, index: -1 };
  let matchFlags: Uint8Array | null = null;
  let hasMatchFlags = false;

  const selectedIndex = (key: string | null): number => {
    if (key === selection.key) return selection.index;
    let found = -1;
    const prefix = `${options.dataset.id}:`;
    if (index && key?.startsWith(prefix)) {
      const id = key.slice(prefix.length);
      const incidents = index.incidents;
      if (options.positionOf) found = options.positionOf(id);
      else for (let i = 0; i < incidents.length && found < 0; i++) if (incidents.id(i) === id) found = i;
    }
    selection = { key, index: found };
    return found;
  };

  /**
   * The k-d tree is built after the first frame (or by the first pick, whichever comes first):
   * at a million events it costs a few hundred ms the reader should not wait for to see the map.
   */
  const ensureSpatial = (): SpatialIndex | null => {
    if (!spatial && columns) spatial = createSpatialIndex(columns);
    return spatial;
  };
  const scheduleSpatial = () => {
    if (spatialTimer !== null) clearTimeout(spatialTimer);
    spatialTimer = window.setTimeout(() => {
      spatialTimer = null;
      ensureSpatial();
    }, 50);
  };

  const apply = () => {
    if (!columns || !state || !state.visible) {
      draw = NOTHING;
      return;
    }
    // The slice comes from the derived view (src/state/derive.ts); the columns keep the index's order.
    const [lo, hi] = state.slice;
    const from = dayNumber(state.window.from) - columns.dayOrigin;
    const to = dayNumber(state.window.to) - columns.dayOrigin;
    const cumulative = state.mode === 'cumulative';
    draw = {
      lo,
      hi,
      masks: filterMasks(state.filter),
      window: [from, to],
      dimBefore: cumulative ? from : -Infinity,
      dimOpacity: settings.dimOpacity,
      fadeDays: settings.fadeDays,
      selected: selectedIndex(state.selection),
      matching: state.matching && hasMatchFlags,
    };
  };

  /** The viewport as an absolute Mercator box (the bounds of the rotated view when the map is rotated). */
  const viewBox = () => {
    const b = map.getBounds();
    return { minX: mercatorX(b.getWest()), maxX: mercatorX(b.getEast()), minY: mercatorY(b.getNorth()), maxY: mercatorY(b.getSouth()) };
  };

  /** The window's slice and the filters: what the count in view and the bins are worked out from. */
  const sliceKey = () => `${draw.lo}:${draw.hi}:${draw.masks.types}:${draw.masks.countries}`;

  /** The density rule for this frame; the count in view is worked out again only when the slice, filters or viewport change. */
  const wantsDensity = (data: IncidentColumns): boolean => {
    const zoom = map.getZoom();
    if (!settings.density || !densityRenderer || !mayUseDensity(zoom, draw.hi - draw.lo, settings.density)) return false;
    const box = viewBox();
    const key = `${sliceKey()}:${box.minX}:${box.maxX}:${box.minY}:${box.maxY}`;
    if (inView?.key !== key) inView = { key, count: countInBox(data, draw.lo, draw.hi, draw.masks, box) };
    // The drawing buffer's size over the pixel ratio, not clientWidth: reading an element's layout
    // size in a frame after the DOM changed (an import's report) forces a layout, 30+ ms here.
    const canvas = map.getCanvas();
    const ratio = map.getPixelRatio();
    return useDensity({ zoom, eventsInView: inView.count, viewArea: (canvas.width * canvas.height) / (ratio * ratio), current: view === 'density' }, settings.density);
  };

  /** What a set of bins is made for (the slice, the filters) and the squares' side at `zoom` (whole and half levels). */
  const binSpec = (zoom: number) => {
    const size = cellSizeForZoom(Math.floor(zoom * 2) / 2, settings.cellPx);
    return { key: `${sliceKey()}:${size}`, size };
  };
  const binsOf = (data: IncidentColumns, spec: { key: string; size: number }) => ({ key: spec.key, bins: binDensity(data, draw.lo, draw.hi, draw.masks, spec.size), uploaded: false });

  /** Draws the squares of the bins made for this frame; `fresh`: the first frame with new data. */
  const drawSquares = (squares: DensityRenderer, data: IncidentColumns, matrix: Float32Array, fresh: boolean) => {
    const zoom = map.getZoom();
    const spec = binSpec(zoom);
    if (bins?.key !== spec.key && fresh) {
      // The first frame with new data (a dataset just added, its data replaced) already holds
      // maplibre's frame with a new layer and the count in view: the first bins, an unoptimised
      // first pass over the window's events (10 ms at 1M here), are made in a task of their own,
      // and the squares come in the frame after it (46-48 ms frames passed 50 with them).
      binTimer ??= window.setTimeout(() => {
        binTimer = null;
        if (!columns) return;
        bins = binsOf(columns, binSpec(map.getZoom()));
        map.triggerRepaint();
      }, 0);
      return;
    }
    const current = bins?.key === spec.key ? bins : (bins = binsOf(data, spec));
    const newBins = !current.uploaded;
    if (newBins) {
      squares.setBins(current.bins, data.originX, data.originY, DENSITY_SCALE);
      current.uploaded = true;
    }
    squares.draw(matrix, cellSizeForZoom(zoom, CELL_GAP_PX));
    // The selected incident stays a marker on top, so its open card still points at something.
    // Either call also uploads the markers' next slice, so that zooming in finds them ready, in
    // frames drawn anyway (a drag, a hover): not in frames of their own, each of which is a
    // whole repaint (about 100 ms of the page's thread under SwiftShader, eight of them after a
    // 1M import), and not in a frame that uploaded new bins (a new dataset's first frame would
    // also allocate every marker buffer).
    if (draw.selected >= draw.lo && draw.selected < draw.hi) renderer.draw(matrix, map.getPixelRatio(), { ...draw, lo: draw.selected, hi: draw.selected + 1 });
    else if (!newBins) renderer.prepare();
  };

  const layer: CustomLayerInterface = {
    id: options.id,
    type: 'custom',
    renderingMode: '2d',
    render(_gl, args) {
      if (!columns) return;
      const fresh = freshData;
      freshData = false;
      const matrix = originMatrix(args.defaultProjectionData.mainMatrix, columns.originX, columns.originY);
      const density = wantsDensity(columns);
      if (density && densityRenderer) drawSquares(densityRenderer, columns, matrix, fresh);
      else renderer.draw(matrix, map.getPixelRatio(), draw);
      if (view !== (density ? 'density' : 'markers')) report(density ? 'density' : 'markers');
      // Markers still arriving are drawn as they come: a frame for each slice.
      if (renderer.uploading && !density) map.triggerRepaint();
    },
    onRemove() {
      renderer.dispose();
      densityRenderer?.dispose();
      densityRenderer = null;
    },
  };
  const addLayer = () => map.addLayer(layer, options.beforeId && map.getLayer(options.beforeId) ? options.beforeId : undefined);
  addLayer();

  // maplibre rebuilds its style after a lost context without custom layers, and every GL object
  // of ours died with the context: make them again, upload again and put the layer back.
  const onRestored = () => {
    const next = createRenderer(map, options.style);
    if (typeof next === 'string') {
      console.warn(`Incident layer "${options.id}": cannot restore the WebGL2 layer after a lost context (${next}).`);
      return;
    }
    renderer.dispose();
    renderer = next;
    densityRenderer?.dispose();
    densityRenderer = settings.density ? createDensityRenderer(map, options.id) : null;
    bins = null;
    if (columns) renderer.setColumns(columns);
    renderer.setMatchFlags(matchFlags);
    map.triggerRepaint();
    if (map.getLayer(options.id)) return;
    try {
      addLayer();
    } catch {
      // The rebuilt style is still loading: add the layer once it has.
      map.once('style.load', () => {
        if (!map.getLayer(options.id)) addLayer();
      });
    }
  };
  map.on('webglcontextrestored', onRestored);

  return {
    id: options.id,
    setData(next, prebuilt) {
      index = next;
      columns = prebuilt?.columns ?? buildIncidentColumns(next, options.style.scale.radius);
      spatial = prebuilt ? spatialIndexFromData(columns, prebuilt.tree) : null;
      if (!spatial) scheduleSpatial();
      selection = { key: null, index: -1 };
      bins = null;
      freshData = true;
      inView = null;
      renderer.setColumns(columns);
      apply();
      map.triggerRepaint();
    },
    setMatchFlags(flags) {
      matchFlags = flags;
      hasMatchFlags = flags !== null;
      renderer.setMatchFlags(flags);
      apply();
      map.triggerRepaint();
    },
    update(next) {
      state = next;
      apply();
      map.triggerRepaint();
    },
    pick(point) {
      // Squares stand for the markers: they are picked through pickCell.
      if (view === 'density') return [];
      const tree = ensureSpatial();
      if (!index || !tree || draw.hi <= draw.lo) return [];
      const here = map.unproject([point.x, point.y]);
      const right = map.unproject([point.x + 1, point.y]);
      const below = map.unproject([point.x, point.y + 1]);
      const x = mercatorX(here.lng);
      const y = mercatorY(here.lat);
      // Mercator units per CSS pixel at the point, averaged over both axes (they differ under pitch).
      const unitsPerPx = (Math.hypot(mercatorX(right.lng) - x, mercatorY(right.lat) - y) + Math.hypot(mercatorX(below.lng) - x, mercatorY(below.lat) - y)) / 2;
      const hits = pickNear(tree, x, y, unitsPerPx, draw, settings.pickTolerance);
      const incidents = index.incidents;
      return hits.map((hit) => incidents.get(hit.index));
    },
    pickCell(point) {
      if (view !== 'density' || !bins || !columns) return null;
      const here = map.unproject([point.x, point.y]);
      const cells = bins.bins;
      const k = cellAt(cells, mercatorX(here.lng), mercatorY(here.lat));
      if (k < 0) return null;
      const west = lonOfMercator(cells.ix[k] * cells.size);
      const east = lonOfMercator((cells.ix[k] + 1) * cells.size);
      const north = latOfMercator(cells.iy[k] * cells.size);
      const south = latOfMercator((cells.iy[k] + 1) * cells.size);
      return { datasetId: options.dataset.id, count: cells.counts[k], deaths: cells.deaths[k], bounds: [west, south, east, north], centre: [(west + east) / 2, latOfMercator((cells.iy[k] + 0.5) * cells.size)] };
    },
    remove() {
      settings.report?.remove(options.id);
      map.off('webglcontextrestored', onRestored);
      if (map.getLayer(options.id)) map.removeLayer(options.id);
      if (spatialTimer !== null) clearTimeout(spatialTimer);
      if (binTimer !== null) clearTimeout(binTimer);
      index = null;
      columns = null;
      spatial = null;
    },
  };
}

/** Inverse of mercatorX. */
function lonOfMercator(x: number): number {
  return x * 360 - 180;
}

/** Inverse of mercatorY. */
function latOfMercator(y: number): number {
  return (360 / Math.PI) * Math.atan(Math.exp(((180 - y * 360) * Math.PI) / 180)) - 90;
}

/** An {@link IncidentLayerFactory} for the app's wiring: the WebGL2 layer, falling back to `fallback`. */
export function webglIncidentLayerFactory(fallback: IncidentLayerFactory, settings: Partial<WebglIncidentLayerSettings> = {}): IncidentLayerFactory {
  return (map, options) => createWebglIncidentLayer(map, { ...settings, ...options, fallback });
}
