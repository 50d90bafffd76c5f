import { axisBottom } from 'd3-axis';
import { brushX, type BrushBehavior, type D3BrushEvent } from 'd3-brush';
import type { ScaleTime } from 'd3-scale';
import { pointer, select } from 'd3-selection';
import { dayNumber } from '../data/timeIndex';
import type { HistogramMetric } from '../state';
import type { WeekBin } from './bins';
import { createHistogram } from './histogram';
import type { TimelineText } from './labels';
import { axisTicks, createTimeScale, windowToPixels, type TimeWindow } from './timeScale';

const SVG = 'http://www.w3.org/2000/svg';

/** Space around the plot: the axis labels hang below it, the grips may overhang the ends. */
export const TRACK_MARGIN = { top: 14, right: 12, bottom: 22, left: 12 };
/** Plot height in pixels; narrower on phones, where the map needs the height. */
export const PLOT_HEIGHT = { wide: 72, narrow: 56 } as const;
/** Below this track width the plot uses PLOT_HEIGHT.narrow. */
const NARROW = 480;
/** Invisible hit width of the brush handles: wide enough for a finger (d3's default is 6). */
const HANDLE_HIT = 24;

/** How a brush gesture changed the window, in d3-brush's words: the whole window or an edge. */
export type BrushMode = 'drag' | 'space' | 'handle' | 'center';

export interface TrackCallbacks {
  /** A gesture began (a good moment to pause play). */
  start(): void;
  /** The reader moved the window: its span in plot pixels; live while dragging, and on release. */
  brush(span: [number, number], mode: BrushMode): void;
  /** A click on the track without a drag, at plot pixel `x`. */
  click(x: number): void;
  /** A key pressed while the window (the brush) has focus. */
  key(event: KeyboardEvent): void;
}

