import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeStatePatch, encodeStatePatch, isSelection, parseDay, reconcileWindow, STATE_PARAMS } from '../../../src/state';
import { DEFAULT_STATE } from '../../../src/state';
import { COUNTRIES, EVENT_TYPES } from '../../../src/types';
import { expectValidPatch } from './validPatch';

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** Decodes and collects the warnings. */
function decode(input: Record<string, unknown>): { patch: ReturnType<typeof decodeStatePatch>; warnings: string[] } {
  const warnings: string[] = [];
  const patch = decodeStatePatch(input, (m) => warnings.push(m));
  return { patch, warnings };
}

describe('decodeStatePatch', () => {
  it('decodes the matching toggle from on/off (and true/false, 1/0, booleans) and warns on anything else', () => {
    expect(decode({ match: 'on' }).patch).toEqual({ matching: true });
    expect(decode({ match: ' OFF ' }).patch).toEqual({ matching: false });
    expect(decode({ match: true }).patch).toEqual({ matching: true });
    expect(decode({ match: '0' }).patch).toEqual({ matching: false });
    const bad = decode({ match: 'maybe' });
    expect(bad.patch).toEqual({});
    expect(bad.warnings).toEqual(['Sahel Incident Map: ignored "match" = "maybe"; expected one of on, off.']);
    expect(encodeStatePatch({ matching: true })).toEqual({ match: 'on' });
    expect(encodeStatePatch({ matching: false })).toEqual({ match: 'off' });
  });

  it('decodes every field from URL strings', () => {
    const { patch, warnings } = decode({
      from: '2021-03-01', to: '2021-04-05', mode: 'cumulative', types: 'battles,riots', countries: 'ner,bfa',
      hidden: 'ucdp', view: 'tahoua', selection: 'ucdp:123', metric: 'deaths', speed: '4',
    });
    expect(warnings).toEqual([]);
    expect(patch).toEqual({
      from: utc(2021, 3, 1), to: utc(2021, 4, 5), mode: 'cumulative', types: ['Battles', 'Riots'], countries: ['Niger', 'Burkina Faso'],
      hiddenDatasets: ['ucdp'], view: 'tahoua', selection: 'ucdp:123', metric: 'deaths', speed: 4,
    });
  });

  it('accepts every slug and exact ACLED name, in any case and order, and returns EVENT_TYPES order', () => {
    const slugs = decode({ types: 'strategic-developments,riots,protests,violence-against-civilians,explosions,battles' });
    expect(slugs.patch.types).toEqual(EVENT_TYPES);
    const names = decode({ types: [...EVENT_TYPES].reverse().map((t) => t.toUpperCase()) });
    expect(names.patch.types).toEqual(EVENT_TYPES);
    expect([...slugs.warnings, ...names.warnings]).toEqual([]);
  });

  it('accepts ISO3 codes and country names, as a comma list or an array', () => {
    expect(decode({ countries: 'BFA, mli' }).patch.countries).toEqual(['Mali', 'Burkina Faso']);
    expect(decode({ countries: ['burkina faso', 'Niger'] }).patch.countries).toEqual(['Niger', 'Burkina Faso']);
  });

  it('keeps the known items of a list and warns about each unknown one', () => {
    const { patch, warnings } = decode({ types: 'battles,bombings' });
    expect(patch.types).toEqual(['Battles']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('"types"');
    expect(warnings[0]).toContain('"bombings"');
    expect(warnings[0]).toContain('violence-against-civilians');
  });

  it('drops a list with nothing recognised rather than hiding everything', () => {
    const { patch, warnings } = decode({ countries: 'chad,togo' });
    expect(patch).toEqual({});
    expect(warnings).toHaveLength(2);
  });

  it('reads an empty list as "none selected"', () => {
    expect(decode({ types: '', countries: [] }).patch).toEqual({ types: [], countries: [] });
  });

  it.each(['2021-02-30', '2021-13-01', '2021-3-1', '21-03-01', '2021-03-01T00:00', 'yesterday', '0999-01-01', ''])('rejects the date %j with a warning that names the parameter and the format', (bad) => {
    const { patch, warnings } = decode({ from: bad });
    expect(patch).toEqual({});
    expect(warnings).toEqual([`Sahel Incident Map: ignored "from" = ${JSON.stringify(bad)}; expected a calendar date as YYYY-MM-DD, e.g. 2021-03-21.`]);
  });

  it('accepts leap days only in leap years', () => {
    expect(parseDay('2020-02-29')).toEqual(utc(2020, 2, 29));
    expect(parseDay('2021-02-29')).toBeNull();
  });

  it('swaps from and to when from is later, and says so', () => {
    const { patch, warnings } = decode({ from: '2021-04-05', to: '2021-03-01' });
    expect(patch).toEqual({ from: utc(2021, 3, 1), to: utc(2021, 4, 5) });
    expect(warnings[0]).toContain('swapped');
  });

  it('accepts UTC-midnight Dates from an embed message but not other times of day', () => {
    expect(decode({ from: utc(2021, 3, 1) }).patch).toEqual({ from: utc(2021, 3, 1) });
    const { patch, warnings } = decode({ to: new Date(Date.UTC(2021, 2, 1, 8)) });
    expect(patch).toEqual({});
    expect(warnings[0]).toContain('"to"');
  });

  it('reads "none" or null as no focus area, and rejects unknown areas', () => {
    expect(decode({ view: 'none' }).patch).toEqual({ view: null });
    expect(decode({ view: null }).patch).toEqual({ view: null });
    const { patch, warnings } = decode({ view: 'timbuktu' });
    expect(patch).toEqual({});
    expect(warnings[0]).toBe('Sahel Incident Map: ignored "view" = "timbuktu"; expected one of sahel, niamey, tahoua, border.');
  });

  it('checks selections are dataset:id and clears them with an empty value', () => {
    expect(decode({ selection: 'stories:CS001' }).patch).toEqual({ selection: 'stories:CS001' });
    expect(decode({ selection: '' }).patch).toEqual({ selection: null });
    for (const bad of ['CS001', ':1', 'ucdp:', '<x>:1', 'ucdp:1\n2', 42]) {
      const { patch, warnings } = decode({ selection: bad });
      expect(patch).toEqual({});
      expect(warnings).toHaveLength(1);
    }
  });

  it('accepts speeds 1, 2 and 4 as numbers or strings', () => {
    expect(decode({ speed: 2 }).patch).toEqual({ speed: 2 });
    expect(decode({ speed: '4x' }).patch).toEqual({ speed: 4 });
    const { patch, warnings } = decode({ speed: '3' });
    expect(patch).toEqual({});
    expect(warnings[0]).toContain('one of 1, 2, 4');
  });

  it('rejects bad modes and metrics, and ignores keys it does not own without a warning', () => {
    const { patch, warnings } = decode({ mode: 'window ', metric: 'fatalities', embed: '1', lang: 'fr' });
    expect(patch).toEqual({ mode: 'window' });
    expect(warnings).toEqual(['Sahel Incident Map: ignored "metric" = "fatalities"; expected one of events, deaths.']);
  });

  it('rejects hidden dataset ids that are not slugs', () => {
    const { patch, warnings } = decode({ hidden: 'ucdp,<script>,stories,ucdp' });
    expect(patch).toEqual({ hiddenDatasets: ['ucdp', 'stories'] });
    expect(warnings).toHaveLength(1);
  });

  it('never throws and returns only valid fields, whatever it is given', () => {
    const anyValue = fc.oneof(fc.anything(), fc.string(), fc.array(fc.string()), fc.date(), fc.constantFrom(...EVENT_TYPES, ...COUNTRIES, 'none', '2021-03-01'));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...STATE_PARAMS, 'other'), anyValue), (input) => {
        expectValidPatch(decodeStatePatch(input, () => {}));
      }),
      { numRuns: 500 },
    );
  });

  it('decodeStatePatch(encodeStatePatch(patch)) gives the patch back', () => {
    const patch = { from: utc(2020, 1, 31), types: ['Protests', 'Riots'] as const, view: null, selection: null, hiddenDatasets: ['a', 'b'] };
    expect(decode(encodeStatePatch(patch)).patch).toEqual(patch);
  });
});

