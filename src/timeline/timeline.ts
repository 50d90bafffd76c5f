import './timeline.css';
import { utcDay } from 'd3-time';
import { createTimeIndex, dayNumber, type TimeIndex } from '../data/timeIndex';
import type { Formatters } from '../i18n/format';
import type { Messages } from '../i18n/messages';
import { createDerivedView, filterOf, type AppState, type DerivedView, type DerivedViewHandle, type Store } from '../state';
import { weeklyBins, type WeekBin } from './bins';
import { createControls } from './controls';
import { viewStatusText, type TimelineText } from './labels';
import { startPlayer } from './player';
import { paddedDomain, pixelsToWindow, type TimeWindow } from './timeScale';
import { createTrack, type DragTarget, type KeyTarget } from './track';
import {
  clampEnds,
  clampWindow,
  isAtEnd,
  isAtStart,
  offsetMonths,
  rewindWindow,
  shiftWindow,
  stepWindow,
  windowAtEnd,
  windowEndingAt,
  windowSpan,
  type DayExtent,
} from './windowMath';

export interface TimelineOptions {
  /** The data, when the timeline is mounted without a derived view (it then makes its own over this index). */
  index: TimeIndex;
  /**
   * The app's derived view, which the status line, the window and the data's extent are read from.
   * @defaultValue a view of its own over `index` alone (a timeline mounted without a map)
   */
  derived?: DerivedViewHandle;
  messages: Messages;
  formatters: Formatters;
  /**
   * First day the track shows, when later than the data's first day. The bundled UCDP file reaches
   * back to 1989, but the Sahel's records are sparse before the mid-2010s; a track over 35 years
   * leaves a week under a pixel wide. Earlier events stay in the data, in cumulative totals and
   * within reach of the URL and the keyboard (Home). @defaultValue the data's first day
   */
  trackStart?: Date;
}

export interface TimelineHandle {
  /** New data (an import, a dataset toggled): rebins and redraws; the window is left as it is. */
  setIndex(index: TimeIndex): void;
  /** Stops play's timer and every listener, and removes the timeline's elements. */
  destroy(): void;
}

/** What the track bins when no counted dataset is shown. */
const EMPTY_INDEX = createTimeIndex([]);

/** A number per time index, so the bins' cache key changes when a dataset's data does. */
const indexIds = new WeakMap<TimeIndex, number>();
let lastIndexId = 0;
function idOf(index: TimeIndex): number {
  let id = indexIds.get(index);
  if (id === undefined) indexIds.set(index, (id = ++lastIndexId));
  return id;
}

/** Track width when the container has no layout yet (hidden, or a DOM without layout). */
const FALLBACK_WIDTH = 640;

/**
 * Mounts the time slider: status line, weekly histogram with the window as a brush over it, the
 * axis, and the controls. The store is the single source of truth: every control writes
 * `store.set(patch, 'ui')` (play writes `'play'`), and everything is redrawn from `change`, so the
 * URL, the embed API and the buttons all move the same slider. Any manual move pauses play.
 */
