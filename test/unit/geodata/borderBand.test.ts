import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import fc from 'fast-check';
import type { Feature, FeatureCollection, LineString, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { bandCheckTowns, TCHOMA_BANGOU } from '../../../geodata/bandCheckTowns';
import {
  BORDER_BAND_KM,
  borderBand,
  borderLines,
  buildFocusAreas,
  distanceToLinesKm,
  roundGeometry,
  type FocusAreaFeature,
} from '../../../geodata/borderBand';
import { readGeodata } from '../geo/geodataFiles';

const square: Feature<Polygon> = {
  type: 'Feature',
  properties: {},
  geometry: { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] },
};
const northEdge: Feature<LineString> = {
  type: 'Feature',
  properties: { iso_a3_a: 'AAA', iso_a3_b: 'BBB' },
  geometry: { type: 'LineString', coordinates: [[0, 2], [2, 2]] },
};

describe('borderBand (synthetic)', () => {
  const band = borderBand(square, [northEdge], 50)!;

  it('borderBand(country, lines, 50) holds points 40 km from the line and not points 60 km away', () => {
    // 1° of latitude ≈ 111.2 km
    expect(booleanPointInPolygon([1, 2 - 40 / 111.2], band)).toBe(true);
    expect(booleanPointInPolygon([1, 2 - 60 / 111.2], band)).toBe(false);
  });

  it('borderBand clips the buffer to the country: nothing beyond the border line', () => {
    expect(booleanPointInPolygon([1, 2 + 10 / 111.2], band)).toBe(false);
  });

  it('borderBand returns null without lines or with a non-positive width', () => {
    expect(borderBand(square, [], 50)).toBeNull();
    expect(borderBand(square, [northEdge], 0)).toBeNull();
    expect(borderBand(square, [northEdge], Number.NaN)).toBeNull();
  });

  it('distanceToLinesKm measures geodesic km, splitting MultiLineStrings', () => {
    const multi: Feature = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'MultiLineString', coordinates: [[[10, 10], [11, 10]], [[0, 0], [2, 0]]] },
    };
    expect(distanceToLinesKm([1, 1], [multi as never])).toBeCloseTo(111.2, 0);
    expect(distanceToLinesKm([1, 1], [])).toBe(Infinity);
  });

  it('roundGeometry keeps 4 decimals and drops the duplicate points rounding creates', () => {
    const g = roundGeometry({
      type: 'Polygon',
      coordinates: [[[0, 0], [1.000001, 0], [1.000002, 0.00001], [1, 1], [0, 1], [0, 0]]],
    });
    expect(g.coordinates).toEqual([[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]);
  });
});

