import { seededRandom } from '../gpu/synthetic';

export const ACLED_2023_HEADER =
  'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';

const TYPES = [
  ['Battles', 'Armed clash', 'Political violence'],
  ['Explosions/Remote violence', 'Remote explosive/landmine/IED', 'Political violence'],
  ['Violence against civilians', 'Attack', 'Political violence'],
  ['Protests', 'Peaceful protest', 'Demonstrations'],
  ['Riots', 'Mob violence', 'Demonstrations'],
  ['Strategic developments', 'Looting/property destruction', 'Strategic developments'],
] as const;
const COUNTRIES = [
  ['Niger', 'NIG', '562', 'Tillaberi', 'Ouallam', 0.5, 4.5, 12.5, 15.5],
  ['Mali', 'MLI', '466', 'Mopti', 'Bankass', -5, -1, 13, 16],
  ['Burkina Faso', 'BFO', '854', 'Sahel', 'Soum', -2, 0.5, 13, 15],
] as const;
/** ACLED's precisions are mostly 1: about 85 % exact, 12 % 2 and 3 % 3. */
const precision = (r: number) => (r < 0.85 ? 1 : r < 0.97 ? 2 : 3);
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * `n` rows in ACLED's 2023+ export layout, every row valid, about 330 bytes each like a real
 * export: a quoted location with a comma, a `; `-list of sources and a notes field with a quoted
 * comma. Rows are newest first, as ACLED sorts them; the first half spells dates as ACLED's
 * current exports do (2022-09-23), the second as older ones (23 September 2022), so both are timed.
 */
export function syntheticAcledCsv(n: number, seed = 1): string {
  const rand = seededRandom(seed); // the same mulberry32 as the GPU bench: every run parses the same text
  const parts: string[] = [ACLED_2023_HEADER];
  const start = Date.UTC(2018, 0, 1);
  for (let i = 0; i < n; i++) {
    const [type, sub, disorder] = TYPES[Math.floor(rand() * TYPES.length)];
    const [country, prefix, iso, admin1, admin2, w, e, s, nn] = COUNTRIES[Math.floor(rand() * COUNTRIES.length)];
    // Newest first, as ACLED's exports are sorted: six years spread over the rows.
    const day = new Date(start + Math.floor(((n - 1 - i) / Math.max(1, n)) * 2190) * 864e5);
    const date = i < n / 2 ? day.toISOString().slice(0, 10) : `${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
    const lat = (s + rand() * (nn - s)).toFixed(4);
    const lon = (w + rand() * (e - w)).toFixed(4);
    const deaths = rand() < 0.6 ? 0 : Math.floor(rand() * 40);
    parts.push(
      `${prefix}${100000 + i},${date},${day.getUTCFullYear()},${precision(rand())},${disorder},${type},${sub},JNIM: Group for Support of Islam and Muslims,,Rebel group,Military Forces of ${country} (2021-),,State forces,State forces-Rebel group,,${iso},Western Africa,${country},${admin1},${admin2},,"Village ${i % 9973}, ${admin2}",${lat},${lon},${precision(rand())},Le Sahel; ActuNiger,National,"On ${date}, armed men attacked the village of ${i % 9973}, killing ${deaths} people.",${deaths},,${1700000000 + i}`,
    );
  }
  return parts.join('\n') + '\n';
}
