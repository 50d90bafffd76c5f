/**
 * `check-data FILE --areas [--json]`: reads a file with the importer's parser, assigns every
 * accepted incident to its admin-1 region and its focus areas by its coordinates (as the map does,
 * src/geo/areaAssignment.ts; never by the file's admin-1 names) and prints the incidents and
 * best-estimate deaths per region and per focus area, and the incidents outside every region with
 * their rows. Kept apart from check-data.ts so it can be tested.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { parseStream } from '../src/data/parseFile';
import { assignAreas, prepareAreas, type Area } from '../src/geo/areaAssignment';
import type { Incident } from '../src/types';

/** The map's areas, from the repo's geodata/ folder. */
export function readAreas(): Area[] {
  const read = (name: string) => JSON.parse(readFileSync(new URL(`../geodata/${name}`, import.meta.url), 'utf8')) as FeatureCollection;
  return prepareAreas(read('admin1.geojson'), read('focus-areas.geojson'));
}

/** Every accepted incident of a file with its row (as the report's issues number rows). */
export async function readIncidentRows(path: string): Promise<{ incidents: Incident[]; rows: number[] }> {
  const incidents: Incident[] = [];
  const rows: number[] = [];
  await parseStream(createReadStream(path, { highWaterMark: 1 << 20 }), {
    file: basename(path),
    dataset: 'check',
    onIncident: (incident, row) => {
      incidents.push(incident);
      rows.push(row);
    },
  });
  return { incidents, rows };
}

export interface AreaCount {
  id: string;
  name: string;
  incidents: number;
  deaths: number;
}

export interface AreasReport {
  file: string;
  incidents: number;
  regions: AreaCount[];
  focusAreas: AreaCount[];
  /** Incidents outside every admin-1 region (across a border, in a lake, a swapped coordinate), never silently dropped. */
  outside: { incidents: number; deaths: number; rows: { row: number; id: string; lon: number; lat: number; deaths: number }[] };
}

const deathsOf = (incident: Incident) => (Number.isFinite(incident.deathsBest) ? incident.deathsBest : 0);

export function areasReport(file: string, incidents: readonly Incident[], rows: readonly number[], areas: readonly Area[]): AreasReport {
  const a = assignAreas(incidents.map((i) => i.lon), incidents.map((i) => i.lat), areas);
  const regions = a.regions.map((r) => ({ id: r.id, name: r.name, incidents: 0, deaths: 0 }));
  const focusAreas = a.focusAreas.map((f) => ({ id: f.id, name: f.name, incidents: 0, deaths: 0 }));
  incidents.forEach((incident, i) => {
    const d = deathsOf(incident);
    if (a.region[i] >= 0) {
      regions[a.region[i]].incidents++;
      regions[a.region[i]].deaths += d;
    }
    focusAreas.forEach((f, k) => {
      if ((a.focus[i] >> k) & 1) {
        f.incidents++;
        f.deaths += d;
      }
    });
  });
  const outsideRows = a.outside.map((i) => ({ row: rows[i], id: incidents[i].id, lon: incidents[i].lon, lat: incidents[i].lat, deaths: deathsOf(incidents[i]) }));
  return {
    file,
    incidents: incidents.length,
    regions,
    focusAreas,
    outside: { incidents: outsideRows.length, deaths: outsideRows.reduce((s, r) => s + r.deaths, 0), rows: outsideRows },
  };
}

export function formatAreasText(r: AreasReport): string {
  const width = Math.max(...[...r.regions, ...r.focusAreas].map((a) => `${a.name} (${a.id})`.length), 10);
  const line = (a: AreaCount) => `  ${`${a.name} (${a.id})`.padEnd(width)}  ${String(a.incidents).padStart(7)} incidents  ${String(a.deaths).padStart(8)} deaths`;
  const lines = [`Areas of ${r.file} (${r.incidents} incidents, placed by their coordinates)`, 'Admin-1 regions:', ...r.regions.map(line), 'Focus areas (they overlap the regions and each other):', ...r.focusAreas.map(line)];
  lines.push(`Outside every region: ${r.outside.incidents} incidents, ${r.outside.deaths} deaths`);
  for (const o of r.outside.rows) lines.push(`  row ${o.row}: ${o.id} at ${o.lon}, ${o.lat}, deaths: ${o.deaths}`);
  return lines.join('\n');
}
