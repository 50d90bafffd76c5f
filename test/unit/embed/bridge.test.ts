import { describe, expect, it } from 'vitest';
import { startBridge, type BridgeApp } from '../../../src/embed/bridge';
import type { BBox } from '../../../src/embed/messages';
import { createStore, DEFAULT_STATE } from '../../../src/state';
import { makeIncident } from '../data/makeIncident';

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const ours = (type: string, fields: Record<string, unknown> = {}) => ({ app: 'sahel-incident-map', version: 1, type, ...fields });

/** A window with a parent, whose `message` listener the test calls directly. */
function setup(origins: string[] | null = null) {
  const parent = { name: 'parent' };
  const sibling = { name: 'sibling' };
  let listener: ((e: MessageEvent) => void) | null = null;
  const win = {
    parent,
    addEventListener: (_: string, fn: (e: MessageEvent) => void) => (listener = fn),
    removeEventListener: () => (listener = null),
  } as unknown as Window;
  const store = createStore({ ...DEFAULT_STATE });
  const posted: Record<string, unknown>[] = [];
  const warnings: string[] = [];
  const frames: (() => void)[] = [];
  const bridge = startBridge({ win, store, post: (m) => posted.push(m as Record<string, unknown>), origins, warn: (m) => warnings.push(m), schedule: (fn) => frames.push(fn) });
  /** Runs the animation frames requested so far (the bridge applies messages once per frame). */
  const frame = () => {
    for (const fn of frames.splice(0)) fn();
  };
  const fitted: BBox[] = [];
  const incident = makeIncident({ id: '371234', dataset: 'ucdp', deathsBest: 137 });
  const app: BridgeApp = {
    visible: (s) => ({ incidents: s.from.getTime() === utc(2021, 3, 21).getTime() ? 1 : 99, deaths: 7, datasets: [], area: null }),
    lookup: (key) => (key === 'ucdp:371234' ? incident : undefined),
    fitBounds: (b) => fitted.push(b),
  };
  const send = (data: unknown, from: object = parent, origin = 'https://news.example') =>
    listener?.({ data, source: from, origin } as unknown as MessageEvent);
  return { bridge, store, posted, warnings, app, send, sibling, fitted, frame, frames, types: () => posted.map((m) => m.type) };
}

