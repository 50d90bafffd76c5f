import DetailsWorker from './ucdpDetailsWorker?worker';
import { readUcdpDetailsHere, readUcdpDetailsIn, type DetailsWorkerLike, type ReadUcdpDetails } from './readUcdpDetails';

/** The app's reader of the bundled UCDP details: in a worker bundled by Vite, or here where there is no Worker. */
export const readUcdpDetails: ReadUcdpDetails =
  typeof Worker === 'undefined' ? readUcdpDetailsHere : readUcdpDetailsIn(() => new DetailsWorker() as unknown as DetailsWorkerLike);
