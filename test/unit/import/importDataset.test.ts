import { describe, expect, it } from 'vitest';
import { importDataset, layerName } from '../../../src/import/importDataset';
import { en } from '../../../src/i18n/messages';
import type { FormatInfo } from '../../../src/data/detectFormat';

const format = (id: FormatInfo['id'], role: FormatInfo['role']): FormatInfo => ({ id, layout: 'x', label: 'x', role, precisionColumns: { date: 'd', location: 'l' } });

describe('importDataset', () => {
  it('an ACLED file is a counted layer with the attribution the reader confirmed', () => {
    expect(importDataset({ id: 'user-1', file: 'a.csv', format: format('acled', 'counted'), messages: en, attribution: 'Data: ACLED, accessed 2024-05-02' })).toEqual({
      id: 'user-1',
      name: 'a.csv',
      role: 'counted',
      licence: 'ACLED terms of use',
      attribution: 'Data: ACLED, accessed 2024-05-02',
      url: 'https://acleddata.com/',
    });
  });

  it('a UCDP file is counted under CC BY 4.0; our story format is an annotation layer', () => {
    expect(importDataset({ id: 'user-2', file: 'ged.csv', format: format('ucdp', 'counted'), messages: en })).toMatchObject({ role: 'counted', licence: 'CC BY 4.0', attribution: 'Data: UCDP GED (CC BY 4.0), from ged.csv' });
    expect(importDataset({ id: 'user-3', file: 's.csv', format: format('stories', 'annotation'), messages: en })).toMatchObject({ role: 'annotation', url: null, attribution: 'Data: s.csv, added by you' });
  });

  it('layerName shortens long file names in the middle', () => {
    const name = layerName('2019-01-01-2023-12-31-Western_Africa-Burkina_Faso-Mali-Niger.csv');
    expect(name.length).toBeLessThanOrEqual(40);
    expect(name).toMatch(/^2019-01-01-2023-12-31-We….*Niger\.csv$/);
  });
});
