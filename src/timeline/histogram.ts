import { max } from 'd3-array';
import { scaleLinear, type ScaleTime } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import type { HistogramMetric } from '../state';
import type { WeekBin } from './bins';
import { binText, type TimelineText } from './labels';
import type { TimeWindow } from './timeScale';
import { setAttribute } from '../ui/domWrites';

export interface HistogramProps {
  bins: readonly WeekBin[];
  x: ScaleTime<number, number>;
  /** Plot height in pixels: bars grow up from this baseline. */
  height: number;
  /** Left offset of the plot inside the tooltip's positioned parent. */
  left: number;
  /** Bars overlapping this window are drawn dark, the others dimmed. */
  window: TimeWindow;
  metric: HistogramMetric;
  /**
   * A second counted dataset, drawn mirrored below the axis, so that two datasets are compared
   * week by week and never stacked into one bar (issue 14). `name` labels each series.
   */
  mirror?: { bins: readonly WeekBin[]; name: string; over: string } | null;
}

export interface Histogram {
  update(props: HistogramProps): void;
  /**
   * Shows the tooltip of the bar under plot pixel `x`, or hides it for null. The brush overlay
   * sits on top of the bars and takes the pointer, so the timeline forwards pointer moves here.
   */
  hover(x: number | null): void;
  destroy(): void;
}

/** Histograms made so far: each names its clip path after its number, unique in the page. */
let histograms = 0;

/** Gap between bars in pixels, dropped when weeks get thinner than 3 px. */
const BAR_GAP = 1;

/** A week of both series, as a bar's name and the tooltip read it: one figure per dataset, never their sum. */
function pairText(text: TimelineText, mirror: NonNullable<HistogramProps['mirror']>, bin: WeekBin, other: WeekBin | undefined): string {
  return `${mirror.over}: ${binText(text, bin)}${other ? ` | ${mirror.name}: ${binText(text, other)}` : ''}`;
}

const value = (bin: WeekBin, metric: HistogramMetric) => (metric === 'deaths' ? bin.deaths : bin.incidents);

/**
 * The weekly bar chart under the brush. The y scale spans every week of the data, not only the
 * window, so bars keep their height while the window moves. Each bar is focusable with a roving
 * tabindex (one Tab stop for the whole chart, arrows between weeks) and names its counts, which
 * the tooltip shows on hover and on focus. All text is set with textContent (d3's `.text`).
 */
