import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { areasReport, formatAreasText, readAreas, readIncidentRows } from '../../../scripts/checkDataAreas';
import { makeIncident } from '../data/makeIncident';

const areas = readAreas();

describe('check-data --areas report', () => {
  it('counts incidents and deaths per region and focus area by coordinates, and names the rows outside every region', () => {
    const incidents = [
      makeIncident({ id: 'tahoua-town', lon: 5.25993, lat: 14.89998, deathsBest: 7 }),
      makeIncident({ id: 'banibangou', lon: 2.7037, lat: 15.0416, deathsBest: 3 }),
      makeIncident({ id: 'atlantic', lon: -20, lat: 14, deathsBest: 2 }),
    ];
    const r = areasReport('f.csv', incidents, [2, 5, 9], areas);
    expect(r.regions.find((a) => a.id === 'NE-5')).toEqual({ id: 'NE-5', name: 'Tahoua', incidents: 1, deaths: 7 });
    expect(r.regions.find((a) => a.id === 'NE-6')).toMatchObject({ incidents: 1, deaths: 3 });
    expect(r.focusAreas.find((a) => a.id === 'tahoua')).toMatchObject({ incidents: 1, deaths: 7 });
    expect(r.focusAreas.find((a) => a.id === 'border-mali')).toMatchObject({ incidents: 1, deaths: 3 });
    expect(r.focusAreas.find((a) => a.id === 'border')).toMatchObject({ incidents: 1, deaths: 3 });
    expect(r.outside).toEqual({ incidents: 1, deaths: 2, rows: [{ row: 9, id: 'atlantic', lon: -20, lat: 14, deaths: 2 }] });
    const text = formatAreasText(r);
    expect(text).toMatch(/Tahoua \(NE-5\)\s+1 incidents\s+7 deaths/);
    expect(text).toContain('Outside every region: 1 incidents, 2 deaths');
    expect(text).toContain('row 9: atlantic at -20, 14, deaths: 2');
  });

  it('reads each incident’s row as the report’s issues number rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'areas-'));
    const path = join(dir, 'acled.csv');
    // The header is row 1; row 3's date is broken, so the incidents are rows 2 and 4.
    const [header, first, second, third] = readFileSync('test/fixtures/acled-2023-layout.csv', 'utf8').split('\n');
    writeFileSync(path, [header, first, second.replace(/^([^,]*),[^,]*,/, '$1,not a date,'), third].join('\n'));
    const { incidents, rows } = await readIncidentRows(path);
    expect(incidents.map((i) => i.id)).toEqual([first.split(',')[0], third.split(',')[0]]);
    expect(rows).toEqual([2, 4]);
  });

  it('npm run check-data -- FILE --areas --json prints the report as JSON', () => {
    const out = execFileSync('npx', ['tsx', 'scripts/check-data.ts', 'test/fixtures/acled-2023-layout.csv', '--areas', '--json'], { encoding: 'utf8' });
    const report = JSON.parse(out);
    expect(report.file).toBe('acled-2023-layout.csv');
    expect(report.regions).toHaveLength(30);
    expect(report.focusAreas.map((a: { id: string }) => a.id)).toEqual(['niamey', 'tahoua', 'border-mali', 'border-bf', 'border']);
    const placed = report.regions.reduce((s: number, a: { incidents: number }) => s + a.incidents, 0);
    expect(placed + report.outside.incidents).toBe(report.incidents);
  }, 60_000);
});
