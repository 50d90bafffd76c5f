import { describe, expect, it } from 'vitest';
import { formatLocale } from 'd3-format';
import { frenchDayOfMonth, pageText } from '../../../src/i18n/pageText';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const { formatters: f } = pageText('fr');

describe('French formatters', () => {
  it('day() writes the first of the month as an ordinal: "1er mars 2021"', () => {
    expect(f.day(d('2021-03-01'))).toBe('1er mars 2021');
    expect(f.day(d('2021-03-21'))).toBe('21 mars 2021');
    expect(f.day(d('2021-02-02'))).toBe('2 févr. 2021');
  });
  it('range() within a month keeps the ordinal at its start: "1er–31 mars 2021"', () => {
    expect(f.range(d('2021-03-01'), d('2021-03-31'))).toBe('1er–31 mars 2021');
    expect(f.range(d('2021-03-21'), d('2021-03-27'))).toBe('21–27 mars 2021');
  });
  it('range() across months and years names both ends, ordinals included', () => {
    expect(f.range(d('2021-03-28'), d('2021-04-01'))).toBe('28 mars – 1er avr. 2021');
    expect(f.range(d('2020-12-01'), d('2021-01-05'))).toBe('1er déc. 2020 – 5 janv. 2021');
  });
  it('range() of one day is that day, in UTC whatever TZ says', () => {
    expect(f.range(d('2021-03-01'), d('2021-03-01'))).toBe('1er mars 2021');
  });
  it('month() and axisTick() use French month names', () => {
    expect(f.month(d('2021-07-01'))).toBe('juil. 2021');
    expect(f.axisTick(d('2021-03-01'))).toBe('mars');
    expect(f.axisTick(d('2021-03-15'))).toBe('15 mars');
    expect(f.axisTick(d('2021-01-01'))).toBe('2021');
  });
  it('integer() groups thousands with a narrow no-break space (U+202F), as CLDR’s fr-FR does', () => {
    expect(f.integer(1234)).toBe('1\u202f234');
    expect(f.integer(1234567)).toBe('1\u202f234\u202f567');
    expect(f.integer(999)).toBe('999');
    // d3-format/locale/fr-FR.json groups with U+00A0; CLDR (Intl) and French typography use the narrower U+202F.
    expect(f.integer(1234567)).toBe(new Intl.NumberFormat('fr-FR').format(1234567));
    const d3fr = formatLocale({ decimal: ',', thousands: '\u00a0', grouping: [3], currency: ['', '\u00a0€'] });
    expect(f.integer(1234567).replace(/\u202f/g, '\u00a0')).toBe(d3fr.format(',d')(1234567));
  });
  it('frenchDayOfMonth() writes only the first as "1er"', () => {
    expect([1, 2, 11, 21, 31].map(frenchDayOfMonth)).toEqual(['1er', '2', '11', '21', '31']);
  });
  it('the English formatters are unchanged: no ordinals', () => {
    const en = pageText('en').formatters;
    expect(en.day(d('2021-03-01'))).toBe('1 Mar 2021');
    expect(en.range(d('2021-03-01'), d('2021-03-31'))).toBe('1–31 Mar 2021');
  });
});
