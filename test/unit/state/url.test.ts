// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { bindUrlState, readUrlState, URL_WRITE_INTERVAL_MS, writeUrlState } from '../../../src/state';
import { formatDay, isSelection, STATE_PARAMS } from '../../../src/state';
import { createStore, DEFAULT_STATE, AREA_IDS, CHOROPLETH_MODES, FOCUS_AREA_IDS, TIME_MODES, type AppState } from '../../../src/state';
import { COUNTRIES, EVENT_TYPES } from '../../../src/types';
import { expectValidPatch } from './validPatch';

const URL_FIELDS = ['from', 'to', 'mode', 'types', 'countries', 'hiddenDatasets', 'view', 'selection', 'metric', 'speed', 'area', 'choropleth'] as const;
const pick = (s: AppState) => Object.fromEntries(URL_FIELDS.map((k) => [k, s[k]]));
const fail = (message: string) => {
  throw new Error(`unexpected warning: ${message}`);
};

const dayArb = fc
  .integer({ min: Date.UTC(1000, 0, 1) / 86_400_000, max: Date.UTC(9999, 11, 31) / 86_400_000 })
  .map((d) => new Date(d * 86_400_000));
const datasetIdArb = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,15}$/);
const selectionArb = fc
  .tuple(datasetIdArb, fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' }))
  .map(([d, id]) => `${d}:${id}`)
  .filter(isSelection);

/** Any state the app can be in (`from` ≤ `to`, lists in canonical order). */
const stateArb: fc.Arbitrary<AppState> = fc.record({
  days: fc.tuple(dayArb, dayArb).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
  mode: fc.constantFrom(...TIME_MODES),
  types: fc.subarray([...EVENT_TYPES]),
  countries: fc.subarray([...COUNTRIES]),
  view: fc.constantFrom(...FOCUS_AREA_IDS, null),
  selection: fc.option(selectionArb, { nil: null }),
  playing: fc.boolean(),
  speed: fc.constantFrom(1, 2, 4),
  hiddenDatasets: fc.uniqueArray(datasetIdArb, { maxLength: 4 }),
  metric: fc.constantFrom('events' as const, 'deaths' as const),
  area: fc.constantFrom(...AREA_IDS, null),
  choropleth: fc.constantFrom(...CHOROPLETH_MODES),
    matching: fc.boolean(),
}).map(({ days: [from, to], ...rest }) => ({ from, to, ...rest }));

describe('readUrlState / writeUrlState', () => {
  it('writes only from and to for the default state', () => {
    expect(writeUrlState(DEFAULT_STATE)).toBe('?from=2021-03-01&to=2021-04-05');
  });

  it('writes changed fields in a stable, readable order', () => {
    const s: AppState = { ...DEFAULT_STATE, speed: 2, selection: 'ucdp:42', types: ['Battles', 'Violence against civilians'], view: null, countries: ['Mali'] };
    expect(writeUrlState(s)).toBe('?from=2021-03-01&to=2021-04-05&types=battles,violence-against-civilians&countries=mli&view=none&selection=ucdp:42&speed=2');
  });

  it('round-trips any valid state on the URL fields', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const read = readUrlState(writeUrlState(s), fail);
        expect(pick({ ...DEFAULT_STATE, ...read })).toEqual(pick(s));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on junk query strings and yields only valid values', () => {
    const junkValue = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('2021-02-29', '2021-03-01', '2020-12-31', '2021-04-05', 'battles,x', 'none', '4', '', 'a:b'));
    const pairs = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...STATE_PARAMS), fc.string()), junkValue), { maxLength: 8 });
    const query = fc.oneof(
      fc.string({ unit: 'binary' }),
      pairs.map((ps) => `?${ps.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`),
      pairs.map((ps) => `?${ps.map(([k, v]) => `${k}=${v}`).join('&')}`),
      // Real days in either order, among junk: the window must still come out ordered.
      fc.tuple(dayArb, dayArb, pairs).map(([a, b, ps]) => `?from=${formatDay(a)}&to=${formatDay(b)}&${new URLSearchParams(ps)}`),
    );
    fc.assert(
      fc.property(query, (search) => {
        expectValidPatch(readUrlState(search, () => {}));
      }),
      { numRuns: 1000 },
    );
  });

  it('ignores an invalid parameter with a console warning and keeps the valid ones', () => {
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const read = readUrlState('?mode=sideways&metric=deaths', console.warn);
    expect(read).toEqual({ metric: 'deaths' });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0][0]).toContain('"mode" = "sideways"; expected one of window, cumulative');
    spy.mockRestore();
  });

  it('joins a repeated list parameter and keeps the first of a repeated single one, with a warning', () => {
    const warnings: string[] = [];
    const read = readUrlState('types=riots&types=battles&speed=2&speed=4', (m) => warnings.push(m));
    expect(read).toEqual({ types: ['Battles', 'Riots'], speed: 2 });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('"speed" is given 2 times');
  });

  it('decodes escaped values written by other tools', () => {
    expect(readUrlState('?types=Explosions%2FRemote%20violence%2Cprotests&selection=ucdp%3A7', fail)).toEqual({
      types: ['Explosions/Remote violence', 'Protests'],
      selection: 'ucdp:7',
    });
  });
});

