/// <reference lib="webworker" />
import type { ImportMessage, WorkerRequest } from './importProtocol';
import { runImportJob, type DetailsAnswerer } from './importJob';
import { helperSession } from './partJob';

/**
 * The import worker (loaded with Vite's `?worker`): parsing a large file here keeps the page
 * responsive, and cancelling is terminating the worker. One import per worker, then any number of
 * requests for the summaries and sources it kept. Started as a helper instead, it reads the part
 * of a file its importer asks for on the port the page gave it, then builds the area index if asked.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: ImportMessage, transfer: Transferable[] = []) => scope.postMessage(message, transfer);
/** Set once `done` is posted when the worker keeps the summaries and sources (the page asks only after `done`). */
let answer: DetailsAnswerer | null = null;
let helperLost = () => {};
const lost = new Promise<void>((resolve) => (helperLost = resolve));
scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if ('type' in request) {
    if (request.type === 'details') answer?.(request);
    else if (request.type === 'helper-lost') helperLost();
    else {
      // The page stops the helper once the importer is done.
      const { port } = request;
      const serve = helperSession((m, t = []) => port.postMessage(m, t));
      port.onmessage = ({ data }) => {
        serve(data).catch((e: unknown) => port.postMessage({ type: 'failed', reason: e instanceof Error ? e.message : String(e) }));
      };
    }
    return;
  }
  runImportJob(request, post, undefined, undefined, lost)
    .then((a) => (answer = a))
    .catch((e: unknown) => post({ type: 'failed', reason: e instanceof Error ? e.message : String(e) }));
};
