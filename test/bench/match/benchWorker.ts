/// <reference lib="webworker" />
import { runMatchJob } from '../../../src/import/matchJob';
import type { MatchBenchAnswer, MatchBenchRequest } from './hooks';

/** Times the matcher inside a worker, from the tables' columns copied to it (the matcher's own columns derived here, as the app's worker does). */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<MatchBenchRequest>) => {
  const t0 = performance.now();
  const result = runMatchJob(event.data);
  scope.postMessage({ workerMs: performance.now() - t0, pairs: result.pairs.a.length } satisfies MatchBenchAnswer);
};
