// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTimeIndex } from '../../../src/data/timeIndex';
import { createFormatters } from '../../../src/i18n/format';
import { en } from '../../../src/i18n/messages';
import { createDerivedView, createStore, DEFAULT_STATE, type Store } from '../../../src/state';
import { mountTimeline, type TimelineHandle } from '../../../src/timeline/timeline';
import { makeIncident } from '../data/makeIncident';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);

// 1 Mar 2021 (Mon) .. 25 Apr 2021 (Sun): eight whole weeks of data.
const incidents = [
  makeIncident({ id: '1', dateStart: d('2021-03-01'), deathsBest: 4 }),
  makeIncident({ id: '2', dateStart: d('2021-03-03'), deathsBest: 1 }),
  makeIncident({ id: '3', dateStart: d('2021-03-09'), deathsBest: 10, eventType: 'Violence against civilians' }),
  makeIncident({ id: '4', dateStart: d('2021-03-10'), deathsBest: 0, country: 'Mali' }),
  makeIncident({ id: '5', dateStart: d('2021-03-16'), deathsBest: 190 }),
  makeIncident({ id: '6', dateStart: d('2021-04-25'), deathsBest: 2 }),
];

const q = (root: ParentNode, id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;

describe('mountTimeline', () => {
  let container: HTMLElement;
  let store: Store;
  let handle: TimelineHandle;

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    store = createStore({ ...DEFAULT_STATE, from: d('2021-03-01'), to: d('2021-03-07') });
    handle = mountTimeline(container, store, { index: createTimeIndex(incidents), messages: en, formatters: createFormatters() });
  });

  afterEach(() => {
    handle.destroy();
    container.remove();
    vi.useRealTimers();
  });

  it('renders the status line from the store window and the index totals', () => {
    const status = q(container, 'status');
    expect(status.getAttribute('role')).toBe('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('1–7 Mar 2021 · 2 incidents · 5 deaths');
  });

  it('has every control with its test id, as real buttons and a select', () => {
    const root = q(container, 'timeline');
    expect(root.classList.contains('timeline')).toBe(true);
    for (const id of ['play', 'mode', 'metric', 'step-back-day', 'step-forward-day', 'step-back-week', 'step-forward-week', 'step-back-month', 'step-forward-month']) {
      expect(q(root, id).tagName).toBe('BUTTON');
    }
    expect(q(root, 'speed').tagName).toBe('SELECT');
    expect(q(root, 'histogram')).toBeTruthy();
    expect(q(root, 'brush').getAttribute('tabindex')).toBe('0');
    expect(q(root, 'brush').getAttribute('aria-label')).toBe(en.brushLabel);
    // Issue 12: the accessible name starts with the visible text (axe label-content-name-mismatch).
    expect(q(root, 'step-back-week').getAttribute('aria-label')).toBe('wk: Back one week');
  });

  it('draws one bar per week, darker inside the window', () => {
    const bars = [...q(container, 'histogram').querySelectorAll('rect')];
    expect(bars).toHaveLength(8);
    expect(bars.map((b) => b.classList.contains('timeline__bar--in'))).toEqual([true, false, false, false, false, false, false, false]);
    expect(bars[2].getAttribute('aria-label')).toBe('Week of 15 Mar 2021: 1 incident, 190 deaths');
  });

  it('a focused bar shows its counts in the tooltip; arrows move the single Tab stop', () => {
    const bars = [...q(container, 'histogram').querySelectorAll<SVGRectElement>('rect')];
    expect(bars.filter((b) => b.getAttribute('tabindex') === '0')).toHaveLength(1);
    bars[0].focus();
    const tooltip = container.querySelector<HTMLElement>('.timeline__tooltip')!;
    expect(tooltip.hidden).toBe(false);
    expect(tooltip.textContent).toBe('Week of 1 Mar 2021: 2 incidents, 5 deaths');
    bars[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    expect(document.activeElement).toBe(bars[1]);
    expect(tooltip.textContent).toBe('Week of 8 Mar 2021: 2 incidents, 10 deaths');
    expect(bars.map((b) => b.getAttribute('tabindex'))).toEqual(['-1', '0', '-1', '-1', '-1', '-1', '-1', '-1']);
    bars[1].blur();
    expect(tooltip.hidden).toBe(true);
  });

  it('step-forward-week moves the store window by seven days and updates the status', () => {
    q(container, 'step-forward-week').click();
    expect(iso(store.get().from)).toBe('2021-03-08');
    expect(iso(store.get().to)).toBe('2021-03-14');
    expect(q(container, 'status').textContent).toBe('8–14 Mar 2021 · 2 incidents · 10 deaths');
    const bars = [...q(container, 'histogram').querySelectorAll('rect')];
    expect(bars[1].classList.contains('timeline__bar--in')).toBe(true);
    expect(bars[0].classList.contains('timeline__bar--in')).toBe(false);
  });

  it('a window step leaves the frame and the axis of the track alone (a write to them lays out the whole SVG again)', () => {
    const svg = container.querySelector<SVGSVGElement>('svg.timeline__svg')!;
    const ticks = [...svg.querySelectorAll('.timeline__axis text')];
    const written: string[] = [];
    const write = svg.setAttribute.bind(svg);
    svg.setAttribute = (name: string, value: string) => (written.push(name), write(name, value));
    q(container, 'step-forward-week').click();
    expect(iso(store.get().from)).toBe('2021-03-08');
    expect(written).toEqual([]);
    expect(ticks.length).toBeGreaterThan(0);
    expect(ticks.every((tick, i) => tick === svg.querySelectorAll('.timeline__axis text')[i])).toBe(true);
  });

  it('step buttons at the data start are marked disabled and do nothing', () => {
    const back = q(container, 'step-back-day');
    expect(back.getAttribute('aria-disabled')).toBe('true');
    back.click();
    expect(iso(store.get().from)).toBe('2021-03-01');
  });

  it('status follows the filters in the store', () => {
    store.set({ types: ['Violence against civilians'] }, 'ui');
    store.set({ from: d('2021-03-08'), to: d('2021-03-14') }, 'ui');
    expect(q(container, 'status').textContent).toBe('8–14 Mar 2021 · 1 incident · 10 deaths');
  });

  it('the mode toggle switches to cumulative, counting from the data start', () => {
    store.set({ from: d('2021-03-08'), to: d('2021-03-14') }, 'ui');
    const mode = q(container, 'mode');
    mode.click();
    expect(store.get().mode).toBe('cumulative');
    expect(mode.getAttribute('aria-pressed')).toBe('true');
    expect(q(container, 'status').textContent).toBe('1–14 Mar 2021 · 4 incidents · 15 deaths');
  });

  it('the metric toggle and the speed select write the store', () => {
    q(container, 'metric').click();
    expect(store.get().metric).toBe('deaths');
    expect(q(container, 'histogram').getAttribute('aria-label')).toBe(en.metricDeaths);
    const speed = q(container, 'speed') as HTMLSelectElement;
    speed.value = '4';
    speed.dispatchEvent(new Event('change'));
    expect(store.get().speed).toBe(4);
  });

  it('ArrowRight on the focused brush moves the window a day, Shift+ArrowRight a week', () => {
    const brush = q(container, 'brush');
    brush.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    expect(iso(store.get().from)).toBe('2021-03-02');
    brush.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', shiftKey: true, bubbles: true }));
    expect(iso(store.get().from)).toBe('2021-03-09');
    expect(iso(store.get().to)).toBe('2021-03-15');
    expect(brush.getAttribute('aria-valuetext')).toBe('9–15 Mar 2021');
  });

  it('each handle is a slider that moves its own end: arrows a day, Page Up/Down a month, never past the other end', () => {
    const key = (el: HTMLElement, k: string, shiftKey = false) => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true }));
    const start = q(container, 'handle-start');
    const end = q(container, 'handle-end');
    expect([start.getAttribute('role'), end.getAttribute('role')]).toEqual(['slider', 'slider']);
    expect([start.getAttribute('aria-label'), end.getAttribute('aria-label')]).toEqual([en.windowStart, en.windowEnd]);
    key(end, 'ArrowRight');
    expect([iso(store.get().from), iso(store.get().to)]).toEqual(['2021-03-01', '2021-03-08']);
    expect(end.getAttribute('aria-valuetext')).toBe('8 Mar 2021');
    key(end, 'PageUp');
    expect(iso(store.get().to)).toBe('2021-04-08');
    key(start, 'ArrowRight', true);
    expect(iso(store.get().from)).toBe('2021-03-08');
    key(start, 'End');
    expect(iso(store.get().from)).toBe('2021-04-08');
    key(end, 'ArrowLeft');
    expect([iso(store.get().from), iso(store.get().to)]).toEqual(['2021-04-08', '2021-04-08']);
    key(end, 'End');
    expect(iso(store.get().to)).toBe('2021-04-25');
  });

  it('Home and End on the window take it to the ends of the track; Page Down moves it a month back', () => {
    const brush = q(container, 'brush');
    brush.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    expect([iso(store.get().from), iso(store.get().to)]).toEqual(['2021-04-19', '2021-04-25']);
    brush.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown', bubbles: true }));
    expect([iso(store.get().from), iso(store.get().to)]).toEqual(['2021-03-19', '2021-03-25']);
    brush.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
    expect([iso(store.get().from), iso(store.get().to)]).toEqual(['2021-03-01', '2021-03-07']);
  });

  it('play advances the window one week per 600 ms and stops at the end', () => {
    vi.useFakeTimers();
    q(container, 'play').click();
    expect(store.get().playing).toBe(true);
    expect(q(container, 'play').getAttribute('aria-label')).toBe('Pause');
    vi.advanceTimersByTime(599);
    expect(iso(store.get().from)).toBe('2021-03-01');
    vi.advanceTimersByTime(1);
    expect(iso(store.get().from)).toBe('2021-03-08');
    expect(q(container, 'status').textContent).toBe('8–14 Mar 2021 · 2 incidents · 10 deaths');
    vi.advanceTimersByTime(600 * 20);
    expect(store.get().playing).toBe(false);
    expect(iso(store.get().from)).toBe('2021-04-19');
    expect(iso(store.get().to)).toBe('2021-04-25');
    expect(q(container, 'play').getAttribute('aria-label')).toBe('Play');
  });

  it('play at speed 4 takes 150 ms a frame, and a manual step pauses it', () => {
    vi.useFakeTimers();
    store.set({ speed: 4 }, 'ui');
    q(container, 'play').click();
    vi.advanceTimersByTime(150);
    expect(iso(store.get().from)).toBe('2021-03-08');
    q(container, 'step-forward-day').click();
    expect(store.get().playing).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(iso(store.get().from)).toBe('2021-03-09');
  });

  it('play from the end starts over from the data start', () => {
    vi.useFakeTimers();
    store.set({ from: d('2021-04-19'), to: d('2021-04-25') }, 'ui');
    q(container, 'play').click();
    expect(iso(store.get().from)).toBe('2021-03-01');
    expect(store.get().playing).toBe(true);
  });

  it('setIndex rebins new data in a task of its own, or at once when the state changes first', async () => {
    const bars = () => q(container, 'histogram').querySelectorAll('rect').length;
    const before = bars();
    handle.setIndex(createTimeIndex(incidents.slice(0, 2)));
    // The task that added the data ends before every bar is rebuilt.
    expect(bars()).toBe(before);
    await new Promise((r) => setTimeout(r, 0));
    expect(bars()).toBe(1);
    expect(q(container, 'status').textContent).toBe('1–7 Mar 2021 · 2 incidents · 5 deaths');
    handle.setIndex(createTimeIndex(incidents));
    store.set({ from: d('2021-03-08'), to: d('2021-03-14') }, 'ui');
    expect(bars()).toBe(before);
  });

  it('destroy removes the timeline and stops listening', () => {
    handle.destroy();
    expect(container.querySelector('.timeline')).toBeNull();
    store.set({ from: d('2021-03-08'), to: d('2021-03-14') }, 'ui');
    expect(container.children).toHaveLength(0);
  });
});

