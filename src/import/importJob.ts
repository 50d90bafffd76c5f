import { createFileParser, pushStream } from '../data/parseFile';
import { createIncidentTally, summarise } from '../data/report';
import { areaIndexPartsTransfer, type AreaIndexParts } from '../data/areaIndex';
import { tableOfColumns, type IncidentColumnsStore } from '../data/incidentTable';
import { textAt, textTransfer } from '../data/textColumn';
import { sourceListReader } from '../data/sourcesText';
import { areaIndexPartsOfTable } from '../geo/indexAreas';
import type { AreaColumns, DetailsRequest, ImportMessage, ImportRequest, PartMessage, PartRequest, PortLike } from './importProtocol';
import { cutStream, planSplit, SPLIT_FROM_BYTES, type ByteSource } from './splitPlan';
import { progressGate } from './progressGate';
import { timeIndexPartsOf, timeOrder } from '../data/timeIndex';
import { layerPartsOfTable, layerPartsTransfer, type LayerParts } from './layerParts';
import { PackBuilder, permute, permutePacked } from './packBuilder';
import { packedTransfer, type PackedIncidents } from './packIncidents';


/** Answers the page's requests for summaries and sources after `done`, when the worker kept them. */
export type DetailsAnswerer = (request: DetailsRequest) => void;

/**
 * The work of the import worker, apart from the worker itself so tests can run it: opens the
 * file or fetches the URL and streams it through parseFile with throttled progress, each accepted
 * incident going straight into a PackBuilder's columns (no array of incidents is kept). The
 * columns are then put in time order (timeOrder, as sortForTimeIndex orders objects) and, over a
 * table of them, the layer's parts (given the app's marker scale, see LayerParts) and given the
 * areas' geodata the area index's parts (see AreaIndexParts) are built. It posts
 * the result, its summary and all of these as transferred buffers. With `detailsOnDemand` the
 * summaries and source lists stay here and the returned answerer serves them; otherwise it
 * returns null. `stage` hears how long each step took. Failures to read (network, HTTP status)
 * are posted, never thrown. With a `helper` port in the request, a file that {@link planSplit}
 * can cut is read in two halves at once, the second by the helper (runPartJob), and the two
 * joined into the one result a single reading gives; `lost` settles if the helper stops, and the
 * second half is then read here.
 */
export async function runImportJob(
  request: ImportRequest,
  post: (message: ImportMessage, transfer?: Transferable[]) => void,
  now: () => number = () => performance.now(),
  stage?: (name: string, ms: number) => void,
  lost: Promise<void> = new Promise(() => undefined),
): Promise<DetailsAnswerer | null> {
  const { source, dataset } = request;
  let stream: ReadableStream<Uint8Array>;
  let total: number | null;
  /** The file's bytes by range, for a helper to read the second half from. */
  let ranged: ByteSource | null = null;
  if (source.kind === 'file') {
    stream = source.file.stream();
    total = source.file.size;
    ranged = { kind: 'file', file: source.file };
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
    if (total !== null && response.headers.get('accept-ranges') === 'bytes') {
      // A strong validator, so that a range of a file changed meanwhile is refused (If-Range).
      const etag = response.headers.get('etag');
      const validator = etag && !etag.startsWith('W/') ? etag : response.headers.get('last-modified');
      ranged = { kind: 'url', url: response.url || source.url, size: total, validator };
    }
  }
  let clock = performance.now();
  const lap = (name: string) => {
    const t = performance.now();
    stage?.(name, t - clock);
    clock = t;
  };
  const due = progressGate(now);
  const builder = new PackBuilder();
  const tally = createIncidentTally();
  const parser = createFileParser({
    file: source.name,
    dataset,
    // With a helper, the ids' hashes are kept to find an id of its half that was in this one (join).
    ...(request.helper ? { collectIds: 'hashes' as const } : {}),
    deferSources: true,
    onIncident(incident) {
      tally.add(incident);
      builder.add(incident);
    },
  });
  /** What the helper has read so far, while it reads the file's second half. */
  let helped = { bytes: 0, rows: 0 };
  const onProgress = () => {
    if (!due()) return;
    const { bytes, rows } = parser.progress;
    post({ type: 'progress', bytes: bytes + helped.bytes, rows: rows + helped.rows, total });
  };
  const { helper } = request;
  const plan = helper && ranged && total !== null && total >= (request.splitFromBytes ?? SPLIT_FROM_BYTES) ? await planSplit(ranged) : null;
  if (helper && !plan) helper.postMessage({ type: 'none' });
  if (plan && helper && ranged) {
    // The second half is read by the helper as a file of the header line and its bytes, while the
    // first is read here; the parser then joins them, or, where the two readings could differ from
    // one (see FileParser.join), this reader reads on past the cut after all.
    const later = partOf(helper, lost, (p) => {
      helped = p;
      onProgress();
    });
    helper.postMessage({ type: 'part', source: ranged, from: plan.cut, header: plan.header, name: source.name, dataset, ...(request.areas ? { areas: request.areas } : {}) });
    const halves = cutStream(stream, plan.cut);
    await pushStream(parser, halves.head, { onProgress });
    const part = parser.stopped ? null : await later;
    lap('parse halves');
    helped = { bytes: 0, rows: 0 };
    if (part && parser.join(part.part)) {
      builder.absorb(part.packed, part.idHashes);
      tally.absorb(part.tally);
      lap('join');
    } else {
      await pushStream(parser, halves.tail, { onProgress });
      lap('parse second half here');
    }
    halves.cancel();
  } else {
    await pushStream(parser, stream, { onProgress });
    lap('parse');
  }
  const result = parser.end();
  post({ type: 'progress', bytes: result.bytes, rows: result.rowsRead, total });
  const { incidents: _none, ...rest } = result;
  const unsorted = builder.finish();
  lap('pack');
  // In time order, with the index, the GPU columns, the k-d tree and the id table built here: the
  // page wraps them as they come and never holds a frame for a pass over the incidents. Summaries
  // and sources the worker keeps stay in file order, found through `order`.
  const order = timeOrder(unsorted.start);
  const kept = request.detailsOnDemand ? { summary: unsorted.unique.summary, sources: unsorted.sources, order } : null;
  const packed = permutePacked(kept ? withoutDetails(unsorted) : unsorted, order);
  lap('sort');
  const table = tableOfColumns(packed);
  // The incidents are assigned to the regions and focus areas here too, and the area index's parts
  // built over them in the sorted order the page receives: on the page this was a task of 30 ms at
  // 10,000 incidents and grows with the file, here it costs the page nothing at any size. A
  // helper that read a half builds them meanwhile, while the layer's are built here.
  const wantAreas = request.areas !== undefined && packed.count > 0;
  const areasByHelper = wantAreas && plan && helper ? areasFrom(helper, lost, packed) : null;
  let layer: LayerParts | null = null;
  if (request.marker && packed.count > 0) {
    // The time index's days are the sorted start column itself: one buffer on the page for both.
    layer = layerPartsOfTable(table, timeIndexPartsOf(packed.start, table), request.marker, permute(builder.idHashes(), order));
    lap('layer');
  }
  const areas = wantAreas && request.areas ? ((await areasByHelper) ?? areaIndexPartsOfTable(table, packed.start, request.areas)) : undefined;
  if (areas) lap(areasByHelper ? 'areas (helper)' : 'areas');
  helper?.close?.();
  const transfer = new Set([...packedTransfer(packed), ...(layer ? layerPartsTransfer(layer) : []), ...(areas ? areaIndexPartsTransfer(areas) : [])]);
  post({ type: 'done', result: rest, incidents: packed, layer, summary: summarise(result, tally), ...(areas ? { areas } : {}) }, [...transfer]);
  lap('post');
  if (!kept) return null;
  return ({ id, rows }) => {
    // Within one answer a shared list is parsed once (and arrives shared); the page keeps what it was sent.
    const sourcesAt = sourceListReader(kept.sources);
    const details = rows.map((i) => {
      if (!(Number.isInteger(i) && i >= 0 && i < packed.count)) return { summary: '', sources: [] };
      const at = kept.order[i];
      return { summary: textAt(kept.summary, at), sources: sourcesAt(at) };
    });
    post({ type: 'details', id, details });
  };
}

