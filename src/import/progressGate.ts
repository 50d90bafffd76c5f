/** Progress is posted at most this often: often enough for a smooth bar, rarely enough to cost nothing. */
const PROGRESS_EVERY_MS = 100;

/** True at most once per {@link PROGRESS_EVERY_MS} of `now`: whether a progress message is due (the importer's and its helper's). */
export function progressGate(now: () => number): () => boolean {
  let last = -Infinity;
  return () => {
    const t = now();
    if (t - last < PROGRESS_EVERY_MS) return false;
    last = t;
    return true;
  };
}
