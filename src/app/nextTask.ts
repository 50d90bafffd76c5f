/** What the schedulers below need of a window (a test passes its own). */
export type FrameClock = Pick<Window, 'requestAnimationFrame' | 'setTimeout'>;

/**
 * Resolves in a later task of the page's (a zero timeout): work after it runs in a task of its
 * own, so that two pieces of work that each fit in a frame never make one long task together.
 * A timeout rather than requestAnimationFrame: it runs in a hidden tab too.
 */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The next animation frame, or 100 ms, whichever comes first: a browser gives a hidden tab or an
 * off-screen frame no animation frames, and a page's messages must still be answered there.
 */
export function nextFrame(win: FrameClock): (fn: () => void) => void {
  return (fn) => {
    let done = false;
    const run = () => {
      if (done) return;
      done = true;
      fn();
    };
    win.requestAnimationFrame(run);
    win.setTimeout(run, 100);
  };
}

/**
 * Resolves in the task after the next frame was drawn (a zero timeout set from that frame's
 * callback), or soon after 100 ms where no frame comes. Two pieces of work of which each dirties
 * the page (a DOM change to lay out, a layer to draw) then fall in two frames: a zero timeout
 * alone may run both before the same frame.
 */
export const afterFrame = (win: FrameClock = window): Promise<void> => new Promise((resolve) => nextFrame(win)(() => win.setTimeout(resolve, 0)));
