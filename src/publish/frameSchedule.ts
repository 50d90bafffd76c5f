/** A span of whole UTC days, both ends inclusive (the store's window). */
export interface FrameWindow {
  from: Date;
  to: Date;
}

const DAY = 86_400_000;
const dayStart = (d: Date) => Math.floor(d.getTime() / DAY) * DAY;

/** Reads a step as the CLI and the dialog write it: "1d", "3d", "1w", "2w" (days or weeks). Null when it is not one. */
export function parseStep(text: string): number | null {
  const m = /^(\d{1,3})([dw])$/.exec(text.trim());
  if (!m) return null;
  const days = Number(m[1]) * (m[2] === 'w' ? 7 : 1);
  return days >= 1 && days <= 366 ? days : null;
}

export interface FrameScheduleOptions {
  /** First day of the range: the first frame's window starts here. */
  from: Date;
  /** Last day of the range: the last frame's window ends here, whatever the step. */
  to: Date;
  /** Days the window moves between frames (≥ 1). */
  stepDays: number;
  /** The window's length in days (≥ 1), kept on every frame: the reader's window. */
  windowDays: number;
}

/**
 * The windows of a video, one per frame: a window of `windowDays` starting on `from`, moved by
 * `stepDays` until it reaches `to`. The last frame always ends on `to` exactly: when the step
 * would overshoot, one last window is added flush with the end (so a range never stops short of
 * the day the editor asked for). A window longer than the range gives one frame, the whole range.
 * Pure and deterministic: the same range and step give the same frames.
 */
export function frameSchedule(options: FrameScheduleOptions): FrameWindow[] {
  const from = dayStart(options.from);
  const to = dayStart(options.to);
  if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) return [];
  const step = Math.max(1, Math.floor(options.stepDays)) * DAY;
  const length = Math.max(1, Math.floor(options.windowDays)) * DAY;
  const lastStart = to - length + DAY;
  if (lastStart <= from) return [{ from: new Date(from), to: new Date(to) }];
  const frames: FrameWindow[] = [];
  for (let start = from; start <= lastStart; start += step) frames.push({ from: new Date(start), to: new Date(start + length - DAY) });
  if (frames[frames.length - 1].to.getTime() !== to) frames.push({ from: new Date(lastStart), to: new Date(to) });
  return frames;
}