describe('mountTimeline with two counted datasets (issue 14)', () => {
  it('mirrors the second dataset under the first and writes one figure per dataset, never their sum', () => {
    const container = document.createElement('div');
    document.body.append(container);
    const store = createStore({ ...DEFAULT_STATE, from: d('2021-03-01'), to: d('2021-03-07') });
    const a = createTimeIndex(incidents);
    const b = createTimeIndex([makeIncident({ id: 'b1', dataset: 'acled', dateStart: d('2021-03-02'), deathsBest: 9 })]);
    const derived = createDerivedView(store, [
      { id: 'ucdp', role: 'counted', index: a, name: 'UCDP GED' },
      { id: 'acled', role: 'counted', index: b, name: 'ACLED' },
    ]);
    const handle = mountTimeline(container, store, { index: a, derived, messages: en, formatters: createFormatters() });
    expect(q(container, 'status').textContent).toBe('1–7 Mar 2021 · UCDP GED: 2 incidents · 5 deaths | ACLED: 1 · 9');
    // The second dataset is drawn as paths, one box a week below the axis: ACLED's one week, 9 deaths tall.
    const mirror = container.querySelector('[data-testid="mirror-bars"]')!;
    expect(mirror.closest('[aria-hidden="true"]')).not.toBeNull();
    expect(mirror.getAttribute('d')?.match(/M/g)).toHaveLength(1);
    expect(container.querySelector('[data-testid="mirror-bars-in"]')!.getAttribute('d')).toBe(mirror.getAttribute('d'));
    // Its figures are read with the first dataset's bar of the same week: both, never their sum.
    const labels = [...container.querySelectorAll('.timeline__bars:not(.timeline__bars--mirror) rect')].map((r) => r.getAttribute('aria-label') ?? '');
    expect(labels.filter((l) => l.includes('ACLED: Week of 1 Mar'))).toEqual(['UCDP GED: Week of 1 Mar 2021: 2 incidents, 5 deaths | ACLED: Week of 1 Mar 2021: 1 incident, 9 deaths']);
    // The full-strength copy is clipped to the window's weeks: the clip covers the week of 1 March, and none once the window leaves it.
    const clip = container.querySelector('[data-testid="mirror-window"]')!;
    const week = container.querySelector<SVGRectElement>('.timeline__bars:not(.timeline__bars--mirror) rect[aria-label*="ACLED: Week of 1 Mar"]')!;
    const [, left, right] = clip.getAttribute('d')!.match(/^M([\d.]+),-1H([\d.]+)V/)!.map(Number);
    expect(left).toBeLessThanOrEqual(Number(week.getAttribute('x')));
    expect(right).toBeGreaterThanOrEqual(Number(week.getAttribute('x')) + Number(week.getAttribute('width')));
    store.set({ from: d('2021-06-01'), to: d('2021-06-07') }, 'ui');
    expect(clip.getAttribute('d')).toBe('M0,0Z');
    expect([...container.querySelectorAll('.timeline__series-labels text')].map((t) => t.textContent)).toEqual(['▲ UCDP GED', '▼ ACLED']);
    handle.destroy();
    container.remove();
  });
});