export function createHistogram(g: SVGGElement, tooltip: HTMLElement, text: TimelineText): Histogram {
  const root = select(g).attr('class', 'timeline__histogram').attr('role', 'group');
  const grid = root.append('g').attr('class', 'timeline__grid').attr('aria-hidden', 'true');
  const bars = root.append('g').attr('class', 'timeline__bars');
  // Labels over the bars (with a halo in CSS), lines under them.
  const gridLabels = root.append('g').attr('class', 'timeline__grid-labels').attr('aria-hidden', 'true');
  // The second dataset's bars are two paths, not a rect a week: all of them dimmed, and the same
  // again at full strength clipped to the window's weeks, so a window move sets two clip paths. At 1989–2023's
  // weeks that is about 1,250 elements fewer to lay out when a file is added. Their figures are read
  // with the first dataset's bars (each bar's name holds both weeks), as the tooltip shows them.
  const mirrorBars = root.append('g').attr('class', 'timeline__bars timeline__bars--mirror').attr('aria-hidden', 'true');
  const clipId = `timeline-mirror-window-${++histograms}`;
  // A path, not a rect: the chart's rects are its focusable bars and nothing else.
  const mirrorClip = mirrorBars.append('clipPath').attr('id', clipId).append('path').attr('data-testid', 'mirror-window').attr('d', 'M0,0Z');
  // The dimmed copy is clipped to the rest, so no edge is drawn twice (their antialiasing would add up).
  const mirrorRest = mirrorBars.append('clipPath').attr('id', `${clipId}-rest`).append('path').attr('data-testid', 'mirror-rest');
  const mirrorOut = mirrorBars.append('path').attr('class', 'timeline__bar timeline__bar--b').attr('clip-path', `url(#${clipId}-rest)`).attr('data-testid', 'mirror-bars');
  const mirrorIn = mirrorBars.append('path').attr('class', 'timeline__bar timeline__bar--b timeline__bar--in').attr('clip-path', `url(#${clipId})`).attr('data-testid', 'mirror-bars-in');
  const seriesLabels = root.append('g').attr('class', 'timeline__series-labels').attr('aria-hidden', 'true');
  let props: HistogramProps | null = null;
  /** x0 (ms) of the bar that holds the chart's single Tab stop. */
  let tabStop: number | null = null;

  const inWindow = (bin: WeekBin, w: TimeWindow) => bin.x0 <= w.to && bin.x1 > w.from;

  const showTooltip = (bin: WeekBin | undefined) => {
    if (!bin || !props) {
      tooltip.hidden = true;
      return;
    }
    tooltip.textContent = binText(text, bin);
    tooltip.hidden = false;
    const centre = props.left + (props.x(bin.x0) + props.x(bin.x1)) / 2;
    const parentWidth = tooltip.parentElement?.clientWidth ?? 0;
    const half = tooltip.offsetWidth / 2;
    const left = parentWidth > 2 * half ? Math.min(Math.max(centre, half), parentWidth - half) : centre;
    tooltip.style.left = `${left}px`;
  };

  const rects = (): Selection<SVGRectElement, WeekBin, SVGGElement, unknown> =>
    bars.selectAll<SVGRectElement, WeekBin>('rect');

  const focusBar = (index: number) => {
    const nodes = rects().nodes();
    const node = nodes[Math.max(0, Math.min(nodes.length - 1, index))];
    node?.focus();
  };

  bars.on('keydown', (event: KeyboardEvent) => {
    const nodes = rects().nodes();
    const current = nodes.indexOf(event.target as SVGRectElement);
    if (current < 0) return;
    const target =
      event.key === 'ArrowLeft' ? current - 1 : event.key === 'ArrowRight' ? current + 1 : event.key === 'Home' ? 0 : event.key === 'End' ? nodes.length - 1 : null;
    if (target === null) return;
    event.preventDefault();
    focusBar(target);
  });

  /** What the bars' geometry and labels were last drawn from: a window move only restyles them. */
  let drawn: { bins: readonly WeekBin[]; range: string; height: number; metric: HistogramMetric; mirror: readonly WeekBin[] | null } | null = null;

  /**
   * Each bar's class as last written: a window move rewrites only the bars that enter or leave the
   * window, so a drag step restyles a few bars, not every bar of the track.
   */
  const classOf = new WeakMap<Element, string>();
  const setClass = (node: Element, cls: string) => {
    if (classOf.get(node) === cls) return;
    classOf.set(node, cls);
    node.setAttribute('class', cls);
  };
  const highlight = (window: TimeWindow) => {
    rects().each(function (b) {
      setClass(this, inWindow(b, window) ? 'timeline__bar timeline__bar--in' : 'timeline__bar');
    });
    // The mirror's window: from the first of its weeks the window overlaps to the last one (the
    // weeks are in order, so they are one run). Set only when it changes: this runs every step.
    const bins = props?.mirror?.bins ?? [];
    let first = 0;
    while (first < bins.length && !inWindow(bins[first], window)) first++;
    let last = first;
    while (last < bins.length && inWindow(bins[last], window)) last++;
    const x = props?.x;
    const x0 = last > first && x ? x(bins[first].x0) : 0;
    const x1 = last > first && x ? x(bins[last - 1].x1) : 0;
    const bottom = (props?.height ?? 0) + 1;
    const right = (x?.range()[1] ?? 0) + 1;
    setAttribute(mirrorClip.node()!, 'd', x1 > x0 ? `M${x0},-1H${x1}V${bottom}H${x0}Z` : 'M0,0Z');
    setAttribute(mirrorRest.node()!, 'd', x1 > x0 ? `M-1,-1H${x0}V${bottom}H-1ZM${x1},-1H${right}V${bottom}H${x1}Z` : `M-1,-1H${right}V${bottom}H-1Z`);
  };

  const update = (next: HistogramProps) => {
    props = next;
    const { bins, x, window, metric } = next;
    const mirror = next.mirror ?? null;
    const range = `${x.range().join()}|${+x.domain()[0]}|${+x.domain()[1]}`;
    if (drawn && drawn.bins === bins && drawn.range === range && drawn.height === next.height && drawn.metric === metric && drawn.mirror === (mirror?.bins ?? null)) {
      return highlight(window);
    }
    drawn = { bins, range, height: next.height, metric, mirror: mirror?.bins ?? null };
    // With a mirrored series each takes half the plot, on one scale, so their bars compare.
    const height = mirror ? next.height / 2 : next.height;
    const top = Math.max(max(bins, (b) => value(b, metric)) ?? 0, mirror ? (max(mirror.bins, (b) => value(b, metric)) ?? 0) : 0);
    const y = scaleLinear()
      .domain([0, top > 0 ? top : 1])
      .nice(3)
      .range([height, 0]);
    root.attr('aria-label', metric === 'deaths' ? text.messages.metricDeaths : text.messages.metricEvents);

    const ticks = y.ticks(3).filter((v) => v > 0 && Number.isInteger(v));
    const width = x.range()[1];
    const tickY = (v: number) => Math.round(y(v)) + 0.5;
    grid
      .selectAll<SVGLineElement, number>('line')
      .data(ticks, (v) => v)
      .join('line')
      .attr('x2', width)
      .attr('y1', tickY)
      .attr('y2', tickY);
    gridLabels
      .selectAll<SVGTextElement, number>('text')
      .data(ticks, (v) => v)
      .join('text')
      .attr('x', 2)
      .attr('y', tickY)
      .attr('dy', '-0.3em')
      .text((v) => text.formatters.integer(v));

    /** A bar's box, the same for both series: a gap between wide weeks, and any count at least one pixel tall. */
    const barBox = (b: WeekBin) => {
      const x0 = x(b.x0);
      const w = x(b.x1) - x0;
      const gap = w > 3 ? BAR_GAP : 0;
      const v = value(b, metric);
      return { x: x0 + gap / 2, width: Math.max(0.5, w - gap), height: v > 0 ? Math.max(1, height - y(v)) : 0 };
    };
    const mirrorWeek = new Map((mirror?.bins ?? []).map((b) => [+b.x0, b]));
    const label = (b: WeekBin) => (mirror ? pairText(text, mirror, b, mirrorWeek.get(+b.x0)) : binText(text, b));
    if (tabStop === null || !bins.some((b) => +b.x0 === tabStop)) {
      tabStop = +(bins.find((b) => inWindow(b, window)) ?? bins[0] ?? { x0: 0 }).x0;
    }
    bars
      .selectAll<SVGRectElement, WeekBin>('rect')
      .data(bins, (b) => +b.x0)
      .join((enter) =>
        enter
          .append('rect')
          .attr('role', 'img')
          .on('focus', function (_event: FocusEvent, b: WeekBin) {
            tabStop = +b.x0;
            rects().attr('tabindex', (d) => (+d.x0 === tabStop ? 0 : -1));
            showTooltip(b);
          })
          .on('blur', () => showTooltip(undefined)),
      )
      .each(function (b) {
        const bar = barBox(b);
        select(this)
          .attr('x', bar.x)
          .attr('width', bar.width)
          .attr('y', height - bar.height)
          .attr('height', bar.height)
          .attr('tabindex', +b.x0 === tabStop ? 0 : -1)
          .attr('aria-label', label(b));
      });
    // Each week a box down from the axis, the same boxes the rects had.
    let d = '';
    for (const b of mirror?.bins ?? []) {
      const bar = barBox(b);
      if (bar.height > 0) d += `M${bar.x},${height}h${bar.width}v${bar.height}h${-bar.width}Z`;
    }
    mirrorOut.attr('d', d || null);
    mirrorIn.attr('d', d || null);
    seriesLabels
      .selectAll<SVGTextElement, string>('text')
      .data(mirror ? [mirror.over, mirror.name] : [])
      .join('text')
      .attr('x', x.range()[1] - 2)
      .attr('y', (_d, i) => (i === 0 ? 10 : next.height - 3))
      .attr('text-anchor', 'end')
      .text((d, i) => `${i === 0 ? '▲' : '▼'} ${d}`);
    highlight(window);
  };

  const hover = (px: number | null) => {
    if (px === null || !props) return showTooltip(undefined);
    const date = props.x.invert(px);
    const bin = props.bins.find((b) => b.x0 <= date && date < b.x1);
    showTooltip(bin);
    const other = props.mirror?.bins.find((b) => b.x0 <= date && date < b.x1);
    if (bin && other && props.mirror) tooltip.textContent = pairText(text, props.mirror, bin, other);
  };

  return {
    update,
    hover,
    destroy() {
      bars.on('keydown', null);
      root.selectAll('*').remove();
      tooltip.hidden = true;
    },
  };
}
