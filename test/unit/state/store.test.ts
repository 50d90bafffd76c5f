import { describe, expect, it } from 'vitest';
import { createStore, DEFAULT_STATE } from '../../../src/state';

describe('createStore', () => {
  it('set(patch) fires change with the new and previous state and the source', () => {
    const store = createStore();
    const seen: string[] = [];
    store.on('change', (s, p, source) => seen.push(`${p.mode}->${s.mode}@${source}`));
    store.set({ mode: 'cumulative' }, 'ui');
    expect(seen).toEqual(['window->cumulative@ui']);
  });

  it('set(patch) with equal values (same day, same array) fires nothing', () => {
    const store = createStore();
    let calls = 0;
    store.on('change', () => calls++);
    store.set({ from: new Date(DEFAULT_STATE.from.getTime()), types: [...DEFAULT_STATE.types] }, 'ui');
    expect(calls).toBe(0);
  });

  it('on() returns an unsubscribe function', () => {
    const store = createStore();
    let calls = 0;
    const off = store.on('change', () => calls++);
    off();
    store.set({ playing: true }, 'ui');
    expect(calls).toBe(0);
    expect(store.get().playing).toBe(true);
  });
});
