import type { AppState, Store } from '../state';
import type { TimeIndex } from '../data/timeIndex';

/**
 * The empty state: a quiet note over the map when the window and filters leave nothing to draw,
 * so an empty map reads as "nothing happened here" and not as "the map is broken".
 */
export function mountEmptyNotice(container: HTMLElement, store: Store, index: () => TimeIndex, text: string): () => void {
  const note = document.createElement('p');
  note.className = 'empty-notice';
  note.dataset.testid = 'empty-notice';
  note.textContent = text;
  note.hidden = true;
  container.append(note);
  const update = (state: AppState) => {
    const idx = index();
    const from = state.mode === 'cumulative' && idx.extent ? idx.extent[0] : state.from;
    note.hidden = idx.totals(from, state.to, { types: state.types, countries: state.countries }).incidents > 0;
  };
  update(store.get());
  const off = store.on('change', update);
  return () => {
    off();
    note.remove();
  };
}
