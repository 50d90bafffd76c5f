import type { Messages } from '../i18n/messages';
import type { Store } from '../state';

/**
 * The phone's fold of the side column over the map: one "Tools" button first in the column, which
 * shows or hides everything after it (search, shading, filters, list, downloads). On a phone these
 * rows would cover half the map; the stylesheet shows the button and folds the column only at
 * ≤ 600 px (src/app.css), so a wider screen sees the column as before and the button not at all.
 * Choosing an area or an incident from the column folds it again, as a phone's menu does: the
 * reader then wants the map and the card, not the list they chose from.
 */
export function mountSideToggle(side: HTMLElement, store: Store, messages: Messages): void {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'map-side__toggle';
  button.dataset.testid = 'side-toggle';
  button.textContent = messages.sideTools;
  button.setAttribute('aria-expanded', 'false');
  if (!side.id) side.id = 'map-side';
  button.setAttribute('aria-controls', side.id);
  const setOpen = (open: boolean) => {
    side.classList.toggle('map-side--open', open);
    button.setAttribute('aria-expanded', String(open));
  };
  button.addEventListener('click', () => setOpen(!side.classList.contains('map-side--open')));
  store.on('change', (state, previous) => {
    const chose = (state.area !== previous.area && state.area !== null) || (state.selection !== previous.selection && state.selection !== null);
    // Open only by the button, so only where it is drawn (a phone).
    if (!chose || !side.classList.contains('map-side--open')) return;
    const hadFocus = side.contains(document.activeElement) && document.activeElement !== button;
    setOpen(false);
    if (hadFocus) button.focus();
  });
  side.classList.add('map-side--foldable');
  side.prepend(button);
}