describe('isSelection', () => {
  it('wants a dataset slug, a colon and a non-empty id', () => {
    expect(['ucdp:1', 'stories:CS 001', 'acled:NIG:12'].map(isSelection)).toEqual([true, true, true]);
    expect(['ucdp', 'ucdp: 1 ', 'u cdp:1', ''].map(isSelection)).toEqual([false, false, false, false]);
  });
});

describe('reconcileWindow', () => {
  const none = () => {
    throw new Error('no warning expected');
  };

  it('leaves a patch that keeps from ≤ to alone', () => {
    const patch = { from: utc(2021, 3, 10) };
    expect(reconcileWindow(DEFAULT_STATE, patch, none)).toBe(patch);
  });

  it('moves the end to a lone "from" past it, with a warning', () => {
    const warnings: string[] = [];
    expect(reconcileWindow(DEFAULT_STATE, { from: utc(2022, 1, 1), mode: 'cumulative' }, (m) => warnings.push(m))).toEqual({ from: utc(2022, 1, 1), to: utc(2022, 1, 1), mode: 'cumulative' });
    expect(warnings[0]).toContain('"from" (2022-01-01) is after the window\'s end (2021-04-05)');
  });

  it('moves the start to a lone "to" before it, with a warning', () => {
    const warnings: string[] = [];
    expect(reconcileWindow(DEFAULT_STATE, { to: utc(2020, 6, 1) }, (m) => warnings.push(m))).toEqual({ from: utc(2020, 6, 1), to: utc(2020, 6, 1) });
    expect(warnings).toHaveLength(1);
  });
});
