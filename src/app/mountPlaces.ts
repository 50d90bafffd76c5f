import type { Map as MaplibreMap } from 'maplibre-gl';
import type { DerivedView, DerivedViewHandle, Store } from '../state';
import { REGION_IDS, filterOf } from '../state';
import type { Messages } from '../i18n/messages';
import type { Formatters } from '../i18n/format';
import type { Theme } from '../map/theme';
import { createAreaLayers, type AreaLayers, type OutlinedArea } from '../map/areaLayers';
import { choroplethColours, createChoroplethScale, type ChoroplethScale } from '../map/choroplethScale';
import { ChoroplethControl } from '../map/controls/choroplethControl';
import { incidentKey } from '../map/incidentPopups';
import { deadliest, weeklySeries } from '../data/areaSeries';
import type { AreaIndex } from '../data/areaIndex';
import { mountAreaPanel, type AreaPanel, type AreaPanelModel } from '../ui/areaPanel';
import { mountAreaPicker, type AreaPicker } from '../ui/areaPicker';
import { groupOf, type AreaChoice } from '../ui/areaSearch';

export interface PlacesOptions {
  map: MaplibreMap;
  store: Store;
  derived: DerivedViewHandle;
  messages: Messages;
  formatters: Formatters;
  lang: 'en' | 'fr';
  theme: Theme;
  /** Where the panel goes (the map's container: it is laid over the map's right side, a bottom sheet on phones); null: no panel (the embed). */
  panelHost: HTMLElement | null;
  /** Where the choropleth's switch and key go (the side column); null: above the credits, in the map's corner. */
  controlHost: HTMLElement | null;
  /** Where the picker goes (the side column); null: no picker. */
  pickerHost: HTMLElement | null;
  /** Does a click at this point land on a marker? A marker's popup comes before the area under it. */
  hitsMarker: (point: { x: number; y: number }) => boolean;
  /** The weekly line starts here (the timeline's first day), or at the data's first week if later. @defaultValue the data's first week */
  seriesStart?: Date;
  /** Map clicks select areas. @defaultValue true */
  clickable?: boolean;
}

export interface Places {
  /** Recolours the shading and its key to a theme (after `recolourMap` rewrote the layers' paint). */
  setTheme(theme: Theme): void;
  destroy(): void;
}

const REGIONS = new Set<string>(REGION_IDS);
/** Focus areas that are one admin-1 region: a click offers the region, not the same polygon twice. */
const SAME_AS_REGION: Readonly<Record<string, string>> = { niamey: 'NE-8', tahoua: 'NE-5' };

/** The outline's id and kind for an area id (any case), without waiting for the data. */
function outlined(id: string | null): OutlinedArea | null {
  if (!id) return null;
  const region = [...REGIONS].find((r) => r.toLowerCase() === id.toLowerCase());
  return region ? { id: region, kind: 'region' } : { id: id.toLowerCase(), kind: 'focus' };
}

/** The first counted shown dataset's area index: the picker's names come from it. */
function areaIndexOf(view: DerivedView): AreaIndex | null {
  return view.counted.find((d) => d.areas)?.areas ?? null;
}

/**
 * Wires the places feature to the store and the derived view: the area outline and the choropleth
 * (map layers), the choropleth's switch and key, the area panel and picker, map clicks on regions
 * and focus areas. Per slider step it only updates text, feature-state and the series' window band;
 * the weekly series is recomputed when the area, the filters, the metric or the data change.
 */