export function mountTimeline(container: HTMLElement, store: Store, options: TimelineOptions): TimelineHandle {
  const text: TimelineText = { messages: options.messages, formatters: options.formatters };
  let index = options.index;
  const ownDerived = options.derived ? null : createDerivedView(store, [{ id: 'timeline', role: 'counted', index }]);
  const derived = options.derived ?? ownDerived!;
  let extent: DayExtent | null = derived.get().extent;
  let bins: WeekBin[] = [];
  let mirror: { bins: WeekBin[]; name: string; over: string } | null = null;
  let binsKey = '';

  const root = document.createElement('div');
  root.className = 'timeline';
  root.dataset.testid = 'timeline';
  root.setAttribute('role', 'group');
  root.setAttribute('aria-label', text.messages.timeline);

  const status = document.createElement('div');
  status.className = 'timeline__status';
  status.dataset.testid = 'status';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');

  const chart = document.createElement('div');
  chart.className = 'timeline__chart';
  const tooltip = document.createElement('div');
  tooltip.className = 'timeline__tooltip';
  tooltip.setAttribute('aria-hidden', 'true');
  tooltip.hidden = true;

  /** Applies a new window from the reader's hand: pauses play, and writes nothing when nothing moved. */
  const moveTo = (next: TimeWindow | null) => {
    if (!next) return;
    store.set({ from: next.from, to: next.to, playing: false }, 'ui');
  };

  /** Where Home and End take the window: the ends of the track the reader sees, within the data. */
  const trackExtent = (): DayExtent | null => {
    if (!extent) return null;
    const start = options.trackStart && options.trackStart > extent[0] && options.trackStart < extent[1] ? options.trackStart : extent[0];
    return [start, extent[1]];
  };

  const track = createTrack(tooltip, text, {
    start: () => {
      if (store.get().playing) store.set({ playing: false }, 'ui');
    },
    drag: (target, from, dx, x, originX) => moveTo(windowFromDrag(target, from, dx, x, originX)),
    click: (x) => {
      if (!extent) return;
      const state = store.get();
      const day = utcDay.floor(track.scale().invert(x));
      if (state.mode === 'cumulative') return moveTo(windowEndingAt(state, day, extent));
      const span = windowSpan(state);
      const from = utcDay.offset(day, -Math.floor(span / 2));
      moveTo(clampWindow({ from, to: utcDay.offset(from, span) }, extent));
    },
    key: (event, target) => {
      const next = extent ? windowFromKey(event, target, extent) : null;
      if (!next) return;
      event.preventDefault();
      moveTo(next);
    },
  });

  /**
   * The ARIA slider keys: arrows a day (Shift: a week), Page Up/Down a month, Home/End the ends of
   * the track. On the window they move it whole; on a handle they move that end only (never past
   * the other end). In cumulative mode only the end is the reader's.
   */
  function windowFromKey(event: KeyboardEvent, target: KeyTarget, data: DayExtent): TimeWindow | null {
    const state = store.get();
    const ends = trackExtent() ?? data;
    const days = event.shiftKey ? 7 : 1;
    const cumulative = state.mode === 'cumulative';
    const part = cumulative && target !== 'window' ? 'end' : target;
    const offsetOf = (date: Date): Date | null => {
      switch (event.key) {
        case 'ArrowLeft':
        case 'ArrowDown':
          return utcDay.offset(date, -days);
        case 'ArrowRight':
        case 'ArrowUp':
          return utcDay.offset(date, days);
        case 'PageDown':
          return offsetMonths(date, -1);
        case 'PageUp':
          return offsetMonths(date, 1);
        default:
          return null;
      }
    };
    if (part === 'window') {
      if (event.key === 'Home') return cumulative ? windowEndingAt(state, ends[0], data) : clampWindow({ from: ends[0], to: utcDay.offset(ends[0], windowSpan(state)) }, data);
      if (event.key === 'End') return windowAtEnd(state, data);
      const moved = offsetOf(state.to);
      return moved ? (cumulative ? windowEndingAt(state, moved, data) : shiftWindow(state, dayNumber(moved) - dayNumber(utcDay.floor(state.to)), data)) : null;
    }
    if (part === 'start') {
      const from = event.key === 'Home' ? ends[0] : event.key === 'End' ? state.to : offsetOf(state.from);
      return from ? clampEnds({ from: from > state.to ? state.to : from, to: state.to }, data) : null;
    }
    const to = event.key === 'End' ? ends[1] : event.key === 'Home' ? state.from : offsetOf(state.to);
    if (!to) return null;
    if (cumulative) return windowEndingAt(state, to, data);
    return clampEnds({ from: state.from, to: to < state.from ? state.from : to }, data);
  }

  /**
   * A drag as a window of whole days, from the window at the drag's start and the pointer's travel,
   * so a grab zone wider than a narrow window never makes it jump. Moving keeps the length; a
   * handle moves its end and stops at the other end and at the data's edge; a drag on the empty
   * track draws a new window. In cumulative mode only the end is the reader's.
   */
  function windowFromDrag(target: DragTarget, from: TimeWindow, dx: number, x: number, originX: number): TimeWindow | null {
    if (!extent) return null;
    const state = store.get();
    const scale = track.scale();
    // From the scale's rate, not invert(dx): the scale clamps, and a drag may start at the track's edge.
    const [d0, d1] = scale.domain();
    const [r0, r1] = scale.range();
    const days = (px: number) => Math.round(((d1.getTime() - d0.getTime()) / (r1 - r0 || 1)) * px / 86_400_000);
    const shift = days(dx);
    if (state.mode === 'cumulative') {
      const end = target === 'new' ? utcDay.floor(scale.invert(x)) : utcDay.offset(utcDay.floor(from.to), shift);
      return windowEndingAt(state, end, extent);
    }
    if (target === 'window') return shiftWindow(from, shift, extent);
    if (target === 'start') {
      const start = utcDay.offset(utcDay.floor(from.from), shift);
      return clampEnds({ from: start > from.to ? from.to : start, to: from.to }, extent);
    }
    if (target === 'end') {
      const end = utcDay.offset(utcDay.floor(from.to), shift);
      return clampEnds({ from: from.from, to: end < from.from ? from.from : end }, extent);
    }
    return clampEnds(pixelsToWindow(scale, [Math.min(originX, x), Math.max(originX, x)]), extent);
  }

  const controls = createControls(text, {
    togglePlay() {
      const state = store.get();
      if (state.playing) return store.set({ playing: false }, 'ui');
      if (!extent) return;
      // Play from the end starts over: the reader pressing play wants to see something move.
      const start = isAtEnd(state, extent) ? rewindWindow(state, extent) : { from: state.from, to: state.to };
      store.set({ from: start.from, to: start.to, playing: true }, 'ui');
    },
    setSpeed: (speed) => store.set({ speed }, 'ui'),
    setMode: (mode) => store.set({ mode }, 'ui'),
    setMetric: (metric) => store.set({ metric }, 'ui'),
    step(unit, direction) {
      if (extent) moveTo(stepWindow(store.get(), unit, direction, extent));
    },
  });

  chart.append(track.element, tooltip);
  root.append(status, chart, controls.element);
  container.append(root);

  const domainOf = (state: AppState): [Date, Date] => {
    const [start, end] = extent ?? [state.from, state.to];
    const trackStart = options.trackStart && options.trackStart > start && options.trackStart < end ? options.trackStart : start;
    return paddedDomain([trackStart, end]);
  };

  // Measured on mount and on resize only: reading layout on every slider step would force a reflow.
  const measure = () => chart.clientWidth || container.clientWidth || FALLBACK_WIDTH;
  let width = measure();

  const render = (view: DerivedView) => {
    const { state, shown } = view;
    extent = view.extent;
    const filter = filterOf(state);
    const domain = domainOf(state);
    // Never more bars than the track has pixels, whatever the data's extent (a stray year 9999).
    const maxBins = Math.max(1, Math.floor(width));
    const key = `${filter.types.join('|')}#${filter.countries.join('|')}#${+domain[0]}#${+domain[1]}#${maxBins}`;
    // The bars come from the derived view's shown counted datasets: one dataset is binned as it
    // is; two are binned each on its own and compared, mirrored, never stacked into one bar
    // (issue 14); with none shown the track is empty.
    const binned = view.counted.slice(0, 2);
    const sourcesKey = binned.map((d) => `${d.id}:${idOf(d.index)}`).join('|');
    if (`${key}#${sourcesKey}` !== binsKey) {
      bins = weeklyBins(binned[0]?.index ?? EMPTY_INDEX, filter, domain, maxBins);
      mirror = binned[1] ? { bins: weeklyBins(binned[1].index, filter, domain, maxBins), name: binned[1].name, over: binned[0].name } : null;
      binsKey = `${key}#${sourcesKey}`;
    }
    const range = text.formatters.range(shown.from, shown.to);
    // Written only when it changes: a drag step that keeps the totals touches no text.
    const line = viewStatusText(text, view);
    if (status.textContent !== line) status.textContent = line;
    // While playing, the line changes every frame: hold the announcements until play stops.
    if (status.getAttribute('aria-busy') !== String(state.playing)) status.setAttribute('aria-busy', String(state.playing));
    root.classList.toggle('timeline--cumulative', state.mode === 'cumulative');
    root.classList.toggle('timeline--playing', state.playing);
    track.update({
      width,
      domain,
      bins,
      window: shown,
      metric: state.metric,
      cumulative: state.mode === 'cumulative',
      valueText: range,
      mirror,
      startText: text.formatters.day(shown.from),
      endText: text.formatters.day(shown.to),
    });
    controls.update(state, {
      hasData: extent !== null,
      atStart: extent ? isAtStart(state, extent) : true,
      atEnd: extent ? isAtEnd(state, extent) : true,
    });
  };

  // A dataset added or removed rebuilds every bar (a few thousand at 1989–2023's weeks): that
  // happens in a task of its own, after the one that added the layer. Any other change, a drag
  // step among them, renders at once and takes the pending rebuild with it.
  let rebuild: ReturnType<typeof setTimeout> | null = null;
  const renderNow = (view: DerivedView) => {
    if (rebuild !== null) clearTimeout(rebuild);
    rebuild = null;
    render(view);
  };
  const off = derived.on('change', (view, _previous, source) => {
    if (source !== 'data') renderNow(view);
    else rebuild ??= setTimeout(() => renderNow(derived.get()), 0);
  });
  const stopPlayer = startPlayer(store, () => derived.get().extent);

  const observer =
    typeof ResizeObserver === 'undefined'
      ? null
      : new ResizeObserver(() => {
          if (measure() === width) return;
          width = measure();
          renderNow(derived.get());
        });
  observer?.observe(chart);

  render(derived.get());

  return {
    setIndex(next) {
      index = next;
      // With the app's derived view the bars follow its datasets by themselves.
      if (ownDerived) ownDerived.setSources([{ id: 'timeline', role: 'counted', index }]);
    },
    destroy() {
      off();
      if (rebuild !== null) clearTimeout(rebuild);
      ownDerived?.destroy();
      stopPlayer();
      observer?.disconnect();
      track.destroy();
      root.remove();
    },
  };
}
