import './timeline.css';
import { utcDay } from 'd3-time';
import { dayNumber, type TimeIndex } from '../data/timeIndex';
import type { Formatters } from '../i18n/format';
import type { Messages } from '../i18n/messages';
import { createDerivedView, filterOf, type AppState, type DerivedView, type DerivedViewHandle, type Store } from '../state';
import { weeklyBins, type WeekBin } from './bins';
import { createControls } from './controls';
import { statusText, type TimelineText } from './labels';
import { startPlayer } from './player';
import { paddedDomain, pixelsToWindow, snapToDay, type TimeWindow } from './timeScale';
import { createTrack, type BrushMode } from './track';
import {
  clampEnds,
  clampWindow,
  isAtEnd,
  isAtStart,
  rewindWindow,
  shiftWindow,
  stepWindow,
  windowAtEnd,
  windowEndingAt,
  windowSpan,
  type DayExtent,
} from './windowMath';

export interface TimelineOptions {
  /** What the histogram bins: the shown counted datasets as one index. */
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

  const track = createTrack(tooltip, text, {
    start: () => {
      if (store.get().playing) store.set({ playing: false }, 'ui');
    },
    brush: (span, mode) => moveTo(windowFromBrush(span, mode)),
    click: (x) => {
      if (!extent) return;
      const state = store.get();
      const day = utcDay.floor(track.scale().invert(x));
      if (state.mode === 'cumulative') return moveTo(windowEndingAt(state, day, extent));
      const span = windowSpan(state);
      const from = utcDay.offset(day, -Math.floor(span / 2));
      moveTo(clampWindow({ from, to: utcDay.offset(from, span) }, extent));
    },
    key: (event) => {
      if (!extent) return;
      const state = store.get();
      const days = event.shiftKey ? 7 : 1;
      let next: TimeWindow | null = null;
      if (event.key === 'ArrowLeft') next = shiftWindow(state, -days, extent);
      else if (event.key === 'ArrowRight') next = shiftWindow(state, days, extent);
      else if (event.key === 'Home') next = rewindWindow(state, extent);
      else if (event.key === 'End') next = windowAtEnd(state, extent);
      if (!next) return;
      event.preventDefault();
      moveTo(next);
    },
  });

  /**
   * A brushed pixel span as a window of whole days. Dragging the whole window keeps its length
   * (its left edge snaps); dragging a handle resizes and stops at the data's edge; in cumulative
   * mode only the end is the reader's, and the stored window follows it at its own length.
   */
  function windowFromBrush(span: [number, number], mode: BrushMode): TimeWindow | null {
    if (!extent) return null;
    const state = store.get();
    const scale = track.scale();
    const raw = pixelsToWindow(scale, span);
    if (state.mode === 'cumulative') return windowEndingAt(state, raw.to, extent);
    if (mode === 'drag' || mode === 'space') {
      const from = snapToDay(scale, Math.min(span[0], span[1]));
      return shiftWindow(state, dayNumber(from) - dayNumber(utcDay.floor(state.from)), extent);
    }
    return clampEnds(raw, extent);
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
    toggleMode: () => store.set({ mode: store.get().mode === 'cumulative' ? 'window' : 'cumulative' }, 'ui'),
    toggleMetric: () => store.set({ metric: store.get().metric === 'deaths' ? 'events' : 'deaths' }, 'ui'),
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
    const key = `${filter.types.join('|')}#${filter.countries.join('|')}#${+domain[0]}#${+domain[1]}`;
    if (key !== binsKey) {
      bins = weeklyBins(index, filter, domain);
      binsKey = key;
    }
    const range = text.formatters.range(shown.from, shown.to);
    status.textContent = statusText(text, shown, view.totals);
    // While playing, the line changes every frame: hold the announcements until play stops.
    status.setAttribute('aria-busy', String(state.playing));
    root.classList.toggle('timeline--cumulative', state.mode === 'cumulative');
    root.classList.toggle('timeline--playing', state.playing);
    track.update({ width, domain, bins, window: shown, metric: state.metric, cumulative: state.mode === 'cumulative', valueText: range });
    controls.update(state, {
      hasData: extent !== null,
      atStart: extent ? isAtStart(state, extent) : true,
      atEnd: extent ? isAtEnd(state, extent) : true,
    });
  };

  const off = derived.on('change', (view) => render(view));
  const stopPlayer = startPlayer(store, () => derived.get().extent);

  const observer =
    typeof ResizeObserver === 'undefined'
      ? null
      : new ResizeObserver(() => {
          if (measure() === width) return;
          width = measure();
          render(derived.get());
        });
  observer?.observe(chart);

  render(derived.get());

  return {
    setIndex(next) {
      index = next;
      binsKey = '';
      if (ownDerived) ownDerived.setSources([{ id: 'timeline', role: 'counted', index }]);
      else render(derived.get());
    },
    destroy() {
      off();
      ownDerived?.destroy();
      stopPlayer();
      observer?.disconnect();
      track.destroy();
      root.remove();
    },
  };
}
