import { describe, expect, it } from 'vitest';
import { utcDay } from 'd3-time';
import { createFormatters } from '../../../src/i18n/format';
import { axisTicks, createTimeScale, paddedDomain, pixelsToWindow, snapToDay, TICK_SPACING, windowToPixels } from '../../../src/timeline/timeScale';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);

describe('paddedDomain', () => {
  it('paddedDomain(extent) widens to whole Monday-to-Sunday weeks, the end exclusive', () => {
    // 3 Mar 2021 is a Wednesday, 23 Mar a Tuesday.
    const [start, end] = paddedDomain([d('2021-03-03'), d('2021-03-23')]);
    expect(iso(start)).toBe('2021-03-01');
    expect(iso(end)).toBe('2021-03-29');
    expect(start.getUTCDay()).toBe(1);
    expect(end.getUTCDay()).toBe(1);
  });
  it('paddedDomain(extent) keeps a last day that is a Sunday inside its own week', () => {
    const [start, end] = paddedDomain([d('2021-03-01'), d('2021-03-07')]);
    expect([iso(start), iso(end)]).toEqual(['2021-03-01', '2021-03-08']);
  });
  it('paddedDomain(extent) of a single Monday is that one week', () => {
    const [start, end] = paddedDomain([d('2021-03-15'), d('2021-03-15')]);
    expect([iso(start), iso(end)]).toEqual(['2021-03-15', '2021-03-22']);
  });
});

describe('createTimeScale', () => {
  const scale = createTimeScale([d('2021-03-01'), d('2021-03-29')], 280);
  it('maps the padded domain onto [0, width], 10 px a day here', () => {
    expect(scale(d('2021-03-01'))).toBe(0);
    expect(scale(d('2021-03-29'))).toBe(280);
    expect(scale(d('2021-03-02'))).toBeCloseTo(10);
  });
  it('clamps dates outside the domain to the track edge', () => {
    expect(scale(d('2020-01-01'))).toBe(0);
    expect(scale(d('2022-01-01'))).toBe(280);
  });
});

describe('snapToDay and the window ⇄ pixels pair', () => {
  const scale = createTimeScale([d('2021-03-01'), d('2021-03-29')], 280);
  it('snapToDay(px) rounds to the nearest UTC midnight, whatever TZ says', () => {
    expect(iso(snapToDay(scale, 14))).toBe('2021-03-02');
    expect(iso(snapToDay(scale, 16))).toBe('2021-03-03');
    expect(snapToDay(scale, 16).getUTCHours()).toBe(0);
  });
  it('windowToPixels covers the first day to the end of the last day', () => {
    expect(windowToPixels(scale, { from: d('2021-03-08'), to: d('2021-03-14') })).toEqual([70, 140]);
  });
  it('pixelsToWindow inverts windowToPixels', () => {
    const w = pixelsToWindow(scale, [70, 140]);
    expect([iso(w.from), iso(w.to)]).toEqual(['2021-03-08', '2021-03-14']);
  });
  it('pixelsToWindow of a span under half a day is one day long, never reversed', () => {
    const w = pixelsToWindow(scale, [72, 73]);
    expect([iso(w.from), iso(w.to)]).toEqual(['2021-03-08', '2021-03-08']);
    const r = pixelsToWindow(scale, [140, 70]);
    expect([iso(r.from), iso(r.to)]).toEqual(['2021-03-08', '2021-03-14']);
  });
});

describe('axisTicks', () => {
  it('axisTicks on a two-year track picks calendar months or coarser, spaced for labels', () => {
    const width = 800;
    const scale = createTimeScale([d('2020-01-06'), d('2022-01-03')], width);
    const ticks = axisTicks(scale, width);
    expect(ticks.length).toBeGreaterThan(1);
    expect(ticks.length).toBeLessThanOrEqual(Math.floor(width / TICK_SPACING));
    for (const t of ticks) expect(t.getUTCDate()).toBe(1);
    for (let i = 1; i < ticks.length; i++) expect(scale(ticks[i]) - scale(ticks[i - 1])).toBeGreaterThanOrEqual(TICK_SPACING - 1);
  });
  it('axisTicks on a four-week track falls on Mondays, like the bins', () => {
    const scale = createTimeScale([d('2021-03-01'), d('2021-03-29')], 390);
    const ticks = axisTicks(scale, 390);
    expect(ticks.map(iso)).toEqual(['2021-03-01', '2021-03-08', '2021-03-15', '2021-03-22', '2021-03-29']);
  });
  it('axisTicks are UTC midnights on a short wide track', () => {
    const scale = createTimeScale([d('2021-03-01'), d('2021-03-08')], 1200);
    const ticks = axisTicks(scale, 1200);
    expect(ticks.length).toBe(8);
    for (const t of ticks) expect(+utcDay.floor(t)).toBe(+t);
  });
});

describe('formatters.axisTick', () => {
  const f = createFormatters();
  it('names the year on 1 January, the month on the 1st, else the day', () => {
    expect(f.axisTick(d('2021-01-01'))).toBe('2021');
    expect(f.axisTick(d('2021-03-01'))).toBe('Mar');
    expect(f.axisTick(d('2021-03-15'))).toBe('15 Mar');
  });
});