export interface TrackProps {
  width: number;
  domain: readonly [Date, Date];
  bins: readonly WeekBin[];
  /** The window as shown (in cumulative mode: from the data's start). */
  window: TimeWindow;
  metric: HistogramMetric;
  cumulative: boolean;
  /** The window read aloud by the focusable brush (aria-valuetext). */
  valueText: string;
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
 * The slider's drawing: weekly bars, the window as a d3-brush over them, and a d3-axis below.
 * It knows pixels only; what a gesture means for the window is the caller's business (callbacks).
 */
export function createTrack(tooltip: HTMLElement, text: TimelineText, callbacks: TrackCallbacks): Track {
  const svg = document.createElementNS(SVG, 'svg');
  const root = select(svg).attr('class', 'timeline__svg');
  const plot = root.append('g').attr('transform', `translate(${TRACK_MARGIN.left},${TRACK_MARGIN.top})`);
  const histogramNode = plot.append('g').attr('data-testid', 'histogram').node()!;
  const histogram = createHistogram(histogramNode, tooltip, text);
  const axis = plot.append('g').attr('class', 'timeline__axis').attr('aria-hidden', 'true');
  const brushG = plot
    .append('g')
    .attr('class', 'timeline__brush')
    .attr('data-testid', 'brush')
    .attr('tabindex', 0)
    .attr('role', 'slider')
    .attr('aria-label', text.messages.brushLabel);
  const grips = plot.append('g').attr('class', 'timeline__grips').attr('aria-hidden', 'true');
  const gripW = grips.append('g').attr('class', 'timeline__grip timeline__grip--w');
  const gripE = grips.append('g').attr('class', 'timeline__grip timeline__grip--e');
  // Knobs sit outside the window's edges, like brackets, so a window a few pixels wide keeps two.
  for (const [grip, x] of [
    [gripW, -9],
    [gripE, 1],
  ] as const) {
    grip.append('line').attr('class', 'timeline__grip-line');
    grip.append('rect').attr('class', 'timeline__grip-knob').attr('x', x).attr('width', 8).attr('rx', 3);
  }

  let props: TrackProps | null = null;
  let height: number = PLOT_HEIGHT.wide;
  let gesture = false;

  const placeGrips = (span: readonly [number, number] | null, cumulative: boolean) => {
    grips.attr('display', span ? null : 'none');
    if (!span) return;
    gripW.attr('transform', `translate(${span[0]},0)`).attr('display', cumulative ? 'none' : null);
    gripE.attr('transform', `translate(${span[1]},0)`);
  };

  const brush: BrushBehavior<unknown> = brushX()
    .extent([
      [0, 0],
      [1, 1],
    ])
    .handleSize(HANDLE_HIT)
    .on('start brush end', (event: D3BrushEvent<unknown>) => {
      const span = event.selection as [number, number] | null;
      placeGrips(span, props?.cumulative ?? false);
      if (!event.sourceEvent) return; // our own brush.move: nothing new to report
      if (event.type === 'start') {
        gesture = true;
        histogram.hover(null);
        callbacks.start();
        return;
      }
      if (event.type === 'end') gesture = false;
      if (span) callbacks.brush([span[0], span[1]], event.mode as BrushMode);
      else if (event.type === 'end') {
        const source = event.sourceEvent as MouseEvent | TouchEvent;
        const at = 'changedTouches' in source && source.changedTouches.length ? source.changedTouches[0] : (source as MouseEvent);
        callbacks.click(pointer(at, plot.node())[0]);
      }
      // The caller may not have changed anything (a drag within one day): put the window back.
      if (event.type === 'end') syncBrush();
    });
  brushG.call(brush);
  brushG.on('keydown.timeline', (event: KeyboardEvent) => callbacks.key(event));

  root
    .on('pointermove.timeline', (event: PointerEvent) => {
      if (gesture) return;
      const [x, y] = pointer(event, plot.node());
      const width = props ? props.width - TRACK_MARGIN.left - TRACK_MARGIN.right : 0;
      histogram.hover(x >= 0 && x <= width && y >= 0 && y <= height ? x : null);
    })
    .on('pointerleave.timeline', () => histogram.hover(null));

  let extentKey = '';
  let axisKey = '';
  let scale = createTimeScale([new Date(0), new Date(86_400_000)], 1);

  function syncBrush() {
    if (!props) return;
    brushG.call(brush.move, windowToPixels(scale, props.window));
  }

  const update = (next: TrackProps) => {
    props = next;
    const plotWidth = Math.max(1, next.width - TRACK_MARGIN.left - TRACK_MARGIN.right);
    height = next.width < NARROW ? PLOT_HEIGHT.narrow : PLOT_HEIGHT.wide;
    root
      .attr('width', next.width)
      .attr('height', height + TRACK_MARGIN.top + TRACK_MARGIN.bottom)
      .attr('viewBox', `0 0 ${next.width} ${height + TRACK_MARGIN.top + TRACK_MARGIN.bottom}`);
    scale = createTimeScale(next.domain, plotWidth);

    histogram.update({ bins: next.bins, x: scale, height, left: TRACK_MARGIN.left, window: next.window, metric: next.metric });
    const key = `${plotWidth}|${height}|${+next.domain[0]}|${+next.domain[1]}`;
    if (axisKey !== key) {
      axisKey = key;
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
    }

    grips.selectAll('.timeline__grip-line').attr('y1', 0).attr('y2', height);
    grips.selectAll('.timeline__grip-knob').attr('y', height / 2 - 10).attr('height', 20);
    if (extentKey !== `${plotWidth}x${height}`) {
      extentKey = `${plotWidth}x${height}`;
      brush.extent([
        [0, 0],
        [plotWidth, height],
      ]);
      brushG.call(brush);
    }
    brushG
      .classed('timeline__brush--cumulative', next.cumulative)
      .attr('aria-valuemin', dayNumber(next.domain[0]))
      .attr('aria-valuemax', dayNumber(next.domain[1]) - 1)
      .attr('aria-valuenow', dayNumber(next.window.to))
      .attr('aria-valuetext', next.valueText);
    // During a drag d3 owns the selection; it takes our snapped position through brush.move too.
    syncBrush();
  };

  return {
    element: svg,
    scale: () => scale.copy(),
    update,
    destroy() {
      brushG.on('.brush', null).on('.timeline', null);
      root.on('.timeline', null);
      histogram.destroy();
      svg.remove();
    },
  };
}
