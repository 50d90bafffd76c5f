import type { DatasetMatch } from '../data/datasetMatch';
import type { Formatters } from '../i18n/format';
import { t, type Messages } from '../i18n/messages';
import { matchInView, type DerivedView, type DerivedViewHandle, type Store } from '../state';
import { setHidden, setText } from './domWrites';
import './matchPanel.css';

/** What the panel needs to know of the matching run (src/app/datasetMatching.ts gives it). */
export type MatchPanelStatus =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; match: DatasetMatch }
  | { kind: 'failed'; reason: string };

export interface MatchPanelOptions {
  messages: Messages;
  formatters: Formatters;
  status: () => MatchPanelStatus;
  onStatus: (listener: () => void) => () => void;
  /** A dataset's name by id, as the reader sees it. */
  datasetName: (id: string) => string;
}

/** Below this width the card starts folded, as the filters do. */
const WIDE_SCREEN = '(min-width: 700px)';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * "Matching": the match summary of what the map shows (matched pairs, events only in A, only in
 * B, and the deaths of each side of the pairs, each figure labelled with its dataset's name and
 * never added to the other's), a loading line while the worker runs, and the matching toggle
 * (AppState.matching) that draws lone events ringed on the map. Hidden until two counted datasets
 * are loaded. The figures come from the derived view through `matchInView` (src/state/).
 */
export function mountMatchPanel(container: HTMLElement, store: Store, derived: DerivedViewHandle, options: MatchPanelOptions): { destroy(): void } {
  const { messages, formatters } = options;
  const panel = el('details', 'filter-panel match-panel');
  panel.dataset.testid = 'match-panel';
  // Folded until a result arrives: opening it now would fire `toggle` and fold the filters (the side column is an accordion).
  panel.hidden = true;
  const summary = el('summary', undefined, messages.matchTitle);
  const names = el('p', 'match-datasets');
  const status = el('p', 'match-status');
  status.setAttribute('role', 'status');
  status.dataset.testid = 'match-status';
  const figures = el('dl', 'match-figures');
  figures.dataset.testid = 'match-summary';
  const note = el('p', 'match-note', messages.matchNote);
  const toggleRow = el('label', 'filter-option match-toggle');
  const toggle = el('input');
  toggle.type = 'checkbox';
  toggle.dataset.testid = 'match-toggle';
  toggle.addEventListener('change', () => store.set({ matching: toggle.checked }, 'ui'));
  toggleRow.append(toggle, el('span', undefined, messages.matchToggle));
  panel.append(summary, names, status, figures, toggleRow, note);
  container.append(panel);

  /** The figures' rows as last built (label and test id) and their value cells: a step that keeps the rows only rewrites the values that changed. */
  let rowsKey = '';
  let values: HTMLElement[] = [];
  const showFigures = (rows: readonly (readonly [label: string, value: number, testid: string])[]) => {
    const key = rows.map(([label, , testid]) => `${testid}\u0000${label}`).join('\u0001');
    if (key !== rowsKey) {
      rowsKey = key;
      values = rows.map(([, , testid]) => {
        const dd = el('dd');
        dd.dataset.testid = testid;
        return dd;
      });
      figures.replaceChildren(...rows.flatMap(([label], i) => [el('dt', undefined, label), values[i]]));
    }
    rows.forEach(([, value], i) => setText(values[i], formatters.integer(value)));
  };
  const render = (view: DerivedView) => {
    const s = options.status();
    const idle = s.kind === 'idle';
    setHidden(panel, idle);
    // Its host too: an empty host would still take a gap in the side column.
    setHidden(container, idle);
    toggle.checked = view.state.matching;
    const inView = s.kind === 'done' ? matchInView(view, s.match) : null;
    setHidden(figures, !inView);
    setHidden(note, !inView);
    if (!inView && rowsKey) {
      // No stale figures left behind the hidden list.
      rowsKey = '';
      values = [];
      figures.replaceChildren();
    }
    if (s.kind === 'running') panel.setAttribute('aria-busy', 'true');
    else panel.removeAttribute('aria-busy');
    if (s.kind !== 'done') {
      if (s.kind === 'idle') return;
      setText(status, s.kind === 'running' ? messages.matchRunning : t(messages.matchFailed, { reason: s.reason }));
      if (s.kind === 'running') setText(names, '');
      return;
    }
    const a = options.datasetName(s.match.a.id);
    const b = options.datasetName(s.match.b.id);
    setText(names, t(messages.matchDatasets, { a, b }));
    setText(status, inView ? '' : messages.matchNeedsBoth);
    if (!inView) return;
    showFigures([
      [messages.matchPairs, inView.matched, 'match-pairs'],
      [t(messages.matchOnly, { name: a }), inView.onlyA, 'match-only-a'],
      [t(messages.matchOnly, { name: b }), inView.onlyB, 'match-only-b'],
      [t(messages.matchDeaths, { name: a }), inView.deathsA, 'match-deaths-a'],
      [t(messages.matchDeaths, { name: b }), inView.deathsB, 'match-deaths-b'],
    ]);
  };
  render(derived.get());
  const offView = derived.on('change', (view, previous) => {
    if (view.datasets !== previous.datasets || view.state.matching !== previous.state.matching) render(view);
  });
  const offStatus = options.onStatus(() => {
    render(derived.get());
    // A new run opens the card where there is room for it (the side column's accordion folds the others).
    // (On the result, not the start: the filter panel is rebuilt for the new dataset in between, and opens.)
    if (options.status().kind === 'done' && window.matchMedia?.(WIDE_SCREEN).matches) panel.open = true;
  });
  return {
    destroy() {
      offView();
      offStatus();
      panel.remove();
    },
  };
}
