import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readGeoJson, type GeoJsonTable } from '../../../src/data/geojson';

const point = (lon: number, lat: number, properties: Record<string, unknown> = {}) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties });
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const table = (text: string) => {
  const t = readGeoJson(text, 'x.geojson');
  if ('error' in t) throw new Error(t.error);
  return t as GeoJsonTable;
};

describe('readGeoJson', () => {
  it('readGeoJson(text) makes one record per feature, properties by lower-cased name, coordinates from the geometry', () => {
    const t = table(collection(point(2.1, 13.5, { ID: 'A', Fatalities: 3, active: true, note: null }), point(4.7, 16.1, { id: 'B', extra: { a: 1 } })));
    expect(t.header).toEqual(['id', 'fatalities', 'active', 'note', 'extra', 'latitude', 'longitude']);
    expect(t.records).toEqual([
      { row: 1, fields: ['A', '3', 'true', '', '', '13.5', '2.1'] },
      { row: 2, fields: ['B', '', '', '', '{"a":1}', '16.1', '4.7'] },
    ]);
    expect([t.rejected, t.warnings]).toEqual([[], []]);
  });

  it('reads a single Feature as a collection of one', () => {
    expect(table(JSON.stringify(point(1, 2, { id: 'A' }))).records).toHaveLength(1);
  });

  it('rejects features that are not Points, or have no usable coordinates, by feature number', () => {
    const t = table(collection(point(1, 2), { type: 'Feature', geometry: { type: 'Polygon', coordinates: [] }, properties: {} }, { type: 'Feature', geometry: null, properties: {} }, 7, point(Number.NaN, 2)));
    expect(t.records.map((r) => r.row)).toEqual([1]);
    expect(t.rejected.map((i) => [i.row, i.field, i.value])).toEqual([
      [2, 'geometry', 'Polygon'],
      [3, 'geometry', ''],
      [4, 'geometry', '7'],
      [5, 'geometry', 'Point'],
    ]);
  });

  it('says why a text is not GeoJSON of points', () => {
    const error = (text: string) => (readGeoJson(text, 'x.geojson') as { error: string }).error;
    expect(error('{"type":')).toMatch(/^x\.geojson is not valid JSON/);
    expect(error('{"type":"Topology"}')).toMatch(/its type is "Topology"/);
    expect(error(collection())).toMatch(/no Point features \(it holds no features at all\)/);
    expect(error(collection({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [] } }))).toMatch(/it holds 1 Polygon/);
  });

  it('never throws, whatever the JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((features) => JSON.stringify({ type: 'FeatureCollection', features: Array.isArray(features) ? features : [features] }))), (text) => {
        const t = readGeoJson(text, 'x');
        if (!('error' in t)) expect(t.records.length + t.rejected.length).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
