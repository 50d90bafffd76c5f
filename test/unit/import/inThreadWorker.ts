import { runImportJob, type DetailsAnswerer } from '../../../src/import/importJob';
import type { ImportMessage, WorkerRequest } from '../../../src/import/importProtocol';
import type { WorkerLike } from '../../../src/import/runImport';

/**
 * The import worker's job run in this thread behind the Worker interface the page uses: messages
 * are cloned with their transfer list when posted, as postMessage does, and delivered in a later
 * task, as a worker's are; requests for details after `done` go to the job's answerer.
 */
export function inThreadWorker(): WorkerLike & { terminated: boolean } {
  let answer: DetailsAnswerer | null = null;
  const post = (m: ImportMessage, transfer: Transferable[] = []) => {
    const data = structuredClone(m, { transfer });
    setTimeout(() => !worker.terminated && worker.onmessage?.({ data } as MessageEvent<ImportMessage>), 0);
  };
  const worker = {
    onmessage: null as WorkerLike['onmessage'],
    onerror: null as WorkerLike['onerror'],
    terminated: false,
    postMessage(request: WorkerRequest) {
      if ('type' in request) return answer?.(request);
      let t = 0;
      void runImportJob(request, post, () => (t += 1000)).then((a) => (answer = a));
    },
    terminate() {
      worker.terminated = true;
    },
  };
  return worker;
}
