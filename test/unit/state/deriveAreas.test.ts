import { describe, expect, it } from 'vitest';
import { createAreaIndex, type AreaMeta } from '../../../src/data/areaIndex';
import { createTimeIndex } from '../../../src/data/timeIndex';
import { createDerivedView, createStore, DEFAULT_STATE, deriveView, previousWindow, yearEarlierWindow, type AppState, type DerivedSource } from '../../../src/state';
import { makeIncident } from '../data/makeIncident';
import { visibleTotals } from '../../../src/embed/outgoing';
import { summaryText } from '../../../src/embed/summaryText';
import { createFormatters } from '../../../src/i18n/format';
import { FR_NUMBER, FR_TIME, fr } from '../../../src/i18n/fr';
import { en } from '../../../src/i18n/messages';
import { viewStatusText } from '../../../src/timeline/labels';

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const meta = (id: string, kind: 'region' | 'focus' = 'region'): AreaMeta => ({ id, kind, name: `${id} name`, nameFr: `${id} nom` });

function source(id: string, days: Date[], deaths: number[], region: number[]): DerivedSource {
  const index = createTimeIndex(days.map((d, i) => makeIncident({ id: String(i), dataset: id, dateStart: d, dateEnd: d, deathsBest: deaths[i] })));
  const areas = createAreaIndex(index, { regions: [meta('NE-5'), meta('NE-6')], focusAreas: [meta('border', 'focus')], region: Int16Array.from(region), focus: Uint8Array.from(region.map((r) => (r === 1 ? 1 : 0))) });
  return { id, role: 'counted', index, areas, name: id.toUpperCase() };
}

// Incidents on 2020-03-10 (NE-5, 4 deaths), 2021-02-20 (NE-5, 3), 2021-03-10 (NE-5, 170), 2021-03-12 (NE-6, 9).
const ucdp = source('ucdp', [utc(2020, 3, 10), utc(2021, 2, 20), utc(2021, 3, 10), utc(2021, 3, 12)], [4, 3, 170, 9], [0, 0, 0, 1]);
const acled = source('acled', [utc(2021, 3, 11)], [2], [0]);
const state = (patch: Partial<AppState>): AppState => ({ ...DEFAULT_STATE, from: utc(2021, 3, 1), to: utc(2021, 3, 31), ...patch });

describe('previousWindow / yearEarlierWindow', () => {
  it('give the period of the same length just before, and the same days a year earlier', () => {
    expect(previousWindow({ from: utc(2021, 3, 1), to: utc(2021, 3, 31) })).toEqual({ from: utc(2021, 1, 29), to: utc(2021, 2, 28) });
    expect(yearEarlierWindow({ from: utc(2021, 3, 1), to: utc(2021, 3, 31) })).toEqual({ from: utc(2020, 3, 1), to: utc(2020, 3, 31) });
  });
});

describe('deriveView: area', () => {
  it('is null without a selected area, and names the area with each counted dataset’s own figures', () => {
    expect(deriveView(state({}), [ucdp]).area).toBeNull();
    const view = deriveView(state({ area: 'NE-5' }), [ucdp, acled]);
    expect(view.area).toMatchObject({ id: 'NE-5', kind: 'region', name: 'NE-5 name', nameFr: 'NE-5 nom' });
    expect(view.area!.datasets.map((d) => [d.id, d.name, d.current.incidents, d.current.deaths, d.previous.deaths, d.yearEarlier.deaths])).toEqual([
      ['ucdp', 'UCDP', 1, 170, 3, 4],
      ['acled', 'ACLED', 1, 2, 0, 0],
    ]);
  });

  it('reports the window’s incidents outside every region beside any area, per dataset', () => {
    // 2021-03-05 (-1: outside, 11 deaths) is in the window; 2021-05-01 (-1, 6 deaths) is not.
    const withOutside = source('ucdp', [utc(2021, 3, 5), utc(2021, 3, 10), utc(2021, 5, 1)], [11, 170, 6], [-1, 0, -1]);
    const view = deriveView(state({ area: 'NE-6' }), [withOutside, acled]);
    expect(view.area!.datasets.map((d) => [d.id, d.outside.incidents, d.outside.deaths])).toEqual([
      ['ucdp', 1, 11],
      ['acled', 0, 0],
    ]);
  });

  it('leaves out hidden datasets and is null for an area no dataset knows', () => {
    expect(deriveView(state({ area: 'NE-5', hiddenDatasets: ['acled'] }), [ucdp, acled]).area!.datasets.map((d) => d.id)).toEqual(['ucdp']);
    expect(deriveView(state({ area: 'ML-6' }), [ucdp]).area).toBeNull();
  });
});

