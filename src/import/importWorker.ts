/// <reference lib="webworker" />
import type { ImportMessage, WorkerRequest } from './importProtocol';
import { runImportJob, type DetailsAnswerer } from './importJob';

/**
 * The import worker (loaded with Vite's `?worker`): parsing a large file here keeps the page
 * responsive, and cancelling is terminating the worker. One import per worker, then any number of
 * requests for the summaries and sources it kept.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: ImportMessage, transfer: Transferable[] = []) => scope.postMessage(message, transfer);
/** Set once `done` is posted when the worker keeps the summaries and sources (the page asks only after `done`). */
let answer: DetailsAnswerer | null = null;
scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if ('type' in request) {
    answer?.(request);
    return;
  }
  runImportJob(request, post)
    .then((a) => (answer = a))
    .catch((e: unknown) => post({ type: 'failed', reason: e instanceof Error ? e.message : String(e) }));
};
