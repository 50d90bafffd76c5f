import { axisBottom } from 'd3-axis';
import { max } from 'd3-array';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { select } from 'd3-selection';
import type { Formatters } from '../i18n/format';

export interface AreaSeriesChart {
  /** Redraws the line (`values[k]` for the week starting `weeks[k]`): once per area, filter, dataset or metric change, not per slider step. */
  setSeries(weeks: readonly Date[], values: ArrayLike<number>): void;
  /** Moves the window's band only (per slider step). `to` is the last day, inclusive. */
  setWindow(from: Date, to: Date): void;
  readonly element: SVGSVGElement;
}

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 268;
const HEIGHT = 74;
const M = { top: 6, right: 6, bottom: 16, left: 30 };
const DAY = 86_400_000;

/**
 * A small weekly line of one area across the whole dataset, the shown window as a band. The y
 * scale is fixed per series, so the line does not move while the window does; text is set by
 * d3's `.text` (textContent).
 */
export function createAreaSeriesChart(formatters: Formatters, label: (first: Date, last: Date) => string): AreaSeriesChart {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  svg.setAttribute('class', 'area-series');
  svg.setAttribute('role', 'img');
  const root = select(svg);
  const band = root.append('rect').attr('class', 'area-series__window').attr('y', M.top).attr('height', HEIGHT - M.top - M.bottom);
  const yAxis = root.append('g').attr('class', 'area-series__axis').attr('aria-hidden', 'true');
  const xAxis = root.append('g').attr('class', 'area-series__axis').attr('aria-hidden', 'true').attr('transform', `translate(0,${HEIGHT - M.bottom})`);
  const line = root.append('path').attr('class', 'area-series__line');
  const x = scaleUtc().range([M.left, WIDTH - M.right]);
  const y = scaleLinear().range([HEIGHT - M.bottom, M.top]);
  let window: [Date, Date] | null = null;

  const placeBand = () => {
    if (!window) return;
    const [a, b] = x.range();
    const x0 = Math.max(a, Math.min(b, x(window[0])));
    const x1 = Math.max(a, Math.min(b, x(new Date(window[1].getTime() + DAY))));
    // At least 2 px wide: a one-day window on a five-year axis must still show.
    band.attr('x', Math.min(x0, b - 2)).attr('width', Math.max(2, x1 - x0));
  };
  return {
    element: svg,
    setSeries(weeks, values) {
      if (weeks.length === 0) {
        line.attr('d', null);
        xAxis.selectAll('*').remove();
        yAxis.selectAll('*').remove();
        return;
      }
      const end = new Date(weeks[weeks.length - 1].getTime() + 7 * DAY);
      x.domain([weeks[0], end]);
      y.domain([0, Math.max(1, max(Array.from(values)) ?? 0)]).nice(3);
      let d = '';
      for (let k = 0; k < weeks.length; k++) d += `${d ? 'L' : 'M'}${x(weeks[k]).toFixed(1)},${y(values[k] ?? 0).toFixed(1)}`;
      line.attr('d', d);
      // No tick label so near the right edge that it would be cut ("202…").
      const years = x.ticks(4).filter((d) => x(d) <= WIDTH - M.right - 12);
      xAxis.call(axisBottom(x).tickValues(years).tickSize(3).tickFormat((t) => formatters.axisTick(t as Date)));
      yAxis.selectAll('*').remove();
      for (const t of y.ticks(2)) {
        yAxis.append('line').attr('x1', M.left).attr('x2', WIDTH - M.right).attr('y1', y(t)).attr('y2', y(t));
        yAxis.append('text').attr('x', M.left - 4).attr('y', y(t) + 3).attr('text-anchor', 'end').text(formatters.integer(t));
      }
      svg.setAttribute('aria-label', label(weeks[0], new Date(end.getTime() - DAY)));
      placeBand();
    },
    setWindow(from, to) {
      window = [from, to];
      placeBand();
    },
  };
}
