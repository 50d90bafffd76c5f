import type { ImportIssue } from '../types';
import type { ImportSummary } from '../data/report';
import { firstIssues } from '../data/report';
import { t, type Messages } from '../i18n/messages';
import type { Formatters } from '../i18n/format';

/** How many errors and how many warnings the panel lists; the CSV download has them all. */
export const ISSUES_SHOWN = 20;

/** The ACLED attribution form: prefilled, and confirmed by the reader before the layer is added. */
export interface AcledForm {
  accessed: string;
  filters: string;
  onAdd(accessed: string, filters: string): void;
}

export interface ReportView {
  summary: ImportSummary;
  issues: readonly ImportIssue[];
  /** The sentence on top: what happened to the map. */
  status: string;
  acled?: AcledForm;
  onDownload(): void;
}

export interface ReportPanel {
  readonly element: HTMLElement;
  showProgress(file: string, onCancel: () => void): void;
  updateProgress(progress: { bytes: number; rows: number; total: number | null }): void;
  showMessage(title: string, text: string): void;
  showReport(view: ReportView): void;
  hide(): void;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(label: string, testid: string, onClick: () => void, className = 'import-button'): HTMLButtonElement {
  const b = el('button', className, label);
  b.type = 'button';
  b.dataset.testid = testid;
  b.addEventListener('click', onClick);
  return b;
}

/** "12.3 MB": sizes as a reader reads them, with the locale's digits. */
export function formatBytes(bytes: number, formatters: Formatters): string {
  if (bytes < 1e3) return `${formatters.integer(bytes)} B`;
  if (bytes < 1e6) return `${formatters.integer(Math.round(bytes / 1e3))} kB`;
  const mb = bytes / 1e6;
  return mb < 100 ? `${formatters.integer(Math.floor(mb))}.${Math.floor((mb % 1) * 10)} MB` : `${formatters.integer(Math.round(mb))} MB`;
}

/**
 * The import panel over the map: a progress bar with a cancel button while a file is read, then
 * the report (counts, ACLED attribution form, the first errors and warnings with their rows, and
 * the download button). Every string from the file reaches the page through textContent.
 */
export function mountReportPanel(host: HTMLElement, messages: Messages, formatters: Formatters): ReportPanel {
  const panel = el('section', 'import-panel');
  panel.dataset.testid = 'import-panel';
  panel.setAttribute('aria-label', messages.importPanel);
  panel.hidden = true;
  const head = el('header', 'import-panel-head');
  const title = el('h2', 'import-panel-title');
  let cancelReading: (() => void) | null = null;
  // Closing the panel while a file is read cancels the import: nothing keeps running unseen.
  const close = button('×', 'import-close', () => {
    if (panel.dataset.state === 'reading') cancelReading?.();
    api.hide();
  }, 'import-close');
  close.setAttribute('aria-label', messages.close);
  head.append(title, close);
  const body = el('div', 'import-panel-body');
  const live = el('p', 'import-status');
  live.setAttribute('role', 'status');
  live.dataset.testid = 'import-status';
  panel.append(head, live, body);
  host.append(panel);
  // Escape closes the panel (and, while reading, cancels), as it would a dialog.
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close.click();
  });

  let progressBar: HTMLProgressElement | null = null;
  let progressText: HTMLElement | null = null;

  const dl = (rows: [string, string, string][]) => {
    const list = el('dl', 'import-counts');
    for (const [term, value, testid] of rows) {
      const dt = el('dt', undefined, term);
      const dd = el('dd', undefined, value);
      dd.dataset.testid = testid;
      list.append(dt, dd);
    }
    return list;
  };

  const issueList = (heading: string, issues: readonly ImportIssue[], rowLabel: ImportSummary['rowLabel'], testid: string) => {
    const section = el('section', 'import-issues');
    section.dataset.testid = testid;
    section.append(el('h3', undefined, heading));
    const list = el('ol');
    for (const issue of issues) {
      const li = el('li');
      const where = issue.row === null ? messages.importFileLevel : t(rowLabel === 'row' ? messages.importRow : messages.importFeature, { row: formatters.integer(issue.row) });
      const place = el('span', 'import-issue-where', where);
      li.append(place);
      if (issue.field !== null) {
        li.append(' · ', el('code', undefined, issue.field));
        if (issue.value !== null) li.append(' ', el('q', undefined, issue.value.length > 80 ? `${issue.value.slice(0, 77)}…` : issue.value));
      }
      li.append(el('span', 'import-issue-message', issue.message));
      list.append(li);
    }
    section.append(list);
    return section;
  };

  const acledForm = (form: AcledForm) => {
    const box = el('form', 'import-acled');
    box.dataset.testid = 'acled-form';
    const fieldset = el('fieldset');
    fieldset.append(el('legend', undefined, messages.acledTitle), el('p', 'import-hint', messages.acledTerms));
    const accessed = el('input');
    accessed.type = 'date';
    accessed.required = true;
    accessed.value = form.accessed;
    accessed.dataset.testid = 'acled-accessed';
    const filters = el('input');
    filters.type = 'text';
    filters.value = form.filters;
    filters.placeholder = messages.acledFiltersPlaceholder;
    filters.dataset.testid = 'acled-filters';
    const label = (text: string, input: HTMLInputElement) => {
      const l = el('label', 'import-field');
      l.append(el('span', undefined, text), input);
      return l;
    };
    const add = el('button', 'import-button import-primary', messages.acledAdd);
    add.type = 'submit';
    add.dataset.testid = 'acled-add';
    const fields = el('div', 'import-fields');
    fields.append(label(messages.acledAccessed, accessed), label(messages.acledFilters, filters));
    fieldset.append(fields, add);
    box.append(fieldset);
    box.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!accessed.value) {
        accessed.focus();
        return;
      }
      form.onAdd(accessed.value, filters.value);
    });
    return box;
  };

  const api: ReportPanel = {
    element: panel,
    showProgress(file, onCancel) {
      panel.hidden = false;
      panel.dataset.state = 'reading';
      cancelReading = onCancel;
      title.textContent = t(messages.importReading, { file });
      live.textContent = '';
      progressBar = el('progress');
      progressBar.dataset.testid = 'import-progress';
      progressText = el('p', 'import-progress-text');
      progressText.dataset.testid = 'import-progress-text';
      body.replaceChildren(progressBar, progressText, button(messages.importCancel, 'import-cancel', onCancel));
      api.updateProgress({ bytes: 0, rows: 0, total: null });
    },
    updateProgress({ bytes, rows, total }) {
      if (!progressBar || !progressText) return;
      if (total && total > 0) {
        progressBar.max = total;
        progressBar.value = Math.min(bytes, total);
      } else progressBar.removeAttribute('value');
      const rowsText = t(messages.importRows, { n: formatters.integer(rows) });
      progressText.textContent = total
        ? t(messages.importProgress, { read: formatBytes(bytes, formatters), total: formatBytes(total, formatters), rows: rowsText })
        : t(messages.importProgressUnknown, { read: formatBytes(bytes, formatters), rows: rowsText });
    },
    showMessage(heading, text) {
      progressBar = progressText = null;
      panel.hidden = false;
      panel.dataset.state = 'message';
      title.textContent = heading;
      live.textContent = text;
      body.replaceChildren();
    },
    showReport(view) {
      progressBar = progressText = null;
      const { summary } = view;
      panel.hidden = false;
      panel.dataset.state = 'report';
      title.textContent = t(messages.importReportTitle, { file: summary.file });
      live.textContent = view.status;
      live.classList.toggle('import-status-error', summary.fileError !== null || summary.accepted === 0);
      const parts: HTMLElement[] = [];
      if (summary.fileError) {
        const p = el('p', 'import-file-error', summary.fileError);
        p.dataset.testid = 'import-file-error';
        parts.push(p);
      }
      const n = formatters.integer;
      const tiles = el('div', 'import-tiles');
      for (const [label, value, testid] of [
        [summary.rowLabel === 'row' ? messages.importRowsRead : messages.importFeaturesRead, summary.rowsRead, 'import-rows-read'],
        [messages.importAccepted, summary.accepted, 'import-accepted'],
        [messages.importRejected, summary.rejected, 'import-rejected'],
        [messages.importWarnings, summary.warnings, 'import-warnings'],
      ] as const) {
        const tile = el('div', `import-tile${testid === 'import-rejected' && value > 0 ? ' import-tile-bad' : ''}`);
        const number = el('span', 'import-tile-number', n(value));
        number.dataset.testid = testid;
        tile.append(number, el('span', 'import-tile-label', label));
        tiles.append(tile);
      }
      parts.push(tiles);
      const rows: [string, string, string][] = [[messages.importFormat, summary.format ?? messages.importFormatUnknown, 'import-format']];
      if (summary.accepted > 0) {
        rows.push([messages.importDeaths, n(summary.deaths), 'import-deaths']);
        if (summary.dateRange) {
          const from = new Date(`${summary.dateRange.from}T00:00:00Z`);
          const to = new Date(`${summary.dateRange.to}T00:00:00Z`);
          rows.push([messages.importDates, formatters.range(from, to), 'import-dates']);
        }
        const countries = summary.countries
          .slice(0, 6)
          .map((c) => `${c.country} ${n(c.incidents)}`)
          .join(' · ');
        rows.push([messages.importCountries, summary.countries.length > 6 ? `${countries} …` : countries, 'import-countries']);
      }
      if (summary.encoding) rows.push([messages.importEncoding, summary.encoding, 'import-encoding']);
      parts.push(dl(rows));
      if (view.acled) parts.push(acledForm(view.acled));
      const errors = firstIssues(view.issues, 'error', ISSUES_SHOWN).filter((i) => i.row !== null || i.message !== summary.fileError);
      if (errors.length > 0) parts.push(issueList(t(messages.importFirstErrors, { shown: n(errors.length), total: n(summary.errors) }), errors, summary.rowLabel, 'import-errors'));
      const warnings = firstIssues(view.issues, 'warning', ISSUES_SHOWN);
      if (warnings.length > 0) parts.push(issueList(t(messages.importFirstWarnings, { shown: n(warnings.length), total: n(summary.warnings) }), warnings, summary.rowLabel, 'import-warnings-list'));
      const actions = el('div', 'import-actions');
      actions.append(button(messages.importDownload, 'import-download', view.onDownload));
      parts.push(actions);
      body.replaceChildren(...parts);
    },
    hide() {
      progressBar = progressText = null;
      panel.hidden = true;
      delete panel.dataset.state;
    },
  };
  return api;
}
