import MatchWorker from './matchWorker?worker';
import type { MatchWorkerLike } from './matchJob';

/** A new match worker, bundled by Vite from matchWorker.ts. */
export function createMatchWorker(): MatchWorkerLike {
  return new MatchWorker() as unknown as MatchWorkerLike;
}
