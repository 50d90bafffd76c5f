import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { detectUcdpLayout, parseUcdpGed } from '../../../src/data/ucdp';
import { joinUcdpTiers } from '../../../src/data/ucdpTiers';
import { splitUcdpTiers } from '../../../scripts/vite/ucdpTierSplit';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const FILES = ['public/data/ucdp/ucdp-ged-sahel.csv', 'test/fixtures/ucdp-global-layout.csv', 'test/fixtures/ucdp-country-broken.csv'];

/** Issues without the offending raw value, which the map tier may spell shorter (an ISO date for a US one). */
const issueKeys = (text: string) => parseUcdpGed(text, 'f.csv').issues.map(({ row, field, severity }) => `${row} ${field} ${severity}`);

describe('splitUcdpTiers and joinUcdpTiers', () => {
  for (const file of FILES) {
    it(`join(split(${file.split('/').pop()})) parses to the same incidents and issues as the original`, () => {
      const original = read(file);
      const tiers = splitUcdpTiers(original)!;
      const joined = joinUcdpTiers(tiers.map, tiers.details)!;
      expect(parseUcdpGed(joined, 'f.csv').incidents).toEqual(parseUcdpGed(original, 'f.csv').incidents);
      expect(issueKeys(joined)).toEqual(issueKeys(original));
    });
  }

  it('the map tier alone gives every incident, with the same place, time, type and deaths', () => {
    const original = parseUcdpGed(read(FILES[0]), 'f.csv').incidents;
    const map = parseUcdpGed(splitUcdpTiers(read(FILES[0]))!.map, 'f.csv').incidents;
    expect(map).toHaveLength(original.length);
    const strip = ({ summary: _s, sources: _o, place: _p, ...rest }: (typeof original)[number]) => rest;
    expect(map.map(strip)).toEqual(original.map(strip));
    expect(map.every((i) => i.summary === '' && i.sources.length === 0)).toBe(true);
  });

  it('the map tier is less than a fifth of the original, gzipped', () => {
    const text = read(FILES[0]);
    const tiers = splitUcdpTiers(text)!;
    const gz = (s: string) => gzipSync(s).byteLength;
    expect(gz(tiers.map)).toBeLessThan(gz(text) / 5);
  });

  it('spells UCDP dates as ISO and drops trailing zeros of coordinates, nothing else', () => {
    const text = 'id,date_start,date_end,latitude,longitude,type_of_violence,country,best_est,low_est,high_est,where_description\n7,03/21/2021 00:00:00,03/22/2021 12:00:00,16.116700,4.7830,3,Niger,137,137,141,"Tillia, ""camps"""\n';
    const tiers = splitUcdpTiers(text)!;
    expect(tiers.map.split('\n')[1]).toBe('7,2021-03-21,03/22/2021 12:00:00,16.1167,4.783,3,Niger,137,137,141');
    expect(tiers.details.split('\n')[1]).toBe('"Tillia, ""camps""",,,');
  });

  it('refuses files that are not GED (as detectUcdpLayout decides), and tiers that do not belong together', () => {
    const base = ['id', 'date_start', 'latitude', 'longitude', 'type_of_violence', 'country'];
    for (const header of [['a', 'b'], base, [...base, 'best'], [...base, 'best_est'], [...base.slice(1), 'best']]) {
      expect(splitUcdpTiers(`${header.join(',')}\n`) === null, header.join()).toBe(detectUcdpLayout(header) === null);
    }
    const tiers = splitUcdpTiers(read(FILES[1]))!;
    expect(joinUcdpTiers(tiers.map, tiers.details.split('\n').slice(0, 2).join('\n'))).toBeNull();
    expect(joinUcdpTiers(tiers.map, 'other\n1\n')).toBeNull();
  });
});
