import { formatDay } from '../data/calendarDay';
import type { PublishSource } from './publishSource';

/** A file's name stem: the days it shows, as the exports name theirs ("sahel-map-2021-03-01_2021-03-31"). */
export function fileStem(source: PublishSource, range: { from: Date; to: Date } = source.derived.get().shown): string {
  return `sahel-map-${formatDay(range.from)}_${formatDay(range.to)}`;
}
