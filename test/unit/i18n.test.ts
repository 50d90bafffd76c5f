import { describe, expect, it } from 'vitest';
import { createFormatters } from '../../src/i18n/format';
import { en, t } from '../../src/i18n/messages';

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe('createFormatters', () => {
  const f = createFormatters();
  it('range() within one month reads "21–27 Mar 2021"', () => {
    expect(f.range(d('2021-03-21'), d('2021-03-27'))).toBe('21–27 Mar 2021');
  });
  it('range() across months and years names both ends', () => {
    expect(f.range(d('2021-03-28'), d('2021-04-03'))).toBe('28 Mar – 3 Apr 2021');
    expect(f.range(d('2020-12-01'), d('2021-01-05'))).toBe('1 Dec 2020 – 5 Jan 2021');
  });
  it('range() of one day is that day, in UTC whatever TZ says', () => {
    expect(f.range(d('2021-03-21'), d('2021-03-21'))).toBe('21 Mar 2021');
  });
  it('integer() groups thousands', () => {
    expect(f.integer(12345)).toBe('12,345');
  });
});

describe('t', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t(en.incidentsCount, { n: 12 })).toBe('12 incidents');
    expect(t('{a} {b}', { a: 1 })).toBe('1 {b}');
  });
});

describe('short labels on phones', () => {
  it('the import button’s short label is part of its full one in each language, so what a phone shows is still in its name', async () => {
    const { fr } = await import('../../src/i18n/fr');
    for (const m of [en, fr]) {
      expect(m.importButtonShort.length).toBeLessThan(m.importButton.length);
      expect(m.importButton.toLowerCase()).toContain(m.importButtonShort.toLowerCase());
    }
  });
});
