/** What the match bench page exposes as `window.bench`. */
export interface MatchBenchHooks {
  /** Builds A and B (B's first `planted` events are jittered copies of A's); returns the sizes. */
  generate(n: number, plantedShare: number, seed: number): { ms: number; a: number; b: number; planted: number };
  /** The matcher alone in a worker (columns packed before the clock starts): the time inside the worker. */
  worker(): Promise<{ workerMs: number; pairs: number }>;
  /**
   * The app's path: `matchInWorker` (pack on the page, transfer, match in the worker, transfer back)
   * and then the page's lookup arrays and flag columns (datasetMatch, matchFlags), with the page's
   * long tasks meanwhile; precision and recall against the planted duplicates.
   */
  app(): Promise<{ ms: number; packMs: number; afterMs: number; longestTaskMs: number; longTasks: number; pairs: number; truePairs: number; planted: number; precision: number; recall: number }>;
}

export type MatchBenchRequest = import('../../../src/import/matchJob').MatchRequest;
export type MatchBenchAnswer = { workerMs: number; pairs: number };
