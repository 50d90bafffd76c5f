import type { FeatureCollection, Position } from 'geojson';

/** Where a town must fall for the border bands to be right. */
export type BandExpectation = 'inside-mali-band' | 'outside-border';

export interface BandCheckTown {
  name: string;
  lonLat: Position;
  expect: BandExpectation;
  /** Where the coordinates come from. */
  source: string;
}

/**
 * Tchoma Bangou is in none of the geodata files (NE and GeoNames lack it). Coordinates
 * 14°49′48″N 1°48′45″E from the Wikipedia article "2021 Tillabéri attacks", the same as row CS015
 * of the project's incident list; de.wikipedia "Tchioma Bangou" puts the Mali border about 53 km
 * north of it, which agrees with the 52.2 km measured here.
 */
export const TCHOMA_BANGOU: BandCheckTown = {
  name: 'Tchoma Bangou',
  lonLat: [1.8125, 14.83],
  expect: 'inside-mali-band',
  source: 'en.wikipedia "2021 Tillabéri attacks" (14°49′48″N 1°48′45″E)',
};

function lookUp(fc: FeatureCollection, name: string, adm0: string): Position | null {
  const f = fc.features.find((x) => x.properties?.name === name && x.properties?.adm0_a3 === adm0);
  return f?.geometry?.type === 'Point' ? f.geometry.coordinates : null;
}

/**
 * The four towns that fix the band width D (see BORDER_BAND_KM): two villages of the stories that
 * must be inside the Mali band, two regional capitals that must stay out of the border area. Names
 * missing from the files come back in `missing` rather than throwing.
 */
export function bandCheckTowns(
  places: FeatureCollection,
  placesGeonames: FeatureCollection,
): { towns: BandCheckTown[]; missing: string[] } {
  const towns: BandCheckTown[] = [TCHOMA_BANGOU];
  const missing: string[] = [];
  const wanted: [FeatureCollection, string, string, BandExpectation, string][] = [
    [placesGeonames, 'Bani Bangou', 'places_geonames.geojson (GeoNames)', 'inside-mali-band', 'Banibangou'],
    [places, 'Niamey', 'places.geojson (Natural Earth)', 'outside-border', 'Niamey'],
    [places, 'Tahoua', 'places.geojson (Natural Earth)', 'outside-border', 'Tahoua'],
  ];
  for (const [fc, key, source, expect, name] of wanted) {
    const lonLat = lookUp(fc, key, 'NER');
    if (lonLat) towns.push({ name, lonLat, expect, source });
    else missing.push(`${key} (${source})`);
  }
  return { towns, missing };
}
