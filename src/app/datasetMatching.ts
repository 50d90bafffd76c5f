import { datasetMatch, matchFlags, type DatasetMatch } from '../data/datasetMatch';
import type { MatchOptions } from '../data/matchIncidents';
import { matchInWorker, type MatchWorkerLike } from '../import/matchJob';
import type { DatasetEntry, DatasetLayers } from './datasetLayers';

/** Where matching stands: nothing to match, the worker running, a result, or the worker failed. */
export type MatchStatus =
  | { kind: 'idle' }
  | { kind: 'running'; a: DatasetEntry; b: DatasetEntry }
  | { kind: 'done'; match: DatasetMatch; ms: number }
  | { kind: 'failed'; reason: string };

export interface DatasetMatching {
  status(): MatchStatus;
  /** The result, when there is one. */
  match(): DatasetMatch | null;
  /** Called on every status change. */
  onChange(listener: (status: MatchStatus) => void): () => void;
  destroy(): void;
}

export interface DatasetMatchingOptions {
  datasets: DatasetLayers;
  /** A new match worker (src/import/createMatchWorker.ts); one per run, terminated when done or superseded. */
  createWorker: () => MatchWorkerLike;
  matchOptions?: Partial<MatchOptions>;
}

/**
 * Matches two counted datasets whenever they change: A is the first counted dataset (the bundled
 * UCDP GED), B the newest other one (the reader's import). The matcher runs in a worker, never on
 * the page; the page only hands it the tables' columns and, once the pairs arrive, builds the per-event flag
 * columns the layers draw (src/data/datasetMatch.ts). A run superseded by a newer dataset is dropped.
 */
export function createDatasetMatching(options: DatasetMatchingOptions): DatasetMatching {
  const { datasets } = options;
  let status: MatchStatus = { kind: 'idle' };
  let worker: MatchWorkerLike | null = null;
  let run = 0;
  const listeners = new Set<(s: MatchStatus) => void>();
  const set = (next: MatchStatus) => {
    status = next;
    for (const l of [...listeners]) l(status);
  };
  const clearFlags = () => {
    for (const e of datasets.entries()) e.layer.setMatchFlags?.(null);
  };

  const same = (x: DatasetEntry, y: DatasetEntry) => x.dataset.id === y.dataset.id && x.index === y.index;
  const onDatasets = () => {
    const counted = datasets.entries().filter((e) => e.dataset.role === 'counted');
    const a = counted[0];
    const b = counted.length > 1 ? counted[counted.length - 1] : undefined;
    // Another dataset added (the story events) leaves a running or finished match of the same two alone.
    if (a && b && status.kind === 'running' && same(status.a, a) && same(status.b, b)) return;
    if (a && b && status.kind === 'done' && status.match.a.incidents === a.index.incidents && status.match.b.incidents === b.index.incidents) return;
    worker?.terminate();
    worker = null;
    const mine = ++run;
    clearFlags();
    if (!a || !b) {
      set({ kind: 'idle' });
      return;
    }
    set({ kind: 'running', a, b });
    const t0 = performance.now();
    worker = options.createWorker();
    matchInWorker(worker, a.index.incidents, b.index.incidents, options.matchOptions).then(
      (result) => {
        if (mine !== run) return;
        worker = null;
        const match = datasetMatch({ id: a.dataset.id, incidents: a.index.incidents }, { id: b.dataset.id, incidents: b.index.incidents }, result);
        a.layer.setMatchFlags?.(matchFlags(match, 'a'));
        b.layer.setMatchFlags?.(matchFlags(match, 'b'));
        set({ kind: 'done', match, ms: performance.now() - t0 });
      },
      (error: unknown) => {
        if (mine !== run) return;
        worker = null;
        set({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
      },
    );
  };
  const off = datasets.onChange(onDatasets);
  onDatasets();

  return {
    status: () => status,
    match: () => (status.kind === 'done' ? status.match : null),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      off();
      run++;
      worker?.terminate();
      listeners.clear();
    },
  };
}
