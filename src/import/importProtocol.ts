import type { ImportResult } from '../data/parseFile';
import type { ImportSummary } from '../data/report';
import type { AreaIndexParts } from '../data/areaIndex';
import type { AreaGeodata } from '../geo/indexAreas';
import type { LayerParts, MarkerScaleSpec } from './layerParts';
import type { IncidentColumnsStore, IncidentDetails } from '../data/incidentTable';

/** What the page asks the import worker to read. */
export interface ImportRequest {
  source: { kind: 'file'; file: Blob; name: string } | { kind: 'url'; url: string; name: string };
  /** The dataset id written into each incident. */
  dataset: string;
  /** The regions and focus areas: for a large file, the worker assigns the incidents to them and builds the area index's parts, off the page's thread. */
  areas?: AreaGeodata;
  /** The app's marker scale: with it, the worker also builds the layer's parts (see LayerParts). */
  marker?: MarkerScaleSpec;
  /** Keep the summaries and source lists in the worker, answering {@link DetailsRequest}s after `done`, rather than posting them with the columns. */
  detailsOnDemand?: boolean;
}

/** After `done`, the page asks for the long texts of incidents by their positions in the done message's time order. */
export interface DetailsRequest {
  type: 'details';
  id: number;
  rows: number[];
}

/** Every message the page posts an import worker: one ImportRequest, then any number of DetailsRequests. */
export type WorkerRequest = ImportRequest | DetailsRequest;

/** What the worker answers: progress while reading, then one result or one failure. */
export type ImportMessage =
  | { type: 'progress'; bytes: number; rows: number; total: number | null }
  | { type: 'done'; result: Omit<ImportResult, 'incidents'>; incidents: IncidentColumnsStore; layer: LayerParts | null; summary: ImportSummary; areas?: AreaIndexParts }
  | { type: 'failed'; reason: string }
  /** The answer to a DetailsRequest: `details[k]` is of `rows[k]`. */
  | { type: 'details'; id: number; details: IncidentDetails[] };
