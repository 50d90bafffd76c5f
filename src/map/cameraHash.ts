/** A camera read from the URL hash, as maplibre's `hash` option writes it: `#zoom/lat/lng[/bearing[/pitch]]`. */
export interface HashCamera {
  zoom: number;
  lat: number;
  lng: number;
}

/** Zoom levels a hash may ask for: maplibre's own range (the map then clamps to its minZoom–maxZoom). */
const MAX_ZOOM = 24;

/**
 * Reads the camera from a `location.hash`. Returns null when the hash holds no camera (empty, or
 * some other anchor), the camera when every part is a finite number in range (zoom 0–24, latitude
 * ±90, longitude ±180, bearing ±360, pitch 0–85), and `'invalid'` otherwise, so the caller can warn
 * and keep the default framing: maplibre would otherwise jump to `Infinity` or past the poles and
 * show the whole world at 0°, 0°.
 */
export function readCameraHash(hash: string): HashCamera | 'invalid' | null {
  const body = hash.replace(/^#/, '');
  if (!/^[-+.\d]/.test(body)) return null;
  const parts = body.split('/');
  if (parts.length < 3 || parts.length > 5) return 'invalid';
  const numbers = parts.map((p) => (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(p) ? Number(p) : NaN));
  if (!numbers.every(Number.isFinite)) return 'invalid';
  const [zoom, lat, lng, bearing = 0, pitch = 0] = numbers;
  if (zoom < 0 || zoom > MAX_ZOOM || Math.abs(lat) > 90 || Math.abs(lng) > 180 || Math.abs(bearing) > 360 || pitch < 0 || pitch > 85) return 'invalid';
  return { zoom, lat, lng };
}
