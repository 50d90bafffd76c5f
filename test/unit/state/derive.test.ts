import { rowsOf } from '../../../src/data/incidentTable';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTimeIndex } from '../../../src/data/timeIndex';
import { summaryText } from '../../../src/embed/summaryText';
import { visibleTotals as wireVisible } from '../../../src/embed/outgoing';
import { viewStatusText } from '../../../src/timeline/labels';
import { createFormatters } from '../../../src/i18n/format';
import { FR_NUMBER, FR_TIME, fr } from '../../../src/i18n/fr';
import { en } from '../../../src/i18n/messages';
import { createDerivedView, createStore, DEFAULT_STATE, deriveView, type AppState, type DerivedSource } from '../../../src/state';
import { EVENT_TYPES, type EventType } from '../../../src/types';
import { makeIncident } from '../data/makeIncident';

const day = (m: number, d: number) => new Date(Date.UTC(2021, m - 1, d));
const index = createTimeIndex([
  makeIncident({ id: 'a', dataset: 'ucdp', dateStart: day(2, 20), dateEnd: day(2, 20), deathsBest: 7, country: 'Mali' }),
  makeIncident({ id: 'b', dataset: 'ucdp', dateStart: day(3, 15), dateEnd: day(3, 15), deathsBest: 58, eventType: 'Violence against civilians' }),
  makeIncident({ id: 'c', dataset: 'ucdp', dateStart: day(3, 21), dateEnd: day(3, 21), deathsBest: 1170 }),
]);
const counted: DerivedSource[] = [{ id: 'ucdp', role: 'counted', index }];
const visibleTotals = (s: AppState, sources: readonly DerivedSource[]) => deriveView(s, sources).totals;
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
    expect(summaryText(deriveView(s, counted), { messages: en, formatters: createFormatters() })).toBe('21 Mar 2021: 1 incident and 1,170 deaths in Niger, Mali and Burkina Faso (UCDP GED).');
    expect(summaryText(deriveView(s, counted), { messages: fr, formatters: createFormatters(FR_NUMBER, FR_TIME) })).toBe('21 mars 2021\u202f: 1 incident et 1\u202f170 morts au Niger, au Mali et au Burkina Faso (UCDP GED).');
  });

  it('names the cumulative window from the first event', () => {
    expect(summaryText(deriveView(state({ from: day(3, 10), to: day(3, 16), mode: 'cumulative' }), counted), { messages: en, formatters: createFormatters() })).toMatch(/^20 Feb – 16 Mar 2021: 2 incidents and 65 deaths/);
  });
});

describe('deriveView (properties)', () => {
  const DAY0 = Date.UTC(2021, 0, 1) / 86_400_000;
  const rowArb = fc.record({
    day: fc.integer({ min: 0, max: 60 }),
    deaths: fc.integer({ min: 0, max: 50 }),
    type: fc.constantFrom(...EVENT_TYPES),
    country: fc.constantFrom('Niger', 'Mali', 'Burkina Faso', 'Chad'),
  });
  const toIncidents = (rows: { day: number; deaths: number; type: EventType; country: string }[], dataset: string) =>
    rows.map((r, i) => makeIncident({ id: `${dataset}${i}`, dataset, dateStart: new Date((DAY0 + r.day) * 86_400_000), deathsBest: r.deaths, eventType: r.type, country: r.country }));
  const dayArb = fc.integer({ min: -5, max: 65 }).map((d) => new Date((DAY0 + d) * 86_400_000));

  it('each dataset’s slice holds exactly the events a scan finds in the shown window, and the totals equal a brute-force count per dataset', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 80 }), fc.array(rowArb, { maxLength: 80 }), dayArb, dayArb, fc.constantFrom<AppState['mode']>('window', 'cumulative'), fc.subarray([...EVENT_TYPES]), (a, b, x, y, mode, types) => {
        const [from, to] = x <= y ? [x, y] : [y, x];
        const sources: DerivedSource[] = [
          { id: 'a', role: 'counted', index: createTimeIndex(toIncidents(a, 'a')) },
          { id: 'b', role: 'counted', index: createTimeIndex(toIncidents(b, 'b')) },
        ];
        const s = state({ from, to, mode, types });
        const view = deriveView(s, sources);
        let sumIncidents = 0;
        let sumDeaths = 0;
        view.datasets.forEach((shown, k) => {
          const incidents = rowsOf(sources[k].index.incidents);
          const inside = (i: number) => incidents[i].dateStart <= to && (mode === 'cumulative' || incidents[i].dateStart >= from);
          const expected = incidents.map((_, i) => i).filter(inside);
          expect(shown.slice[1] - shown.slice[0]).toBe(expected.length);
          if (expected.length) expect(shown.slice).toEqual([expected[0], expected[expected.length - 1] + 1]);
          const passing = expected.filter((i) => types.includes(incidents[i].eventType));
          const deaths = passing.reduce((sum, i) => sum + incidents[i].deathsBest, 0);
          expect(shown.totals).toEqual({ incidents: passing.length, deaths });
          sumIncidents += passing.length;
          sumDeaths += deaths;
        });
        // Two counted datasets: one figure each, never their sum.
        expect(view.totals).toBeNull();
        expect(view.hasIncidents).toBe(sumIncidents > 0);
        void sumDeaths;
      }),
      { numRuns: 300 },
    );
  });

  it('a hidden dataset is drawn nowhere and counted nowhere; an annotation dataset is never counted', () => {
    const sources: DerivedSource[] = [
      { id: 'ucdp', role: 'counted', index },
      { id: 'stories', role: 'annotation', index },
    ];
    const view = deriveView(state({ from: day(3, 1), to: day(3, 31), hiddenDatasets: ['ucdp'] }), sources);
    expect(view.counted).toEqual([]);
    expect(view.totals).toEqual({ incidents: 0, deaths: 0 });
    expect(view.datasets.map((d) => [d.id, d.visible, d.totals])).toEqual([
      ['ucdp', false, { incidents: 2, deaths: 1228 }],
      ['stories', true, null],
    ]);
  });
});

