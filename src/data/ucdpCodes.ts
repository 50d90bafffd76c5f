import type { DatePrecision, LocationPrecision } from '../types';

/**
 * UCDP `date_prec` (GED codebook) → how exactly the date is known:
 * 1 exact day → `day`; 2 a span of 2–6 days → `week`; 3 only the week is known → `week`;
 * 4 only the month (or a span of up to a month) → `month`; 5 only the year (or a span of more
 * than a month within it) → `year`. Anything else → `unknown`.
 */
export function ucdpDatePrecision(code: number): DatePrecision {
  switch (code) {
    case 1:
      return 'day';
    case 2:
    case 3:
      return 'week';
    case 4:
      return 'month';
    case 5:
      return 'year';
    default:
      return 'unknown';
  }
}

/**
 * UCDP `where_prec` (GED codebook) → how exactly the place is known:
 * 1 the exact place → `exact`; 2 within about 25 km of a named place → `near`;
 * 3 a second-order unit (district, cercle, province, department), drawn at its centroid → `district`;
 * 4 a first-order unit (region), drawn at its centroid → `region`;
 * 5 part of a country larger than a region, or a point between places → `region` (the coarsest
 * sub-national level we have); 6 the whole country, drawn at its centroid → `country`;
 * 7 water or airspace, or an estimated point → `unknown`. Anything else → `unknown`.
 */
export function ucdpLocationPrecision(code: number): LocationPrecision {
  switch (code) {
    case 1:
      return 'exact';
    case 2:
      return 'near';
    case 3:
      return 'district';
    case 4:
    case 5:
      return 'region';
    case 6:
      return 'country';
    default:
      return 'unknown';
  }
}

const ADMIN_SUFFIX = /\s+(?:region|province|cercle|department|departement|département)$/i;

/**
 * UCDP writes `adm_1`/`adm_2` with the unit's kind appended ("Tillabéri region", "Soum province",
 * "Bankass cercle", "Tillia department"). The basemap's admin-1 layer names the unit alone
 * ("Tillabéri"), so the word is dropped to let the two be matched and shown alike.
 */
export function ucdpAdminName(raw: string): string {
  return raw.trim().replace(ADMIN_SUFFIX, '');
}
