import { shownWindow } from '../../../src/state';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { utcDay } from 'd3-time';
import {
  clampEnds,
  clampWindow,
  isAtEnd,
  offsetMonths,
  playAdvance,
  rewindWindow,
  shiftWindow,
  stepWindow,
  windowAtEnd,
  windowEndingAt,
  windowSpan,
  type DayExtent,
} from '../../../src/timeline/windowMath';
import type { TimeWindow } from '../../../src/timeline/timeScale';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);
const show = (w: TimeWindow | null) => (w ? `${iso(w.from)}..${iso(w.to)}` : null);
const win = (from: string, to: string): TimeWindow => ({ from: d(from), to: d(to) });
const EXTENT: DayExtent = [d('2021-01-04'), d('2021-06-30')];

describe('stepWindow', () => {
  const w = win('2021-03-15', '2021-03-21');
  it('steps by a day, a week or a month, keeping the length', () => {
    expect(show(stepWindow(w, 'day', 1, EXTENT))).toBe('2021-03-16..2021-03-22');
    expect(show(stepWindow(w, 'day', -1, EXTENT))).toBe('2021-03-14..2021-03-20');
    expect(show(stepWindow(w, 'week', 1, EXTENT))).toBe('2021-03-22..2021-03-28');
    expect(show(stepWindow(w, 'week', -1, EXTENT))).toBe('2021-03-08..2021-03-14');
    expect(show(stepWindow(w, 'month', 1, EXTENT))).toBe('2021-04-15..2021-04-21');
    expect(show(stepWindow(w, 'month', -1, EXTENT))).toBe('2021-02-15..2021-02-21');
  });
  it('stops at the data edge instead of leaving it', () => {
    expect(show(stepWindow(win('2021-06-20', '2021-06-26'), 'week', 1, EXTENT))).toBe('2021-06-24..2021-06-30');
    expect(show(stepWindow(win('2021-01-06', '2021-01-12'), 'month', -1, EXTENT))).toBe('2021-01-04..2021-01-10');
  });
  it('is a no-op at the end', () => {
    expect(show(stepWindow(win('2021-06-24', '2021-06-30'), 'day', 1, EXTENT))).toBe('2021-06-24..2021-06-30');
  });
  it('works in UTC whatever the time of day or zone of the input', () => {
    const w2 = { from: new Date(Date.UTC(2021, 2, 15, 23, 30)), to: new Date(Date.UTC(2021, 2, 21, 5)) };
    expect(show(stepWindow(w2, 'day', 1, EXTENT))).toBe('2021-03-16..2021-03-22');
  });
});

describe('offsetMonths', () => {
  it('keeps the day of the month, or the last day of a shorter month', () => {
    expect(iso(offsetMonths(d('2021-01-31'), 1))).toBe('2021-02-28');
    expect(iso(offsetMonths(d('2020-01-31'), 1))).toBe('2020-02-29');
    expect(iso(offsetMonths(d('2021-03-31'), -1))).toBe('2021-02-28');
    expect(iso(offsetMonths(d('2021-12-15'), 1))).toBe('2022-01-15');
  });
});

describe('clampWindow and clampEnds', () => {
  it('clampWindow moves the window inside, keeping its length', () => {
    expect(show(clampWindow(win('2020-12-30', '2021-01-05'), EXTENT))).toBe('2021-01-04..2021-01-10');
    expect(show(clampWindow(win('2021-07-01', '2021-07-07'), EXTENT))).toBe('2021-06-24..2021-06-30');
  });
  it('clampWindow turns a window longer than the data into the whole extent', () => {
    expect(show(clampWindow(win('2020-01-01', '2022-01-01'), EXTENT))).toBe('2021-01-04..2021-06-30');
  });
  it('clampWindow orders a reversed window', () => {
    expect(show(clampWindow(win('2021-03-21', '2021-03-15'), EXTENT))).toBe('2021-03-15..2021-03-21');
  });
  it('clampEnds cuts each end at the edge instead of moving the window', () => {
    expect(show(clampEnds(win('2020-12-30', '2021-01-20'), EXTENT))).toBe('2021-01-04..2021-01-20');
    expect(show(clampEnds(win('2021-06-20', '2021-07-20'), EXTENT))).toBe('2021-06-20..2021-06-30');
    expect(show(clampEnds(win('2021-08-01', '2021-08-09'), EXTENT))).toBe('2021-06-30..2021-06-30');
  });
  it('a shifted window always lies inside the extent and keeps its length (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: -300, max: 300 }), (start, span, days) => {
        const from = utcDay.offset(EXTENT[0], start);
        const w = shiftWindow({ from, to: utcDay.offset(from, span) }, days, EXTENT);
        expect(w.from >= EXTENT[0] && w.to <= EXTENT[1]).toBe(true);
        expect(windowSpan(w)).toBe(span);
      }),
    );
  });
});

describe('playAdvance', () => {
  it('shifts the window a week forward', () => {
    expect(show(playAdvance(win('2021-03-15', '2021-03-21'), EXTENT))).toBe('2021-03-22..2021-03-28');
  });
  it('shows the very end as its last frame, then returns null', () => {
    const last = playAdvance(win('2021-06-20', '2021-06-26'), EXTENT);
    expect(show(last)).toBe('2021-06-24..2021-06-30');
    expect(isAtEnd(last!, EXTENT)).toBe(true);
    expect(playAdvance(last!, EXTENT)).toBeNull();
  });
  it('from the start reaches the end in one frame per week, the last one clamped', () => {
    // 10 Jan to 30 Jun is 171 days: 24 whole weeks, then a 3-day clamped frame.
    const frames: TimeWindow[] = [];
    let w: TimeWindow | null = win('2021-01-04', '2021-01-10');
    while ((w = playAdvance(w, EXTENT)) && frames.length < 1000) frames.push(w);
    expect(frames).toHaveLength(25);
    expect(show(frames[23])).toBe('2021-06-21..2021-06-27');
    expect(show(frames[24])).toBe('2021-06-24..2021-06-30');
  });
  it('rewindWindow goes back to the start, windowAtEnd to the end, both keeping the length', () => {
    expect(show(rewindWindow(win('2021-06-24', '2021-06-30'), EXTENT))).toBe('2021-01-04..2021-01-10');
    expect(show(windowAtEnd(win('2021-01-04', '2021-01-10'), EXTENT))).toBe('2021-06-24..2021-06-30');
  });
});

describe('cumulative mode', () => {
  it('shownWindow in cumulative mode runs from the data start to the window end', () => {
    expect(show(shownWindow({ ...win('2021-03-15', '2021-03-21'), mode: 'cumulative' }, EXTENT))).toBe('2021-01-04..2021-03-21');
  });
  it('shownWindow in cumulative mode of a window ending before the data is just its last day', () => {
    expect(show(shownWindow({ ...win('2020-03-15', '2020-03-21'), mode: 'cumulative' }, EXTENT))).toBe('2020-03-21..2020-03-21');
  });
  it('windowEndingAt moves the stored window so it ends on the given day', () => {
    expect(show(windowEndingAt(win('2021-03-15', '2021-03-21'), d('2021-04-02'), EXTENT))).toBe('2021-03-27..2021-04-02');
  });
});
