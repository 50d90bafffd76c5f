// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://news.example/2021/niger.html", "settings": {"disableIframePageLoading": true}}
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';

/** public/embed.js is a plain script, shipped as written: the test runs the very file the build copies. */
const LOADER = readFileSync(resolve(import.meta.dirname, '../../../public/embed.js'), 'utf8');

/** An IntersectionObserver the test drives by hand. */
class FakeObserver {
  static all: FakeObserver[] = [];
  targets: Element[] = [];
  constructor(private callback: (entries: { isIntersecting: boolean; target: Element }[]) => void) {
    FakeObserver.all.push(this);
  }
  observe(el: Element) {
    this.targets.push(el);
  }
  disconnect() {
    this.targets = [];
  }
  enter() {
    this.callback(this.targets.map((target) => ({ isIntersecting: true, target })));
  }
}

function run(html: string): HTMLIFrameElement[] {
  document.body.innerHTML = html;
  new Function(LOADER)();
  return [...document.querySelectorAll('iframe')];
}

function postFrom(frame: HTMLIFrameElement, data: unknown, origin: string) {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source: frame.contentWindow }));
}

beforeEach(() => {
  FakeObserver.all = [];
  (window as unknown as { IntersectionObserver: unknown }).IntersectionObserver = FakeObserver;
});

describe('embed.js', () => {
  it('turns each [data-sahel-map] into a titled, full-width iframe, loaded only near the viewport', () => {
    const [frame] = run('<div data-sahel-map data-from="2021-03-01" data-to="2021-04-05" data-title="Attacks in March"></div>');
    expect(frame.title).toBe('Attacks in March');
    expect(frame.getAttribute('aria-label')).toBe('Attacks in March');
    expect(frame.style.width).toBe('100%');
    expect(frame.getAttribute('src')).toBeNull();
    FakeObserver.all[0].enter();
    const url = new URL(frame.src);
    expect(url.pathname).toBe('/2021/embed.html');
    expect(Object.fromEntries(url.searchParams)).toEqual({ from: '2021-03-01', to: '2021-04-05', title: 'Attacks in March', origins: 'https://news.example' });
  });

  it('has a default accessible name, keeps data-label and data-height for the frame, and honours a given origins list', () => {
    const [frame] = run('<div data-sahel-map data-label="Map of incidents" data-height="400" data-origins="https://cms.example"></div>');
    expect(frame.title).toBe('Map of incidents');
    expect(frame.style.height).toBe('400px');
    FakeObserver.all[0].enter();
    expect(Object.fromEntries(new URL(frame.src).searchParams)).toEqual({ origins: 'https://cms.example' });
    const [plain] = run('<div data-sahel-map></div>');
    expect(plain.title).toMatch(/Niger, Mali and Burkina Faso/);
  });

  it('reads the attributes when the frame loads, so a data-lang set after mounting reaches the map', () => {
    const host = '<div data-sahel-map data-from="2021-03-01"></div>';
    const [frame] = run(host);
    document.querySelector<HTMLElement>('[data-sahel-map]')!.dataset.lang = 'fr';
    FakeObserver.all[0].enter();
    expect(new URL(frame.src).searchParams.get('lang')).toBe('fr');
  });

  it('applies the map’s height message from its own frame and origin only', () => {
    const [a, b] = run('<div data-sahel-map></div><div data-sahel-map></div>');
    for (const o of FakeObserver.all) o.enter();
    // happy-dom does not load frames here: give each its own window, as a browser would.
    for (const f of [a, b]) Object.defineProperty(f, 'contentWindow', { value: { frame: f } });
    const height = (h: unknown) => ({ app: 'sahel-incident-map', version: 1, type: 'height', height: h });
    postFrom(a, height(612.2), 'https://news.example');
    expect(a.style.height).toBe('613px');
    expect(b.style.height).toBe('560px');
    postFrom(a, height(300), 'https://evil.example');
    postFrom(a, height('300px'), 'https://news.example');
    postFrom(a, height(1e9), 'https://news.example');
    postFrom(a, { sentinel: 'amp', type: 'embed-size', height: 200 }, 'https://news.example');
    window.dispatchEvent(new MessageEvent('message', { data: height(100), origin: 'https://news.example', source: null }));
    expect(a.style.height).toBe('613px');
    expect(b.style.height).toBe('560px');
  });

  it('does not mount a container twice when run again', () => {
    run('<div data-sahel-map></div>');
    new Function(LOADER)();
    expect(document.querySelectorAll('iframe')).toHaveLength(1);
  });
});
