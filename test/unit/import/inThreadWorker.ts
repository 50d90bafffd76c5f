import { runImportJob, type DetailsAnswerer } from '../../../src/import/importJob';
import type { ImportMessage, WorkerRequest } from '../../../src/import/importProtocol';
import { helperSession } from '../../../src/import/partJob';
import type { WorkerLike } from '../../../src/import/runImport';

/**
 * The import worker's job run in this thread behind the Worker interface the page uses: messages
 * are cloned with their transfer list when posted, as postMessage does, and delivered in a later
 * task, as a worker's are; requests for details after `done` go to the job's answerer. Started as
 * a helper, it runs the part job on the port it is given, as the worker does.
 */
export function inThreadWorker(): WorkerLike & { terminated: boolean } {
  let answer: DetailsAnswerer | null = null;
  let helperLost = () => {};
  const lost = new Promise<void>((resolve) => (helperLost = resolve));
  const post = (m: ImportMessage, transfer: Transferable[] = []) => {
    const data = structuredClone(m, { transfer });
    setTimeout(() => !worker.terminated && worker.onmessage?.({ data } as MessageEvent<ImportMessage>), 0);
  };
  const worker = {
    onmessage: null as WorkerLike['onmessage'],
    onerror: null as WorkerLike['onerror'],
    terminated: false,
    postMessage(request: WorkerRequest) {
      if (!('type' in request)) {
        let t = 0;
        void runImportJob(request, post, () => (t += 1000), undefined, lost).then((a) => (answer = a));
      } else if (request.type === 'details') answer?.(request);
      else if (request.type === 'helper-lost') helperLost();
      else {
        const { port } = request;
        const serve = helperSession((m, transfer = []) => !worker.terminated && port.postMessage(m, transfer));
        port.onmessage = ({ data }) => void serve(data);
      }
    },
    terminate() {
      worker.terminated = true;
    },
  };
  return worker;
}
