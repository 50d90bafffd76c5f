import type { Store } from '../state';
import { playAdvance, type DayExtent, type StepUnit } from './windowMath';

export interface PlayerOptions {
  /** Milliseconds between frames at speed 1; speed 2 and 4 divide it. @defaultValue 600 */
  frameMs: number;
  /** How far each frame moves the window. @defaultValue 'week' */
  unit: StepUnit;
}

export const defaultPlayerOptions: PlayerOptions = { frameMs: 600, unit: 'week' };

/**
 * Plays the window forward while the store says `playing`: whoever sets it (the play button, the
 * embed API, a URL) starts the same loop, and whoever clears it stops it. Each frame shifts the
 * window one step with source `'play'`; the frame that reaches the data's last day also clears
 * `playing`, so play stops showing the end. setTimeout, not requestAnimationFrame: a frame every
 * 150–600 ms needs no vsync, and a background tab should not race ahead.
 *
 * Returns the function that stops listening and cancels a pending frame.
 */
export function startPlayer(store: Store, getExtent: () => DayExtent | null, options: Partial<PlayerOptions> = {}): () => void {
  const o = { ...defaultPlayerOptions, ...options };
  let timer: ReturnType<typeof setTimeout> | null = null;

  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const delay = () => {
    const speed = store.get().speed;
    return o.frameMs / (speed > 0 && Number.isFinite(speed) ? speed : 1);
  };

  const frame = () => {
    timer = null;
    const state = store.get();
    const extent = getExtent();
    if (!state.playing) return;
    const next = extent ? playAdvance(state, extent, o.unit) : null;
    if (!next || !extent) {
      store.set({ playing: false }, 'play');
      return;
    }
    const reachedEnd = playAdvance(next, extent, o.unit) === null;
    store.set({ from: next.from, to: next.to, ...(reachedEnd ? { playing: false } : {}) }, 'play');
    if (store.get().playing) schedule();
  };

  function schedule() {
    cancel();
    timer = setTimeout(frame, delay());
  }

  const off = store.on('change', (state, previous) => {
    if (!state.playing) cancel();
    else if (!previous.playing) schedule();
  });
  if (store.get().playing) schedule();

  return () => {
    off();
    cancel();
  };
}
