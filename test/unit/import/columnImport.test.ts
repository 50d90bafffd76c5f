import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tableOfColumns } from '../../../src/data/incidentTable';
import { parseBytes, parseStream } from '../../../src/data/parseFile';
import { createIncidentTally, summarise } from '../../../src/data/report';
import { permuteText, textAt, textColumnOf, textCount, textTransfer, type TextColumn } from '../../../src/data/textColumn';
import { sortForTimeIndex, timeIndexPartsOf, timeOrder } from '../../../src/data/timeIndex';
import { areaIndexPartsOfTable, indexAreasInWorker } from '../../../src/geo/indexAreas';
import { runImportJob } from '../../../src/import/importJob';
import type { ImportMessage } from '../../../src/import/importProtocol';
import { buildLayerParts, layerPartsOfTable } from '../../../src/import/layerParts';
import { PackBuilder, permutePacked } from '../../../src/import/packBuilder';
import { narrowFloat } from '../../../src/data/narrowArrays';
import { packedTransfer, unpackIncidents } from '../../../src/import/packIncidents';
import { createMarkerScale } from '../../../src/map/markerScale';
import type { Incident } from '../../../src/types';
import { arbIncident } from '../data/arbIncident';
import { makeIncident } from '../data/makeIncident';
import { readGeodata } from '../geo/geodataFiles';

const bytesOf = (path: string) => new Uint8Array(readFileSync(resolve(import.meta.dirname, path)));
const FILES = {
  'ucdp-ged-sahel.csv': bytesOf('../../../public/data/ucdp/ucdp-ged-sahel.csv'),
  'ucdp-global-layout.csv': bytesOf('../../fixtures/ucdp-global-layout.csv'),
  'ucdp-country-broken.csv': bytesOf('../../fixtures/ucdp-country-broken.csv'),
  'acled-2023-layout.csv': bytesOf('../../fixtures/acled-2023-layout.csv'),
  'acled-2020-layout.csv': bytesOf('../../fixtures/acled-2020-layout.csv'),
  'acled-broken.csv': bytesOf('../../fixtures/acled-broken.csv'),
  'acled-points.geojson': bytesOf('../../fixtures/acled-points.geojson'),
};
/** The bytes as a stream of pieces of 1 kB. */
async function* pieces(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += 1024) yield bytes.subarray(i, i + 1024);
}
const parsed = (name: keyof typeof FILES) => parseBytes(FILES[name], { file: name, dataset: 'user-1' }).incidents;
const geodata = { admin1: readGeodata('admin1.geojson'), focusAreas: readGeodata('focus-areas.geojson') };
const scale = createMarkerScale(120);
const marker = { domainMax: scale.scale().domain()[1], options: scale.options };

/** The worker's path: each incident into the builder as it comes, then the columns sorted by permuting them, and the parts over a table of them. */
function columnPath(incidents: readonly Incident[], areas: boolean) {
  const builder = new PackBuilder();
  for (const incident of incidents) builder.add(incident);
  const unsorted = builder.finish();
  const packed = permutePacked(unsorted, timeOrder(unsorted.start));
  const table = tableOfColumns(packed);
  const index = timeIndexPartsOf(packed.start, table);
  return { packed, index, layer: layerPartsOfTable(table, index, marker), areas: areas ? areaIndexPartsOfTable(table, packed.start, geodata) : null };
}

/** The object path: sortForTimeIndex over Incident objects and the parts over them. */
function objectPath(incidents: readonly Incident[], areas: boolean) {
  const sorted = sortForTimeIndex(incidents);
  return {
    incidents: sorted.incidents,
    index: sorted.parts,
    layer: buildLayerParts(sorted.incidents, sorted.parts, marker),
    areas: areas ? indexAreasInWorker(sorted.incidents, sorted.parts.days, geodata) : null,
  };
}

function expectSamePaths(incidents: readonly Incident[], areas: boolean): void {
  const columns = columnPath(incidents, areas);
  const objects = objectPath(incidents, areas);
  expect(columns.index).toEqual(objects.index);
  expect(columns.layer).toEqual(objects.layer);
  expect(columns.areas).toEqual(objects.areas);
  // As the page receives them: buffers transferred (the time index's days among them).
  const posted = structuredClone(columns.packed, { transfer: packedTransfer(columns.packed) });
  expect(unpackIncidents(posted)).toEqual(objects.incidents);
}

