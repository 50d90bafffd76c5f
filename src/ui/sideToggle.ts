import type { Messages } from '../i18n/messages';

/**
 * The phone's fold of the side column over the map: one "Tools" button first in the column, which
 * shows or hides everything after it (search, shading, filters, list, downloads). On a phone these
 * rows would cover half the map; the stylesheet shows the button and folds the column only at
 * ≤ 600 px (src/app.css), so a wider screen sees the column as before and the button not at all.
 */
export function mountSideToggle(side: HTMLElement, messages: Messages): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'map-side__toggle';
  button.dataset.testid = 'side-toggle';
  button.textContent = messages.sideTools;
  button.setAttribute('aria-expanded', 'false');
  if (!side.id) side.id = 'map-side';
  button.setAttribute('aria-controls', side.id);
  button.addEventListener('click', () => {
    const open = !side.classList.contains('map-side--open');
    side.classList.toggle('map-side--open', open);
    button.setAttribute('aria-expanded', String(open));
  });
  side.classList.add('map-side--foldable');
  side.prepend(button);
  return button;
}
