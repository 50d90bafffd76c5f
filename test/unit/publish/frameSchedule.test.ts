import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frameSchedule, parseStep } from '../../../src/publish/frameSchedule';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const day = (x: Date) => x.toISOString().slice(0, 10);

describe('frameSchedule', () => {
  it('moves a one-day window a day at a time from 21 Feb to 21 Mar 2021: 29 frames', () => {
    const frames = frameSchedule({ from: d('2021-02-21'), to: d('2021-03-21'), stepDays: 1, windowDays: 1 });
    expect(frames).toHaveLength(29);
    expect(frames.map((f) => day(f.to)).slice(0, 3)).toEqual(['2021-02-21', '2021-02-22', '2021-02-23']);
    expect(day(frames[28].from)).toBe('2021-03-21');
    expect(day(frames[28].to)).toBe('2021-03-21');
  });

  it('keeps a week-long window and ends it on the range’s last day', () => {
    const frames = frameSchedule({ from: d('2021-03-01'), to: d('2021-03-31'), stepDays: 1, windowDays: 7 });
    expect(frames).toHaveLength(25);
    expect(frames.map((f) => [day(f.from), day(f.to)])[0]).toEqual(['2021-03-01', '2021-03-07']);
    expect(day(frames[24].to)).toBe('2021-03-31');
  });

  it('adds one window flush with the end when the step overshoots', () => {
    const frames = frameSchedule({ from: d('2021-03-01'), to: d('2021-03-31'), stepDays: 7, windowDays: 7 });
    expect(frames.map((f) => day(f.to))).toEqual(['2021-03-07', '2021-03-14', '2021-03-21', '2021-03-28', '2021-03-31']);
    expect(day(frames[4].from)).toBe('2021-03-25');
  });

  it('gives the whole range as one frame when the window is longer than it, and nothing for a reversed range', () => {
    expect(frameSchedule({ from: d('2021-03-01'), to: d('2021-03-03'), stepDays: 1, windowDays: 30 }).map((f) => [day(f.from), day(f.to)])).toEqual([['2021-03-01', '2021-03-03']]);
    expect(frameSchedule({ from: d('2021-03-03'), to: d('2021-03-01'), stepDays: 1, windowDays: 1 })).toEqual([]);
  });

  it('for any range, step and window: windows keep their length, move by the step, start on the first day and end on the last (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 60 }), (offset, span, step, len) => {
        const from = new Date(Date.UTC(2018, 0, 1) + offset * 86_400_000);
        const to = new Date(from.getTime() + span * 86_400_000);
        const frames = frameSchedule({ from, to, stepDays: step, windowDays: len });
        expect(frames.length).toBeGreaterThan(0);
        expect(frames[0].from.getTime()).toBe(from.getTime());
        expect(frames[frames.length - 1].to.getTime()).toBe(to.getTime());
        const days = (f: { from: Date; to: Date }) => (f.to.getTime() - f.from.getTime()) / 86_400_000 + 1;
        for (const f of frames) expect(days(f)).toBe(Math.min(len, span + 1));
        for (let i = 1; i < frames.length - 1; i++) expect(frames[i].from.getTime() - frames[i - 1].from.getTime()).toBe(step * 86_400_000);
        for (let i = 1; i < frames.length; i++) expect(frames[i].to.getTime()).toBeGreaterThan(frames[i - 1].to.getTime());
      }),
    );
  });
});

describe('parseStep', () => {
  it('reads days and weeks, and refuses anything else', () => {
    expect(parseStep('1d')).toBe(1);
    expect(parseStep('2w')).toBe(14);
    expect(parseStep('0d')).toBeNull();
    expect(parseStep('1 day')).toBeNull();
    expect(parseStep('1m')).toBeNull();
  });
});
