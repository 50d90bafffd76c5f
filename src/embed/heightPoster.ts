import { heightMessage } from './outgoing';

/** Pym.js joins the parts of its string messages with this. */
export const PYM_DELIMITER = 'xPYMx';

/** Pym.js's height message for the child `id`: what `pym.Parent` listens for (`pymxPYMx<id>xPYMxheightxPYMx<px>`). */
export function pymHeightMessage(id: string, height: number): string {
  return ['pym', id, 'height', String(height)].join(PYM_DELIMITER);
}

/** AMP's resize request, which `<amp-iframe resizable>` honours. */
export function ampHeightMessage(height: number): { sentinel: 'amp'; type: 'embed-size'; height: number } {
  return { sentinel: 'amp', type: 'embed-size', height };
}

/**
 * One height in every format an article page may already listen for: AMP's, the map's own
 * (`{app: "sahel-incident-map", type: "height"}`, which embed.js applies) and, when a Pym.js parent
 * gave the frame a `childId`, Pym's string.
 */
export function heightMessages(height: number, pymId: string | null): unknown[] {
  const messages: unknown[] = [ampHeightMessage(height), heightMessage(height)];
  if (pymId) messages.push(pymHeightMessage(pymId, height));
  return messages;
}

export interface HeightWatcher {
  /** Posts the current height now, even if unchanged (on load and on the parent's request). */
  post(): void;
  destroy(): void;
}

/**
 * Posts the height of `content` (whole CSS pixels, rounded up so no scrollbar appears) on start and
 * whenever its layout changes: ResizeObserver catches fonts, the legend opening, a title wrapping
 * on a narrower frame. Unchanged heights are not posted again, so the parent's resize cannot loop.
 */
export function watchHeight(content: HTMLElement, post: (message: unknown) => void, pymId: string | null): HeightWatcher {
  let last = -1;
  const send = (force: boolean) => {
    const height = Math.ceil(content.getBoundingClientRect().height);
    if (height <= 0 || (height === last && !force)) return;
    last = height;
    for (const message of heightMessages(height, pymId)) post(message);
  };
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => send(false)) : null;
  observer?.observe(content);
  send(true);
  return {
    post: () => send(true),
    destroy: () => observer?.disconnect(),
  };
}
