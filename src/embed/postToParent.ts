/**
 * Posts to the page that frames the map. Without an allowlist the target is `*`: the messages carry
 * only public data (the window, the filters, public incident fields), and the embedding page may
 * live on any origin. With one, each message is addressed to each allowed origin in turn, so the
 * browser delivers it only if the parent really is one of them. Outside a frame it does nothing.
 */
export function createParentPoster(win: Window, origins: readonly string[] | null): (message: unknown) => void {
  return (message) => {
    if (win.parent === win) return;
    for (const origin of origins ?? ['*']) {
      try {
        win.parent.postMessage(message, origin);
      } catch {
        // An unserialisable message is our bug, not the reader's: the map keeps working.
      }
    }
  };
}
