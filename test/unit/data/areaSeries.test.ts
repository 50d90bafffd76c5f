import { rowsOf } from '../../../src/data/incidentTable';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAreaIndex, type AreaMeta } from '../../../src/data/areaIndex';
import { deadliest, regionWindowMax, weeklySeries } from '../../../src/data/areaSeries';
import { createTimeIndex } from '../../../src/data/timeIndex';
import { COUNTRIES, EVENT_TYPES } from '../../../src/types';
import { makeIncident } from './makeIncident';

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const ALL = { types: EVENT_TYPES, countries: COUNTRIES };
const meta = (id: string, kind: 'region' | 'focus' = 'region'): AreaMeta => ({ id, kind, name: id, nameFr: id });

function build(rows: { day: number; deaths: number; region: number; type?: (typeof EVENT_TYPES)[number] }[]) {
  const input = rows.map((r, i) => makeIncident({ id: String(i), dateStart: new Date(Date.UTC(2021, 0, 1 + r.day)), deathsBest: r.deaths, eventType: r.type ?? 'Battles' }));
  const index = createTimeIndex(input);
  const rowOf = new Map(input.map((inc, i) => [inc, rows[i]]));
  const ordered = rowsOf(index.incidents).map((inc) => rowOf.get(inc)!);
  const areas = createAreaIndex(index, { regions: [meta('A'), meta('B')], focusAreas: [meta('f', 'focus')], region: Int16Array.from(ordered.map((r) => r.region)), focus: Uint8Array.from(ordered.map(() => 1)) });
  return { index, areas, ordered };
}

describe('weeklySeries', () => {
  it('counts an area’s incidents or deaths per Monday week over the dataset’s extent, through the filters', () => {
    // 2021-01-01 is a Friday: its week starts on Monday 2020-12-28.
    const { areas } = build([
      { day: 0, deaths: 3, region: 0 },
      { day: 3, deaths: 4, region: 0, type: 'Riots' },
      { day: 4, deaths: 5, region: 1 },
      { day: 10, deaths: 6, region: 0 },
    ]);
    const deaths = weeklySeries(areas, 'A', ALL, 'deaths');
    expect(deaths.weeks).toEqual([utc(2020, 12, 28), utc(2021, 1, 4), utc(2021, 1, 11)]);
    expect([...deaths.values]).toEqual([3, 4, 6]);
    expect([...weeklySeries(areas, 'A', { types: ['Battles'], countries: COUNTRIES }, 'events').values]).toEqual([1, 0, 1]);
    expect([...weeklySeries(areas, 'f', ALL, 'incidents').values]).toEqual([1, 2, 1]);
  });
});

describe('deadliest', () => {
  it('gives the k deadliest positions that pass the filters, the earlier first on a tie', () => {
    const { index, areas } = build([
      { day: 0, deaths: 3, region: 0 },
      { day: 1, deaths: 9, region: 0 },
      { day: 2, deaths: 9, region: 0 },
      { day: 3, deaths: 20, region: 0, type: 'Riots' },
      { day: 4, deaths: 1, region: 0 },
    ]);
    const window = { from: utc(2021, 1, 1), to: utc(2021, 1, 31) };
    expect(deadliest(index, areas.positionsIn('A', window), ALL, 3)).toEqual([3, 1, 2]);
    expect(deadliest(index, areas.positionsIn('A', window), { types: ['Battles'], countries: COUNTRIES })).toEqual([1, 2, 0, 4]);
  });
});

describe('regionWindowMax (property)', () => {
  it('equals the largest total any region reaches in any window of that length, brute force', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 40 }), deaths: fc.integer({ min: 0, max: 30 }), region: fc.integer({ min: -1, max: 1 }) }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 45 }),
        fc.constantFrom('deaths' as const, 'incidents' as const),
        (rows, length, metric) => {
          const { areas } = build(rows);
          const first = Math.min(...rows.map((r) => r.day));
          const last = Math.max(...rows.map((r) => r.day));
          let expected = 0;
          for (let start = first; start <= last; start++) {
            for (const region of [0, 1]) {
              const inside = rows.filter((r) => r.region === region && r.day >= start && r.day < start + length);
              expected = Math.max(expected, inside.reduce((s, r) => s + (metric === 'deaths' ? r.deaths : 1), 0));
            }
          }
          expect(regionWindowMax(areas, length, ALL, metric)).toBe(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('regionWindowMax with a stray far date', () => {
  it('still finds the largest window, without a daily array over eight thousand years', () => {
    const input = [
      makeIncident({ id: 'a', dateStart: utc(2021, 1, 1), deathsBest: 4 }),
      makeIncident({ id: 'b', dateStart: utc(2021, 1, 3), deathsBest: 5 }),
      makeIncident({ id: 'c', dateStart: utc(9999, 1, 1), deathsBest: 7 }),
    ];
    const index = createTimeIndex(input);
    const areas = createAreaIndex(index, { regions: [meta('A')], focusAreas: [], region: Int16Array.from([0, 0, 0]), focus: new Uint8Array(3) });
    expect(regionWindowMax(areas, 3, ALL, 'deaths')).toBe(9);
    expect(regionWindowMax(areas, 2, ALL, 'deaths')).toBe(7);
    expect(regionWindowMax(areas, 2, ALL, 'incidents')).toBe(1);
  });
});