describe('bindUrlState', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', '/map/?embed=1#5/14/2');
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes the state with replaceState, keeping the hash and parameters it does not own', () => {
    const store = createStore();
    const unbind = bindUrlState(store, window);
    store.set({ mode: 'cumulative' }, 'ui');
    expect(window.location.pathname + window.location.search + window.location.hash).toBe('/map/?from=2021-03-01&to=2021-04-05&mode=cumulative&embed=1#5/14/2');
    unbind();
  });

  it('writes at most once per interval and always ends on the latest state', () => {
    const store = createStore();
    const calls: string[] = [];
    const original = window.history.replaceState.bind(window.history);
    const spy = vi.spyOn(window.history, 'replaceState').mockImplementation((data, unused, url) => {
      calls.push(String(url));
      original(data, unused, url);
    });
    const unbind = bindUrlState(store, window);
    for (let day = 2; day <= 20; day++) {
      store.set({ from: new Date(Date.UTC(2021, 2, day)) }, 'ui');
      vi.advanceTimersByTime(20);
    }
    // 19 changes over 380 ms: the first at once, then one per 250 ms interval.
    expect(calls).toHaveLength(2);
    vi.advanceTimersByTime(URL_WRITE_INTERVAL_MS);
    expect(calls).toHaveLength(3);
    expect(calls.at(-1)).toContain('from=2021-03-20');
    vi.advanceTimersByTime(10 * URL_WRITE_INTERVAL_MS);
    expect(calls).toHaveLength(3);
    unbind();
    spy.mockRestore();
  });

  it('writes nothing for changes outside the URL fields', () => {
    const store = createStore();
    const spy = vi.spyOn(window.history, 'replaceState');
    const unbind = bindUrlState(store, window);
    store.set({ mode: 'cumulative' }, 'ui');
    vi.advanceTimersByTime(URL_WRITE_INTERVAL_MS);
    spy.mockClear();
    store.set({ playing: true }, 'play');
    vi.advanceTimersByTime(URL_WRITE_INTERVAL_MS);
    expect(spy).not.toHaveBeenCalled();
    unbind();
    spy.mockRestore();
  });

  it('survives a replaceState that throws (sandboxed iframe)', () => {
    const store = createStore();
    const spy = vi.spyOn(window.history, 'replaceState').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    const unbind = bindUrlState(store, window);
    expect(() => store.set({ metric: 'deaths' }, 'ui')).not.toThrow();
    expect(store.get().metric).toBe('deaths');
    unbind();
    spy.mockRestore();
  });

  it('unbinding writes the pending change and stops listening', () => {
    const store = createStore();
    const unbind = bindUrlState(store, window);
    store.set({ speed: 2 }, 'ui');
    store.set({ speed: 4 }, 'ui');
    unbind();
    expect(window.location.search).toContain('speed=4');
    store.set({ speed: 1 }, 'ui');
    vi.advanceTimersByTime(URL_WRITE_INTERVAL_MS);
    expect(window.location.search).toContain('speed=4');
  });
});
