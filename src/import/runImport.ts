import type { ImportResult } from '../data/parseFile';
import type { ImportSummary } from '../data/report';
import type { AreaIndexParts } from '../data/areaIndex';
import { tableOfColumns, type IncidentDetails, type IncidentTable } from '../data/incidentTable';
import type { ImportMessage, ImportRequest, WorkerRequest } from './importProtocol';
import type { LayerParts } from './layerParts';
import { SPLIT_FROM_BYTES } from './splitPlan';

/** The part of a Worker the importer uses, so tests can stand in for one. */
export interface WorkerLike {
  postMessage(message: WorkerRequest, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ImportMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export type ImportOutcome =
  | {
      status: 'done';
      result: Omit<ImportResult, 'incidents'>;
      /** The incidents in time order, as columns; their summaries and sources stay in the worker until asked for. */
      incidents: IncidentTable;
      summary: ImportSummary;
      layer: LayerParts | null;
      areas?: AreaIndexParts;
      /** Stops the worker that holds the summaries and sources (when the dataset leaves the map). */
      close(): void;
    }
  | { status: 'failed'; reason: string }
  | { status: 'cancelled' };

export interface RunningImport {
  /** Settles once: with the result, a failure, or `cancelled`. Never rejects. */
  readonly outcome: Promise<ImportOutcome>;
  /** Stops the worker at once; the outcome becomes `cancelled` unless it had already settled. */
  cancel(): void;
}

/** How runImport shares the work: the defaults are the app's. */
export interface SplitOptions {
  /** @defaultValue {@link SPLIT_FROM_BYTES} */
  splitFromBytes?: number;
  /** @defaultValue navigator.hardwareConcurrency */
  cores?: number;
}

/**
 * Starts reading a file or URL in a fresh worker; `onProgress` hears bytes and rows as they are
 * read. The worker is asked to keep the incidents' summaries and sources: after `done` it stays
 * alive to answer for them (a popup, an export) until the outcome's close(); a worker that sends
 * them with the columns is stopped at once. On a machine of two cores or more, a large file or a
 * URL also gets a helper worker, which the first is given a port to (see runImportJob), stopped with it.
 */
export function runImport(
  request: ImportRequest,
  createWorker: () => WorkerLike,
  onProgress: (p: { bytes: number; rows: number; total: number | null }) => void,
  { splitFromBytes = SPLIT_FROM_BYTES, cores = globalThis.navigator?.hardwareConcurrency ?? 1 }: SplitOptions = {},
): RunningImport {
  const worker = createWorker();
  // A URL's size is known once it answers: its importer tells the helper then whether to read a half.
  const split = cores >= 2 && (request.source.kind === 'url' || request.source.file.size >= splitFromBytes);
  let helper: WorkerLike | null = split ? createWorker() : null;
  const stopHelper = () => {
    helper?.terminate();
    helper = null;
  };
  let settle!: (outcome: ImportOutcome) => void;
  let settled = false;
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    worker.terminate();
    stopHelper();
    for (const [, pending] of waiting) pending([]);
    waiting.clear();
  };
  const waiting = new Map<number, (details: IncidentDetails[]) => void>();
  let asked = 0;
  const fetchDetails = (rows: readonly number[]): Promise<IncidentDetails[]> => {
    if (closed) return Promise.resolve([]);
    const id = ++asked;
    return new Promise((resolve) => {
      waiting.set(id, resolve);
      worker.postMessage({ type: 'details', id, rows: [...rows] });
    });
  };
  const outcome = new Promise<ImportOutcome>((resolve) => {
    settle = (o) => {
      if (settled) return;
      settled = true;
      if (o.status !== 'done') close();
      resolve(o);
    };
  });
  worker.onmessage = (event) => {
    const m = event.data;
    if (m.type === 'details') {
      waiting.get(m.id)?.(m.details);
      waiting.delete(m.id);
      return;
    }
    if (settled) return;
    if (m.type === 'progress') onProgress(m);
    else if (m.type === 'done') {
      stopHelper();
      // No pass over the incidents here: the table reads the worker's columns as they came.
      const incidents = tableOfColumns(m.incidents, fetchDetails);
      if (incidents.detailed) close();
      settle({ status: 'done', result: m.result, incidents, summary: m.summary, layer: m.layer, close, ...(m.areas ? { areas: m.areas } : {}) });
    } else settle({ status: 'failed', reason: m.reason });
  };
  worker.onerror = (event) => {
    if (!settled) settle({ status: 'failed', reason: event.message || 'the import worker stopped' });
    else close();
  };
  if (helper) {
    const channel = new MessageChannel();
    helper.onerror = () => {
      if (!closed) worker.postMessage({ type: 'helper-lost' });
      stopHelper();
    };
    helper.postMessage({ type: 'helper', port: channel.port2 }, [channel.port2]);
    worker.postMessage({ ...request, detailsOnDemand: true, helper: channel.port1, splitFromBytes }, [channel.port1]);
  } else worker.postMessage({ ...request, detailsOnDemand: true });
  return { outcome, cancel: () => settle({ status: 'cancelled' }) };
}
