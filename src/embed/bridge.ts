import type { AppState, Store } from '../state';
import { changedKeys } from '../state';
import type { Incident } from '../types';
import { isEmbedMessage, parseMessage, type BBox, type ParentMessage } from './messages';
import { errorMessage, incidentMessage, readyMessage, stateMessage, type VisibleTotals } from './outgoing';
import { PYM_DELIMITER } from './heightPoster';
import { reconcileWindow } from '../state';
import { nextFrame } from '../app/nextTask';

/** What the bridge needs from the running map; it arrives once the data and the map are ready. */
export interface BridgeApp {
  visible(state: AppState): VisibleTotals;
  lookup(key: string): Incident | undefined;
  fitBounds(bbox: BBox): void;
}

export interface BridgeOptions {
  win: Window;
  store: Store;
  /** Posts to the parent page (see postToParent.ts). */
  post(message: unknown): void;
  /** Parent origins allowed to send messages; null accepts the parent whatever its origin. */
  origins: readonly string[] | null;
  warn?(message: string): void;
  /** Runs `fn` once, soon: by default on the next animation frame (see {@link nextFrame}). Tests pass their own. */
  schedule?(fn: () => void): void;
}

export interface Bridge {
  /** Hands the running map over: posts `ready`, then answers the messages that arrived before. */
  attach(app: BridgeApp): void;
  /** Posts an `error` (a file failed to load, WebGL2 is missing). */
  fail(message: string): void;
  /** The figures changed with no change of state (the areas' geodata arrived): posts a `state` with `changed: []`. */
  figuresChanged(): void;
  destroy(): void;
}

/** Messages that only set state: consecutive ones of a type merge into one patch, answering every id. */
const MERGEABLE = new Set<ParentMessage['type']>(['set-window', 'set-filters', 'set-state']);

/** One message to apply, with every request id it answers (more than one after a merge). */
interface Pending {
  message: ParentMessage;
  ids: (string | undefined)[];
}

/**
 * The embed API's listener. Only the parent window may drive the map (a sibling frame, an ad, a
 * browser extension's content script in another frame cannot), and, with an allowlist, only from
 * an allowed origin. Every message is validated by parseMessage (state fields through the URL's
 * decoder); a rejected one changes nothing, warns in the console and, if it came from the parent,
 * is answered with an `error`.
 *
 * Valid messages are applied once per animation frame, not one by one: a run of messages of one
 * type merges into one patch (later fields win), the store changes once, and the page gets at most
 * one unsolicited `state` per frame however many messages it sent. A message with a `requestId`
 * is still answered exactly once, with the state after its frame, or with an `error`; so are the
 * messages sent before the map was ready, however many.
 */