describe('buildFocusAreas (geodata)', () => {
  let countries: FeatureCollection;
  let countryBorders: FeatureCollection;
  let admin1: FeatureCollection;
  let built: ReturnType<typeof buildFocusAreas>;
  const byId = (features: FocusAreaFeature[], id: string) => features.find((f) => f.properties.id === id)!;

  beforeAll(() => {
    countries = readGeodata('countries.geojson');
    countryBorders = readGeodata('country_borders.geojson');
    admin1 = readGeodata('admin1.geojson');
    built = buildFocusAreas({ countries, countryBorders, admin1 });
  });

  it('buildFocusAreas gives the five areas in a fixed order, with no issues', () => {
    expect(built.issues).toEqual([]);
    expect(built.features.map((f) => f.properties.id)).toEqual(['niamey', 'tahoua', 'border-mali', 'border-bf', 'border']);
  });

  it('every area carries a name for labels, and the bands carry the distance used', () => {
    for (const f of built.features) {
      expect(f.properties.name).not.toBe('');
      expect(f.properties.name_fr).not.toBe('');
    }
    expect(byId(built.features, 'niamey').properties.band_km).toBeNull();
    for (const id of ['border-mali', 'border-bf', 'border']) expect(byId(built.features, id).properties.band_km).toBe(BORDER_BAND_KM);
  });

  it('the Mali band holds points of Niger nearer than D − 1 km to the Mali line and not those beyond D + 1 km', () => {
    const niger = countries.features.find((f) => f.properties?.iso_a3 === 'NER') as Feature<Polygon>;
    const lines = borderLines(countryBorders, 'NER', 'MLI');
    const band = byId(built.features, 'border-mali');
    // the Mali line runs about 0–4.5 E, 13.5–16.5 N; sample the Niger side of it
    const point = fc.tuple(fc.double({ min: 0, max: 5.5, noNaN: true }), fc.double({ min: 13, max: 17.5, noNaN: true }));
    fc.assert(
      fc.property(point, ([lon, lat]) => {
        if (!booleanPointInPolygon([lon, lat], niger)) return;
        const d = distanceToLinesKm([lon, lat], lines);
        if (d < BORDER_BAND_KM - 1) expect(booleanPointInPolygon([lon, lat], band)).toBe(true);
        if (d > BORDER_BAND_KM + 1) expect(booleanPointInPolygon([lon, lat], band)).toBe(false);
      }),
      { seed: 2021, numRuns: 300 },
    );
  });

  it('the bands stay in Niger and the border area is exactly the union of the two bands', () => {
    const niger = countries.features.find((f) => f.properties?.iso_a3 === 'NER') as Feature<Polygon>;
    const [mali, bf, border] = ['border-mali', 'border-bf', 'border'].map((id) => byId(built.features, id));
    const point = fc.tuple(fc.double({ min: -1, max: 5, noNaN: true }), fc.double({ min: 11, max: 17, noNaN: true }));
    fc.assert(
      fc.property(point, ([lon, lat]) => {
        const inBand = booleanPointInPolygon([lon, lat], mali) || booleanPointInPolygon([lon, lat], bf);
        expect(booleanPointInPolygon([lon, lat], border)).toBe(inBand);
        if (inBand) expect(booleanPointInPolygon([lon, lat], niger)).toBe(true);
      }),
      { seed: 7, numRuns: 400 },
    );
  });

  it('a missing Niger polygon or admin-1 region is reported, not thrown', () => {
    const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
    const r = buildFocusAreas({ countries: empty, countryBorders, admin1: empty });
    expect(r.features).toEqual([]);
    expect(r.issues.join('\n')).toMatch(/NE-8[\s\S]*NE-5[\s\S]*NER/);
  });

  it('the committed geodata/focus-areas.geojson is what buildFocusAreas computes (rerun `npm run geodata`)', () => {
    const committed = readGeodata('focus-areas.geojson');
    expect(committed.features).toEqual(JSON.parse(JSON.stringify(built.features)));
  });
});

describe('the four towns that fix D, against the committed focus areas', () => {
  const focusAreas = readGeodata('focus-areas.geojson');
  const area = (id: string) => focusAreas.features.find((f) => f.properties?.id === id) as Feature<Polygon>;
  const { towns, missing } = bandCheckTowns(readGeodata('places.geojson'), readGeodata('places_geonames.geojson'));

  it('bandCheckTowns finds Banibangou, Niamey and Tahoua in the geodata files', () => {
    expect(missing).toEqual([]);
    expect(towns.map((t) => t.name)).toEqual(['Tchoma Bangou', 'Banibangou', 'Niamey', 'Tahoua']);
  });

  it.each(towns.filter((t) => t.expect === 'inside-mali-band').map((t) => [t.name, t]))(
    '%s is inside the Mali band and the border area',
    (_name, t) => {
      expect(booleanPointInPolygon(t.lonLat, area('border-mali'))).toBe(true);
      expect(booleanPointInPolygon(t.lonLat, area('border'))).toBe(true);
    },
  );

  it.each(towns.filter((t) => t.expect === 'outside-border').map((t) => [t.name, t]))(
    '%s is outside the border area',
    (_name, t) => {
      expect(booleanPointInPolygon(t.lonLat, area('border'))).toBe(false);
    },
  );

  it('Niamey and Tahoua towns lie in their own focus areas', () => {
    const at = (name: string) => towns.find((t) => t.name === name)!.lonLat;
    expect(booleanPointInPolygon(at('Niamey'), area('niamey'))).toBe(true);
    expect(booleanPointInPolygon(at('Tahoua'), area('tahoua'))).toBe(true);
  });

  it('Tchoma Bangou is 52 km from the Mali line: D is not just barely enough', () => {
    const lines = borderLines(readGeodata('country_borders.geojson'), 'NER', 'MLI');
    const d = distanceToLinesKm(TCHOMA_BANGOU.lonLat, lines);
    expect(d).toBeGreaterThan(50);
    expect(BORDER_BAND_KM - d).toBeGreaterThan(5);
  });

  it('bandCheckTowns reports towns missing from the files instead of throwing', () => {
    const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
    const r = bandCheckTowns(empty, empty);
    expect(r.towns.map((t) => t.name)).toEqual(['Tchoma Bangou']);
    expect(r.missing).toHaveLength(3);
  });
});
