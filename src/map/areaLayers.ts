import type { Map as MaplibreMap, MapGeoJSONFeature, PointLike } from 'maplibre-gl';
import { AREA_OUTLINE_LAYERS, CHOROPLETH_LAYER_ID, CHOROPLETH_OPACITY, FOCUS_AREA_HIT_LAYER_ID, areaOutlineFilter } from './style';
import type { ChoroplethScale } from './choroplethScale';

/** The selected place as the map outlines it: its id and whether it is an admin-1 region or a focus area. */
export interface OutlinedArea {
  id: string;
  kind: 'region' | 'focus';
}

/** What the choropleth shades: one value per region (in `regionIds` order) on a fixed scale. */
export interface ChoroplethShading {
  regionIds: readonly string[];
  values: ArrayLike<number>;
  scale: ChoroplethScale;
}

export interface AreaLayers {
  /** Outlines one area (null: none). */
  setArea(area: OutlinedArea | null): void;
  /** Shades the regions (null: the fill is transparent). Cheap per slider step: only changed regions get a new feature-state. */
  setChoropleth(shading: ChoroplethShading | null): void;
  /** The regions and focus areas under a point, regions first: what a click there could select. */
  areasAt(point: PointLike): OutlinedArea[];
  /** Applies the current outline and shading again (after a theme change rewrote the paint). */
  refresh(): void;
}

const ADMIN1_SOURCE = 'admin1';

/**
 * The area outline and the choropleth, drawn by layers of the basemap style (style.ts) under the
 * incident markers. The shading is feature-state keyed by ISO 3166-2 code (the source promotes
 * `iso_3166_2`), so a slider step repaints without re-tiling.
 */
export function createAreaLayers(map: MaplibreMap): AreaLayers {
  let area: OutlinedArea | null = null;
  let shading: ChoroplethShading | null = null;
  /** The shade each region last got, so a step only touches the regions whose shade changed. */
  const lastShade = new Map<string, number>();
  const lastValue = new Map<string, number>();

  const applyOutline = () => {
    for (const kind of ['region', 'focus'] as const) {
      const filter = areaOutlineFilter(kind, area?.kind === kind ? area.id : null);
      for (const id of AREA_OUTLINE_LAYERS[kind]) if (map.getLayer(id)) map.setFilter(id, filter);
    }
  };
  const applyShading = (force: boolean) => {
    if (!map.getLayer(CHOROPLETH_LAYER_ID)) return;
    map.setPaintProperty(CHOROPLETH_LAYER_ID, 'fill-opacity', shading ? CHOROPLETH_OPACITY : 0);
    if (!shading) return;
    const { regionIds, values, scale } = shading;
    for (let i = 0; i < regionIds.length; i++) {
      const id = regionIds[i];
      const value = values[i] ?? 0;
      const shade = scale.bin(value);
      if (!force && lastShade.get(id) === shade && lastValue.get(id) === value) continue;
      lastShade.set(id, shade);
      lastValue.set(id, value);
      map.setFeatureState({ source: ADMIN1_SOURCE, id }, { shade, value });
    }
  };
  let wasOn = false;
  return {
    setArea(next) {
      if (next?.id === area?.id && next?.kind === area?.kind) return;
      area = next;
      applyOutline();
    },
    setChoropleth(next) {
      shading = next;
      const on = next !== null;
      if (on !== wasOn && map.getLayer(CHOROPLETH_LAYER_ID)) map.setPaintProperty(CHOROPLETH_LAYER_ID, 'fill-opacity', on ? CHOROPLETH_OPACITY : 0);
      wasOn = on;
      if (on) applyShading(false);
    },
    areasAt(point) {
      const layers = [CHOROPLETH_LAYER_ID, FOCUS_AREA_HIT_LAYER_ID].filter((id) => map.getLayer(id));
      const features: MapGeoJSONFeature[] = layers.length ? map.queryRenderedFeatures(point, { layers }) : [];
      const found: OutlinedArea[] = [];
      for (const f of features) {
        const isRegion = f.layer.id === CHOROPLETH_LAYER_ID;
        const id = String(isRegion ? f.properties.iso_3166_2 : f.properties.id);
        if (!found.some((a) => a.id === id)) found.push({ id, kind: isRegion ? 'region' : 'focus' });
      }
      return found.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'region' ? -1 : 1));
    },
    refresh() {
      applyOutline();
      applyShading(true);
    },
  };
}
