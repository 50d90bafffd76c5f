import type { Map as MaplibreMap } from 'maplibre-gl';

/**
 * Whether the map's style can take layer changes now, in one place. While the WebGL context is
 * lost, maplibre has thrown its style away (`map.style` is null, so `setFilter` and
 * `setLayoutProperty` throw); after the context comes back it rebuilds the style from a snapshot,
 * which takes a frame and ends in `style.load`. Until then, changes wait here and only the latest
 * of each kind is applied on resume.
 */
export interface DrawGate {
  /** True when layer changes can be applied now. */
  open(): boolean;
  /** Applies now if open; otherwise keeps `apply` under `key` (replacing an earlier one) for the resume. */
  run(key: string, apply: () => void): void;
  destroy(): void;
}

export function createDrawGate(map: MaplibreMap): DrawGate {
  let lost = false;
  let restoring = false;
  const waiting = new Map<string, () => void>();

  const resume = () => {
    restoring = false;
    if (lost) return;
    const work = [...waiting.values()];
    waiting.clear();
    for (const apply of work) apply();
  };
  const onLost = () => {
    lost = true;
    restoring = false;
    map.off('style.load', resume);
  };
  const onRestored = () => {
    lost = false;
    restoring = true;
    map.once('style.load', resume);
  };
  map.on('webglcontextlost', onLost);
  map.on('webglcontextrestored', onRestored);

  const open = () => !lost && !restoring;
  return {
    open,
    run(key, apply) {
      if (open()) apply();
      else waiting.set(key, apply);
    },
    destroy() {
      map.off('webglcontextlost', onLost);
      map.off('webglcontextrestored', onRestored);
      map.off('style.load', resume);
      waiting.clear();
    },
  };
}
