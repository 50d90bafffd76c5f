import { matchColumns, matchColumnsOfTable, type MatchColumns, type MatchOptions, type MatchResult } from '../data/matchIncidents';
import type { IncidentTable } from '../data/incidentTable';

/** What the page sends the match worker: both sides as columns (typed arrays, transferred, not copied). */
export interface MatchRequest {
  a: MatchColumns;
  b: MatchColumns;
  options: Partial<MatchOptions>;
}

/** The typed arrays of a columns object, for postMessage's transfer list. */
export function columnBuffers(c: MatchColumns): ArrayBuffer[] {
  return [c.dayStart, c.dayEnd, c.lon, c.lat, c.dayTol, c.kmTol, c.type, c.deaths].map((x) => x.buffer as ArrayBuffer);
}

/** The typed arrays of a result, for the worker's transfer list. */
export function resultBuffers(r: MatchResult): ArrayBuffer[] {
  const p = r.pairs;
  return [p.a, p.b, p.score, p.dayGap, p.distanceKm, r.onlyA, r.onlyB].map((x) => x.buffer as ArrayBuffer);
}

/** Packs two incident lists into a request (event types coded consistently across both). */
export function packMatchRequest(a: IncidentTable, b: IncidentTable, options: Partial<MatchOptions> = {}): MatchRequest {
  return { a: matchColumnsOfTable(a, options), b: matchColumnsOfTable(b, options), options };
}

/** The worker's job: pure, so it runs the same in a test. */
export function runMatchJob(request: MatchRequest): MatchResult {
  return matchColumns(request.a, request.b, request.options);
}

/** Minimal worker surface, so the client can be driven by a fake in tests. */
export interface MatchWorkerLike {
  postMessage(message: MatchRequest, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<MatchResult>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/** Matches in a worker; the columns' buffers are transferred, so the page keeps no copy. */
export function matchInWorker(worker: MatchWorkerLike, a: IncidentTable, b: IncidentTable, options: Partial<MatchOptions> = {}): Promise<MatchResult> {
  const request = packMatchRequest(a, b, options);
  return new Promise((resolve, reject) => {
    worker.onmessage = (e) => { worker.terminate(); resolve(e.data); };
    worker.onerror = (e) => { worker.terminate(); reject(new Error(e.message)); };
    worker.postMessage(request, [...columnBuffers(request.a), ...columnBuffers(request.b)]);
  });
}
