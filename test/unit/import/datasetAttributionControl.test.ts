// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { DatasetAttributionControl } from '../../../src/import/datasetAttributionControl';
import { bindDropZone } from '../../../src/import/dropZone';

describe('DatasetAttributionControl', () => {
  it('shows one line per added dataset as text, and hides when there is none', () => {
    const control = new DatasetAttributionControl('Attribution of added data');
    const box = control.onAdd(null as never);
    expect(box.hidden).toBe(true);
    control.setLines(['Data: ACLED, accessed 2024-05-02; filters: <img src=x onerror=alert(1)>', 'Data: x.csv, added by you']);
    expect(box.hidden).toBe(false);
    expect([...box.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['Data: ACLED, accessed 2024-05-02; filters: <img src=x onerror=alert(1)>', 'Data: x.csv, added by you']);
    expect(box.querySelector('img')).toBeNull();
  });
});

describe('bindDropZone', () => {
  const drag = (type: string, types: string[]) => {
    const event = new Event(type, { bubbles: true, cancelable: true }) as DragEvent;
    Object.defineProperty(event, 'dataTransfer', { value: { types, files: [], dropEffect: 'none' } });
    return event;
  };

  it('shows its overlay while files are dragged over, not for dragged text', () => {
    const target = document.createElement('div');
    bindDropZone(target, 'Drop a file', () => {});
    const overlay = target.querySelector('[data-testid="import-drop-overlay"]') as HTMLElement;
    target.dispatchEvent(drag('dragenter', ['text/plain']));
    expect(overlay.hidden).toBe(true);
    target.dispatchEvent(drag('dragenter', ['Files']));
    target.dispatchEvent(drag('dragenter', ['Files']));
    target.dispatchEvent(drag('dragleave', ['Files']));
    expect(overlay.hidden).toBe(false);
    target.dispatchEvent(drag('dragleave', ['Files']));
    expect(overlay.hidden).toBe(true);
    expect(overlay.textContent).toBe('Drop a file');
  });
});
