// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseBytes } from '../../../src/data/parseFile';
import { summarise } from '../../../src/data/report';
import { createFormatters } from '../../../src/i18n/format';
import { en } from '../../../src/i18n/messages';
import { formatBytes, mountReportPanel } from '../../../src/import/reportPanel';

const formatters = createFormatters();
const broken = parseBytes(new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../fixtures/acled-broken.csv'))), { file: '<b>broken</b>.csv', dataset: 'u' });
const q = (root: ParentNode, testid: string) => root.querySelector(`[data-testid="${testid}"]`) as HTMLElement;

describe('mountReportPanel', () => {
  it('shows a progress bar with bytes and rows, and cancels', () => {
    const host = document.createElement('div');
    const panel = mountReportPanel(host, en, formatters);
    const cancel = vi.fn();
    panel.showProgress('big.csv', cancel);
    panel.updateProgress({ bytes: 12_345_678, rows: 41_000, total: 400_000_000 });
    expect(panel.element.hidden).toBe(false);
    expect((q(host, 'import-progress') as HTMLProgressElement).value).toBe(12_345_678);
    expect(q(host, 'import-progress-text').textContent).toBe('12.3 MB of 400 MB · 41,000 rows');
    q(host, 'import-cancel').click();
    expect(cancel).toHaveBeenCalledOnce();
  });

  it('closing the panel, or Escape, while reading cancels the import', () => {
    const host = document.createElement('div');
    const panel = mountReportPanel(host, en, formatters);
    const cancel = vi.fn();
    panel.showProgress('big.csv', cancel);
    q(host, 'import-close').click();
    expect(cancel).toHaveBeenCalledOnce();
    expect(panel.element.hidden).toBe(true);
    panel.showProgress('big.csv', cancel);
    q(host, 'import-cancel').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(cancel).toHaveBeenCalledTimes(2);
    expect(panel.element.hidden).toBe(true);
  });

  it('shows counts, the ACLED form and the first errors with their rows, all as text', () => {
    const host = document.createElement('div');
    const panel = mountReportPanel(host, en, formatters);
    const onAdd = vi.fn();
    const onDownload = vi.fn();
    panel.showReport({ summary: summarise(broken), issues: broken.issues, status: '', acled: { accessed: '2024-05-02', filters: 'Niger', onAdd }, onDownload });
    expect(host.querySelector('h2')?.textContent).toBe('Report: <b>broken</b>.csv');
    expect(host.querySelector('b')).toBeNull();
    expect(['import-rows-read', 'import-accepted', 'import-rejected', 'import-deaths'].map((id) => q(host, id).textContent)).toEqual(['12', '7', '5', '822']);
    expect([...q(host, 'import-errors').querySelectorAll('li')].map((li) => li.querySelector('.import-issue-where')?.textContent)).toEqual(['Row 3', 'Row 4', 'Row 5', 'Row 6', 'Row 13']);
    expect([...q(host, 'import-warnings-list').querySelectorAll('q')].map((x) => x.textContent)[0]).toBe('4.7833,16.1167');
    expect(host.querySelector('img')).toBeNull();
    (q(host, 'acled-filters') as HTMLInputElement).value = 'Mali';
    (q(host, 'acled-form') as HTMLFormElement).requestSubmit();
    expect(onAdd).toHaveBeenCalledWith('2024-05-02', 'Mali');
    q(host, 'import-download').click();
    expect(onDownload).toHaveBeenCalledOnce();
  });

  it('shows a file-level error once, not again in the error list', () => {
    const host = document.createElement('div');
    const panel = mountReportPanel(host, en, formatters);
    const empty = parseBytes(new Uint8Array(0), { file: 'e.csv', dataset: 'u' });
    panel.showReport({ summary: summarise(empty), issues: empty.issues, status: 'The map is unchanged.', onDownload: () => {} });
    expect(q(host, 'import-file-error').textContent).toMatch(/^e\.csv is empty/);
    expect(q(host, 'import-errors')).toBeNull();
    expect(q(host, 'import-status').textContent).toBe('The map is unchanged.');
  });

  it('formatBytes reads as a person would', () => {
    expect([formatBytes(512, formatters), formatBytes(45_300, formatters), formatBytes(12_345_678, formatters), formatBytes(412_000_000, formatters)]).toEqual(['512 B', '45 kB', '12.3 MB', '412 MB']);
  });
});
