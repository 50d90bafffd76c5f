import type { Messages } from '../i18n/messages';

/** The page title bar (title and one-line description, both from the catalogue). */
export function mountHeader(container: HTMLElement, messages: Messages): void {
  const h1 = document.createElement('h1');
  h1.textContent = messages.appTitle;
  const p = document.createElement('p');
  p.className = 'subtitle';
  p.textContent = messages.appSubtitle;
  container.replaceChildren(h1, p);
}
