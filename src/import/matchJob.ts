import { matchColumns, matchColumnsOfTable, type MatchOptions, type MatchResult } from '../data/matchIncidents';
import type { IncidentTable } from '../data/incidentTable';

/** The numbers of one side that matching reads: the table's own typed arrays. */
export type MatchTable = Pick<IncidentTable, 'length' | 'start' | 'end' | 'lon' | 'lat' | 'best' | 'datePrecision' | 'locationPrecision' | 'eventType'>;

/**
 * What the page sends the match worker: both sides' columns as the tables hold them, copied by
 * postMessage (a memory copy; the page keeps its own). The worker derives the matcher's columns
 * (tolerances, coded types), so the page makes no pass over a million incidents for it.
 */
export interface MatchRequest {
  a: MatchTable;
  b: MatchTable;
  options: Partial<MatchOptions>;
}

/** The typed arrays of a result, for the worker's transfer list. */
export function resultBuffers(r: MatchResult): ArrayBuffer[] {
  const p = r.pairs;
  return [p.a, p.b, p.score, p.dayGap, p.distanceKm, r.onlyA, r.onlyB].map((x) => x.buffer as ArrayBuffer);
}

const matchTable = (t: MatchTable): MatchTable => ({
  length: t.length,
  start: t.start,
  end: t.end,
  lon: t.lon,
  lat: t.lat,
  best: t.best,
  datePrecision: t.datePrecision,
  locationPrecision: t.locationPrecision,
  eventType: t.eventType,
});

/** The request for two tables: their columns only (a column table's functions cannot cross to a worker). */
export function packMatchRequest(a: MatchTable, b: MatchTable, options: Partial<MatchOptions> = {}): MatchRequest {
  return { a: matchTable(a), b: matchTable(b), options };
}

/** The worker's job: pure, so it runs the same in a test. */
export function runMatchJob(request: MatchRequest): MatchResult {
  const { a, b, options } = request;
  return matchColumns(matchColumnsOfTable(a, options), matchColumnsOfTable(b, options), options);
}

/** Minimal worker surface, so the client can be driven by a fake in tests. */
export interface MatchWorkerLike {
  postMessage(message: MatchRequest, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<MatchResult>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/** Matches in a worker; the columns are copied to it, the result's buffers transferred back. */
export function matchInWorker(worker: MatchWorkerLike, a: IncidentTable, b: IncidentTable, options: Partial<MatchOptions> = {}): Promise<MatchResult> {
  const request = packMatchRequest(a, b, options);
  return new Promise((resolve, reject) => {
    worker.onmessage = (e) => { worker.terminate(); resolve(e.data); };
    worker.onerror = (e) => { worker.terminate(); reject(new Error(e.message)); };
    worker.postMessage(request, []);
  });
}
