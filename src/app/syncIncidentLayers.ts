import type { DerivedView, DerivedViewHandle } from '../state';
import type { IncidentLayer, IncidentLayerState } from '../map/incidentLayer';
import type { Dataset } from '../types';
import type { DrawGate } from '../map/drawGate';

const NOTHING: readonly [number, number] = [0, 0];

/** What a layer of dataset `datasetId` should draw for this view: its slice of the shown window, and the filters. */
export function layerStateFor(view: DerivedView, datasetId: string): IncidentLayerState {
  const { state } = view;
  const shown = view.datasets.find((d) => d.id === datasetId);
  return {
    slice: shown?.slice ?? NOTHING,
    window: { from: state.from, to: state.to },
    mode: state.mode,
    filter: { types: state.types, countries: state.countries },
    visible: !state.hiddenDatasets.includes(datasetId),
    selection: state.selection,
    matching: state.matching,
  };
}

/**
 * Keeps every incident layer in step with the derived view; layers only hear changes that concern
 * them. Through `gate`, changes made while the map cannot draw (a lost WebGL context) wait, and the
 * latest view is applied once it can again.
 */
export function syncIncidentLayers(derived: DerivedViewHandle, layers: () => Iterable<{ dataset: Dataset; layer: IncidentLayer }>, gate?: DrawGate): () => void {
  const applyLatest = () => {
    const view = derived.get();
    for (const { dataset, layer } of layers()) layer.update(layerStateFor(view, dataset.id));
  };
  return derived.on('change', (view, previous) => {
    // A new view object means new slices (window, mode, filters, datasets); otherwise only the selection and the matching toggle matter.
    const figures = view.datasets !== previous.datasets;
    if (!figures && view.state.selection === previous.state.selection && view.state.matching === previous.state.matching) return;
    if (gate) gate.run('incident-layers', applyLatest);
    else applyLatest();
  });
}
