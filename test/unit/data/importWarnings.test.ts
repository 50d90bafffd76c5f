import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/data/detectFormat';
import { badBytesSummary, badBytesWarning, coarsePrecisionWarnings, legacyEncodingWarning } from '../../../src/data/importWarnings';
import { STORY_COLUMNS } from '../../../src/data/stories';
import { makeIncident } from './makeIncident';

const stories = detectFormat([...STORY_COLUMNS])!.info;

describe('import warnings', () => {
  it('badBytesWarning names the first field holding �, and nothing for a clean row', () => {
    expect(badBytesWarning('f.csv', 5, ['a', 'Tillab\uFFFDri'], ['id', 'location'])).toMatchObject({ severity: 'warning', row: 5, field: 'location', value: 'Tillab\uFFFDri' });
    expect(badBytesWarning('f.csv', 5, ['a', 'b'], ['id', 'location'])).toBeNull();
  });

  it('badBytesSummary lists at most ten rows', () => {
    expect(badBytesSummary('f.csv', [3]).message).toMatch(/^1 row of f\.csv hold bytes that are not valid UTF-8 \(row 3\)/);
    expect(badBytesSummary('f.csv', Array.from({ length: 12 }, (_, i) => i + 2)).message).toMatch(/\(rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, …\)/);
  });

  it('coarsePrecisionWarnings warns for a month or year date and a region or country place, naming the column and code', () => {
    const codes = { date: 'month', location: '3' };
    expect(coarsePrecisionWarnings('f', 2, makeIncident({ datePrecision: 'day', locationPrecision: 'near' }), stories, codes)).toEqual([]);
    expect(coarsePrecisionWarnings('f', 2, makeIncident({ datePrecision: 'month', locationPrecision: 'region' }), stories, codes).map((i) => [i.field, i.value])).toEqual([
      ['date_precision', 'month'],
      ['geo_precision', '3'],
    ]);
  });

  it('legacyEncodingWarning is a file-level warning', () => {
    expect(legacyEncodingWarning('x.csv')).toMatchObject({ severity: 'warning', row: null, field: null });
  });
});
