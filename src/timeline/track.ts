import { axisBottom } from 'd3-axis';
import type { ScaleTime } from 'd3-scale';
import { pointer, select } from 'd3-selection';
import { dayNumber } from '../data/timeIndex';
import type { HistogramMetric } from '../state';
import type { WeekBin } from './bins';
import { createHistogram } from './histogram';
import type { TimelineText } from './labels';
import { sliderLayout, type Span } from './sliderLayout';
import { axisTicks, createTimeScale, windowToPixels, type TimeWindow } from './timeScale';

const SVG = 'http://www.w3.org/2000/svg';

/** Space around the plot: the axis labels hang below it, the handles may overhang the ends. */
export const TRACK_MARGIN = { top: 14, right: 12, bottom: 22, left: 12 };
/** Plot height in pixels; narrower on phones, where the map needs the height. */
export const PLOT_HEIGHT = { wide: 72, narrow: 56 } as const;
/** Below this track width the plot uses PLOT_HEIGHT.narrow. */
const NARROW = 480;
/** A pointer that moves less than this between down and up is a click, not a drag. */
const CLICK_SLOP = 3;

/**
 * What a drag holds: the start handle, the end handle, the window as a whole, or a new window
 * drawn on the empty track.
 */
export type DragTarget = 'start' | 'end' | 'window' | 'new';
/** Which of the slider's focusable parts a key was pressed on. */
export type KeyTarget = 'start' | 'end' | 'window';

export interface TrackCallbacks {
  /** A gesture began (a good moment to pause play). */
  start(): void;
  /**
   * The reader is dragging: `from` is the window (as shown) when the drag began, `dx` how far the
   * pointer has moved since, in plot pixels, and `x` where it is now. Live while dragging.
   */
  drag(target: DragTarget, from: TimeWindow, dx: number, x: number, originX: number): void;
  /** A click on the track without a drag, at plot pixel `x`. */
  click(x: number): void;
  /** A key pressed on one of the slider's parts. */
  key(event: KeyboardEvent, target: KeyTarget): void;
}

export interface TrackProps {
  width: number;
  domain: readonly [Date, Date];
  bins: readonly WeekBin[];
  /** The window as shown (in cumulative mode: from the data's start). */
  window: TimeWindow;
  metric: HistogramMetric;
  cumulative: boolean;
  /** The window read aloud by the focusable window (aria-valuetext). */
  valueText: string;
  /** A second counted dataset's bins, mirrored below the first's (see HistogramProps.mirror). */
  mirror?: { bins: readonly WeekBin[]; name: string; over: string } | null;
  /** The first and last day read aloud by the handles. */
  startText: string;
  endText: string;
}

export interface Track {
  readonly element: SVGSVGElement;
  /** The current date ⇄ plot-pixel scale, for turning a gesture's pixels into days. */
  scale(): ScaleTime<number, number>;
  /** Redraws for new props; skipped work is cheap, so the caller may call it on every change. */
  update(props: TrackProps): void;
  destroy(): void;
}

/**
 * The slider's drawing: weekly bars, the window over them with a handle outside each edge, and a
 * d3-axis below. The window and both handles are ARIA sliders and each takes a drag (mouse, pen or
 * finger, through pointer events); their hit areas never overlap and are at least 44 px wide
 * (sliderLayout.ts), so a narrow window can still be moved by its middle and resized by its edges.
 * The track knows pixels only; what a gesture means for the window is the caller's business.
 */
