import { rowsOf } from '../../../src/data/incidentTable';
import type { TimeIndex } from '../../../src/data/timeIndex';
// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { createMarkerScale } from '../../../src/map/markerScale';
import { createMarkerStyle } from '../../../src/map/markerStyle';
import { LIGHT } from '../../../src/map/theme';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { DatasetLayers } from '../../../src/app/datasetLayers';
import { createFormatters } from '../../../src/i18n/format';
import { en } from '../../../src/i18n/messages';
import { mountImport } from '../../../src/import/mountImport';
import { inThreadWorker } from './inThreadWorker';
import type { WorkerLike } from '../../../src/import/runImport';
import type { Dataset, Incident } from '../../../src/types';

const fixture = (name: string) => new File([readFileSync(resolve(import.meta.dirname, '../../fixtures', name))], name, { lastModified: Date.UTC(2024, 4, 2) });

/** The parts of the app the importer touches: a map that takes controls, and the dataset registry. */
function fakeApp() {
  const added: { dataset: Dataset; incidents: readonly Incident[] }[] = [];
  const listeners = new Set<() => void>();
  const container = document.createElement('div');
  const map = {
    getContainer: () => container,
    addControl: vi.fn((control: { onAdd(m: unknown): HTMLElement }) => container.append(control.onAdd(map))),
    removeControl: vi.fn(),
  };
  const datasets = {
    add(dataset: Dataset, data: readonly Incident[] | TimeIndex) {
      const incidents = Array.isArray(data) ? data : rowsOf((data as TimeIndex).incidents);
      added.push({ dataset, incidents });
      for (const l of listeners) l();
    },
    entries: () => added.map((a) => ({ dataset: a.dataset })),
    onChange: (l: () => void) => (listeners.add(l), () => listeners.delete(l)),
    style: createMarkerStyle(LIGHT, createMarkerScale(100)),
  } as unknown as DatasetLayers;
  return { app: { map: map as never, datasets }, added, container };
}

function mount(search = '', createWorker: () => WorkerLike = inThreadWorker) {
  const fake = fakeApp();
  const host = document.createElement('div');
  const saved: { name: string; text: string }[] = [];
  const ui = mountImport({
    app: fake.app,
    messages: en,
    formatters: createFormatters(),
    dropTarget: host,
    panelHost: host,
    search,
    pageUrl: 'https://map.example.org/index.html',
    createWorker,
    save: (name, text) => saved.push({ name, text }),
  });
  return { ...fake, host, ui, saved };
}
const q = (root: ParentNode, testid: string) => root.querySelector(`[data-testid="${testid}"]`) as HTMLElement;

