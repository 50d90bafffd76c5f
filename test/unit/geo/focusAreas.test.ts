import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { FOCUS_AREA_IDS, focusAreaBounds, focusAreasAt, type LngLatBounds } from '../../../src/geo/focusAreas';
import { FOCUS_AREA_IDS as VIEW_IDS, type FocusAreaId } from '../../../src/state';
import { readGeodata } from './geodataFiles';

const focusAreas = readGeodata('focus-areas.geojson');
const countries = readGeodata('countries.geojson');
const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };

const contains = ([[w, s], [e, n]]: LngLatBounds, [[w2, s2], [e2, n2]]: LngLatBounds) =>
  w <= w2 && s <= s2 && e >= e2 && n >= n2;

describe('FOCUS_AREA_IDS', () => {
  it('maps every view id of the app state, and each maps to geometry present in the geodata', () => {
    expect(Object.keys(FOCUS_AREA_IDS).sort()).toEqual([...VIEW_IDS].sort());
    for (const id of VIEW_IDS) expect(focusAreaBounds(id, focusAreas, countries)).not.toBeNull();
  });
});

describe('focusAreaBounds', () => {
  it('focusAreaBounds("sahel") frames Niger, Mali and Burkina Faso whole: Mali’s west to Niger’s east', () => {
    const [[w, s], [e, n]] = focusAreaBounds('sahel', focusAreas, countries)!;
    expect(w).toBeCloseTo(-12.24, 1); // Mali's western tip
    expect(e).toBeCloseTo(16.0, 0); // Niger's eastern edge
    expect(s).toBeCloseTo(9.4, 0); // Burkina Faso's south
    expect(n).toBeCloseTo(25.0, 0); // Mali's north
  });

  it('every other view lies within the sahel bounds and is smaller', () => {
    const sahel = focusAreaBounds('sahel', focusAreas, countries)!;
    for (const id of ['niamey', 'tahoua', 'border'] as const) {
      const b = focusAreaBounds(id, focusAreas, countries)!;
      expect(contains(sahel, b)).toBe(true);
      expect(b[1][0] - b[0][0]).toBeLessThan(sahel[1][0] - sahel[0][0]);
    }
  });

  it('focusAreaBounds("niamey") is a box of well under a degree around the capital', () => {
    const [[w, s], [e, n]] = focusAreaBounds('niamey', focusAreas, countries)!;
    expect(e - w).toBeLessThan(0.5);
    expect(n - s).toBeLessThan(0.5);
    expect(w < 2.11 && e > 2.11 && s < 13.52 && n > 13.52).toBe(true);
  });

  it('returns null, not a throw, when the geodata lacks the area or the id is unknown', () => {
    expect(focusAreaBounds('border', empty, countries)).toBeNull();
    expect(focusAreaBounds('sahel', focusAreas, empty)).toBeNull();
    expect(focusAreaBounds('nowhere' as FocusAreaId, focusAreas, countries)).toBeNull();
  });
});

describe('focusAreasAt', () => {
  const at = (lon: number, lat: number) => focusAreasAt([lon, lat], focusAreas, countries);

  it('Niamey town is in the niamey area and the Sahel', () => {
    expect(at(2.11471, 13.51865)).toEqual(['niamey', 'sahel']);
  });

  it('Tahoua town is in the tahoua area only (besides the Sahel)', () => {
    expect(at(5.25993, 14.89998)).toEqual(['tahoua', 'sahel']);
  });

  it('Banibangou is in the border area', () => {
    expect(at(2.7037, 15.0416)).toEqual(['border', 'sahel']);
  });

  it('a point of Tahoua region near the Mali line is in both tahoua and border (areas overlap)', () => {
    expect(at(4.3, 15.6)).toEqual(['tahoua', 'border', 'sahel']);
  });

  it('Ouagadougou and Bamako are in the Sahel only; Abuja and the Mali side of the border in none of the Niger areas', () => {
    expect(at(-1.53, 12.37)).toEqual(['sahel']);
    expect(at(-8.0, 12.65)).toEqual(['sahel']);
    expect(at(7.49, 9.07)).toEqual([]);
    expect(at(1.5, 15.5)).toEqual(['sahel']); // in Mali, just across the line: the bands are clipped to Niger
  });

  it('non-finite coordinates give no area', () => {
    expect(at(Number.NaN, 14)).toEqual([]);
    expect(at(2, Number.POSITIVE_INFINITY)).toEqual([]);
  });
});
