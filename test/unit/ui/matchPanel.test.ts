import { rowsOf } from '../../../src/data/incidentTable';
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { datasetMatch } from '../../../src/data/datasetMatch';
import { matchIncidents } from '../../../src/data/matchIncidents';
import { createTimeIndex } from '../../../src/data/timeIndex';
import { createFormatters } from '../../../src/i18n/format';
import { FR_NUMBER, FR_TIME, fr } from '../../../src/i18n/fr';
import { en } from '../../../src/i18n/messages';
import { createDerivedView, createStore, DEFAULT_STATE } from '../../../src/state';
import { mountMatchPanel, type MatchPanelStatus } from '../../../src/ui/matchPanel';
import { makeIncident } from '../data/makeIncident';

const day = (d: number) => new Date(Date.UTC(2021, 2, d));
const A = createTimeIndex([
  makeIncident({ id: 'a1', dataset: 'ucdp', dateStart: day(2), dateEnd: day(2), lon: 1, lat: 14, deathsBest: 1200 }),
  makeIncident({ id: 'a2', dataset: 'ucdp', dateStart: day(5), dateEnd: day(5), lon: 3, lat: 15, deathsBest: 4 }),
]);
const B = createTimeIndex([makeIncident({ id: 'b1', dataset: 'user-1', dateStart: day(5), dateEnd: day(5), lon: 3.01, lat: 15, deathsBest: 5 })]);
const match = datasetMatch({ id: 'ucdp', incidents: A.incidents }, { id: 'user-1', incidents: B.incidents }, matchIncidents(rowsOf(A.incidents), rowsOf(B.incidents)));
const names: Record<string, string> = { ucdp: 'UCDP GED', 'user-1': 'ACLED export' };

function mount(lang: 'en' | 'fr' = 'en') {
  const store = createStore({ ...DEFAULT_STATE, from: day(1), to: day(31) });
  const derived = createDerivedView(store, [
    { id: 'ucdp', role: 'counted', index: A, name: 'UCDP GED' },
    { id: 'user-1', role: 'counted', index: B, name: 'ACLED export' },
  ]);
  let status: MatchPanelStatus = { kind: 'idle' };
  const listeners = new Set<() => void>();
  const container = document.createElement('div');
  document.body.append(container);
  mountMatchPanel(container, store, derived, {
    messages: lang === 'en' ? en : fr,
    formatters: lang === 'en' ? createFormatters() : createFormatters(FR_NUMBER, FR_TIME),
    status: () => status,
    onStatus: (l) => (listeners.add(l), () => listeners.delete(l)),
    datasetName: (id) => names[id] ?? id,
  });
  const set = (s: MatchPanelStatus) => {
    status = s;
    for (const l of listeners) l();
  };
  const text = (testid: string) => container.querySelector(`[data-testid="${testid}"]`)?.textContent ?? null;
  return { store, container, set, text };
}

describe('mountMatchPanel', () => {
  it('stays hidden with nothing to match, says it is matching while the worker runs, then shows the figures', () => {
    const { container, set, text } = mount();
    expect(container.hidden).toBe(true);
    set({ kind: 'running' });
    expect(container.hidden).toBe(false);
    expect(text('match-status')).toBe('Matching the two datasets…');
    expect(container.querySelector('[data-testid="match-panel"]')!.getAttribute('aria-busy')).toBe('true');
    set({ kind: 'done', match });
    expect(text('match-status')).toBe('');
    expect([text('match-pairs'), text('match-only-a'), text('match-only-b'), text('match-deaths-a'), text('match-deaths-b')]).toEqual(['1', '1', '0', '4', '5']);
    expect(container.textContent).toContain('Only in UCDP GED');
    expect(container.textContent).toContain('Deaths in the pairs, ACLED export');
  });

  it('follows the window, says so when a dataset is hidden, and writes the toggle into the state', () => {
    const { store, container, set, text } = mount();
    set({ kind: 'done', match });
    store.set({ from: day(1), to: day(3) }, 'ui');
    expect([text('match-pairs'), text('match-only-a')]).toEqual(['0', '1']);
    store.set({ hiddenDatasets: ['user-1'] }, 'ui');
    expect(text('match-status')).toBe('Show both datasets to see their matches.');
    expect(text('match-pairs')).toBeNull();
    const toggle = container.querySelector<HTMLInputElement>('[data-testid="match-toggle"]')!;
    toggle.checked = true;
    toggle.dispatchEvent(new Event('change'));
    expect(store.get().matching).toBe(true);
    store.set({ matching: false }, 'url');
    expect(toggle.checked).toBe(false);
  });

  it('on a window step rewrites only the figures that changed, in the same nodes', () => {
    const { store, container, set, text } = mount();
    set({ kind: 'done', match });
    const nodes = () => [...container.querySelectorAll('[data-testid="match-summary"] > *')];
    const before = nodes();
    const deathsA = container.querySelector('[data-testid="match-deaths-a"]')!;
    const deathsText = deathsA.firstChild;
    store.set({ from: day(1), to: day(3) }, 'ui');
    expect(before.every((node, i) => node === nodes()[i])).toBe(true);
    expect([text('match-pairs'), text('match-only-a'), text('match-deaths-a')]).toEqual(['0', '1', '0']);
    // Day 4 holds no event: the figures stay, and so do their text nodes.
    const kept = deathsA.firstChild;
    store.set({ from: day(1), to: day(4) }, 'ui');
    expect(deathsA.firstChild).toBe(kept);
    expect(deathsText).not.toBe(kept);
    store.set({ from: day(1), to: day(31) }, 'ui');
    expect(text('match-deaths-a')).toBe('4');
    expect(nodes().every((node, i) => node === before[i])).toBe(true);
  });

  it('writes French, and the failure reason', () => {
    const { container, set, text } = mount('fr');
    set({ kind: 'done', match });
    {
      expect(container.textContent).toContain('Paires appariées');
      expect(container.textContent).toContain('Seulement dans UCDP GED');
    }
    set({ kind: 'failed', reason: 'worker error' });
    expect(text('match-status')).toBe('L’appariement a échoué\u202f: worker error');
  });
});
