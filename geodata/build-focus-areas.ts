/**
 * Writes geodata/focus-areas.geojson from the geodata files next to it (`npm run geodata`).
 *
 * File I/O only: the geometry is computed by buildFocusAreas (geodata/borderBand.ts, unit-tested),
 * and test/unit/geodata/borderBand.test.ts checks that the committed file still agrees with it.
 *
 * The border bands are D = BORDER_BAND_KM = 60 km wide. Why 60: Tchoma Bangou, the farthest of the
 * story villages from the Niger–Mali line, is 52.2 km from it and Banibangou 32.0 km, so they need
 * D > 52 km; Niamey town is 89.3 km from the Burkina Faso line (its capital district 73.6 km) and
 * Tahoua town 174.3 km from the Mali line, so they stay out for any D < 73. 60 is the round figure
 * with margin on both sides (see BORDER_BAND_KM for the full reasoning). The
 * script prints these distances again on every run, so a change of the input lines shows up.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { bandCheckTowns } from './bandCheckTowns';
import { BORDER_BAND_KM, borderLines, buildFocusAreas, distanceToLinesKm } from './borderBand';

const here = dirname(fileURLToPath(import.meta.url));
const read = (name: string): FeatureCollection => JSON.parse(readFileSync(join(here, name), 'utf8'));

const countryBorders = read('country_borders.geojson');
const { features, issues } = buildFocusAreas({
  countries: read('countries.geojson'),
  countryBorders,
  admin1: read('admin1.geojson'),
});
for (const issue of issues) console.error(`error: ${issue}`);
if (issues.length > 0) process.exit(1);

/** One feature per line: small diffs when a band changes, still valid GeoJSON. */
const body = features.map((f) => JSON.stringify(f)).join(',\n');
writeFileSync(join(here, 'focus-areas.geojson'), `{"type":"FeatureCollection","features":[\n${body}\n]}\n`);
console.log(`focus-areas.geojson: ${features.map((f) => f.properties.id).join(', ')} (D = ${BORDER_BAND_KM} km)`);

const { towns, missing } = bandCheckTowns(read('places.geojson'), read('places_geonames.geojson'));
for (const m of missing) console.error(`warning: ${m} not found`);
const mali = borderLines(countryBorders, 'NER', 'MLI');
const bf = borderLines(countryBorders, 'NER', 'BFA');
for (const t of towns) {
  const km = (lines: typeof mali) => distanceToLinesKm(t.lonLat, lines).toFixed(1).padStart(6);
  console.log(`${t.name.padEnd(14)} to Mali line ${km(mali)} km, to Burkina Faso line ${km(bf)} km (${t.expect})`);
}