export function createTrack(tooltip: HTMLElement, text: TimelineText, callbacks: TrackCallbacks): Track {
  const svg = document.createElementNS(SVG, 'svg');
  const root = select(svg).attr('class', 'timeline__svg');
  const plot = root.append('g').attr('transform', `translate(${TRACK_MARGIN.left},${TRACK_MARGIN.top})`);
  const histogramNode = plot.append('g').attr('data-testid', 'histogram').node()!;
  const histogram = createHistogram(histogramNode, tooltip, text);
  const axis = plot.append('g').attr('class', 'timeline__axis').attr('aria-hidden', 'true');
  // The empty track: a click centres the window there, a drag draws a new one.
  const background = plot.append('rect').attr('class', 'timeline__track-hit').attr('data-testid', 'track');
  const selection = plot.append('rect').attr('class', 'timeline__selection').attr('aria-hidden', 'true');
  const grips = plot.append('g').attr('class', 'timeline__grips').attr('aria-hidden', 'true');
  const gripW = grips.append('g').attr('class', 'timeline__grip timeline__grip--w');
  const gripE = grips.append('g').attr('class', 'timeline__grip timeline__grip--e');
  for (const grip of [gripW, gripE]) {
    grip.append('line').attr('class', 'timeline__grip-line');
    grip.append('rect').attr('class', 'timeline__grip-knob').attr('width', 10).attr('rx', 3);
  }
  const handle = (target: 'start' | 'end', label: string) =>
    plot
      .append('rect')
      .attr('class', `timeline__handle timeline__handle--${target}`)
      .attr('data-testid', `handle-${target}`)
      .attr('tabindex', 0)
      .attr('role', 'slider')
      .attr('aria-label', label);
  const startHit = handle('start', text.messages.windowStart);
  // Left to right in the tab order too: start handle, window, end handle.
  const windowHit = plot
    .append('rect')
    .attr('class', 'timeline__window')
    .attr('data-testid', 'brush')
    .attr('tabindex', 0)
    .attr('role', 'slider')
    .attr('aria-label', text.messages.brushLabel);
  const endHit = handle('end', text.messages.windowEnd);

  let props: TrackProps | null = null;
  let height: number = PLOT_HEIGHT.wide;
  let plotWidth = 1;
  let scale = createTimeScale([new Date(0), new Date(86_400_000)], 1);
  let dragging: { target: DragTarget; pointerId: number; x0: number; from: TimeWindow; moved: boolean } | null = null;

  const place = (el: typeof windowHit, span: Span | null) => {
    el.attr('display', span ? null : 'none');
    if (span) el.attr('x', span.left).attr('width', Math.max(0, span.right - span.left)).attr('y', 0).attr('height', height);
  };

  const layout = () => {
    if (!props) return;
    const [x0, x1] = windowToPixels(scale, props.window);
    const l = sliderLayout(x0, x1, -TRACK_MARGIN.left, plotWidth + TRACK_MARGIN.right, props.cumulative);
    place(startHit, l.start);
    place(endHit, l.end);
    place(windowHit, l.window);
    selection.attr('x', Math.max(-TRACK_MARGIN.left, x0)).attr('width', Math.max(1, x1 - Math.max(-TRACK_MARGIN.left, x0))).attr('y', 0).attr('height', height);
    // The knobs hang just outside the window's grab zone, over their handles.
    gripW.attr('display', l.start ? null : 'none').attr('transform', `translate(${l.window.left},0)`);
    gripE.attr('transform', `translate(${l.end.left},0)`);
    // The lines mark the window's true edges; the knobs sit at the grab zone's, over the handles.
    gripW.select('.timeline__grip-line').attr('x1', x0 - l.window.left).attr('x2', x0 - l.window.left);
    gripE.select('.timeline__grip-line').attr('x1', x1 - l.end.left).attr('x2', x1 - l.end.left);
  };

  const startDrag = (target: DragTarget) => (event: PointerEvent) => {
    if (!props || event.button > 0) return;
    event.preventDefault();
    event.stopPropagation();
    const [x] = pointer(event, plot.node());
    (event.currentTarget as Element).setPointerCapture?.(event.pointerId);
    dragging = { target, pointerId: event.pointerId, x0: x, from: props.window, moved: false };
    histogram.hover(null);
    callbacks.start();
  };
  const moveDrag = (event: PointerEvent) => {
    if (!dragging || event.pointerId !== dragging.pointerId) return;
    const [x] = pointer(event, plot.node());
    const dx = x - dragging.x0;
    if (!dragging.moved && Math.abs(dx) < CLICK_SLOP) return;
    dragging.moved = true;
    callbacks.drag(dragging.target, dragging.from, dx, x, dragging.x0);
  };
  const endDrag = (event: PointerEvent) => {
    if (!dragging || event.pointerId !== dragging.pointerId) return;
    const { target, moved, x0 } = dragging;
    dragging = null;
    if (!moved && target === 'new') callbacks.click(x0);
    layout();
  };
  for (const [el, target] of [
    [background, 'new'],
    [windowHit, 'window'],
    [startHit, 'start'],
    [endHit, 'end'],
  ] as const) {
    el.on('pointerdown.timeline', startDrag(target)).on('pointermove.timeline', moveDrag).on('pointerup.timeline pointercancel.timeline', endDrag);
  }
  windowHit.on('keydown.timeline', (event: KeyboardEvent) => callbacks.key(event, 'window'));
  startHit.on('keydown.timeline', (event: KeyboardEvent) => callbacks.key(event, 'start'));
  endHit.on('keydown.timeline', (event: KeyboardEvent) => callbacks.key(event, 'end'));

  root
    .on('pointermove.hover', (event: PointerEvent) => {
      if (dragging) return;
      const [x, y] = pointer(event, plot.node());
      histogram.hover(x >= 0 && x <= plotWidth && y >= 0 && y <= height ? x : null);
    })
    .on('pointerleave.hover', () => histogram.hover(null));

  let axisKey = '';

  const update = (next: TrackProps) => {
    props = next;
    plotWidth = Math.max(1, next.width - TRACK_MARGIN.left - TRACK_MARGIN.right);
    height = next.width < NARROW ? PLOT_HEIGHT.narrow : PLOT_HEIGHT.wide;
    // The scale, the frame and the axis only when their size or domain changed: this runs every slider
    // step, and a write to the SVG's size or viewBox, even of the same value, lays out and repaints it all.
    const key = `${next.width}|${height}|${+next.domain[0]}|${+next.domain[1]}`;
    const resized = axisKey !== key;
    if (resized) scale = createTimeScale(next.domain, plotWidth);
    histogram.update({ bins: next.bins, x: scale, height, left: TRACK_MARGIN.left, window: next.window, metric: next.metric, mirror: next.mirror });
    if (resized) {
      axisKey = key;
      root
        .attr('width', next.width)
        .attr('height', height + TRACK_MARGIN.top + TRACK_MARGIN.bottom)
        .attr('viewBox', `0 0 ${next.width} ${height + TRACK_MARGIN.top + TRACK_MARGIN.bottom}`);
      axis
        .attr('transform', `translate(0,${height})`)
        .call(
          axisBottom(scale)
            .tickValues(axisTicks(scale, plotWidth))
            .tickFormat((d) => text.formatters.axisTick(d as Date))
            .tickSizeOuter(0)
            .tickSize(4)
            .tickPadding(4),
        );
      axis.attr('font-family', null).attr('font-size', null);
      background.attr('x', 0).attr('y', 0).attr('width', plotWidth).attr('height', height);
      grips.selectAll('.timeline__grip-line').attr('y1', 0).attr('y2', height);
      grips.selectAll('.timeline__grip-knob').attr('y', height / 2 - 12).attr('height', 24);
      gripW.select('.timeline__grip-knob').attr('x', -11);
      gripE.select('.timeline__grip-knob').attr('x', 1);
    }
    const min = String(dayNumber(next.domain[0]));
    const max = String(dayNumber(next.domain[1]) - 1);
    windowHit
      .classed('timeline__window--cumulative', next.cumulative)
      .attr('aria-valuemin', min)
      .attr('aria-valuemax', max)
      .attr('aria-valuenow', dayNumber(next.window.to))
      .attr('aria-valuetext', next.valueText);
    startHit.attr('aria-valuemin', min).attr('aria-valuemax', max).attr('aria-valuenow', dayNumber(next.window.from)).attr('aria-valuetext', next.startText);
    endHit.attr('aria-valuemin', min).attr('aria-valuemax', max).attr('aria-valuenow', dayNumber(next.window.to)).attr('aria-valuetext', next.endText);
    layout();
  };

  return {
    element: svg,
    scale: () => scale.copy(),
    update,
    destroy() {
      for (const el of [background, windowHit, startHit, endHit]) el.on('.timeline', null);
      root.on('.hover', null);
      histogram.destroy();
      svg.remove();
    },
  };
}
