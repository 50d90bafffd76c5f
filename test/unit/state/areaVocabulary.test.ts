import { describe, expect, it } from 'vitest';
import { AREA_IDS, decodeStatePatch, encodeStatePatch, FOCUS_AREA_POLYGON_IDS, readUrlState, REGION_IDS, writeUrlState, DEFAULT_STATE } from '../../../src/state';
import { readGeodata } from '../geo/geodataFiles';

function decode(input: Record<string, unknown>) {
  const warnings: string[] = [];
  return { patch: decodeStatePatch(input, (m) => warnings.push(m)), warnings };
}

describe('AREA_IDS', () => {
  it('are the ISO codes of geodata/admin1.geojson, then the ids of geodata/focus-areas.geojson', () => {
    expect(REGION_IDS).toEqual(readGeodata('admin1.geojson').features.map((f) => f.properties?.iso_3166_2));
    expect(FOCUS_AREA_POLYGON_IDS).toEqual(readGeodata('focus-areas.geojson').features.map((f) => f.properties?.id));
    expect(AREA_IDS).toEqual([...REGION_IDS, ...FOCUS_AREA_POLYGON_IDS]);
  });

  it('every region has a French name in the geodata (ML-6: Timbuktu / Tombouctou)', () => {
    const features = readGeodata('admin1.geojson').features;
    expect(features.every((f) => typeof f.properties?.name_fr === 'string' && f.properties.name_fr !== '')).toBe(true);
    const ml6 = features.find((f) => f.properties?.iso_3166_2 === 'ML-6')!.properties!;
    expect([ml6.name_en, ml6.name_fr]).toEqual(['Timbuktu', 'Tombouctou']);
  });
});

describe('area and choropleth parameters', () => {
  it('match area ids in any case and return the canonical one', () => {
    expect(decode({ area: 'ne-5' })).toEqual({ patch: { area: 'NE-5' }, warnings: [] });
    expect(decode({ area: ' Border ' }).patch).toEqual({ area: 'border' });
    expect(decode({ area: 'ml-bko' }).patch).toEqual({ area: 'ML-BKO' });
  });

  it('clear the area with an empty value, "none" or null', () => {
    expect(decode({ area: '' }).patch).toEqual({ area: null });
    expect(decode({ area: 'none' }).patch).toEqual({ area: null });
    expect(decode({ area: null }).patch).toEqual({ area: null });
  });

  it('ignore an unknown area or choropleth with a warning naming the value', () => {
    const area = decode({ area: 'NE-99' });
    expect(area.patch).toEqual({});
    expect(area.warnings).toHaveLength(1);
    expect(area.warnings[0]).toContain('"area" = "NE-99"');
    const choropleth = decode({ choropleth: 'population' });
    expect(choropleth.patch).toEqual({});
    expect(choropleth.warnings[0]).toContain('"choropleth" = "population"');
    expect(decode({ area: 5 }).warnings[0]).toContain('"area" = 5');
  });

  it('accept choropleth=off, deaths or incidents in any case', () => {
    expect(decode({ choropleth: 'DEATHS' }).patch).toEqual({ choropleth: 'deaths' });
    expect(decode({ choropleth: 'incidents' }).patch).toEqual({ choropleth: 'incidents' });
    expect(decode({ choropleth: 'off' }).patch).toEqual({ choropleth: 'off' });
  });

  it('round-trip every area id and choropleth mode through the codec and the URL', () => {
    for (const area of [...AREA_IDS, null]) {
      for (const choropleth of ['off', 'deaths', 'incidents'] as const) {
        const state = { ...DEFAULT_STATE, area, choropleth };
        expect(decodeStatePatch(encodeStatePatch({ area, choropleth }), () => undefined)).toEqual({ area, choropleth });
        const read = readUrlState(writeUrlState(state), (m) => {
          throw new Error(m);
        });
        expect({ ...DEFAULT_STATE, ...read }).toEqual(state);
      }
    }
    expect(writeUrlState({ ...DEFAULT_STATE, area: 'NE-5', choropleth: 'deaths' })).toBe('?from=2021-03-01&to=2021-04-05&area=NE-5&choropleth=deaths');
  });
});