describe('the column import (PackBuilder, permutePacked, parts over the columns)', () => {
  it('gives the incidents, time index, layer and area index parts of the object path for the bundled UCDP file and the fixtures', () => {
    expectSamePaths(parsed('ucdp-ged-sahel.csv'), true);
    for (const name of Object.keys(FILES) as (keyof typeof FILES)[]) expectSamePaths(parsed(name), name === 'acled-2023-layout.csv');
  });

  it('gives the same for any incidents, in the same order for equal days (property)', () => {
    fc.assert(
      fc.property(fc.array(arbIncident, { maxLength: 40 }), (incidents) => expectSamePaths(incidents, false)),
      { numRuns: 60 },
    );
  });

  it('orders a far stray date and equal days as sortForTimeIndex does, and leaves out an undated incident', () => {
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const incidents = [
      makeIncident({ id: 'late', dateStart: day('9999-01-01') }),
      makeIncident({ id: 'a', dateStart: day('2021-05-01') }),
      makeIncident({ id: 'undated', dateStart: new Date(Number.NaN) }),
      makeIncident({ id: 'b', dateStart: day('2021-05-01') }),
      makeIncident({ id: 'early', dateStart: day('1950-01-01') }),
    ];
    const { packed } = columnPath(incidents, false);
    expect(unpackIncidents(packed).map((i) => i.id)).toEqual(['early', 'a', 'b', 'late']);
    expectSamePaths(incidents, true);
  });

  it('sends one day column when every event ends on its start day, two otherwise', () => {
    const one = columnPath(parsed('acled-2023-layout.csv'), false).packed;
    expect(one.end).toBe(one.start);
    const bundled = parsed('ucdp-ged-sahel.csv');
    expect(bundled.some((i) => i.dateEnd.getTime() !== i.dateStart.getTime())).toBe(true);
    const two = columnPath(bundled, false).packed;
    expect(two.end).not.toBe(two.start);
  });

  it('narrows a dictionary index to the smallest array that holds it', () => {
    const builder = new PackBuilder();
    for (let i = 0; i < 300; i++) builder.add(makeIncident({ id: `e${i}`, admin2: `district ${i}`, actor1: `actor ${i % 200}` }));
    const packed = builder.finish();
    expect(packed.repeated.admin2.index).toBeInstanceOf(Uint16Array);
    expect(packed.repeated.actor1.index).toBeInstanceOf(Uint8Array);
    expect(unpackIncidents(packed)[299]).toMatchObject({ admin2: 'district 299', actor1: 'actor 99' });
  });

  it('keeps death counts in float32 only when every value survives it exactly', () => {
    expect(narrowFloat(Float64Array.of(0, 3, Number.NaN, 2 ** 24))).toEqual(Float32Array.of(0, 3, Number.NaN, 2 ** 24));
    expect(narrowFloat(Float64Array.of(0, 1.1))).toBeInstanceOf(Float64Array);
    expect(narrowFloat(Float64Array.of(2 ** 24 + 1, Number.NaN))).toEqual(Float64Array.of(2 ** 24 + 1, Number.NaN));
    const builder = new PackBuilder();
    builder.add(makeIncident({ deathsBest: 12, deathsLow: null, deathsHigh: 2 ** 31 - 1 }));
    const packed = builder.finish();
    expect(packed.best).toBeInstanceOf(Float32Array);
    expect(packed.low).toBeInstanceOf(Float32Array);
    expect(packed.high).toBeInstanceOf(Float64Array);
    expect(unpackIncidents(packed)[0]).toMatchObject({ deathsBest: 12, deathsLow: null, deathsHigh: 2 ** 31 - 1 });
  });
});

