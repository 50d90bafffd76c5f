/// <reference lib="webworker" />
import type { ImportMessage, ImportRequest } from './importProtocol';
import { runImportJob } from './importJob';

/**
 * The import worker (loaded with Vite's `?worker`): parsing a large file here keeps the page
 * responsive, and cancelling is terminating the worker. One request per worker.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<ImportRequest>) => {
  const post = (message: ImportMessage, transfer: Transferable[] = []) => scope.postMessage(message, transfer);
  runImportJob(event.data, post).catch((e: unknown) => post({ type: 'failed', reason: e instanceof Error ? e.message : String(e) }));
};
