// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mountDownloadMenu, type MatchTableExport } from '../../../src/ui/downloadMenu';
import { en } from '../../../src/i18n/messages';
import { fr } from '../../../src/i18n/fr';
import type { Dataset } from '../../../src/types';
import { makeIncident } from '../data/makeIncident';

const ucdp: Dataset = { id: 'ucdp', name: 'UCDP GED', role: 'counted', licence: 'CC BY 4.0', attribution: 'UCDP GED 24.1', url: null };
const incidents = [makeIncident({ id: 'U1', dataset: 'ucdp', place: 'Ouallam' }), makeIncident({ id: 'U2', dataset: 'ucdp' })];
const rows = () => ({ incidents, datasets: new Map([[ucdp.id, ucdp]]) });
const now = () => new Date('2026-12-01T22:30:00Z');

let container: HTMLElement;
let menu: { destroy(): void };
let blobs: Blob[];
let clicked: { download: string; href: string }[];

const key = (target: Element, k: string) => target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
const q = (testid: string) => container.querySelector<HTMLButtonElement>(`[data-testid="${testid}"]`)!;
const list = () => container.querySelector<HTMLUListElement>('.download-menu-list')!;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  blobs = [];
  clicked = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    blobs.push(b as Blob);
    return `blob:test/${blobs.length}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ download: this.download, href: this.href });
  });
});

afterEach(() => {
  menu.destroy();
  container.remove();
  vi.restoreAllMocks();
});

describe('mountDownloadMenu', () => {
  it('opens from the keyboard, moves with the arrows and downloads the CSV on Enter', async () => {
    menu = mountDownloadMenu(container, { messages: en, rows, datasets: () => rows().datasets, viewUrl: () => 'https://example.org/?t=2021', now });
    const toggle = q('download-menu');
    expect(toggle.textContent).toBe('Download');
    expect(list().hidden).toBe(true);
    toggle.focus();
    key(toggle, 'Enter');
    expect(list().hidden).toBe(false);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(q('download-incidents-csv'));
    key(document.activeElement!, 'ArrowDown');
    expect(document.activeElement).toBe(q('download-incidents-geojson'));
    key(document.activeElement!, 'ArrowUp');
    expect(document.activeElement).toBe(q('download-incidents-csv'));
    key(document.activeElement!, 'Enter');
    await vi.waitFor(() => expect(clicked.length).toBe(1));
    expect(clicked).toEqual([{ download: 'sahel-incidents-2026-12-01.csv', href: 'blob:test/1' }]);
    expect(blobs[0].type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blobs[0].arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFF# export,')).toBe(true);
    expect(text).toContain('# view,https://example.org/?t=2021');
    expect(text.trim().split('\n').filter((l) => l.startsWith('U'))).toHaveLength(2);
    expect(list().hidden).toBe(true);
    expect(document.activeElement).toBe(toggle);
  });

  it('downloads GeoJSON as application/geo+json', async () => {
    menu = mountDownloadMenu(container, { messages: en, rows, datasets: () => rows().datasets, viewUrl: () => 'https://example.org/', now });
    q('download-menu').click();
    q('download-incidents-geojson').click();
    await vi.waitFor(() => expect(clicked.length).toBe(1));
    expect(clicked[0].download).toBe('sahel-incidents-2026-12-01.geojson');
    expect(blobs[0].type).toBe('application/geo+json');
    const json = JSON.parse(await blobs[0].text()) as { features: unknown[]; metadata: { datasets: { licence: string }[] } };
    expect(json.features).toHaveLength(2);
    expect(json.metadata.datasets[0].licence).toBe('CC BY 4.0');
  });

  it('closes on Escape and gives focus back to the button', () => {
    menu = mountDownloadMenu(container, { messages: en, rows, datasets: () => rows().datasets, viewUrl: () => '', now });
    key(q('download-menu'), 'ArrowDown');
    expect(list().hidden).toBe(false);
    key(document.activeElement!, 'Escape');
    expect(list().hidden).toBe(true);
    expect(document.activeElement).toBe(q('download-menu'));
    expect(clicked).toHaveLength(0);
  });

  it('offers the match table only with a provider, and not while it has no result', () => {
    menu = mountDownloadMenu(container, { messages: en, rows, datasets: () => rows().datasets, viewUrl: () => '', now });
    expect(q('download-match-csv')).toBeNull();
    menu.destroy();
    let result: MatchTableExport | null = null;
    menu = mountDownloadMenu(container, { messages: fr, rows, datasets: () => rows().datasets, viewUrl: () => '', now, matchTable: () => result });
    expect(q('download-menu').textContent).toBe('Télécharger');
    q('download-menu').click();
    expect(q('download-match-csv').getAttribute('aria-disabled')).toBe('true');
    q('download-match-csv').click();
    expect(clicked).toHaveLength(0);
    const other: Dataset = { ...ucdp, id: 'b', name: 'Other' };
    result = { table: { pairs: [], onlyA: [incidents[0]], onlyB: [] }, a: ucdp, b: other };
    key(q('download-match-csv'), 'Escape');
    q('download-menu').click();
    expect(q('download-match-csv').getAttribute('aria-disabled')).toBe('false');
    q('download-match-csv').click();
    expect(clicked[0].download).toBe('sahel-match-table-2026-12-01.csv');
    expect(blobs[0].type).toBe('text/csv;charset=utf-8');
  });
});
