import { describe, expect, it } from 'vitest';
import { LoadError } from '../../../src/app/fetchText';
import { describeFault, faultOf, isRetryable, MIN_STARTUP_MS, StartupFaultError, watchStartup, workerFault, workerFileName } from '../../../src/app/startupWatchdog';
import { fr } from '../../../src/i18n/fr';
import { en } from '../../../src/i18n/messages';

const WORKER = 'http://127.0.0.1/app/assets/maplibre-gl-worker-Ab12.mjs';

describe('workerFault', () => {
  it('calls a 404 missing and names the file', () => {
    expect(workerFault('assets/w.mjs', 404, 'text/html')).toEqual({ kind: 'worker-missing', file: 'assets/w.mjs', reason: 'HTTP 404' });
  });
  it('calls text/plain and an SPA’s text/html a wrong MIME type', () => {
    expect(workerFault('w.mjs', 200, 'text/plain; charset=utf-8')).toEqual({ kind: 'worker-mime', file: 'w.mjs', contentType: 'text/plain' });
    expect(workerFault('w.mjs', 200, 'text/html')).toMatchObject({ kind: 'worker-mime' });
  });
  it('accepts the JavaScript MIME types, and concludes nothing from a server that refuses HEAD or sends no type', () => {
    for (const type of ['text/javascript', 'application/javascript; charset=utf-8', 'application/x-javascript', 'text/ecmascript']) expect(workerFault('w.mjs', 200, type)).toBeNull();
    expect(workerFault('w.mjs', 405, null)).toBeNull();
    expect(workerFault('w.mjs', 501, 'text/html')).toBeNull();
    expect(workerFault('w.mjs', 200, null)).toBeNull();
  });
});

describe('faultOf and describeFault', () => {
  it('words each file failure in English and French, naming the file', () => {
    for (const kind of ['http', 'network', 'html', 'timeout', 'invalid'] as const) {
      const fault = faultOf(new LoadError('data/ucdp.csv', 'HTTP 404', kind), 30_000);
      expect(fault).toMatchObject({ kind: 'file', failure: kind, file: 'data/ucdp.csv' });
      for (const messages of [en, fr]) {
        const text = describeFault(fault, messages);
        expect(text).toContain('data/ucdp.csv');
        expect(text).not.toMatch(/\{\w+\}/);
      }
    }
    expect(describeFault(faultOf(new LoadError('a.csv', 'x', 'timeout'), 30_000), en)).toContain('30 s');
  });
  it('recognises maplibre’s GPUInitializationError as a WebGL fault', () => {
    const error = Object.assign(new Error('WebGL2 is required to display this map.'), { name: 'GPUInitializationError' });
    expect(faultOf(error, 1)).toMatchObject({ kind: 'webgl' });
    expect(describeFault(faultOf(error, 1), fr)).toContain('WebGL');
  });
  it('passes the watchdog’s own faults through and words the rest as "cannot start"', () => {
    expect(faultOf(new StartupFaultError({ kind: 'map-timeout', seconds: 60 }), 1)).toEqual({ kind: 'map-timeout', seconds: 60 });
    expect(describeFault(faultOf(new Error('boom'), 1), en)).toBe('The map cannot start: boom');
    expect(describeFault({ kind: 'worker-mime', file: 'assets/w.mjs', contentType: 'text/plain' }, en)).toContain('“text/plain”');
  });
  it('offers a retry only where a second try may help', () => {
    expect(isRetryable({ kind: 'map-timeout', seconds: 60 })).toBe(true);
    expect(isRetryable(faultOf(new LoadError('a', 'x', 'timeout'), 1))).toBe(true);
    expect(isRetryable(faultOf(new LoadError('a', 'x', 'html'), 1))).toBe(false);
    expect(isRetryable({ kind: 'worker-missing', file: 'w', reason: 'HTTP 404' })).toBe(false);
  });
  it('workerFileName keeps the path from assets/ on', () => {
    expect(workerFileName(WORKER)).toBe('assets/maplibre-gl-worker-Ab12.mjs');
  });
});

/** A controllable clock and a HEAD answer, so the watchdog's decisions run without a network or a wall clock. */
function harness(head: () => Promise<Response>) {
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let now = 0;
  let id = 0;
  return {
    options: {
      workerUrl: WORKER,
      timeoutMs: 1000,
      fetch: (() => head()) as unknown as typeof fetch,
      setTimeout: (fn: () => void, ms: number) => {
        timers.push({ at: now + ms, fn, id: ++id });
        return id;
      },
      clearTimeout: (h: unknown) => {
        const i = timers.findIndex((t) => t.id === h);
        if (i >= 0) timers.splice(i, 1);
      },
    },
    advance(ms: number) {
      now += ms;
      for (const t of timers.filter((t) => t.at <= now)) {
        timers.splice(timers.indexOf(t), 1);
        t.fn();
      }
    },
    pending: () => timers.length,
  };
}

const ok = () => Promise.resolve(new Response(null, { status: 200, headers: { 'content-type': 'text/javascript' } }));
const never = <T>() => new Promise<T>(() => undefined);

describe('watchStartup', () => {
  it('resolves with the app when it starts, and clears its timer', async () => {
    const h = harness(ok);
    await expect(watchStartup(async () => 'app', h.options)).resolves.toBe('app');
    expect(h.pending()).toBe(0);
  });
  it('rejects at once when the worker probe finds it missing, while the start still hangs', async () => {
    const h = harness(() => Promise.resolve(new Response('<!doctype html>', { status: 404, headers: { 'content-type': 'text/html' } })));
    const error = await watchStartup(() => never(), h.options).catch((e: unknown) => e);
    expect(faultOf(error, 1000)).toEqual({ kind: 'worker-missing', file: 'assets/maplibre-gl-worker-Ab12.mjs', reason: 'HTTP 404' });
  });
  it('rejects with map-timeout after twice the load timeout, not before', async () => {
    const h = harness(ok);
    let outcome: unknown = 'pending';
    watchStartup(() => never(), { ...h.options, timeoutMs: 40_000 }).catch((e: unknown) => (outcome = e));
    h.advance(79_999);
    await Promise.resolve();
    expect(outcome).toBe('pending');
    h.advance(1);
    await Promise.resolve();
    expect(faultOf(outcome, 40_000)).toEqual({ kind: 'map-timeout', seconds: 80 });
  });
  it('gives the whole start-up at least a minute when the request limit is short', async () => {
    const h = harness(ok);
    let outcome: unknown = 'pending';
    watchStartup(() => never(), h.options).catch((e: unknown) => (outcome = e));
    h.advance(MIN_STARTUP_MS - 1);
    await Promise.resolve();
    expect(outcome).toBe('pending');
    h.advance(1);
    await Promise.resolve();
    expect(faultOf(outcome, 1000)).toEqual({ kind: 'map-timeout', seconds: 60 });
  });
  it('passes the start’s own error on, and ignores a probe that cannot reach the server', async () => {
    const h = harness(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await watchStartup(() => Promise.reject(new LoadError('data/x.csv', 'HTTP 500', 'http')), h.options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoadError);
  });
  it('turns a start that throws synchronously (no WebGL) into a rejection', async () => {
    const h = harness(ok);
    const start = (): Promise<never> => {
      throw Object.assign(new Error('WebGL2 is required'), { name: 'GPUInitializationError' });
    };
    const error = await watchStartup(start, h.options).catch((e: unknown) => e);
    expect(faultOf(error, 1000).kind).toBe('webgl');
  });
});
