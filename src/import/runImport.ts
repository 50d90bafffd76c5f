import type { ImportResult } from '../data/parseFile';
import type { ImportSummary } from '../data/report';
import type { AreaIndexParts } from '../data/areaIndex';
import type { ImportMessage, ImportRequest } from './importProtocol';
import type { LayerParts } from './layerParts';
import { unpackIncidentsInSlices } from './packIncidents';

/** The part of a Worker the importer uses, so tests can stand in for one. */
export interface WorkerLike {
  postMessage(message: ImportRequest): void;
  onmessage: ((event: MessageEvent<ImportMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export type ImportOutcome =
  | { status: 'done'; result: ImportResult; summary: ImportSummary; layer: LayerParts | null; areas?: AreaIndexParts }
  | { status: 'failed'; reason: string }
  | { status: 'cancelled' };

export interface RunningImport {
  /** Settles once: with the result, a failure, or `cancelled`. Never rejects. */
  readonly outcome: Promise<ImportOutcome>;
  /** Stops the worker at once; the outcome becomes `cancelled` unless it had already settled. */
  cancel(): void;
}

/** Starts reading a file or URL in a fresh worker; `onProgress` hears bytes and rows as they are read. */
export function runImport(request: ImportRequest, createWorker: () => WorkerLike, onProgress: (p: { bytes: number; rows: number; total: number | null }) => void): RunningImport {
  const worker = createWorker();
  let settle!: (outcome: ImportOutcome) => void;
  let settled = false;
  const outcome = new Promise<ImportOutcome>((resolve) => {
    settle = (o) => {
      if (settled) return;
      settled = true;
      worker.terminate();
      resolve(o);
    };
  });
  worker.onmessage = (event) => {
    const m = event.data;
    if (settled) return;
    if (m.type === 'progress') onProgress(m);
    else if (m.type === 'done') {
      // Cancelling while the incidents are rebuilt still wins: settle() keeps the first outcome.
      void unpackIncidentsInSlices(m.incidents).then((incidents) => settle({ status: 'done', result: { ...m.result, incidents }, summary: m.summary, layer: m.layer, ...(m.areas ? { areas: m.areas } : {}) }));
    }
    else settle({ status: 'failed', reason: m.reason });
  };
  worker.onerror = (event) => settle({ status: 'failed', reason: event.message || 'the import worker stopped' });
  worker.postMessage(request);
  return { outcome, cancel: () => settle({ status: 'cancelled' }) };
}
