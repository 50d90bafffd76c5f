import type { DerivedView, DerivedViewHandle } from '../state';

/**
 * The empty state: a quiet note over the map when the window and filters leave nothing to draw,
 * so an empty map reads as "nothing happened here" and not as "the map is broken".
 */
export function mountEmptyNotice(container: HTMLElement, derived: DerivedViewHandle, text: string): () => void {
  const note = document.createElement('p');
  note.className = 'empty-notice';
  note.dataset.testid = 'empty-notice';
  note.textContent = text;
  note.hidden = true;
  container.append(note);
  const update = (view: DerivedView) => {
    note.hidden = view.hasIncidents;
  };
  update(derived.get());
  const off = derived.on('change', update);
  return () => {
    off();
    note.remove();
  };
}
