import { ucdpDetailsOf, type UcdpDetails } from '../data/ucdpTiers';

export interface UcdpDetailsRequest {
  map: string;
  details: string;
  /** The file the incidents are read as (their dataset's file). */
  file: string;
}
export type UcdpDetailsReply = { details: UcdpDetails | null } | { failed: string };

/** Reads the detail tier against the map tier (ucdpDetailsOf): null when they do not belong together. */
export type ReadUcdpDetails = (request: UcdpDetailsRequest) => Promise<UcdpDetails | null>;

/** On the calling thread: loadUcdpTiered's default (tests, and a page that passes no reader). */
export const readUcdpDetailsHere: ReadUcdpDetails = async ({ map, details, file }) => ucdpDetailsOf(map, details, file);

/** The part of a Worker this uses, so a test can stand in for one. */
export interface DetailsWorkerLike {
  postMessage(message: UcdpDetailsRequest): void;
  onmessage: ((event: MessageEvent<UcdpDetailsReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/** In a worker of its own, stopped once it answers; a worker that fails to start or throws rejects. */
export function readUcdpDetailsIn(createWorker: () => DetailsWorkerLike): ReadUcdpDetails {
  return (request) =>
    new Promise((resolve, reject) => {
      const worker = createWorker();
      worker.onmessage = ({ data }) => {
        worker.terminate();
        if ('failed' in data) reject(new Error(data.failed));
        else resolve(data.details);
      };
      worker.onerror = (event) => {
        worker.terminate();
        reject(new Error(event.message || 'the details worker stopped'));
      };
      worker.postMessage(request);
    });
}
