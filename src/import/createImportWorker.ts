import ImportWorker from './importWorker?worker';
import type { WorkerLike } from './runImport';

/** A new import worker, bundled by Vite from importWorker.ts. */
export function createImportWorker(): WorkerLike {
  return new ImportWorker() as unknown as WorkerLike;
}