describe('deriveView: choropleth', () => {
  it('is null when off, and shades the first counted shown dataset’s regions with a domain over every window of the same length', () => {
    expect(deriveView(state({}), [ucdp]).choropleth).toBeNull();
    const c = deriveView(state({ choropleth: 'deaths', from: utc(2021, 3, 12), to: utc(2021, 3, 12) }), [ucdp, acled]).choropleth!;
    expect(c.datasetId).toBe('ucdp');
    expect(c.regionIds).toEqual(['NE-5', 'NE-6']);
    expect([...c.values]).toEqual([0, 9]);
    expect(c.domain).toEqual([0, 170]);
    // NE-5's 2021-02-20 and 2021-03-10 fit in one 20-day window, not in a 3-day one.
    const wide = deriveView(state({ choropleth: 'incidents', from: utc(2021, 3, 1), to: utc(2021, 3, 20) }), [ucdp]).choropleth!;
    expect([...wide.values]).toEqual([1, 1]);
    expect(wide.domain).toEqual([0, 2]);
    const narrow = deriveView(state({ choropleth: 'incidents', from: utc(2021, 3, 1), to: utc(2021, 3, 3) }), [ucdp]).choropleth!;
    expect([...narrow.values]).toEqual([0, 0]);
    expect(narrow.domain).toEqual([0, 1]);
  });

  it('in cumulative mode takes the domain from the whole data', () => {
    const c = deriveView(state({ choropleth: 'deaths', mode: 'cumulative', to: utc(2020, 12, 31) }), [ucdp]).choropleth!;
    expect([...c.values]).toEqual([4, 0]);
    expect(c.domain).toEqual([0, 177]);
  });
});

describe('createDerivedView: area and choropleth', () => {
  it('re-derives only the area when the area changes, and the figures when the window steps', () => {
    const store = createStore(state({}));
    const derived = createDerivedView(store, [ucdp]);
    const before = derived.get();
    store.set({ area: 'ne-5' }, 'ui');
    expect(derived.get().datasets).toBe(before.datasets);
    expect(derived.get().area?.datasets[0].current.deaths).toBe(170);
    const area = derived.get().area;
    store.set({ choropleth: 'deaths' }, 'ui');
    expect(derived.get().area).toBe(area);
    expect([...derived.get().choropleth!.values]).toEqual([170, 9]);
    store.set({ from: utc(2021, 2, 1), to: utc(2021, 2, 28) }, 'ui');
    expect(derived.get().area?.datasets[0].current.deaths).toBe(3);
    expect([...derived.get().choropleth!.values]).toEqual([3, 0]);
    const stepped = derived.get().area;
    store.set({ selection: 'ucdp:1' }, 'ui');
    expect(derived.get().area).toBe(stepped);
  });
});

describe('the status line and the summaries with an area', () => {
  const en$ = { messages: en, formatters: createFormatters() };
  const fr$ = { messages: fr, formatters: createFormatters(FR_NUMBER, FR_TIME) };

  it('lead with the area’s name and give its figures, in English and French', () => {
    const view = deriveView(state({ area: 'NE-5' }), [ucdp]);
    expect(viewStatusText(en$, view)).toBe('NE-5 name region · 1–31 Mar 2021 · 1 incident · 170 deaths');
    expect(viewStatusText(fr$, view)).toBe('NE-5 nom (région) · 1–31 mars 2021 · 1 incident · 170 morts');
    expect(summaryText(view, en$)).toBe('NE-5 name region, 1–31 Mar 2021: 1 incident and 170 deaths (UCDP).');
    expect(summaryText(view, fr$)).toBe('NE-5 nom (région), 1–31 mars 2021\u202f: 1 incident et 170 morts (UCDP).');
    const focus = deriveView(state({ area: 'border' }), [ucdp]);
    expect(viewStatusText(en$, focus)).toBe('border name · 1–31 Mar 2021 · 1 incident · 9 deaths');
  });

  it('give one figure per dataset, never a sum, when two are shown; the embed’s state carries them apart', () => {
    const view = deriveView(state({ area: 'NE-5' }), [ucdp, acled]);
    expect(viewStatusText(en$, view)).toBe('NE-5 name region · 1–31 Mar 2021 · UCDP: 1 incident · 170 deaths | ACLED: 1 · 2');
    expect(summaryText(view, en$)).toBe('NE-5 name region, 1–31 Mar 2021: UCDP: 1 incident · 170 deaths | ACLED: 1 · 2; each dataset counted on its own.');
    const wire = visibleTotals(view).area!;
    expect(wire).toMatchObject({ id: 'NE-5', kind: 'region', name: 'NE-5 name', nameFr: 'NE-5 nom' });
    expect(wire.datasets.map((d) => [d.id, d.current.incidents, d.current.deaths, d.previous.deaths, d.yearEarlier.deaths])).toEqual([
      ['ucdp', 1, 170, 3, 4],
      ['acled', 1, 2, 0, 0],
    ]);
    expect(visibleTotals(deriveView(state({}), [ucdp])).area).toBeNull();
  });
});