describe('text as code units (TextColumn)', () => {
  const values = (c: TextColumn) => Array.from({ length: textCount(c) }, (_, k) => textAt(c, k));
  const posted = (c: TextColumn) => structuredClone(c, { transfer: textTransfer(c) });

  it('gives back French and Arabic names, empty strings, lone surrogates and long values after a transfer', () => {
    const long = 'Tillabéri '.repeat(1000);
    const texts = ['Tillabéri', '', 'Ségou', 'Ménaka', '', 'تمبكتو', '\uD800', 'a\uDC00b', '𝑾', long, ''];
    const column = posted(textColumnOf(texts));
    expect(values(column)).toEqual(texts);
    expect(column.units).toBeInstanceOf(Uint16Array);
  });

  it('stays one byte a code unit while every unit is below 256, and widens without losing the values before', () => {
    const latin = textColumnOf(['Diffa', 'Dori', 'Kidal ÿ']);
    expect(latin.units).toBeInstanceOf(Uint8Array);
    expect(latin.units.length).toBe(5 + 4 + 7);
    expect(values(textColumnOf(['Diffa', 'Dori', 'دوري', 'é']))).toEqual(['Diffa', 'Dori', 'دوري', 'é']);
  });

  it('round trips long values copied natively, whatever one unit among the ASCII is (property)', () => {
    // From 24 units a value goes through encodeInto first: a Latin-1, a wide or a lone-surrogate
    // unit anywhere must send it back through the unit-by-unit copy, with nothing of the first try left.
    const ascii = fc.array(fc.integer({ min: 0, max: 0x7f }), { minLength: 24, maxLength: 90 }).map((units) => String.fromCharCode(...units));
    const odd = fc.constantFrom('é', 'ÿ', '\u0080', 'ت', '\uD800', '\uDC00', '𝑾', '\uFFFD');
    const long = fc.tuple(ascii, fc.option(odd, { nil: undefined }), fc.nat()).map(([text, unit, at]) => (unit === undefined ? text : text.slice(0, at % text.length) + unit + text.slice(at % text.length)));
    fc.assert(
      fc.property(fc.array(long, { minLength: 1, maxLength: 20 }), (texts) => {
        expect(values(posted(textColumnOf(texts)))).toEqual(texts);
      }),
    );
  });

  it('round trips and permutes any strings of any code units (property)', () => {
    const anyText = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 12 }).map((units) => String.fromCharCode(...units));
    fc.assert(
      fc.property(fc.array(fc.oneof(anyText, fc.string()), { maxLength: 30 }), fc.infiniteStream(fc.nat()), (texts, picks) => {
        const column = posted(textColumnOf(texts));
        expect(values(column)).toEqual(texts);
        const order = Uint32Array.from(texts.map((_, k) => k));
        for (let k = order.length - 1; k > 0; k--) {
          const j = picks.next().value % (k + 1);
          [order[k], order[j]] = [order[j], order[k]];
        }
        expect(values(permuteText(column, order))).toEqual([...order].map((k) => texts[k]));
      }),
    );
  });
});

describe('parsing with onIncident', () => {
  it('reports the same counts, issues and summary as keeping the incidents', async () => {
    for (const [name, bytes] of Object.entries(FILES)) {
      const kept = await parseStream(pieces(bytes), { file: name, dataset: 'user-1' });
      const tally = createIncidentTally();
      let handed = 0;
      const streamed = await parseStream(pieces(bytes), {
        file: name,
        dataset: 'user-1',
        onIncident(incident) {
          handed++;
          tally.add(incident);
        },
      });
      expect(streamed.incidents).toEqual([]);
      expect(handed).toBe(kept.incidents.length);
      const { incidents: _kept, ...keptRest } = kept;
      const { incidents: _streamed, ...streamedRest } = streamed;
      expect(streamedRest).toEqual(keptRest);
      expect(summarise(streamed, tally)).toEqual(summarise(kept));
    }
  });

  it('gives the worker’s summary and every incident, with summaries and sources fetched from it, as parsing keeps them', async () => {
    for (const name of ['acled-broken.csv', 'ucdp-global-layout.csv'] as const) {
      const messages: ImportMessage[] = [];
      const post = (m: ImportMessage, transfer: Transferable[] = []) => messages.push(structuredClone(m, { transfer }));
      const answer = await runImportJob({ source: { kind: 'file', file: new Blob([FILES[name]]), name }, dataset: 'user-1', marker, detailsOnDemand: true }, post);
      const done = messages.find((m) => m.type === 'done')!;
      if (done.type !== 'done') throw new Error('no done message');
      const result = parseBytes(FILES[name], { file: name, dataset: 'user-1' });
      expect(done.summary).toEqual(summarise(result));
      expect(done.incidents.unique.summary).toBeUndefined();
      expect(done.incidents.sources).toBeUndefined();
      const rows = Array.from({ length: done.incidents.count }, (_, i) => i);
      answer!({ type: 'details', id: 7, rows });
      const details = messages.at(-1)!;
      if (details.type !== 'details') throw new Error('no details answer');
      expect(details.id).toBe(7);
      const table = tableOfColumns(done.incidents);
      const incidents = rows.map((i) => ({ ...table.get(i), ...details.details[i] }));
      const sorted = sortForTimeIndex(result.incidents);
      expect(incidents).toEqual(sorted.incidents);
      // The layer's parts, its id table built from the ids' hashes taken as they were read, as the page would build them from the incidents.
      expect(done.layer).toEqual(buildLayerParts(sorted.incidents, sorted.parts, marker));
      // Positions the worker does not have (a hostile or stale request) get empty texts, never a throw.
      answer!({ type: 'details', id: 8, rows: [-1, 0.5, done.incidents.count, Number.NaN] });
      const odd = messages.at(-1)!;
      expect(odd).toEqual({ type: 'details', id: 8, details: Array.from({ length: 4 }, () => ({ summary: '', sources: [] })) });
    }
  });
});
