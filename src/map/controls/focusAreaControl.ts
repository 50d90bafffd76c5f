import type { IControl, Map as MaplibreMap } from 'maplibre-gl';
import type { FocusAreaId, Store } from '../../state';
import { FOCUS_AREA_IDS } from '../../state';
import type { Messages } from '../../i18n/messages';

const LABEL_KEYS: Record<FocusAreaId, keyof Messages> = {
  sahel: 'viewSahel',
  niamey: 'viewNiamey',
  tahoua: 'viewTahoua',
  border: 'viewBorder',
};

/** The area each button selects (its figures in the area panel); the whole Sahel clears the selection. */
const AREA_OF_VIEW: Record<FocusAreaId, string | null> = {
  sahel: null,
  niamey: 'niamey',
  tahoua: 'tahoua',
  border: 'border',
};

/**
 * Buttons that fly to the design card's focus areas and select the matching area. They only write
 * `view` and `area` to the store; the map view moves the camera, so the URL and the embed API get
 * the same behaviour.
 */
export class FocusAreaControl implements IControl {
  private container: HTMLElement | null = null;
  private off: (() => void) | null = null;
  constructor(
    private readonly store: Store,
    private readonly messages: Messages,
  ) {}

  onAdd(_map: MaplibreMap): HTMLElement {
    const nav = document.createElement('nav');
    nav.className = 'maplibregl-ctrl focus-areas';
    nav.setAttribute('aria-label', this.messages.flyTo);
    const buttons = FOCUS_AREA_IDS.map((id) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.testid = `view-${id}`;
      b.textContent = this.messages[LABEL_KEYS[id]];
      b.addEventListener('click', () => {
        // Asking again for the current view re-frames it (the reader may have panned away).
        if (this.store.get().view === id) this.store.set({ view: null }, 'ui');
        this.store.set({ view: id, area: AREA_OF_VIEW[id] }, 'ui');
      });
      nav.append(b);
      return b;
    });
    const sync = () => buttons.forEach((b, i) => b.setAttribute('aria-pressed', String(this.store.get().view === FOCUS_AREA_IDS[i])));
    sync();
    this.off = this.store.on('change', sync);
    this.container = nav;
    return nav;
  }

  onRemove(): void {
    this.off?.();
    this.container?.remove();
  }
}
