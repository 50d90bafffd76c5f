/// <reference lib="webworker" />
import { resultBuffers, runMatchJob, type MatchRequest } from './matchJob';

/** The match worker (load with `new Worker(new URL('./matchWorker.ts', import.meta.url), { type: 'module' })`). */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<MatchRequest>) => {
  const result = runMatchJob(event.data);
  scope.postMessage(result, resultBuffers(result));
};
