import { parseStream } from '../data/parseFile';
import { summarise } from '../data/report';
import { areaIndexPartsTransfer } from '../data/areaIndex';
import { indexAreasInWorker } from '../geo/indexAreas';
import type { ImportMessage, ImportRequest, WorkerRequest } from './importProtocol';
import { sortForTimeIndex } from '../data/timeIndex';
import { buildLayerParts, layerPartsTransfer } from './layerParts';
import { packedTransfer, packIncidents, type PackedIncidents } from './packIncidents';
import type { IncidentDetails } from '../data/incidentTable';
import type { Source } from '../types';

/** Answers a DetailsRequest after `done`: the summaries and sources of the incidents at these positions. */
export type DetailsAnswerer = (rows: readonly number[]) => IncidentDetails[];

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
): Promise<DetailsAnswerer | null> {
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
      return null;
    }
    if (!response.ok || !response.body) {
      post({ type: 'failed', reason: `HTTP ${response.status}` });
      return null;
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
  const full = packIncidents(sorted.incidents);
  // Asked to, the worker keeps the long texts (summaries, source lists: most of a UCDP file's
  // bytes) and answers for them when a popup or a download needs them.
  const { packed, answer } = request.detailsOnDemand ? keepDetails(full) : { packed: full, answer: null };
  // A large file's incidents are assigned to the regions and focus areas here too, and the area
  // index's parts built over them in the sorted order the page receives.
  const areas = request.areas && sorted.incidents.length >= AREA_WORKER_MIN_INCIDENTS ? indexAreasInWorker(sorted.incidents, sorted.parts.days, request.areas) : undefined;
  const areaTransfer = areas ? areaIndexPartsTransfer(areas) : [];
  post(
    { type: 'done', result: rest, incidents: packed, layer, summary: summarise(result), ...(areas ? { areas } : {}) },
    [...packedTransfer(packed), ...(layer ? layerPartsTransfer(layer) : []), ...areaTransfer],
  );
  return answer;
}

/** The columns without the summaries and sources, and the answerer that reads them from the kept columns. */
function keepDetails(full: PackedIncidents): { packed: PackedIncidents; answer: DetailsAnswerer } {
  const { summary, ...unique } = full.unique;
  const { sources, ...rest } = full;
  const joinedAt = (column: { text: string; ends: Uint32Array }, i: number) => column.text.slice(i === 0 ? 0 : column.ends[i - 1], column.ends[i]);
  const valid = (i: number) => Number.isInteger(i) && i >= 0 && i < full.count;
  const answer: DetailsAnswerer = (rows) =>
    rows.map((i) => (valid(i) && summary && sources ? { summary: joinedAt(summary, i), sources: JSON.parse(joinedAt(sources.lists, sources.index[i])) as Source[] } : { summary: '', sources: [] }));
  return { packed: { ...rest, unique }, answer };
}

/**
 * What the import worker does with each message it is posted (apart from the worker so tests run
 * it in their thread): the first ImportRequest starts the job; later DetailsRequests are answered
 * from the long texts the job kept (empty ones if it kept none, or has not finished).
 */
export function importWorkerHandler(post: (message: ImportMessage, transfer?: Transferable[]) => void, now?: () => number): (message: WorkerRequest) => void {
  let job: Promise<DetailsAnswerer | null> | null = null;
  const none = (rows: readonly number[]) => rows.map(() => ({ summary: '', sources: [] }));
  return (m) => {
    if ('type' in m) {
      // Answered once the job has settled, in the order asked.
      if (m.type === 'details') void (job ?? Promise.resolve(null)).then((answer) => post({ type: 'details', id: m.id, details: (answer ?? none)(m.rows) }));
      return;
    }
    if (job) return;
    job = runImportJob(m, post, now).catch((e: unknown) => {
      post({ type: 'failed', reason: e instanceof Error ? e.message : String(e) });
      return null;
    });
  };
}
