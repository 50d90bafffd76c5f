import DetailsWorker from './ucdpDetailsWorker?worker';
import { readUcdpDetailsIn, type DetailsWorkerLike, type ReadUcdpDetails } from './readUcdpDetails';

/** The app's reader of the bundled UCDP details, in a worker bundled by Vite (maplibre needs workers too, so every browser the map runs in has them). */
export const readUcdpDetails: ReadUcdpDetails = readUcdpDetailsIn(() => new DetailsWorker() as unknown as DetailsWorkerLike);