export function startBridge(options: BridgeOptions): Bridge {
  const { win, store, post } = options;
  const warn = options.warn ?? ((m: string) => console.warn(m));
  const schedule = options.schedule ?? nextFrame(win);
  let app: BridgeApp | null = null;
  const pending: Pending[] = [];
  let warnedForeign = false;
  let scheduled = false;
  let flushing = false;
  let destroyed = false;
  /** The state as the page last heard it unasked (`ready` or an unsolicited `state`). */
  let reported = store.get();
  let lastSelection: string | null = null;

  const enqueue = (message: ParentMessage) => {
    const last = pending.at(-1);
    if (last && last.message.type === message.type && MERGEABLE.has(message.type) && 'patch' in last.message && 'patch' in message) {
      last.message = { ...last.message, patch: { ...last.message.patch, ...message.patch } };
      last.ids.push(message.requestId);
      return;
    }
    pending.push({ message, ids: [message.requestId] });
  };

  const requestFlush = () => {
    if (scheduled || !app || destroyed) return;
    scheduled = true;
    schedule(() => {
      scheduled = false;
      flush();
    });
  };

  /** Applies everything pending in one store change, then posts the frame's state and the answers. */
  const flush = () => {
    const running = app;
    if (!running || destroyed) return;
    flushing = true;
    const before = store.get();
    let next = before;
    let bbox: BBox | null = null;
    const answers: (string | undefined)[] = [];
    const patch = (p: Partial<AppState>) => {
      next = { ...next, ...reconcileWindow(next, p, warn) };
      if (p.view) bbox = null;
    };
    for (const { message, ids } of pending.splice(0)) {
      switch (message.type) {
        case 'set-window':
          // A window from the page is a story step: it stops play, as a move by hand does.
          patch({ ...message.patch, playing: false });
          break;
        case 'set-filters':
        case 'set-state':
          patch(message.patch);
          break;
        case 'fly-to':
          if ('bbox' in message) {
            bbox = message.bbox;
            patch({ view: null });
          } else patch({ view: message.view });
          break;
        case 'select':
          if (message.selection !== null && !running.lookup(message.selection)) {
            warn(`Sahel Incident Map: no incident "${message.selection}" in the loaded data; the selection is unchanged.`);
            for (const id of ids) post(errorMessage(`no incident "${message.selection}"`, id));
            continue;
          }
          patch({ selection: message.selection });
          break;
        case 'set-area':
          patch({ area: message.area });
          break;
        case 'play':
          patch(message.speed === undefined ? { playing: true } : { playing: true, speed: message.speed });
          break;
        case 'pause':
          patch({ playing: false });
          break;
        case 'get-state':
          break;
      }
      // Every id gets the frame's state; get-state is answered even without one.
      for (const id of ids) if (id !== undefined || message.type === 'get-state') answers.push(id);
    }
    try {
      if (bbox) running.fitBounds(bbox);
      const changed = changedKeys(before, next);
      if (changed.length) store.set(Object.fromEntries(changed.map((k) => [k, next[k]])) as Partial<AppState>, 'embed');
    } finally {
      flushing = false;
    }
    report(running);
    if (answers.length) {
      const state = store.get();
      const visible = running.visible(state);
      const keys = changedKeys(before, state);
      for (const id of answers) post(stateMessage(state, visible, keys, id));
    }
  };

  /** The frame's one unsolicited `state` (and `incident-selected`), if the state moved since the page last heard. */
  const report = (running: BridgeApp) => {
    const state = store.get();
    const changed = changedKeys(reported, state);
    if (changed.length === 0) return;
    reported = state;
    post(stateMessage(state, running.visible(state), changed));
    if (state.selection !== lastSelection) {
      lastSelection = state.selection;
      post(incidentMessage(state.selection ? (running.lookup(state.selection) ?? null) : null));
    }
  };

  const onMessage = (event: MessageEvent) => {
    const { data } = event;
    // Pym.js parents send the frame its width as `pymxPYMx…`: expected traffic, nothing to do.
    if (typeof data === 'string' && data.startsWith(`pym${PYM_DELIMITER}`)) return;
    const ours = isEmbedMessage(data);
    if (event.source !== win.parent || win.parent === win) {
      if (ours) warn('Sahel Incident Map: ignored a message from a window that is not the page embedding the map.');
      return;
    }
    if (options.origins && !options.origins.includes(event.origin)) {
      if (ours) warn(`Sahel Incident Map: ignored a message from ${event.origin}, which is not in the embed's origins allowlist.`);
      return;
    }
    if (!ours) {
      // Pages post all kinds of messages to their frames; say so once, not on every one.
      if (!warnedForeign) warn('Sahel Incident Map: ignored a message not addressed to the map (no app: "sahel-incident-map"); later ones are ignored silently.');
      warnedForeign = true;
      return;
    }
    const problems: string[] = [];
    const message = parseMessage(data, (m) => {
      problems.push(m);
      warn(m);
    });
    if (!message) {
      const requestId = typeof data.requestId === 'string' && /^[\w.:-]{1,64}$/.test(data.requestId) ? data.requestId : undefined;
      post(errorMessage(problems.join(' ') || 'invalid message', requestId));
      return;
    }
    enqueue(message);
    requestFlush();
  };

  // Changes from anywhere (the slider, play, the page) reach the page once per frame.
  const offStore = store.on('change', () => {
    if (!flushing) requestFlush();
  });

  win.addEventListener('message', onMessage);
  return {
    attach(running) {
      app = running;
      reported = store.get();
      lastSelection = reported.selection;
      post(readyMessage(reported, running.visible(reported)));
      if (lastSelection) post(incidentMessage(running.lookup(lastSelection) ?? null));
      flush();
    },
    fail(message) {
      post(errorMessage(message));
    },
    figuresChanged() {
      if (!app || destroyed) return;
      const state = store.get();
      post(stateMessage(state, app.visible(state), []));
    },
    destroy() {
      destroyed = true;
      win.removeEventListener('message', onMessage);
      offStore();
    },
  };
}
