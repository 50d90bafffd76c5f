import type { Messages } from '../i18n/messages';
import { t } from '../i18n/messages';
import '../ui/downloadMenu.css';
import './publish.css';

/** One choice of the menu: a label, a test id, and the work it starts (a file made and handed to the browser). */
export interface PublishItem {
  label: string;
  testid: string;
  /** Resolves with the file's name once it is downloaded; the menu shows progress meanwhile. */
  run(): Promise<string | null>;
}

/** Hands a Blob to the browser as a download. */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

let menus = 0;

/**
 * "Download picture": the same disclosure as the Download menu (downloadMenu.ts), a button that
 * opens a list of plain buttons. Enter, Space or ArrowDown opens it on the first item; arrows,
 * Home and End move; Escape closes and gives focus back. While a file is being made the button
 * is busy and a polite status line says so, then names the file or the failure.
 */
export function mountPublishMenu(container: HTMLElement, messages: Messages, items: readonly PublishItem[]): { destroy(): void; status: HTMLElement } {
  const root = document.createElement('div');
  root.className = 'download-menu publish-menu';
  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = 'download-menu-button';
  toggle.textContent = messages.publishMenu;
  toggle.dataset.testid = 'publish-menu';
  toggle.setAttribute('aria-expanded', 'false');
  const list = document.createElement('ul');
  list.className = 'download-menu-list';
  list.id = `publish-menu-${++menus}`;
  list.hidden = true;
  toggle.setAttribute('aria-controls', list.id);
  const status = document.createElement('p');
  status.className = 'publish-status';
  status.setAttribute('role', 'status');
  status.dataset.testid = 'publish-status';

  let busy = false;
  const buttons: HTMLButtonElement[] = [];
  for (const entry of items) {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = entry.label;
    button.dataset.testid = entry.testid;
    button.addEventListener('click', () => {
      close(true);
      if (busy) return;
      busy = true;
      toggle.setAttribute('aria-busy', 'true');
      status.textContent = messages.publishWorking;
      entry
        .run()
        .then((name) => {
          status.textContent = name ? t(messages.publishDone, { name }) : '';
        })
        .catch((error: unknown) => {
          console.warn('Sahel Incident Map: publish failed', error);
          status.textContent = t(messages.publishFailed, { reason: error instanceof Error ? error.message : String(error) });
        })
        .finally(() => {
          busy = false;
          toggle.removeAttribute('aria-busy');
        });
    });
    li.append(button);
    list.append(li);
    buttons.push(button);
  }

  /** On a short map the list would run under the credits or out of the map: it scrolls within the room left. */
  function fitList(): void {
    list.style.maxHeight = '';
    const mapBox = root.closest('.maplibregl-map')?.getBoundingClientRect();
    if (!mapBox) return;
    const credits = root.closest('.maplibregl-map')?.querySelector('.maplibregl-ctrl-bottom-right')?.getBoundingClientRect();
    const floor = Math.min(mapBox.bottom, credits && credits.height > 0 ? credits.top : mapBox.bottom) - 6;
    const room = floor - list.getBoundingClientRect().top;
    list.style.maxHeight = `${Math.max(96, Math.floor(room))}px`;
  }

  function open(focusFirst: boolean): void {
    // The side column keeps one card open at a time: the filters or the list fold so the choices show.
    for (const card of root.closest('.map-side')?.querySelectorAll<HTMLDetailsElement>('details[open]') ?? []) card.open = false;
    list.hidden = false;
    toggle.setAttribute('aria-expanded', 'true');
    fitList();
    if (focusFirst) buttons[0]?.focus();
  }
  function close(refocus: boolean): void {
    if (list.hidden) return;
    list.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    if (refocus) toggle.focus();
  }
  toggle.addEventListener('click', () => (list.hidden ? open(false) : close(false)));
  toggle.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || ((e.key === 'Enter' || e.key === ' ') && list.hidden)) {
      e.preventDefault();
      open(true);
    } else if (e.key === 'Escape') close(true);
  });
  list.addEventListener('keydown', (e) => {
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      buttons[(at + (e.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      buttons[e.key === 'Home' ? 0 : buttons.length - 1]?.focus();
    }
  });
  root.addEventListener('focusout', (e) => {
    if (!root.contains(e.relatedTarget as Node | null)) close(false);
  });
  const onPointerDown = (e: Event) => {
    if (!root.contains(e.target as Node)) close(false);
  };
  document.addEventListener('pointerdown', onPointerDown);
  root.append(toggle, list, status);
  container.append(root);
  return {
    status,
    destroy() {
      document.removeEventListener('pointerdown', onPointerDown);
      root.remove();
    },
  };
}
