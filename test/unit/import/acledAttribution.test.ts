import { describe, expect, it } from 'vitest';
import { acledAttributionText, acledFiltersFromFileName, isIsoDay, isoDay } from '../../../src/import/acledAttribution';
import { en } from '../../../src/i18n/messages';
import { fr } from '../../../src/i18n/fr';

describe('acledFiltersFromFileName', () => {
  it('reads the dates and areas of the names ACLED’s export tool gives', () => {
    expect(acledFiltersFromFileName('2021-01-01-2021-12-31-Niger.csv')).toBe('2021-01-01 to 2021-12-31; Niger');
    expect(acledFiltersFromFileName('2019-01-01-2023-12-31-Western_Africa-Burkina_Faso-Mali-Niger.csv')).toBe('2019-01-01 to 2023-12-31; Western Africa, Burkina Faso, Mali, Niger');
    expect(acledFiltersFromFileName('2021-01-01-2021-12-31.csv')).toBe('2021-01-01 to 2021-12-31');
    expect(acledFiltersFromFileName('2021-01-01-2021-12-31-Niger (1).csv')).toBe('2021-01-01 to 2021-12-31; Niger');
  });

  it('gives nothing for other names', () => {
    expect(acledFiltersFromFileName('my-events.csv')).toBe('');
    expect(acledFiltersFromFileName('2021-01-01-Niger.csv')).toBe('');
  });
});

describe('acledAttributionText', () => {
  it('says "Data: ACLED, accessed …" with the filters when given, in the catalogue’s language', () => {
    expect(acledAttributionText(en, '2024-05-02', '  Niger,\n 2021 ')).toBe('Data: ACLED, accessed 2024-05-02; filters: Niger, 2021');
    expect(acledAttributionText(en, '2024-05-02', '')).toBe('Data: ACLED, accessed 2024-05-02');
    expect(acledAttributionText(fr, '2024-05-02', 'Niger')).toBe('Données\u202f: ACLED, consultées le 2024-05-02\u202f; filtres\u202f: Niger');
  });

  it('isoDay and isIsoDay work in UTC', () => {
    expect(isoDay(Date.UTC(2024, 4, 2, 23, 30))).toBe('2024-05-02');
    expect([isIsoDay('2024-05-02'), isIsoDay('2024-02-30'), isIsoDay('02/05/2024')]).toEqual([true, false, false]);
  });
});