describe('mountImport', () => {
  it('adds an ACLED file only once the reader confirms the attribution, which then shows on the map and in the report download', async () => {
    const { ui, added, host, container, saved } = mount();
    await ui.importFile(fixture('acled-2023-layout.csv'));
    expect(added).toEqual([]);
    expect((q(host, 'acled-accessed') as HTMLInputElement).value).toBe('2024-05-02');
    (q(host, 'acled-filters') as HTMLInputElement).value = 'Niger; Mali';
    (q(host, 'acled-form') as HTMLFormElement).requestSubmit();
    await vi.waitFor(() => expect(added).toHaveLength(1));
    expect(added[0].dataset).toMatchObject({ id: 'user-1', name: 'acled-2023-layout.csv', role: 'counted', attribution: 'Data: ACLED, accessed 2024-05-02; filters: Niger; Mali' });
    expect(added[0].incidents).toHaveLength(12);
    expect(q(container, 'dataset-attribution').textContent).toBe('Data: ACLED, accessed 2024-05-02; filters: Niger; Mali');
    expect(q(host, 'import-status').textContent).toBe('Added 12 incidents as the layer “acled-2023-layout.csv”, counted in the totals and the histogram.');
    q(host, 'import-download').click();
    expect(saved[0].name).toBe('acled-2023-layout-report.csv');
    expect(saved[0].text).toContain('info,,attribution,"Data: ACLED, accessed 2024-05-02; filters: Niger; Mali",');
  });

  it('adds a UCDP file at once, and leaves the map alone for a file with no accepted row', async () => {
    const { ui, added, host } = mount();
    await ui.importFile(fixture('ucdp-global-layout.csv'));
    expect(added.map((a) => [a.dataset.id, a.dataset.role, a.incidents.length])).toEqual([['user-1', 'counted', 3]]);
    await ui.importFile(new File(['id,date_start,latitude,longitude,type_of_violence,country,best\n1,,,,,,\n'], 'bad.csv'));
    expect(added).toHaveLength(1);
    expect(q(host, 'import-status').textContent).toBe('No row could be read, so nothing was added. The map is unchanged.');
    expect(q(host, 'import-rejected').textContent).toBe('1');
  });

  it('adds the layer only after a frame was drawn with the report (UCDP, and ACLED once confirmed)', async () => {
    // Each frame callback counts as a frame drawn; the report and the layer each record how many they came after.
    let frames = 0;
    const raf = window.requestAnimationFrame.bind(window);
    const spy = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => raf((t) => (frames++, cb(t))));
    try {
      for (const [file, confirm] of [['ucdp-global-layout.csv', false], ['acled-2023-layout.csv', true]] as const) {
        const { ui, host, app } = mount();
        let reportAfter = -1;
        let layerAfter = -1;
        const add = app.datasets.add.bind(app.datasets);
        app.datasets.add = (...args) => ((layerAfter = frames), add(...args));
        const watch = new MutationObserver(() => {
          if (reportAfter < 0 && /^Added/.test(q(host, 'import-status')?.textContent ?? '')) reportAfter = frames;
        });
        watch.observe(host, { subtree: true, childList: true, characterData: true });
        await ui.importFile(fixture(file));
        if (confirm) (q(host, 'acled-form') as HTMLFormElement).requestSubmit();
        await vi.waitFor(() => expect(layerAfter).toBeGreaterThanOrEqual(0));
        watch.disconnect();
        expect(reportAfter, file).toBeGreaterThanOrEqual(0);
        expect(layerAfter, file).toBeGreaterThan(reportAfter);
      }
    } finally {
      spy.mockRestore();
    }
  });

  it('shows a UCDP file\'s report in one task and adds its layer in a later one, and adds nothing once destroyed in between', async () => {
    const { ui, added, host } = mount();
    const status = () => q(host, 'import-status')?.textContent ?? '';
    const seen: number[] = [];
    const poll = setInterval(() => seen.push(status() === '' ? -1 : added.length), 0);
    await ui.importFile(fixture('ucdp-global-layout.csv'));
    clearInterval(poll);
    // Some task saw the report with the layer not yet added.
    expect(seen).toContain(0);
    expect(added).toHaveLength(1);
    expect(status()).toMatch(/^Added 3 incidents/);
    // Destroyed as the report shows (an observer's callback runs before the next task): no layer.
    const second = mount();
    const watch = new MutationObserver(() => {
      if (/^Added/.test(q(second.host, 'import-status')?.textContent ?? '')) second.ui.destroy();
    });
    watch.observe(second.host, { subtree: true, childList: true, characterData: true });
    await second.ui.importFile(fixture('ucdp-global-layout.csv'));
    watch.disconnect();
    expect(second.added).toEqual([]);
  });

  it('a dropped file is imported like a picked one', async () => {
    const { added, host } = mount();
    const drop = new Event('drop', { bubbles: true, cancelable: true }) as DragEvent;
    Object.defineProperty(drop, 'dataTransfer', { value: { types: ['Files'], files: [fixture('stories-broken.csv')] } });
    host.dispatchEvent(drop);
    await vi.waitFor(() => expect(added).toHaveLength(1));
    expect(added[0].dataset.role).toBe('annotation');
  });

  it('?data= from another origin is refused with a message, and nothing is read', () => {
    const createWorker = vi.fn(inThreadWorker);
    const { host } = mount('?data=https%3A%2F%2Fevil.example.com%2Fx.csv', createWorker);
    expect(q(host, 'import-status').textContent).toMatch(/^Not loading https:\/\/evil\.example\.com\/x\.csv/);
    expect(createWorker).not.toHaveBeenCalled();
  });
});
