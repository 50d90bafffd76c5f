import { parseStream } from '../data/parseFile';
import { summarise } from '../data/report';
import { areaIndexPartsTransfer } from '../data/areaIndex';
import { indexAreasInWorker } from '../geo/indexAreas';
import type { ImportMessage, ImportRequest } from './importProtocol';
import { sortForTimeIndex } from '../data/timeIndex';
import { buildLayerParts, layerPartsTransfer } from './layerParts';
import { packedTransfer, packIncidents } from './packIncidents';

/** Progress is posted at most this often: often enough for a smooth bar, rarely enough to cost nothing. */
const PROGRESS_EVERY_MS = 100;
/** From this many incidents the areas are assigned and their index built in the worker (a smaller file takes the page milliseconds). */
export const AREA_WORKER_MIN_INCIDENTS = 50_000;

/**
 * The work of the import worker, apart from the worker itself so tests can run it: opens the
 * file or fetches the URL, streams it through parseFile with throttled progress, and posts the
 * result and its summary, the incidents packed into columns in time order (see packIncidents) and,
 * given the app's marker scale, the layer's parts (see LayerParts) and, for a large file given the areas' geodata, the area index's parts (see AreaIndexParts). Failures to read (network, HTTP status) are posted, never thrown.
 */
export async function runImportJob(
  request: ImportRequest,
  post: (message: ImportMessage, transfer?: Transferable[]) => void,
  now: () => number = () => performance.now(),
): Promise<void> {
  const { source, dataset } = request;
  let stream: ReadableStream<Uint8Array>;
  let total: number | null;
  if (source.kind === 'file') {
    stream = source.file.stream();
    total = source.file.size;
  } else {
    let response: Response;
    try {
      response = await fetch(source.url, { credentials: 'same-origin' });
    } catch (e) {
      post({ type: 'failed', reason: e instanceof Error ? e.message : String(e) });
      return;
    }
    if (!response.ok || !response.body) {
      post({ type: 'failed', reason: `HTTP ${response.status}` });
      return;
    }
    stream = response.body;
    const length = Number(response.headers.get('content-length'));
    total = Number.isFinite(length) && length > 0 && !response.headers.get('content-encoding') ? length : null;
  }
  let last = -Infinity;
  const result = await parseStream(stream, {
    file: source.name,
    dataset,
    onProgress({ bytes, rows }) {
      const t = now();
      if (t - last < PROGRESS_EVERY_MS) return;
      last = t;
      post({ type: 'progress', bytes, rows, total });
    },
  });
  post({ type: 'progress', bytes: result.bytes, rows: result.rowsRead, total });
  const { incidents, ...rest } = result;
  // In time order, with the index, the GPU columns, the k-d tree and the id table built here: the
  // page then only rebuilds the incidents (in slices) and never holds a frame for a pass over them.
  const sorted = sortForTimeIndex(incidents);
  const layer = request.marker && sorted.incidents.length > 0 ? buildLayerParts(sorted.incidents, sorted.parts, request.marker) : null;
  const packed = packIncidents(sorted.incidents);
  // A large file's incidents are assigned to the regions and focus areas here too, and the area
  // index's parts built over them in the sorted order the page receives.
  const areas = request.areas && sorted.incidents.length >= AREA_WORKER_MIN_INCIDENTS ? indexAreasInWorker(sorted.incidents, sorted.parts.days, request.areas) : undefined;
  const areaTransfer = areas ? areaIndexPartsTransfer(areas) : [];
  post(
    { type: 'done', result: rest, incidents: packed, layer, summary: summarise(result), ...(areas ? { areas } : {}) },
    [...packedTransfer(packed), ...(layer ? layerPartsTransfer(layer) : []), ...areaTransfer],
  );
}
