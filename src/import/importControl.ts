import type { IControl, Map as MaplibreMap } from 'maplibre-gl';
import type { Messages } from '../i18n/messages';

/** The file types the picker offers; any file can still be dropped, and is checked by content. */
export const ACCEPTED_FILES = '.csv,.tsv,.txt,.geojson,.json,text/csv,application/geo+json,application/json';

/**
 * The "Add data…" button on the map: opens the system file picker (a real `<input type=file>`, so
 * keyboards, screen readers and phones get their native picker) and hands the chosen file on.
 */
export class ImportControl implements IControl {
  private container: HTMLElement | null = null;

  constructor(
    private readonly messages: Messages,
    private readonly onFile: (file: File) => void,
  ) {}

  onAdd(_map: MaplibreMap): HTMLElement {
    const box = document.createElement('div');
    box.className = 'maplibregl-ctrl import-control';
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = ACCEPTED_FILES;
    input.hidden = true;
    input.dataset.testid = 'import-file';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      // Cleared so that picking the same file again (after fixing it) fires `change` again.
      input.value = '';
      if (file) this.onFile(file);
    });
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'import-open';
    button.dataset.testid = 'import-open';
    // Two labels, one shown at a time by the stylesheet (the short one on phones, a part of the full
    // one); the name is the full label at any width.
    button.setAttribute('aria-label', this.messages.importButton);
    const long = document.createElement('span');
    long.className = 'import-open__long';
    long.textContent = this.messages.importButton;
    const short = document.createElement('span');
    short.className = 'import-open__short';
    short.textContent = this.messages.importButtonShort;
    button.append(long, short);
    button.title = this.messages.importButtonTitle;
    button.addEventListener('click', () => input.click());
    box.append(button, input);
    this.container = box;
    return box;
  }

  onRemove(): void {
    this.container?.remove();
    this.container = null;
  }
}