export function mountPlaces(options: PlacesOptions): Places {
  const { map, store, derived, messages, formatters, lang } = options;
  let theme = options.theme;
  const layers: AreaLayers = createAreaLayers(map);
  const control = new ChoroplethControl(store, messages, formatters);
  let scale: ChoroplethScale | null = null;

  const panel: AreaPanel | null = options.panelHost
    ? mountAreaPanel(options.panelHost, {
        messages,
        formatters,
        lang,
        onClose: () => store.set({ area: null }, 'ui'),
        onSelectIncident: (key) => store.set({ selection: key }, 'ui'),
      })
    : null;
  let choicesFrom: AreaIndex | null = null;
  const picker: AreaPicker | null = options.pickerHost
    ? mountAreaPicker(options.pickerHost, { choices: [], messages, lang, onPick: (id) => store.set({ area: id }, 'ui') })
    : null;

  if (options.controlHost) {
    // Inside the side column, which is itself the corner's control: no second control margin.
    const element = control.onAdd(map);
    element.classList.remove('maplibregl-ctrl');
    options.controlHost.append(element);
  } else map.addControl(control, 'bottom-right');

  let seriesKey = '';
  const renderPanel = (view: DerivedView) => {
    if (!panel) return;
    const area = view.area;
    if (!area) {
      panel.update(null);
      seriesKey = '';
      return;
    }
    const filter = filterOf(view.state);
    const model: AreaPanelModel = {
      id: area.id,
      kind: area.kind,
      name: area.name,
      nameFr: area.nameFr,
      country: area.kind === 'region' ? groupOf({ ...area }) : null,
      from: view.shown.from,
      to: view.shown.to,
      datasets: area.datasets.map((d) => {
        const shown = view.counted.find((c) => c.id === d.id);
        const index = shown?.areas?.index;
        const top = shown?.areas && index ? deadliest(index, shown.areas.positionsIn(area.id, view.shown), filter, 5) : [];
        return {
          ...d,
          deadliest: top.map((p) => {
            const incident = index!.incidents.get(p);
            return { key: incidentKey(incident), deaths: incident.deathsBest, place: incident.place || incident.admin2 || incident.admin1, date: incident.dateStart, eventType: incident.eventType };
          }),
        };
      }),
    };
    panel.update(model);
    // The weekly line: once per area, filters, metric and datasets, not per step.
    const metric = view.state.metric;
    const key = [area.id, metric, view.state.types.join(), view.state.countries.join(), area.datasets.map((d) => d.id).join()].join('|');
    if (key !== seriesKey) {
      seriesKey = key;
      for (const d of area.datasets) {
        const areas = view.counted.find((c) => c.id === d.id)?.areas;
        if (!areas) continue;
        const series = weeklySeries(areas, area.id, filter, metric === 'deaths' ? 'deaths' : 'incidents');
        const start = options.seriesStart;
        const first = start ? Math.max(0, series.weeks.findIndex((w) => w >= start)) : 0;
        panel.setSeries(d.id, series.weeks.slice(first), series.values.subarray(first), metric);
      }
    }
  };

  const renderChoropleth = (view: DerivedView) => {
    const c = view.choropleth;
    if (!c) {
      layers.setChoropleth(null);
      control.setKey(null);
      return;
    }
    const max = c.domain[1];
    if (!scale || scale.max !== max) scale = createChoroplethScale(max, choroplethColours(theme));
    layers.setChoropleth({ regionIds: c.regionIds, values: c.values, scale });
    const name = view.counted.find((d) => d.id === c.datasetId)?.name ?? c.datasetId;
    control.setKey({ scale, metric: c.metric, datasetName: name });
  };

  const renderPicker = (view: DerivedView) => {
    if (!picker) return;
    const index = areaIndexOf(view);
    if (index && index !== choicesFrom) {
      choicesFrom = index;
      picker.setChoices(index.areas.map((a): AreaChoice => ({ id: a.id, kind: a.kind, name: a.name, nameFr: a.nameFr })));
    }
    picker.setSelected(view.area?.id ?? null);
  };

  const render = (view: DerivedView) => {
    layers.setArea(outlined(view.area?.id ?? view.state.area));
    renderChoropleth(view);
    renderPanel(view);
    renderPicker(view);
  };
  // Opening the panel on a laptop folds the legend, which sits above it in the same corner.
  const foldLegend = () => {
    if (!window.matchMedia('(min-width: 601px)').matches) return;
    const legend = map.getContainer().querySelector<HTMLDetailsElement>('.legend[open]');
    if (legend) legend.open = false;
  };
  const offDerived = derived.on('change', (view, previous) => {
    if (view.state.area && !previous.state.area) foldLegend();
    render(view);
  });
  if (store.get().area) foldLegend();
  render(derived.get());

  // The panel sits between the right-hand controls (zoom, legend above; the shading's key and the
  // credits below) whatever their height.
  const top = map.getContainer().querySelector<HTMLElement>('.maplibregl-ctrl-top-right');
  const bottom = map.getContainer().querySelector<HTMLElement>('.maplibregl-ctrl-bottom-right');
  const placePanel = () => {
    if (!panel) return;
    panel.element.style.setProperty('--area-panel-top', `${(top?.offsetHeight ?? 0) + 10}px`);
    panel.element.style.setProperty('--area-panel-bottom', `${(bottom?.offsetHeight ?? 0) + 6}px`);
  };
  const resize = panel ? new ResizeObserver(placePanel) : null;
  for (const corner of [top, bottom]) if (corner) resize?.observe(corner);
  placePanel();

  // A click off the markers selects the region under it; clicking again in the selected area steps
  // to the focus areas that hold the point (the border bands, the belt), then back to the region.
  const onClick = (e: { point: { x: number; y: number } }) => {
    if (options.clickable === false || options.hitsMarker(e.point)) return;
    const candidates = layers.areasAt([e.point.x, e.point.y]).filter((a) => !(a.kind === 'focus' && SAME_AS_REGION[a.id]));
    if (candidates.length === 0) return;
    const current = outlined(store.get().area);
    const currentId = current ? (SAME_AS_REGION[current.id] ?? current.id) : null;
    const at = candidates.findIndex((a) => a.id === currentId);
    const next = candidates[(at + 1) % candidates.length];
    store.set({ area: next.id }, 'ui');
  };
  map.on('click', onClick);

  return {
    setTheme(next) {
      theme = next;
      scale = null;
      layers.refresh();
      renderChoropleth(derived.get());
    },
    destroy() {
      offDerived();
      resize?.disconnect();
      map.off('click', onClick);
      if (options.controlHost) control.onRemove();
      else map.removeControl(control);
      panel?.destroy();
      picker?.destroy();
    },
  };
}
