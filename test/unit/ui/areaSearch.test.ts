import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldName, searchAreas, type AreaChoice } from '../../../src/ui/areaSearch';

const CHOICES: AreaChoice[] = [
  { id: 'NE-6', kind: 'region', name: 'Tillabéri', nameFr: 'Tillabéri' },
  { id: 'NE-5', kind: 'region', name: 'Tahoua', nameFr: 'Tahoua' },
  { id: 'ML-6', kind: 'region', name: 'Timbuktu', nameFr: 'Tombouctou' },
  { id: 'BF-04', kind: 'region', name: 'Centre-Est', nameFr: 'Centre-Est' },
  { id: 'BF-12', kind: 'region', name: 'Sahel', nameFr: 'Sahel' },
  { id: 'border-mali', kind: 'focus', name: 'Niger–Mali border', nameFr: 'Frontière Niger–Mali' },
  { id: 'border', kind: 'focus', name: 'Liptako-Gourma border belt', nameFr: 'Bande frontalière du Liptako-Gourma' },
];
const ids = (groups: ReturnType<typeof searchAreas>) => groups.flatMap((g) => g.choices.map((c) => c.id));

describe('searchAreas', () => {
  it('searchAreas("tillaberi") finds Tillabéri without its accent', () => {
    expect(ids(searchAreas(CHOICES, 'tillaberi', 'en'))).toEqual(['NE-6']);
  });

  it('finds a region by its French name in an English page ("tombouctou" → Timbuktu)', () => {
    expect(ids(searchAreas(CHOICES, 'TOMBOUCTOU', 'en'))).toEqual(['ML-6']);
  });

  it('"frontiere" finds the Niger–Mali border by its French name, listed under the focus areas', () => {
    const groups = searchAreas(CHOICES, 'frontiere', 'fr');
    expect(groups.map((g) => g.key)).toEqual(['focus']);
    expect(ids(groups)).toEqual(['border-mali']);
    expect(ids(searchAreas(CHOICES, 'frontaliere', 'fr'))).toEqual(['border']);
  });

  it('"centre est" finds Centre-Est: punctuation and spaces match alike', () => {
    expect(ids(searchAreas(CHOICES, 'centre est', 'en'))).toEqual(['BF-04']);
  });

  it('an empty query lists every choice, focus areas first, then Niger, Mali, Burkina Faso', () => {
    const groups = searchAreas(CHOICES, '  ', 'en');
    expect(groups.map((g) => g.key)).toEqual(['focus', 'Niger', 'Mali', 'Burkina Faso']);
    expect(ids(groups).length).toBe(CHOICES.length);
  });

  it('foldName never keeps a combining mark or an upper-case letter', () => {
    fc.assert(fc.property(fc.string(), (s) => !/\p{M}|\p{Lu}/u.test(foldName(s))));
  });
});
