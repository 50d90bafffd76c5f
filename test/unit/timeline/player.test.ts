import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore, DEFAULT_STATE } from '../../../src/state';
import { startPlayer } from '../../../src/timeline/player';
import type { DayExtent } from '../../../src/timeline/windowMath';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);
const EXTENT: DayExtent = [d('2021-03-01'), d('2021-03-31')];

describe('startPlayer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts when anyone sets playing (here an embed message), writing frames as "play"', () => {
    const store = createStore({ ...DEFAULT_STATE, from: d('2021-03-01'), to: d('2021-03-07') });
    const sources: string[] = [];
    store.on('change', (_s, _p, source) => sources.push(source));
    const stop = startPlayer(store, () => EXTENT);
    store.set({ playing: true }, 'embed');
    vi.advanceTimersByTime(600);
    expect(iso(store.get().from)).toBe('2021-03-08');
    expect(sources).toEqual(['embed', 'play']);
    stop();
  });

  it('clears playing on the frame that reaches the last day', () => {
    const store = createStore({ ...DEFAULT_STATE, from: d('2021-03-15'), to: d('2021-03-21'), playing: true });
    const stop = startPlayer(store, () => EXTENT);
    vi.advanceTimersByTime(600);
    expect([iso(store.get().to), store.get().playing]).toEqual(['2021-03-28', true]);
    vi.advanceTimersByTime(600);
    expect([iso(store.get().to), store.get().playing]).toEqual(['2021-03-31', false]);
    vi.advanceTimersByTime(6000);
    expect(iso(store.get().to)).toBe('2021-03-31');
    stop();
  });

  it('a speed change applies from the next frame; pausing cancels the pending one', () => {
    const store = createStore({ ...DEFAULT_STATE, from: d('2021-03-01'), to: d('2021-03-07'), playing: true });
    const stop = startPlayer(store, () => EXTENT);
    store.set({ speed: 2 }, 'ui');
    vi.advanceTimersByTime(600);
    expect(iso(store.get().from)).toBe('2021-03-08');
    vi.advanceTimersByTime(300);
    expect(iso(store.get().from)).toBe('2021-03-15');
    store.set({ playing: false }, 'ui');
    vi.advanceTimersByTime(3000);
    expect(iso(store.get().from)).toBe('2021-03-15');
    stop();
  });

  it('without data it stops at once; after stop() nothing fires', () => {
    const store = createStore({ ...DEFAULT_STATE, playing: true });
    startPlayer(store, () => null);
    vi.advanceTimersByTime(600);
    expect(store.get().playing).toBe(false);

    const store2 = createStore({ ...DEFAULT_STATE, from: d('2021-03-01'), to: d('2021-03-07'), playing: true });
    startPlayer(store2, () => EXTENT)();
    vi.advanceTimersByTime(6000);
    expect(iso(store2.get().from)).toBe('2021-03-01');
  });
});
