import type { Messages } from '../i18n/messages';
import type { EmbedOptions } from './embedOptions';

/** The slots of embed.html the chrome fills. */
export interface EmbedSlots {
  header: HTMLElement;
  footer: HTMLElement;
  /** One line under the map: the window and its totals (static embeds and the no-WebGL2 fallback). */
  summary: HTMLElement;
}

export interface EmbedChrome {
  setFullMapHref(href: string): void;
  setSummary(text: string): void;
}

/**
 * The embed's compact chrome: an optional title and subtitle above the map, and a footer with the
 * source line and a link to the full map at the same view. `plain=1` hides both. Every text comes
 * from URL parameters or the catalogue and goes in through `textContent`, never as markup.
 */
export function mountEmbedChrome(slots: EmbedSlots, options: EmbedOptions, messages: Messages): EmbedChrome {
  const header: HTMLElement[] = [];
  if (options.title) {
    const h1 = document.createElement('h1');
    h1.className = 'embed-title';
    h1.textContent = options.title;
    header.push(h1);
  }
  if (options.subtitle) {
    const p = document.createElement('p');
    p.className = 'embed-subtitle';
    p.textContent = options.subtitle;
    header.push(p);
  }
  // Without a title the page still has its one heading, for screen readers only: the map's name.
  if (!options.title || options.plain) {
    const h1 = document.createElement('h1');
    h1.className = 'visually-hidden';
    h1.textContent = messages.appTitle;
    slots.summary.before(h1);
  }
  slots.header.replaceChildren(...(options.plain ? [] : header));
  slots.header.hidden = options.plain || header.length === 0;

  const source = document.createElement('p');
  source.className = 'embed-source';
  source.textContent = options.source ?? messages.embedSource;
  const link = document.createElement('a');
  link.className = 'embed-fullmap';
  link.dataset.testid = 'open-full-map';
  link.target = '_blank';
  link.rel = 'noopener';
  link.textContent = messages.embedOpenFullMap;
  slots.footer.replaceChildren(source, link);
  slots.footer.hidden = options.plain;

  slots.summary.setAttribute('role', 'status');
  slots.summary.hidden = true;
  return {
    setFullMapHref(href) {
      link.href = href;
    },
    setSummary(text) {
      slots.summary.textContent = text;
      slots.summary.hidden = text === '';
    },
  };
}
