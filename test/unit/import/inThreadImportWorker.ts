import { importWorkerHandler } from '../../../src/import/importJob';
import type { ImportMessage, WorkerRequest } from '../../../src/import/importProtocol';
import type { WorkerLike } from '../../../src/import/runImport';

/**
 * The import worker's handler run in this thread behind the Worker interface the page uses: each
 * message to the page is cloned with its transfer list, as postMessage does, and nothing is delivered once
 * terminated. `now` is the job's clock (a fake one makes every progress message due).
 */
export function inThreadImportWorker(now?: () => number): WorkerLike & { terminated: boolean } {
  const worker = {
    onmessage: null as WorkerLike['onmessage'],
    onerror: null as WorkerLike['onerror'],
    terminated: false,
    postMessage(request: WorkerRequest) {
      // Not cloned: a test environment's File may not survive structuredClone.
      handle(request);
    },
    terminate() {
      worker.terminated = true;
    },
  };
  const handle = importWorkerHandler((m, transfer) => {
    if (!worker.terminated) worker.onmessage?.({ data: structuredClone(m, { transfer }) } as MessageEvent<ImportMessage>);
  }, now);
  return worker;
}
