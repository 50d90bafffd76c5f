import type { IControl, Map as MaplibreMap } from 'maplibre-gl';

/**
 * The attribution lines of the datasets a reader added, on the map beside maplibre's own.
 * maplibre's AttributionControl inserts its strings as HTML, and these lines hold text the reader
 * typed or a file named (the ACLED access date and filters, a file name), so they are shown here
 * instead, through textContent only: a file called `<img onerror=…>.csv` stays text.
 */
export class DatasetAttributionControl implements IControl {
  private container: HTMLElement | null = null;
  private lines: readonly string[] = [];

  constructor(private readonly label: string) {}

  onAdd(_map: MaplibreMap): HTMLElement {
    const box = document.createElement('div');
    box.className = 'maplibregl-ctrl dataset-attribution';
    box.dataset.testid = 'dataset-attribution';
    box.setAttribute('aria-label', this.label);
    box.setAttribute('role', 'group');
    this.container = box;
    this.render();
    return box;
  }

  onRemove(): void {
    this.container?.remove();
    this.container = null;
  }

  /** Shows these lines (one per added dataset); none hides the control. */
  setLines(lines: readonly string[]): void {
    this.lines = lines;
    this.render();
  }

  private render(): void {
    if (!this.container) return;
    this.container.hidden = this.lines.length === 0;
    this.container.replaceChildren(
      ...this.lines.map((line) => {
        const p = document.createElement('p');
        p.textContent = line;
        return p;
      }),
    );
  }
}