describe('createDerivedView', () => {
  it('derives before its listeners run, and keeps the figures for a change that cannot move them', () => {
    const store = createStore(state({ from: day(3, 1), to: day(3, 31) }));
    const derived = createDerivedView(store, counted);
    const seen: [number, boolean, string][] = [];
    derived.on('change', (view, previous, source) => seen.push([view.totals?.incidents ?? -1, view.datasets === previous.datasets, source]));
    store.set({ from: day(3, 20) }, 'ui');
    store.set({ playing: true }, 'play');
    store.set({ selection: 'ucdp:c' }, 'ui');
    expect(seen).toEqual([
      [1, false, 'ui'],
      [1, true, 'play'],
      [1, true, 'ui'],
    ]);
    expect(derived.get().state.selection).toBe('ucdp:c');
  });

  it('setSources derives again and says the data changed', () => {
    const store = createStore(state({ from: day(3, 1), to: day(3, 31) }));
    const derived = createDerivedView(store);
    const sources: string[] = [];
    derived.on('change', (_v, _p, source) => sources.push(source));
    expect(derived.get().totals).toEqual({ incidents: 0, deaths: 0 });
    derived.setSources(counted);
    expect(derived.get().totals).toEqual({ incidents: 2, deaths: 1228 });
    expect(sources).toEqual(['data']);
    derived.destroy();
    store.set({ from: day(3, 20) }, 'ui');
    expect(derived.get().totals?.incidents).toBe(2);
  });
});

describe('several counted datasets (issue 14)', () => {
  const acled = createTimeIndex([
    makeIncident({ id: 'x', dataset: 'acled', dateStart: day(3, 21), dateEnd: day(3, 21), deathsBest: 137 }),
    makeIncident({ id: 'y', dataset: 'acled', dateStart: day(3, 22), dateEnd: day(3, 22), deathsBest: 4 }),
  ]);
  const two: DerivedSource[] = [
    { id: 'ucdp', role: 'counted', index, name: 'UCDP GED' },
    { id: 'acled', role: 'counted', index: acled, name: 'ACLED' },
  ];
  const text = { messages: en, formatters: createFormatters() };

  it('the status line and the summary give one figure per dataset and no sum', () => {
    const view = deriveView(state({ from: day(3, 1), to: day(3, 31) }), two);
    expect(view.totals).toBeNull();
    expect(viewStatusText(text, view)).toBe('1–31 Mar 2021 · UCDP GED: 2 incidents · 1,228 deaths | ACLED: 2 · 141');
    expect(summaryText(view, text)).toBe('1–31 Mar 2021: UCDP GED: 2 incidents · 1,228 deaths | ACLED: 2 · 141, in Niger, Mali and Burkina Faso; each dataset counted on its own.');
    expect(wireVisible(view)).toEqual({
      incidents: null,
      deaths: null,
      datasets: [
        { id: 'ucdp', name: 'UCDP GED', incidents: 2, deaths: 1228 },
        { id: 'acled', name: 'ACLED', incidents: 2, deaths: 141 },
      ],
      area: null,
    });
  });

  it('with one of them hidden, today’s single line comes back', () => {
    const view = deriveView(state({ from: day(3, 1), to: day(3, 31), hiddenDatasets: ['acled'] }), two);
    expect(viewStatusText(text, view)).toBe('1–31 Mar 2021 · 2 incidents · 1,228 deaths');
    expect(wireVisible(view)).toMatchObject({ incidents: 2, deaths: 1228 });
  });
});
