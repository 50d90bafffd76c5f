import type { AppState, Store } from '../state';
import type { IncidentLayer, IncidentLayerState } from '../map/incidentLayer';
import type { Dataset } from '../types';
import type { DrawGate } from '../map/drawGate';

const LAYER_KEYS: readonly (keyof AppState)[] = ['from', 'to', 'mode', 'types', 'countries', 'hiddenDatasets', 'selection'];

/** What a layer of dataset `datasetId` should draw for this state. */
export function layerStateFor(state: AppState, datasetId: string): IncidentLayerState {
  return {
    from: state.from,
    to: state.to,
    mode: state.mode,
    filter: { types: state.types, countries: state.countries },
    visible: !state.hiddenDatasets.includes(datasetId),
    selection: state.selection,
  };
}

/**
 * Keeps every incident layer in step with the store; layers only hear changes that concern them.
 * Through `gate`, changes made while the map cannot draw (a lost WebGL context) wait, and the
 * latest state is applied once it can again.
 */
export function syncIncidentLayers(store: Store, layers: () => Iterable<{ dataset: Dataset; layer: IncidentLayer }>, gate?: DrawGate): () => void {
  const applyLatest = () => {
    const state = store.get();
    for (const { dataset, layer } of layers()) layer.update(layerStateFor(state, dataset.id));
  };
  return store.on('change', (state, previous) => {
    if (!LAYER_KEYS.some((k) => state[k] !== previous[k])) return;
    if (gate) gate.run('incident-layers', applyLatest);
    else applyLatest();
  });
}
