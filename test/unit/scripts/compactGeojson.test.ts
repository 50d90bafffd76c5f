import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { compactGeojson } from '../../../scripts/vite/compactGeojson';

const read = (name: string) => readFileSync(new URL(`../../../geodata/${name}`, import.meta.url), 'utf8');

describe('compactGeojson', () => {
  it('rounds to 3 decimals, drops the repeats that creates, and keeps properties', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: 'x', n: 1 }, geometry: { type: 'LineString', coordinates: [[1.00001, 2.00004], [1.00002, 2.00001], [1.2345, 2.3456]] } },
        { type: 'Feature', properties: null, geometry: { type: 'Point', coordinates: [2.1175, 13.515] } },
      ],
    });
    const out = JSON.parse(compactGeojson(text)) as FeatureCollection;
    expect(out.features[0].geometry).toEqual({ type: 'LineString', coordinates: [[1, 2], [1.235, 2.346]] });
    expect(out.features[0].properties).toEqual({ name: 'x', n: 1 });
    expect(out.features[1].geometry).toEqual({ type: 'Point', coordinates: [2.118, 13.515] });
  });

  it('never collapses a ring below four positions', () => {
    const tiny = { type: 'Polygon', coordinates: [[[0, 0], [0.0001, 0], [0.0001, 0.0001], [0, 0]]] };
    const out = JSON.parse(compactGeojson(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: tiny }] })));
    expect(out.features[0].geometry.coordinates[0]).toHaveLength(4);
  });

  it('leaves text that is not a FeatureCollection alone', () => {
    expect(compactGeojson('not json')).toBe('not json');
    expect(compactGeojson('{"type":"Feature"}')).toBe('{"type":"Feature"}');
  });

  it('keeps every country and ring of the basemap, within 0.0005° of the original, and saves a sixth or more', () => {
    const text = read('countries.geojson');
    const before = JSON.parse(text) as FeatureCollection<Polygon | MultiPolygon>;
    const after = JSON.parse(compactGeojson(text)) as FeatureCollection<Polygon | MultiPolygon>;
    expect(after.features.map((f) => f.properties)).toEqual(before.features.map((f) => f.properties));
    const rings = (fc: FeatureCollection<Polygon | MultiPolygon>) => fc.features.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat());
    const [ra, rb] = [rings(after), rings(before)];
    expect(ra).toHaveLength(rb.length);
    ra.forEach((ring, i) => {
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      expect(Math.abs(ring[0][0] - rb[i][0][0])).toBeLessThanOrEqual(0.0005 + 1e-9);
    });
    expect(gzipSync(compactGeojson(text)).byteLength).toBeLessThan((gzipSync(text).byteLength * 5) / 6);
  });
});
