import type { Map as MaplibreMap, StyleSpecification } from 'maplibre-gl';

/** `dark=auto|true|false` (also 1/0, yes/no): follow the reader's setting, or force one. */
export type DarkChoice = 'auto' | boolean;

/** A `dark` parameter's value, or undefined when it is none of auto, true/false, 1/0, yes/no. */
export function parseDark(value: string): DarkChoice | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'auto') return 'auto';
  if (['1', 'true', 'yes', ''].includes(v)) return true;
  if (['0', 'false', 'no'].includes(v)) return false;
  return undefined;
}

const QUERY = '(prefers-color-scheme: dark)';

/**
 * Calls `apply(dark)` now and, with `auto`, again each time the reader's system switches between
 * light and dark (live, no reload). Returns the unsubscribe function.
 */
export function watchColourScheme(choice: DarkChoice, apply: (dark: boolean) => void, win: Window = window): () => void {
  if (choice !== 'auto' || typeof win.matchMedia !== 'function') {
    apply(choice === true);
    return () => undefined;
  }
  const media = win.matchMedia(QUERY);
  const onChange = () => apply(media.matches);
  apply(media.matches);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

/**
 * Recolours a running map to another build of its style, paint property by paint property: the
 * sources, the layers the app added (incidents, stories) and the camera stay as they are, which
 * `setStyle` would not promise for custom layers.
 */
export function recolourMap(map: MaplibreMap, style: StyleSpecification): void {
  for (const layer of style.layers) {
    if (!map.getLayer(layer.id) || !('paint' in layer) || !layer.paint) continue;
    for (const [property, value] of Object.entries(layer.paint)) map.setPaintProperty(layer.id, property as Parameters<MaplibreMap['setPaintProperty']>[1], value);
  }
}