type PartDone = Extract<PartMessage, { type: 'part' }>;

/** The area index's parts from the helper, over a copy of the columns it reads; null if it fails or stops. */
function areasFrom(helper: PortLike<PartRequest, PartMessage>, lost: Promise<void>, p: IncidentColumnsStore): Promise<AreaIndexParts | null> {
  const incidents: AreaColumns = {
    count: p.count,
    start: p.start.slice(),
    lon: p.lon.slice(),
    lat: p.lat.slice(),
    best: p.best.slice(),
    low: p.low.slice(),
    high: p.high.slice(),
    locationPrecision: p.locationPrecision.slice(),
    eventType: p.eventType.slice(),
    country: { values: { units: p.repeated.country.values.units.slice(), ends: p.repeated.country.values.ends.slice() }, index: p.repeated.country.index.slice() },
  };
  const { country, count: _count, ...numbers } = incidents;
  const transfer = [...Object.values(numbers).map((a) => a.buffer as ArrayBuffer), country.index.buffer as ArrayBuffer, ...textTransfer(country.values)];
  const reply = replyFrom(helper, lost, (data) => (data.type === 'areas' ? data.parts : undefined));
  helper.postMessage({ type: 'areas', incidents }, [...new Set(transfer)]);
  return reply;
}

/** The helper's part, once it has come; null when the helper failed or stopped (`lost`). `progress` hears what it has read meanwhile. */
function partOf(helper: PortLike<PartRequest, PartMessage>, lost: Promise<void>, progress: (p: { bytes: number; rows: number }) => void): Promise<PartDone | null> {
  return replyFrom(helper, lost, (data) => {
    if (data.type === 'part') return data;
    if (data.type === 'progress') progress(data);
    return undefined;
  });
}

/**
 * The helper's next answer that `pick` takes (it gives undefined for a message it passes over), or
 * null when the helper answers `failed` or stops (`lost`).
 */
function replyFrom<T>(helper: PortLike<PartRequest, PartMessage>, lost: Promise<void>, pick: (data: PartMessage) => T | undefined): Promise<T | null> {
  return new Promise((resolve) => {
    void lost.then(() => resolve(null));
    helper.onmessage = ({ data }) => {
      if (data.type === 'failed') return resolve(null);
      const answer = pick(data);
      if (answer !== undefined) resolve(answer);
    };
  });
}

/** The columns the page gets when the worker keeps the long texts. */
function withoutDetails(p: PackedIncidents): IncidentColumnsStore {
  const { sources: _sources, unique, ...numbers } = p;
  return { ...numbers, unique: { id: unique.id } };
}
