/// <reference lib="webworker" />
import type { ImportMessage, WorkerRequest } from './importProtocol';
import { importWorkerHandler } from './importJob';

/**
 * The import worker (loaded with Vite's `?worker`): parsing a large file here keeps the page
 * responsive, and cancelling is terminating the worker. One import per worker; after it, the
 * worker answers for the summaries and sources it kept until the page terminates it.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = importWorkerHandler((message: ImportMessage, transfer: Transferable[] = []) => scope.postMessage(message, transfer));
scope.onmessage = (event: MessageEvent<WorkerRequest>) => handle(event.data);
