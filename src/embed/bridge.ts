import type { AppState, Store } from '../state';
import { changedKeys } from '../state';
import type { Incident } from '../types';
import { isEmbedMessage, parseMessage, type BBox, type ParentMessage } from './messages';
import { errorMessage, incidentMessage, readyMessage, stateMessage, type VisibleTotals } from './outgoing';
import { PYM_DELIMITER } from './heightPoster';
import { reconcileWindow } from '../state';

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
}

export interface Bridge {
  /** Hands the running map over: replays the messages that arrived before, then posts `ready`. */
  attach(app: BridgeApp): void;
  /** Posts an `error` (a file failed to load, WebGL2 is missing). */
  fail(message: string): void;
  destroy(): void;
}

/** Messages kept while the map loads; an article page that floods the frame before `ready` loses the oldest. */
const MAX_QUEUED = 32;

/**
 * The embed API's listener. Only the parent window may drive the map (a sibling frame, an ad, a
 * browser extension's content script in another frame cannot), and, with an allowlist, only from
 * an allowed origin. Every message is validated by parseMessage (state fields through the URL's
 * decoder); a rejected one changes nothing, warns in the console and, if it came from the parent,
 * is answered with an `error`. A message with a `requestId` always gets one reply.
 */
export function startBridge(options: BridgeOptions): Bridge {
  const { win, store, post } = options;
  const warn = options.warn ?? ((m: string) => console.warn(m));
  let app: BridgeApp | null = null;
  const queue: ParentMessage[] = [];
  let warnedForeign = false;

  /** The state, with the request's id: the answer to `get-state`, and to any message that carried a `requestId`. */
  const reply = (requestId: string | undefined, changed: readonly (keyof AppState)[] = [], always = false) => {
    if (app && (requestId !== undefined || always)) post(stateMessage(store.get(), app.visible(store.get()), changed, requestId));
  };

  const setState = (patch: Partial<AppState>, requestId: string | undefined) => {
    const before = store.get();
    store.set(reconcileWindow(before, patch, warn), 'embed');
    reply(requestId, changedKeys(before, store.get()));
  };

  const apply = (message: ParentMessage, running: BridgeApp) => {
    const { requestId } = message;
    switch (message.type) {
      case 'set-window':
        // A window from the page is a story step: it stops play, as a move by hand does.
        return setState({ ...message.patch, playing: false }, requestId);
      case 'set-filters':
      case 'set-state':
        return setState(message.patch, requestId);
      case 'fly-to':
        if ('bbox' in message) {
          running.fitBounds(message.bbox);
          return setState({ view: null }, requestId);
        }
        return setState({ view: message.view }, requestId);
      case 'select':
        if (message.selection !== null && !running.lookup(message.selection)) {
          warn(`Sahel Incident Map: no incident "${message.selection}" in the loaded data; the selection is unchanged.`);
          return post(errorMessage(`no incident "${message.selection}"`, requestId));
        }
        return setState({ selection: message.selection }, requestId);
      case 'play':
        return setState(message.speed === undefined ? { playing: true } : { playing: true, speed: message.speed }, requestId);
      case 'pause':
        return setState({ playing: false }, requestId);
      case 'get-state':
        return reply(requestId, [], true);
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
    if (app) apply(message, app);
    else {
      if (queue.length >= MAX_QUEUED) queue.shift();
      queue.push(message);
    }
  };

  let lastSelection: string | null = null;
  const offStore = store.on('change', (state, previous) => {
    if (!app) return;
    post(stateMessage(state, app.visible(state), changedKeys(previous, state)));
    if (state.selection !== lastSelection) {
      lastSelection = state.selection;
      post(incidentMessage(state.selection ? (app.lookup(state.selection) ?? null) : null));
    }
  });

  win.addEventListener('message', onMessage);
  return {
    attach(running) {
      app = running;
      lastSelection = store.get().selection;
      post(readyMessage(store.get(), running.visible(store.get())));
      if (lastSelection) post(incidentMessage(running.lookup(lastSelection) ?? null));
      for (const message of queue.splice(0)) apply(message, running);
    },
    fail(message) {
      post(errorMessage(message));
    },
    destroy() {
      win.removeEventListener('message', onMessage);
      offStore();
    },
  };
}
