import type { ImportResult, ParsedPart } from '../data/parseFile';
import type { IncidentTallyState } from '../data/report';
import type { PackedIncidents } from './packIncidents';
import type { ByteSource } from './splitPlan';
import type { ImportSummary } from '../data/report';
import type { AreaIndexParts } from '../data/areaIndex';
import type { AreaGeodata } from '../geo/indexAreas';
import type { LayerParts, MarkerScaleSpec } from './layerParts';
import type { IncidentColumnsStore, IncidentDetails, RepeatedText } from '../data/incidentTable';

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
  /**
   * A port to a helper worker (runImport gives one for a large file): the worker may have it read
   * the second half of the file while it reads the first, then join the two (see {@link PartRequest}).
   */
  helper?: PortLike<PartRequest, PartMessage>;
  /** With a helper, the size from which a file is read in halves. @defaultValue SPLIT_FROM_BYTES */
  splitFromBytes?: number;
}

/** The part of a MessagePort the import and helper workers use, so tests can pass a channel of their own. */
export interface PortLike<Out, In> {
  postMessage(message: Out, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<In>) => void) | null;
  close?(): void;
}

/** What the import worker asks its helper: read the file (a File, or a URL by range) from `from`, a line start, as if it followed `header`; or nothing. */
export type PartRequest =
  | { type: 'part'; source: ByteSource; from: number; header: Uint8Array; name: string; dataset: string; areas?: AreaGeodata }
  /** Then, once the halves are joined and sorted: the area index's parts over these columns (the `areas` of the part request). */
  | { type: 'areas'; incidents: AreaColumns }
  | { type: 'none' };

/** What the helper answers: progress, then the part read (its columns and totals transferred), or a failure. */
export type PartMessage =
  | { type: 'progress'; bytes: number; rows: number }
  | { type: 'part'; part: ParsedPart; packed: PackedIncidents; idHashes: Uint32Array; tally: IncidentTallyState }
  | { type: 'areas'; parts: AreaIndexParts }
  | { type: 'failed'; reason: string };

/** The columns the area index reads, copied for the helper (the rest stay with the importer). */
export type AreaColumns = Pick<IncidentColumnsStore, 'count' | 'start' | 'lon' | 'lat' | 'best' | 'low' | 'high' | 'locationPrecision' | 'eventType'> & { country: RepeatedText };

/** After `done`, the page asks for the long texts of incidents by their positions in the done message's time order. */
export interface DetailsRequest {
  type: 'details';
  id: number;
  rows: number[];
}

/**
 * Every message the page posts an import worker: one ImportRequest, then any number of
 * DetailsRequests; or, to a worker started as a helper, the port its importer will ask it on; or,
 * to the importer, word that its helper stopped (it then reads the whole file itself).
 */
export type WorkerRequest = ImportRequest | DetailsRequest | { type: 'helper'; port: PortLike<PartMessage, PartRequest> } | { type: 'helper-lost' };

/** What the worker answers: progress while reading, then one result or one failure. */
export type ImportMessage =
  | { type: 'progress'; bytes: number; rows: number; total: number | null }
  | { type: 'done'; result: Omit<ImportResult, 'incidents'>; incidents: IncidentColumnsStore; layer: LayerParts | null; summary: ImportSummary; areas?: AreaIndexParts }
  | { type: 'failed'; reason: string }
  /** The answer to a DetailsRequest: `details[k]` is of `rows[k]`. */
  | { type: 'details'; id: number; details: IncidentDetails[] };
