import { formatDay } from '../data/calendarDay';
import { incidentsCsv, incidentsGeoJson, matchTableCsv, type MatchTable } from '../data/exportIncidents';
import type { Messages } from '../i18n/messages';
import type { Dataset, Incident } from '../types';
import './downloadMenu.css';

/** A match result as the menu needs it: the table and which dataset is A and which is B. */
export interface MatchTableExport {
  table: MatchTable;
  a: Dataset;
  b: Dataset;
}

export interface DownloadMenuOptions {
  messages: Messages;
  /** The incidents in view (for example `incidentRows(view, 'date', collator)`) and every dataset by id; read at click time. */
  /** Every dataset by id (the match table's credits). */
  datasets: () => ReadonlyMap<string, Dataset>;
  rows: () => Promise<{ incidents: readonly Incident[]; datasets: ReadonlyMap<string, Dataset> }> | { incidents: readonly Incident[]; datasets: ReadonlyMap<string, Dataset> };
  /** The URL that reopens the current view, written into every file. */
  viewUrl: () => string;
  /** When given, the menu offers "Match table (CSV)"; the item is disabled while this returns null. */
  matchTable?: () => MatchTableExport | null;
  /** The export time. @defaultValue () => new Date() */
  now?: () => Date;
}

/** Hands a file to the browser: a Blob, an object URL and a temporary `<a download>`, revoked once the download has started. */
export function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

let menus = 0;

/**
 * "Download": a button that opens a list of real buttons, one per file. Keyboard: Enter, Space or
 * ArrowDown on the button opens the list and focuses its first item; ArrowUp/ArrowDown (and
 * Home/End) move between items, Tab moves on as usual; Escape closes and gives focus back to the
 * button; focus or a click leaving the menu closes it. A disclosure rather than an ARIA `menu`,
 * so screen readers announce plain buttons.
 */
export function mountDownloadMenu(container: HTMLElement, options: DownloadMenuOptions): { destroy(): void } {
  const { messages } = options;
  const now = options.now ?? (() => new Date());
  const root = document.createElement('div');
  root.className = 'download-menu';
  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = 'download-menu-button';
  toggle.textContent = messages.downloadMenu;
  toggle.dataset.testid = 'download-menu';
  toggle.setAttribute('aria-expanded', 'false');
  const list = document.createElement('ul');
  list.className = 'download-menu-list';
  list.id = `download-menu-${++menus}`;
  list.hidden = true;
  toggle.setAttribute('aria-controls', list.id);

  const meta = async () => {
    const { incidents, datasets } = await options.rows();
    return { incidents, meta: exportMeta(datasets) };
  };
  const exportMeta = (datasets: ReadonlyMap<string, Dataset>) => ({ viewUrl: options.viewUrl(), exportedAt: now(), datasets });
  const stamp = () => formatDay(now());
  const items: { button: HTMLButtonElement; enabled: () => boolean }[] = [];
  const item = (label: string, testid: string, run: () => void, enabled: () => boolean = () => true) => {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.dataset.testid = testid;
    button.addEventListener('click', () => {
      if (!enabled()) return;
      run();
      close(true);
    });
    li.append(button);
    list.append(li);
    items.push({ button, enabled });
  };
  item(messages.downloadIncidentsCsv, 'download-incidents-csv', () => {
    void meta().then((m) => downloadText(`sahel-incidents-${stamp()}.csv`, incidentsCsv(m.incidents, m.meta), 'text/csv;charset=utf-8'));
  });
  item(messages.downloadIncidentsGeoJson, 'download-incidents-geojson', () => {
    void meta().then((m) => downloadText(`sahel-incidents-${stamp()}.geojson`, incidentsGeoJson(m.incidents, m.meta), 'application/geo+json'));
  });
  const matchTable = options.matchTable;
  if (matchTable) {
    item(
      messages.downloadMatchCsv,
      'download-match-csv',
      () => {
        const match = matchTable();
        if (!match) return;
        downloadText(`sahel-match-table-${stamp()}.csv`, matchTableCsv(match.table, match.a, match.b, exportMeta(options.datasets())), 'text/csv;charset=utf-8');
      },
      () => matchTable() !== null,
    );
  }

  const buttons = () => items.map((i) => i.button).filter((b) => !b.disabled);
  function open(focusFirst: boolean): void {
    // aria-disabled, not disabled: a disabled button drops out of the tab order and its tooltip is never read.
    for (const i of items) {
      const on = i.enabled();
      i.button.setAttribute('aria-disabled', String(!on));
      i.button.title = on ? '' : messages.downloadMatchUnavailable;
    }
    list.hidden = false;
    toggle.setAttribute('aria-expanded', 'true');
    if (focusFirst) buttons()[0]?.focus();
  }
  function close(refocus: boolean): void {
    if (list.hidden) return;
    list.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    if (refocus) toggle.focus();
  }

  toggle.addEventListener('click', () => (list.hidden ? open(false) : close(false)));
  const onToggleKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || ((e.key === 'Enter' || e.key === ' ') && list.hidden)) {
      e.preventDefault();
      open(true);
    } else if (e.key === 'Escape') close(true);
  };
  toggle.addEventListener('keydown', onToggleKey);
  list.addEventListener('keydown', (e) => {
    const all = buttons();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      all[(at + (e.key === 'ArrowDown' ? 1 : all.length - 1)) % all.length]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      all[e.key === 'Home' ? 0 : all.length - 1]?.focus();
    } else if ((e.key === 'Enter' || e.key === ' ') && at >= 0) {
      // Handled here (the browser's own activation cancelled) so Enter and Space act the same everywhere.
      e.preventDefault();
      all[at].click();
    }
  });
  root.addEventListener('focusout', (e) => {
    if (!root.contains(e.relatedTarget as Node | null)) close(false);
  });
  const onPointerDown = (e: Event) => {
    if (!root.contains(e.target as Node)) close(false);
  };
  document.addEventListener('pointerdown', onPointerDown);

  root.append(toggle, list);
  container.append(root);
  return {
    destroy() {
      document.removeEventListener('pointerdown', onPointerDown);
      root.remove();
    },
  };
}
