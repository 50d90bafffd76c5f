import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../../src/data/parseFile';
import { packedTransfer, packIncidents, unpackIncidents } from '../../../src/import/packIncidents';
import type { Incident } from '../../../src/types';
import { arbIncident } from '../data/arbIncident';
import { textAt, textCount, type TextColumn } from '../../../src/data/textColumn';

const fixture = (name: string) => parseBytes(new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../fixtures', name))), { file: name, dataset: 'user-1' }).incidents;
const bundled = parseBytes(new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../../public/data/ucdp/ucdp-ged-sahel.csv'))), { file: 'u', dataset: 'ucdp' }).incidents;

/** Through postMessage's algorithm, buffers transferred. */
const roundTrip = (incidents: readonly Incident[]) => {
  const packed = packIncidents(incidents);
  return unpackIncidents(structuredClone(packed, { transfer: packedTransfer(packed) }));
};

describe('packIncidents', () => {
  it('unpackIncidents(packIncidents(x)) equals x for the bundled UCDP file and the ACLED and story fixtures', () => {
    expect(roundTrip(bundled)).toEqual(bundled);
    for (const name of ['acled-2023-layout.csv', 'acled-broken.csv', 'stories-broken.csv', 'acled-points.geojson']) expect(roundTrip(fixture(name))).toEqual(fixture(name));
  });

  it('sends repeated text once: 4,212 UCDP events name 3 countries', () => {
    const packed = packIncidents(bundled);
    const values = (d: TextColumn) => Array.from({ length: textCount(d) }, (_, k) => textAt(d, k));
    expect(values(packed.repeated.country.values).sort()).toEqual(['Burkina Faso', 'Mali', 'Niger']);
    expect(values(packed.repeated.dataset.values)).toEqual(['ucdp']);
    expect(packed.repeated.country.index).toBeInstanceOf(Uint8Array);
  });

  it('any incidents survive the trip, nulls, NaN-free numbers and astral text included', () => {
    fc.assert(
      fc.property(fc.array(arbIncident, { maxLength: 20 }), (incidents) => {
        expect(roundTrip(incidents)).toEqual(incidents);
      }),
    );
  });
});
