/// <reference lib="webworker" />
import { runMatchJob } from '../../../src/import/matchJob';
import type { MatchBenchAnswer, MatchBenchRequest } from './hooks';

/** Times the matcher alone, inside a worker, on columns already packed and transferred. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<MatchBenchRequest>) => {
  const t0 = performance.now();
  const result = runMatchJob(event.data);
  scope.postMessage({ workerMs: performance.now() - t0, pairs: result.pairs.a.length } satisfies MatchBenchAnswer);
};