describe('startBridge', () => {
  it('queues messages until the map is attached, then posts ready and applies them', () => {
    const { bridge, store, app, send, types, posted } = setup();
    send(ours('set-window', { from: '2021-03-21', to: '2021-03-21' }));
    expect(store.get().from).toEqual(DEFAULT_STATE.from);
    bridge.attach(app);
    expect(types()).toEqual(['ready', 'state']);
    expect(store.get().from).toEqual(utc(2021, 3, 21));
    expect(posted[1]).toMatchObject({ state: { from: '2021-03-21', to: '2021-03-21' }, visible: { incidents: 1, deaths: 7 }, changed: ['from', 'to'] });
  });

  it('reports every state change with the visible totals, whoever made it', () => {
    const { bridge, store, app, types, posted, frame } = setup();
    bridge.attach(app);
    store.set({ mode: 'cumulative' }, 'ui');
    frame();
    expect(types()).toEqual(['ready', 'state']);
    expect(posted[1]).toMatchObject({ changed: ['mode'], state: { mode: 'cumulative' } });
  });

  it('answers get-state and any message with a requestId, with that id', () => {
    const { bridge, app, send, posted, frame } = setup();
    bridge.attach(app);
    send(ours('get-state', { requestId: 'q1' }));
    send(ours('pause', { requestId: 'q2' }));
    frame();
    expect(posted.slice(1).map((m) => [m.type, m.requestId])).toEqual([
      ['state', 'q1'],
      ['state', 'q2'],
    ]);
  });

  it('set-window pauses play; play and pause toggle it; select reports the incident', () => {
    const { bridge, store, app, send, posted, frame } = setup();
    bridge.attach(app);
    send(ours('play', { speed: 4 }));
    frame();
    expect(store.get()).toMatchObject({ playing: true, speed: 4 });
    send(ours('set-window', { from: '2021-03-01', to: '2021-03-07' }));
    frame();
    expect(store.get().playing).toBe(false);
    send(ours('select', { selection: 'ucdp:371234' }));
    frame();
    expect(store.get().selection).toBe('ucdp:371234');
    expect(posted.at(-1)).toMatchObject({ type: 'incident-selected', incident: { key: 'ucdp:371234', deathsBest: 137 } });
    send(ours('select', { selection: null }));
    frame();
    expect(posted.at(-1)).toMatchObject({ type: 'incident-selected', incident: null });
  });

  it('set-area selects an area and answers with the state that names it', () => {
    const { bridge, store, app, send, posted, frame } = setup();
    bridge.attach(app);
    send(ours('set-area', { area: 'border', requestId: 'r' }));
    frame();
    expect(store.get().area).toBe('border');
    expect(posted.at(-1)).toMatchObject({ type: 'state', requestId: 'r', state: { area: 'border' }, changed: ['area'] });
    send(ours('set-area', { area: null }));
    frame();
    expect(store.get().area).toBeNull();
  });

  it('figuresChanged() posts a state with no changed field (the areas arrived after the start)', () => {
    const { bridge, app, posted } = setup();
    bridge.figuresChanged();
    expect(posted).toHaveLength(0);
    bridge.attach(app);
    bridge.figuresChanged();
    expect(posted.at(-1)).toMatchObject({ type: 'state', changed: [] });
  });

  it('refuses to select an incident that is not loaded, with an error', () => {
    const { bridge, store, app, send, posted, frame } = setup();
    bridge.attach(app);
    send(ours('select', { selection: 'ucdp:1', requestId: 's' }));
    frame();
    expect(store.get().selection).toBeNull();
    expect(posted.at(-1)).toMatchObject({ type: 'error', requestId: 's' });
  });

  it('fly-to a box fits the map and leaves the named view', () => {
    const { bridge, store, app, send, fitted, frame } = setup();
    bridge.attach(app);
    send(ours('fly-to', { bbox: [0, 12, 4, 15] }));
    frame();
    expect(fitted).toEqual([[0, 12, 4, 15]]);
    expect(store.get().view).toBeNull();
    send(ours('fly-to', { view: 'niamey' }));
    frame();
    expect(store.get().view).toBe('niamey');
  });

  it('changes nothing for malformed messages, and answers the parent with an error', () => {
    const { bridge, store, app, send, posted, warnings } = setup();
    bridge.attach(app);
    const before = store.get();
    send(ours('set-window', { from: 'yesterday', requestId: 'bad' }));
    send(ours('set-filters', { types: 'cats' }));
    send({ ...ours('pause'), version: 9 });
    expect(store.get()).toBe(before);
    expect(posted.slice(1).map((m) => m.type)).toEqual(['error', 'error', 'error']);
    expect(posted[1].requestId).toBe('bad');
    expect(warnings.length).toBeGreaterThanOrEqual(3);
  });

  it('ignores windows other than the parent, and origins off the allowlist, without answering them', () => {
    const { bridge, store, app, send, sibling, posted, warnings, frame } = setup(['https://news.example']);
    bridge.attach(app);
    const before = store.get();
    send(ours('set-window', { from: '2021-03-21' }), sibling);
    send(ours('set-window', { from: '2021-03-21' }), undefined, 'https://evil.example');
    expect(store.get()).toBe(before);
    expect(posted.map((m) => m.type)).toEqual(['ready']);
    expect(warnings).toHaveLength(2);
    send(ours('set-window', { from: '2021-03-21' }));
    frame();
    expect(store.get().from).toEqual(utc(2021, 3, 21));
  });

  it('warns once about other scripts’ messages and ignores Pym’s width messages silently', () => {
    const { bridge, app, send, warnings, posted } = setup();
    bridge.attach(app);
    send({ sentinel: 'amp', type: 'embed-size', height: 3 });
    send('setImmediate$0.123');
    send('pymxPYMxmap-1xPYMxwidthxPYMx640');
    expect(warnings).toHaveLength(1);
    expect(posted.map((m) => m.type)).toEqual(['ready']);
  });

  it('reports a failure as an error message', () => {
    const { bridge, posted } = setup();
    bridge.fail('Could not load data/ucdp.csv');
    expect(posted).toEqual([{ app: 'sahel-incident-map', version: 1, type: 'error', message: 'Could not load data/ucdp.csv' }]);
  });

  it('answers each of 100 set-window messages sent before ready exactly once, with its id', () => {
    const { bridge, store, app, send, posted } = setup();
    for (let i = 0; i < 100; i++) send(ours('set-window', { from: '2021-03-01', to: `2021-03-${String((i % 28) + 1).padStart(2, '0')}`, requestId: `w${i}` }));
    bridge.attach(app);
    const answered = posted.filter((m) => m.requestId !== undefined).map((m) => m.requestId);
    expect(answered).toEqual(Array.from({ length: 100 }, (_, i) => `w${i}`));
    // The last message wins: 99 % 28 + 1 = 16.
    expect(store.get().to).toEqual(utc(2021, 3, 16));
    expect(posted.filter((m) => m.type === 'state' && m.requestId === undefined)).toHaveLength(1);
  });

  it('coalesces a flood into one store change and one unsolicited state per frame, with the last window', () => {
    const { bridge, store, app, send, posted, frame, frames } = setup();
    bridge.attach(app);
    let changes = 0;
    store.on('change', () => changes++);
    for (let i = 0; i < 10_000; i++) send(ours('set-window', { from: '2020-01-01', to: i % 2 ? '2021-06-30' : '2021-06-29' }));
    expect(frames).toHaveLength(1);
    frame();
    expect(changes).toBe(1);
    expect(store.get().to).toEqual(utc(2021, 6, 30));
    expect(posted.filter((m) => m.type === 'state')).toHaveLength(1);
    expect(posted.at(-1)).toMatchObject({ type: 'state', state: { from: '2020-01-01', to: '2021-06-30' } });
  });

  it('keeps the order of different message types within a frame', () => {
    const { bridge, store, app, send, frame } = setup();
    bridge.attach(app);
    send(ours('set-window', { from: '2021-03-01', to: '2021-03-07' }));
    send(ours('play'));
    frame();
    expect(store.get().playing).toBe(true);
    send(ours('play'));
    send(ours('set-window', { from: '2021-03-01', to: '2021-03-08' }));
    frame();
    expect(store.get().playing).toBe(false);
  });

  it('answers a refused select in a flood with an error and the others with state', () => {
    const { bridge, app, send, posted, frame } = setup();
    bridge.attach(app);
    send(ours('set-window', { from: '2021-03-02', requestId: 'a' }));
    send(ours('select', { selection: 'ucdp:1', requestId: 'b' }));
    send(ours('get-state'));
    frame();
    const answers = posted.slice(1).filter((m) => m.requestId !== undefined || m.type === 'error').map((m) => [m.type, m.requestId]);
    expect(answers).toEqual([
      ['error', 'b'],
      ['state', 'a'],
    ]);
    // get-state without an id still gets its state, besides the frame's unsolicited one.
    expect(posted.filter((m) => m.type === 'state' && m.requestId === undefined)).toHaveLength(2);
  });

  it('posts one state per frame for changes made on the map, however many', () => {
    const { bridge, store, app, posted, frame } = setup();
    bridge.attach(app);
    for (let d = 1; d <= 20; d++) store.set({ to: utc(2021, 3, d) }, 'ui');
    frame();
    expect(posted.filter((m) => m.type === 'state')).toHaveLength(1);
    expect(posted.at(-1)).toMatchObject({ state: { to: '2021-03-20' } });
  });
});
