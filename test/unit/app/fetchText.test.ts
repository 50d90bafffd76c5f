import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchText, isHtmlResponse, LoadError } from '../../../src/app/fetchText';
import { DEFAULT_LOAD_TIMEOUT_MS, loadTimeoutMs } from '../../../src/app/loadTimeout';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('isHtmlResponse', () => {
  it('recognises a web page by its content type', () => {
    expect(isHtmlResponse('text/html; charset=utf-8', 'id,date\n1,2021')).toBe(true);
    expect(isHtmlResponse('application/xhtml+xml', '')).toBe(true);
  });
  it('recognises a web page by its first tag, whatever the content type says', () => {
    expect(isHtmlResponse('text/plain', '<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(isHtmlResponse(null, '\uFEFF  <html><head>')).toBe(true);
    expect(isHtmlResponse('application/octet-stream', '<!doctype html>')).toBe(true);
  });
  it('leaves CSV and JSON alone, even when they mention HTML later', () => {
    expect(isHtmlResponse('text/csv', 'id,summary\n1,"<html> in a text"')).toBe(false);
    expect(isHtmlResponse('application/geo+json', '{"type":"FeatureCollection"}')).toBe(false);
    expect(isHtmlResponse(null, '<htmlish,column\n1,2')).toBe(false);
  });
});

describe('loadTimeoutMs', () => {
  it('is 30 s unless the page set a positive number', () => {
    expect(loadTimeoutMs({})).toBe(DEFAULT_LOAD_TIMEOUT_MS);
    expect(DEFAULT_LOAD_TIMEOUT_MS).toBe(30_000);
    expect(loadTimeoutMs({ sahelIncidentMapLoadTimeoutMs: 1500 })).toBe(1500);
    expect(loadTimeoutMs({ sahelIncidentMapLoadTimeoutMs: -1 })).toBe(DEFAULT_LOAD_TIMEOUT_MS);
    expect(loadTimeoutMs({ sahelIncidentMapLoadTimeoutMs: '5' })).toBe(DEFAULT_LOAD_TIMEOUT_MS);
  });
});

describe('fetchText', () => {
  it('fetchText(url) rejects a web page served for a CSV with an "html" LoadError naming the file', async () => {
    vi.stubGlobal('fetch', async () => new Response('<!doctype html><title>App</title>', { status: 200, headers: { 'content-type': 'text/html' } }));
    const error = await fetchText('/data/x.csv', 'data/x.csv').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoadError);
    expect(error).toMatchObject({ file: 'data/x.csv', kind: 'html' });
  });

  it('fetchText(url) names an HTTP error', async () => {
    vi.stubGlobal('fetch', async () => new Response('nope', { status: 404 }));
    await expect(fetchText('/a.csv', 'a.csv')).rejects.toMatchObject({ kind: 'http', reason: 'HTTP 404' });
  });

  it('fetchText(url, file, 1000) gives up on a request that never answers after 1 s, with a "timeout" LoadError', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))));
    const result = fetchText('/hang.csv', 'hang.csv', 1000).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(999);
    let settled = false;
    void result.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await result).toMatchObject({ kind: 'timeout', file: 'hang.csv' });
  });

  it('fetchText(url, file, 1000) lets a slow download finish as long as bytes keep arriving', async () => {
    vi.useFakeTimers();
    const chunks = ['id,', 'date\n', '1,', '2021-01-01\n', '2,2021-01-02'];
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((r) => setTimeout(r, 600));
        const next = chunks.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(next));
      },
    });
    vi.stubGlobal('fetch', async () => new Response(body, { status: 200, headers: { 'content-type': 'text/csv' } }));
    const result = fetchText('/slow.csv', 'slow.csv', 1000);
    await vi.advanceTimersByTimeAsync(4000);
    await expect(result).resolves.toBe('id,date\n1,2021-01-01\n2,2021-01-02');
  });

  it('fetchText(url, file, 1000) gives up on a download that stops half-way', async () => {
    vi.useFakeTimers();
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (!sent) controller.enqueue(new TextEncoder().encode('id,date\n'));
        sent = true;
        return new Promise(() => undefined);
      },
    });
    vi.stubGlobal('fetch', async () => new Response(body, { status: 200 }));
    const result = fetchText('/stall.csv', 'stall.csv', 1000).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1500);
    expect(await result).toMatchObject({ kind: 'timeout', file: 'stall.csv' });
  });

  it('fetchText(url) returns the text of a good answer', async () => {
    vi.stubGlobal('fetch', async () => new Response('id,date\n1,2021-01-01', { status: 200, headers: { 'content-type': 'text/csv' } }));
    await expect(fetchText('/a.csv', 'a.csv')).resolves.toBe('id,date\n1,2021-01-01');
  });
});
