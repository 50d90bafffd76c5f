import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../../src/data/parseFile';
import { rowsOf, tableOfColumns, tableOfIncidents, type IncidentDetails, type IncidentTable } from '../../../src/data/incidentTable';
import { packedTransfer, packIncidents } from '../../../src/import/packIncidents';
import type { Incident } from '../../../src/types';
import { arbIncident } from './arbIncident';
import { makeIncident } from './makeIncident';

const read = (path: string, dataset: string) => parseBytes(new Uint8Array(readFileSync(resolve(import.meta.dirname, path))), { file: path, dataset }).incidents;
const bundled = read('../../../public/data/ucdp/ucdp-ged-sahel.csv', 'ucdp');
const acled = read('../../fixtures/acled-2023-layout.csv', 'user-1');

/** The worker's columns as the page receives them (buffers transferred). */
const posted = (incidents: readonly Incident[]) => {
  const packed = packIncidents(incidents);
  return structuredClone(packed, { transfer: packedTransfer(packed) });
};

const numbers = (t: IncidentTable) => ({
  start: [...t.start], end: [...t.end], lon: [...t.lon], lat: [...t.lat], best: [...t.best], low: [...t.low], high: [...t.high],
  datePrecision: [...t.datePrecision], locationPrecision: [...t.locationPrecision], eventType: [...t.eventType],
  countries: Array.from({ length: t.length }, (_, i) => t.countrySlot(i)),
  types: Array.from({ length: t.length }, (_, i) => t.typeSlot(i)),
  ids: Array.from({ length: t.length }, (_, i) => t.id(i)),
});

describe('the incident table', () => {
  it('over the worker’s columns gives back every field a popup shows, for the bundled UCDP file and an ACLED export', () => {
    for (const incidents of [bundled, acled]) {
      const table = tableOfColumns(posted(incidents));
      expect(table.detailed).toBe(true);
      expect(rowsOf(table)).toEqual(incidents);
      expect(numbers(table)).toEqual(numbers(tableOfIncidents(incidents)));
    }
  });

  it('any incidents survive the columns, nulls and markup-like text included (property)', () => {
    fc.assert(
      fc.property(fc.array(arbIncident, { maxLength: 20 }), (incidents) => {
        const table = tableOfColumns(posted(incidents));
        expect(rowsOf(table)).toEqual(incidents);
        expect(numbers(table)).toEqual(numbers(tableOfIncidents(incidents)));
      }),
    );
  });

  it('without the long texts, gives every other field at once and fetches summaries and sources on demand', async () => {
    const columns = posted(bundled);
    delete (columns.unique as { summary?: unknown }).summary;
    delete (columns as { sources?: unknown }).sources;
    const asked: number[][] = [];
    const fetch = (rows: readonly number[]): Promise<IncidentDetails[]> => {
      asked.push([...rows]);
      return Promise.resolve(rows.map((i) => ({ summary: bundled[i].summary, sources: bundled[i].sources })));
    };
    const table = tableOfColumns(columns, fetch);
    expect(table.detailed).toBe(false);
    const first = table.get(7);
    expect(first).toEqual({ ...bundled[7], summary: '', sources: [] });
    const rows = [7, 0, 4211];
    expect(await table.details(rows)).toEqual(rows.map((i) => bundled[i]));
    expect(asked).toEqual([rows]);
    // The object asked for before is the one that gained its texts.
    expect(table.get(7)).toBe(first);
    expect(first.sources).toEqual(bundled[7].sources);
  });

  it('over the byte form reads two-byte text, narrowed indexes and a dictionary too large to decode whole', () => {
    const incidents = Array.from({ length: 5000 }, (_, i) =>
      makeIncident({ id: `ev-${i}`, place: i % 2 ? 'تمبكتو' : 'Ségou', admin2: `cercle ${i}`, actor1: `acteur ${i % 3}`, dateStart: new Date(Date.UTC(2020, 0, 1 + (i % 400))) }),
    );
    const columns = posted(incidents);
    expect(columns.repeated.place.values.units).toBeInstanceOf(Uint16Array);
    // Places repeat: each distinct one is sent once, with a byte per incident.
    expect(columns.repeated.place.values.ends).toHaveLength(2);
    expect(columns.repeated.place.index).toBeInstanceOf(Uint8Array);
    expect(columns.unique.id.units).toBeInstanceOf(Uint8Array);
    expect(columns.repeated.admin2.index).toBeInstanceOf(Uint16Array);
    expect(columns.repeated.actor1.index).toBeInstanceOf(Uint8Array);
    const table = tableOfColumns(columns);
    expect(rowsOf(table)).toEqual(incidents);
    expect(table.id(4999)).toBe('ev-4999');
  });

  it('over objects returns those very objects', async () => {
    const table = tableOfIncidents(acled);
    expect(table.get(3)).toBe(acled[3]);
    expect(await table.details([3])).toEqual([acled[3]]);
  });
});
