import { describe, expect, expectTypeOf, it } from 'vitest';
import { fr } from '../../../src/i18n/fr';
import { en, type Messages } from '../../../src/i18n/messages';
import { EVENT_TYPE_KEYS, datasetInLanguage, eventTypeName } from '../../../src/i18n/catalogueNames';
import { subEventTypeName } from '../../../src/i18n/subEventTypes';
import { maplibreLocale } from '../../../src/i18n/maplibreLocale';
import { STORY_DATASET, UCDP_DATASET } from '../../../src/data/datasets';
import { ucdpEventType } from '../../../src/data/ucdpEventType';
import { EVENT_TYPES } from '../../../src/types';

/**
 * French values that are rightly the English ones: names, codes, and words French shares. Any
 * other fr value equal to its en value is an untranslated string.
 */
export const SAME_IN_BOTH: ReadonlySet<keyof Messages> = new Set<keyof Messages>([
  // places (issue 10): the same word in both languages
  'areaIncidents',
  'choroplethIncidents',
  'viewNiamey', 'viewTahoua', 'pause', 'statusLine', 'incidentsCountOne', 'speedOption', 'metricEventsShort',
  'date', 'type', 'sources', 'licence', 'locDistrict', 'importFormat', 'importProgressUnknown', 'datasetUcdp', 'importDates', 'incidentsCount', 'listSortDate', 'statusLineMulti',
  // places (issue 10): the same separators in both languages
  'statusLineArea', 'statusLineAreaMulti',
]);

const keys = (m: Messages) => Object.keys(m).sort();
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the French catalogue', () => {
  it('fr is a whole Messages: leaving out a key is a type error, not English on a French page', () => {
    expectTypeOf(fr).toEqualTypeOf<Messages>();
    const { appTitle: _dropped, ...withoutTitle } = fr;
    // @ts-expect-error a catalogue without appTitle is not a Messages
    const incomplete: Messages = withoutTitle;
    expect(Object.keys(incomplete)).not.toContain('appTitle');
  });

  it('fr has exactly en’s keys, each a non-empty string with the same placeholders', () => {
    expect(keys(fr)).toEqual(keys(en));
    for (const key of keys(en) as (keyof Messages)[]) {
      expect(typeof fr[key], key).toBe('string');
      expect(fr[key].trim(), key).not.toBe('');
      expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('no fr value equals its en value unless it is whitelisted as the same in both languages', () => {
    const untranslated = (keys(en) as (keyof Messages)[]).filter((k) => fr[k] === en[k] && !SAME_IN_BOTH.has(k));
    expect(untranslated).toEqual([]);
    // The whitelist itself stays honest: every entry is still equal in both.
    for (const k of SAME_IN_BOTH) expect(fr[k], k).toBe(en[k]);
  });

  it('French puts a narrow no-break space (U+202F) before ":" ";" "?" "!" and inside « »', () => {
    for (const [key, value] of Object.entries(fr)) {
      // Punctuation is followed by a space or ends the string; "?data=" is a URL parameter, not a question.
      for (const m of value.matchAll(/(.)([:;?!])(?=\s|$)/g)) expect(`${key}: ${m[1]}${m[2]}`).toBe(`${key}: \u202f${m[2]}`);
      for (const m of value.matchAll(/«(.)|(.)»/g)) expect(`${key}: ${m[1] ?? m[2]}`).toBe(`${key}: \u202f`);
    }
    expect(fr.loadFailed).toBe('Impossible de charger {file}\u202f: {reason}');
  });

  it('English has no French spacing', () => {
    for (const [key, value] of Object.entries(en)) expect(value.includes('\u202f'), key).toBe(false);
  });
});

describe('names from the catalogue', () => {
  it('eventTypeName() names each of the six types; in English exactly as the data codes them', () => {
    expect(Object.keys(EVENT_TYPE_KEYS).sort()).toEqual([...EVENT_TYPES].sort());
    for (const type of EVENT_TYPES) expect(eventTypeName(type, en)).toBe(type);
    expect(eventTypeName('Violence against civilians', fr)).toBe('Violence contre les civils');
    expect(new Set(EVENT_TYPES.map((type) => eventTypeName(type, fr))).size).toBe(6);
  });

  it('datasetInLanguage() names and credits the bundled datasets; en matches src/data/datasets.ts', () => {
    expect(datasetInLanguage(UCDP_DATASET, en)).toEqual(UCDP_DATASET);
    expect(datasetInLanguage(STORY_DATASET, en)).toEqual(STORY_DATASET);
    const stories = datasetInLanguage(STORY_DATASET, fr);
    expect(stories.name).toBe('Événements documentés');
    expect(stories.attribution).toBe(fr.attributionStories);
    expect(datasetInLanguage(UCDP_DATASET, fr).attribution).toMatch(/Sundberg et Melander/);
    const mine = { ...STORY_DATASET, id: 'import-1', name: 'my-file.csv' };
    expect(datasetInLanguage(mine, fr)).toBe(mine);
  });

  it('subEventTypeName() names the UCDP types of violence in French and leaves unknown sub-types as given', () => {
    for (const code of [1, 2, 3]) {
      const sub = ucdpEventType(code)!.subEventType;
      expect(subEventTypeName(sub, 'fr')).not.toBe(sub);
      expect(subEventTypeName(sub, 'en')).toBe(sub);
    }
    expect(subEventTypeName('Attack', 'fr')).toBe('Attaque');
    expect(subEventTypeName('Ambush at dawn', 'fr')).toBe('Ambush at dawn');
  });

  it('maplibreLocale() fills maplibre’s control labels from the catalogue', () => {
    const locale = maplibreLocale(fr);
    expect(locale['NavigationControl.ZoomIn']).toBe('Zoom avant');
    expect(locale['AttributionControl.ToggleAttribution']).toBe(fr.mapToggleAttribution);
    expect(locale['Popup.Close']).toBe(fr.mapClosePopup);
    expect(maplibreLocale(en)['NavigationControl.ZoomIn']).toBe('Zoom in');
  });
});
