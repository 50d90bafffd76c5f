import { nextTask } from '../app/nextTask';
import { matchColumns, matchColumnsOfTable, type MatchOptions, type MatchResult } from '../data/matchIncidents';
import type { IncidentTable } from '../data/incidentTable';

/** The numbers of one side that matching reads: the table's own typed arrays. */
export type MatchTable = Pick<IncidentTable, 'length' | 'start' | 'end' | 'lon' | 'lat' | 'best' | 'datePrecision' | 'locationPrecision' | 'eventType'>;

/**
 * What the page sends the match worker: both sides' columns as the tables hold them, each a copy in
 * a buffer of its own that is transferred (the page keeps its own). The worker derives the
 * matcher's columns (tolerances, coded types), so the page makes no pass over a million incidents
 * for it.
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

/** The typed columns of a MatchTable, in the order they are copied. */
const COLUMNS = ['start', 'end', 'lon', 'lat', 'best', 'datePrecision', 'locationPrecision', 'eventType'] as const;

/**
 * Copies of a side's columns, each into a buffer of its own, a column per step (the generator
 * yields after each). A column the table shares (`end` is `start` when every event lasts one day)
 * stays shared. A copy by `slice` is a native memory copy that is then transferred; structured
 * cloning the table's arrays instead cost the page's thread a 200–280 ms task at 1M events
 * (Chromium serialises an array's bytes, then copies them again).
 */
function* copyTable(t: MatchTable): Generator<void, MatchTable> {
  const out: Partial<Pick<MatchTable, (typeof COLUMNS)[number]>> = {};
  for (const k of COLUMNS) {
    (out as Record<string, unknown>)[k] = k === 'end' && t.end === t.start ? out.start : t[k].slice();
    yield;
  }
  return { length: t.length, ...out } as MatchTable;
}

function* copyRequest(a: MatchTable, b: MatchTable, options: Partial<MatchOptions>): Generator<void, MatchRequest> {
  return { a: yield* copyTable(a), b: yield* copyTable(b), options };
}

/** The request for two tables: copies of their columns only (a column table's functions cannot cross to a worker). */
export function packMatchRequest(a: MatchTable, b: MatchTable, options: Partial<MatchOptions> = {}): MatchRequest {
  const steps = copyRequest(a, b, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** As packMatchRequest, a column at a time, awaiting `between` after each (the page yields to its frames there). */
export async function packMatchRequestInSteps(a: MatchTable, b: MatchTable, options: Partial<MatchOptions>, between: () => Promise<void>): Promise<MatchRequest> {
  const steps = copyRequest(a, b, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await between();
  }
}

/** The request's buffers, each once, for the transfer list: they are the request's own copies. */
export function requestBuffers(request: MatchRequest): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const t of [request.a, request.b]) for (const k of COLUMNS) buffers.add(t[k].buffer as ArrayBuffer);
  return [...buffers];
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

/**
 * Matches in a worker: copies of the columns, made a column per task (so that at a million
 * incidents no task of the page's holds a frame for long), are transferred to it, the result's
 * buffers transferred back. Nothing is copied before the first task: the caller's own task ends.
 */
export function matchInWorker(worker: MatchWorkerLike, a: IncidentTable, b: IncidentTable, options: Partial<MatchOptions> = {}, between: () => Promise<void> = nextTask): Promise<MatchResult> {
  return new Promise((resolve, reject) => {
    worker.onmessage = (e) => {
      worker.terminate();
      resolve(e.data);
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message));
    };
    between()
      .then(() => packMatchRequestInSteps(a, b, options, between))
      .then((request) => worker.postMessage(request, requestBuffers(request)), reject);
  });
}
