import { describe, expect, it } from 'vitest';
import { createTimeIndex } from '../../../src/data/timeIndex';
import { summaryText } from '../../../src/embed/summaryText';
import { visibleTotals } from '../../../src/embed/visibleTotals';
import { createFormatters } from '../../../src/i18n/format';
import { FR_NUMBER, FR_TIME, fr } from '../../../src/i18n/fr';
import { en } from '../../../src/i18n/messages';
import { DEFAULT_STATE, type AppState } from '../../../src/state';
import { makeIncident } from '../data/makeIncident';

const day = (m: number, d: number) => new Date(Date.UTC(2021, m - 1, d));
const index = createTimeIndex([
  makeIncident({ id: 'a', dataset: 'ucdp', dateStart: day(2, 20), dateEnd: day(2, 20), deathsBest: 7, country: 'Mali' }),
  makeIncident({ id: 'b', dataset: 'ucdp', dateStart: day(3, 15), dateEnd: day(3, 15), deathsBest: 58, eventType: 'Violence against civilians' }),
  makeIncident({ id: 'c', dataset: 'ucdp', dateStart: day(3, 21), dateEnd: day(3, 21), deathsBest: 1170 }),
]);
const counted = [{ id: 'ucdp', index }];
const state = (patch: Partial<AppState>): AppState => ({ ...DEFAULT_STATE, ...patch });

describe('visibleTotals', () => {
  it('counts the window, through the filters', () => {
    expect(visibleTotals(state({ from: day(3, 1), to: day(3, 31) }), counted)).toEqual({ incidents: 2, deaths: 1228 });
    expect(visibleTotals(state({ from: day(3, 1), to: day(3, 31), types: ['Battles'] }), counted)).toEqual({ incidents: 1, deaths: 1170 });
  });

  it('counts from the first event in cumulative mode, and nothing of a hidden dataset', () => {
    expect(visibleTotals(state({ from: day(3, 10), to: day(3, 16), mode: 'cumulative' }), counted)).toEqual({ incidents: 2, deaths: 65 });
    expect(visibleTotals(state({ hiddenDatasets: ['ucdp'] }), counted)).toEqual({ incidents: 0, deaths: 0 });
  });
});

describe('summaryText', () => {
  it('says the window and its totals in one sentence, in English or French', () => {
    const s = state({ from: day(3, 21), to: day(3, 21) });
    expect(summaryText(s, counted, { messages: en, formatters: createFormatters() })).toBe('21 Mar 2021: 1 incident and 1,170 deaths in Niger, Mali and Burkina Faso (UCDP GED).');
    expect(summaryText(s, counted, { messages: fr, formatters: createFormatters(FR_NUMBER, FR_TIME) })).toBe('21 mars 2021\u202f: 1 incident et 1\u202f170 morts au Niger, au Mali et au Burkina Faso (UCDP GED).');
  });

  it('names the cumulative window from the first event', () => {
    expect(summaryText(state({ from: day(3, 10), to: day(3, 16), mode: 'cumulative' }), counted, { messages: en, formatters: createFormatters() })).toMatch(/^20 Feb – 16 Mar 2021: 2 incidents and 65 deaths/);
  });
});
