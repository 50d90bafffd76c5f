import { seededRandom } from '../gpu/synthetic';

export const UCDP_GLOBAL_HEADER =
  'id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,conflict_name,dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,side_b_dset_id,side_b_new_id,side_b,number_of_sources,source_article,source_office,source_date,source_headline,source_original,where_prec,where_coordinates,where_description,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,country_id,region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low,gwnoa,gwnob';

/** Towns events cluster around: [lon, lat, country, gwno, admin1, admin2]. */
const TOWNS = [
  [1.45, 14.21, 'Niger', 436, 'Tillaberi region', 'Ouallam department'],
  [5.26, 14.9, 'Niger', 436, 'Tahoua region', 'Tillia department'],
  [12.61, 13.32, 'Niger', 436, 'Diffa region', 'Diffa department'],
  [-0.05, 16.27, 'Mali', 432, 'Gao region', 'Ansongo cercle'],
  [-4.18, 14.49, 'Mali', 432, 'Mopti region', 'Mopti cercle'],
  [-3.02, 16.77, 'Mali', 432, 'Timbuktu region', 'Timbuktu cercle'],
  [-1.63, 14.1, 'Burkina Faso', 439, 'Sahel region', 'Soum province'],
  [-0.03, 14.03, 'Burkina Faso', 439, 'Sahel region', 'Seno province'],
  [0.36, 12.05, 'Burkina Faso', 439, 'Est region', 'Gourma province'],
] as const;
const SIDES = [
  ['Government of Niger', 'IS'],
  ['Government of Mali', 'JNIM'],
  ['Government of Burkina Faso', 'Ansaroul Islam'],
  ['JNIM', 'Civilians'],
  ['IS', 'Civilians'],
] as const;
const OFFICES = ['Agence France Presse', 'Reuters News', 'Crisis Watch', 'Le Sahel', 'ActuNiger'];

/**
 * `n` rows in UCDP GED's global CSV layout (the 49 columns of the global file, ISO dates), every
 * row valid, about 350 bytes each like the real file: quoted `source_article` with doubled quotes,
 * `;`-lists of offices, dates and headlines, a multi-line quoted `where_description` now and then.
 * Rows come sorted by id, not by date, as the global file does. Seeded: every run reads the same text.
 */
export function* syntheticUcdpGlobalRows(n: number, seed = 1): Generator<string> {
  const rand = seededRandom(seed);
  yield UCDP_GLOBAL_HEADER;
  const first = Date.UTC(2017, 0, 1) / 86_400_000;
  const span = Date.UTC(2024, 0, 1) / 86_400_000 - first;
  for (let i = 0; i < n; i++) {
    const [lon0, lat0, country, gwno, adm1, adm2] = TOWNS[Math.floor(rand() * TOWNS.length)];
    const [a, b] = SIDES[Math.floor(rand() * SIDES.length)];
    const type = b === 'Civilians' ? 3 : rand() < 0.8 ? 1 : 2;
    const day = new Date((first + Math.floor(rand() * span)) * 86_400_000).toISOString().slice(0, 10);
    const r = 0.4 * Math.sqrt(-2 * Math.log(1 - rand()));
    const t = 2 * Math.PI * rand();
    const lat = (lat0 + r * Math.sin(t)).toFixed(6);
    const lon = (lon0 + r * Math.cos(t)).toFixed(6);
    const gaussian = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
    const best = rand() < 0.12 ? 0 : Math.max(1, Math.round(Math.exp(Math.log(3) + 1.4 * gaussian)));
    const sources = 1 + Math.floor(rand() * 2);
    const offices = Array.from({ length: sources }, (_, k) => OFFICES[(i + k) % OFFICES.length]);
    const headlines = offices.map((_, k) => `${country}: ${best} killed in attack near village ${(i * 7 + k) % 9973}`);
    const article = offices.map((o, k) => `""${o},${day},${headlines[k]}""`).join(';');
    const where = rand() < 0.1 ? `"Village ${i % 9973}, near ${adm2}\n${adm1}"` : `"Village ${i % 9973}, ${adm2}"`;
    const prec = rand() < 0.8 ? 1 : 3;
    yield [
      200000 + i, `${country.slice(0, 3).toUpperCase()}-${day.slice(0, 4)}-${type}-${1000 + (i % 50)}-${i}`, day.slice(0, 4), 1, 'Clear', type,
      1087, 1087, `${a} - ${b}`, 1087, 1087, `${a} - ${b}`, 1087, 1087, a, 1, 1, b, sources, `"${article}"`,
      offices.join(';'), offices.map(() => day).join(';'), headlines.join(';'), '', prec, `Village ${i % 9973}`, where, adm1, adm2,
      lat, lon, `POINT (${lon} ${lat})`, 149769, country, gwno, 'Africa', 1, 1, day, day, 0, 0, best, 0, best, best + Math.floor(rand() * 5), best, gwno, '',
    ].join(',');
  }
}
