import { describe, expect, it } from 'vitest';
import { ucdpAdminName, ucdpDatePrecision, ucdpLocationPrecision } from '../../../src/data/ucdpCodes';

describe('UCDP codes', () => {
  it('date_prec 1–5 follow the GED codebook: day, 2–6 days, week, month, year', () => {
    expect([1, 2, 3, 4, 5, 0, 6, Number.NaN].map(ucdpDatePrecision)).toEqual(['day', 'week', 'week', 'month', 'year', 'unknown', 'unknown', 'unknown']);
  });

  it('where_prec 1–7 map to exact, near, district, region, region, country, unknown', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(ucdpLocationPrecision)).toEqual(['exact', 'near', 'district', 'region', 'region', 'country', 'unknown', 'unknown']);
  });

  it('ucdpAdminName drops the trailing kind of unit only', () => {
    expect(['Tillabéri region', 'Soum province', 'Bankass cercle', 'Tillia department', 'Tillia departement', 'Centre Est region', 'Région', ''].map(ucdpAdminName)).toEqual([
      'Tillabéri', 'Soum', 'Bankass', 'Tillia', 'Tillia', 'Centre Est', 'Région', '',
    ]);
  });
});
