import { rowsOf, tableOfIncidents } from '../../../src/data/incidentTable';

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findId } from '../../../src/data/idTable';
import { buildIncidentColumns, filterMasks } from '../../../src/data/incidentColumns';
import { parseBytes } from '../../../src/data/parseFile';
import { createSpatialIndex, pickNear, spatialIndexFromData } from '../../../src/data/spatialIndex';
import { createTimeIndex, timeIndexFromParts } from '../../../src/data/timeIndex';
import { runImportJob } from '../../../src/import/importJob';
import type { ImportMessage } from '../../../src/import/importProtocol';
import { unpackIncidents } from '../../../src/import/packIncidents';
import { createMarkerScale } from '../../../src/map/markerScale';
import { COUNTRIES, EVENT_TYPES } from '../../../src/types';

const bytes = readFileSync(resolve(import.meta.dirname, '../../../public/data/ucdp/ucdp-ged-sahel.csv'));
const scale = createMarkerScale(120);
const marker = { domainMax: scale.scale().domain()[1], options: scale.options };

/** The worker's answer, as the page receives it (buffers transferred by postMessage's algorithm). */
async function importOnPage() {
  let done: Extract<ImportMessage, { type: 'done' }> | null = null;
  await runImportJob({ source: { kind: 'file', file: new Blob([bytes]), name: 'u.csv' }, dataset: 'user-1', marker }, (m, transfer) => {
    if (m.type === 'done') done = structuredClone(m, { transfer });
  });
  return done!;
}

describe('the layer parts the import worker builds', () => {
  it('give the page the same index, columns, picks and lookups as building them on the page', async () => {
    const parsed = parseBytes(new Uint8Array(bytes), { file: 'u.csv', dataset: 'user-1' }).incidents;
    const today = createTimeIndex(parsed);
    const done = await importOnPage();
    const incidents = unpackIncidents(done.incidents);
    const layer = done.layer!;
    const index = timeIndexFromParts(tableOfIncidents(incidents), layer.index);

    expect(rowsOf(index.incidents)).toEqual(rowsOf(today.incidents));
    expect([...index.days]).toEqual([...today.days]);
    expect(index.extent).toEqual(today.extent);
    expect(index.maxDeaths).toBe(today.maxDeaths);
    const all = { types: EVENT_TYPES, countries: COUNTRIES };
    for (const [from, to, filter] of [
      ['2020-01-01', '2020-02-04', all],
      ['2018-06-01', '2023-12-31', { types: EVENT_TYPES.slice(0, 2), countries: COUNTRIES.slice(1) }],
      ['1999-01-01', '2000-01-01', all],
    ] as const) {
      const a = new Date(from);
      const b = new Date(to);
      expect(index.range(a, b)).toEqual(today.range(a, b));
      expect(index.totals(a, b, filter)).toEqual(today.totals(a, b, filter));
    }

    const columns = buildIncidentColumns(today, scale.radius);
    expect(layer.columns).toEqual(columns);
    const mine = spatialIndexFromData(layer.columns, layer.tree);
    const theirs = createSpatialIndex(columns);
    const window = { lo: 0, hi: columns.count, masks: filterMasks(all) };
    for (let i = 0; i < columns.count; i += 97) {
      const x = columns.xy[2 * i] + columns.originX + 1e-5;
      const y = columns.xy[2 * i + 1] + columns.originY;
      expect(pickNear(mine, x, y, 1e-5, window)).toEqual(pickNear(theirs, x, y, 1e-5, window));
    }

    for (let i = 0; i < incidents.length; i += 13) {
      const at = findId(layer.ids, incidents[i].id, (k) => incidents[k].id);
      expect(incidents[at].id).toBe(incidents[i].id);
    }
    expect(findId(layer.ids, 'no such id', (k) => incidents[k].id)).toBe(-1);
  });

  it('are not built without the marker scale', async () => {
    let layer: unknown = 'unset';
    await runImportJob({ source: { kind: 'file', file: new Blob([bytes]), name: 'u.csv' }, dataset: 'user-1' }, (m) => {
      if (m.type === 'done') layer = m.layer;
    });
    expect(layer).toBeNull();
  });
});
