import { describe, expect, it } from 'vitest';
import { afterFrame, nextFrame } from '../../../src/app/nextTask';

/** A window whose animation frames and timers the test fires by hand. */
function fakeWindow() {
  const frames: (() => void)[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const win = {
    requestAnimationFrame: (fn: () => void) => frames.push(fn),
    setTimeout: (fn: () => void, ms: number) => timers.push({ fn, ms }),
  } as unknown as Window;
  const timer = (ms: number) => {
    const found = timers.find((t) => t.ms === ms);
    if (!found) throw new Error(`no ${ms} ms timer`);
    return found.fn;
  };
  return { win, frames, timer };
}

describe('nextFrame', () => {
  it('runs the callback on the next animation frame, once, even if the 100 ms timer fires too', () => {
    const { win, frames, timer } = fakeWindow();
    let runs = 0;
    nextFrame(win)(() => runs++);
    expect(runs).toBe(0);
    frames[0]();
    timer(100)();
    expect(runs).toBe(1);
  });

  it('runs it from the timer where no frame comes (a hidden tab, an off-screen frame)', () => {
    const { win, timer } = fakeWindow();
    let runs = 0;
    nextFrame(win)(() => runs++);
    timer(100)();
    expect(runs).toBe(1);
  });
});

describe('afterFrame', () => {
  /** Whether the promise has resolved once the microtasks queued so far have run. */
  const settled = async (p: Promise<void>) => {
    let done = false;
    void p.then(() => (done = true));
    await Promise.resolve();
    await Promise.resolve();
    return done;
  };

  it('resolves in the task after the frame, not in the frame callback', async () => {
    const { win, frames, timer } = fakeWindow();
    const p = afterFrame(win);
    expect(await settled(p)).toBe(false);
    frames[0]();
    // The frame's callback only sets a zero timeout: the frame is drawn before it runs.
    expect(await settled(p)).toBe(false);
    timer(0)();
    expect(await settled(p)).toBe(true);
  });

  it('resolves where no frame comes, after the 100 ms timer and a zero timeout', async () => {
    const { win, timer } = fakeWindow();
    const p = afterFrame(win);
    timer(100)();
    expect(await settled(p)).toBe(false);
    timer(0)();
    expect(await settled(p)).toBe(true);
  });
});
