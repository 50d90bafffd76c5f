/** Can this browser draw the map? maplibre-gl v6 needs WebGL2; without it the map would be a blank box. */
export function supportsWebGL2(doc: Document): boolean {
  try {
    return doc.createElement('canvas').getContext('webgl2') !== null;
  } catch {
    return false;
  }
}

export interface StillFallbackOptions {
  /** Same-origin URL of a still image of the map (rendered by `npm run snapshot`). */
  imageUrl: string;
  alt: string;
  /** Why the reader sees a still image. */
  note: string;
}

export interface StillFallback {
  setSummary(text: string): void;
}

/**
 * What the embed shows instead of the map where WebGL2 is missing: a still image of the map, a
 * line saying why, and the text summary of the requested window (filled in once the data is read).
 * The image is decorative only in part, so it keeps its alt text.
 */
export function mountStillFallback(container: HTMLElement, options: StillFallbackOptions): StillFallback {
  const figure = document.createElement('figure');
  figure.className = 'embed-still';
  figure.dataset.testid = 'still-fallback';
  const img = document.createElement('img');
  img.src = options.imageUrl;
  img.alt = options.alt;
  img.decoding = 'async';
  const caption = document.createElement('figcaption');
  const note = document.createElement('p');
  note.className = 'embed-still__note';
  note.textContent = options.note;
  const summary = document.createElement('p');
  summary.className = 'embed-still__summary';
  summary.setAttribute('role', 'status');
  caption.append(note, summary);
  figure.append(img, caption);
  container.replaceChildren(figure);
  return {
    setSummary(text) {
      summary.textContent = text;
    },
  };
}
