/** What an incident layer draws: one marker per event, or the density view's squares. */
export type IncidentView = 'markers' | 'density';

/**
 * Where the incident layers say what they draw, for the legend's key and the screen-reader status:
 * the map is "in density view" while any layer draws squares.
 */
export interface IncidentViewReport {
  set(layerId: string, view: IncidentView): void;
  /** A layer left the map. */
  remove(layerId: string): void;
  /** 'density' when any layer draws squares. */
  view(): IncidentView;
  /** Called when `view()` changes; returns the unsubscribe. */
  on(listener: (view: IncidentView) => void): () => void;
}

export function createIncidentViewReport(): IncidentViewReport {
  const views = new Map<string, IncidentView>();
  const listeners = new Set<(view: IncidentView) => void>();
  let last: IncidentView = 'markers';
  const view = (): IncidentView => ([...views.values()].includes('density') ? 'density' : 'markers');
  const changed = () => {
    const next = view();
    if (next === last) return;
    last = next;
    for (const l of [...listeners]) l(next);
  };
  return {
    set(layerId, v) {
      if (views.get(layerId) === v) return;
      views.set(layerId, v);
      changed();
    },
    remove(layerId) {
      if (views.delete(layerId)) changed();
    },
    view,
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
