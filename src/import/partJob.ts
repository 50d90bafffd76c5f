import { createFileParser, pushStream } from '../data/parseFile';
import { createIncidentTally } from '../data/report';
import type { AreaColumns, PartMessage, PartRequest } from './importProtocol';
import { areaIndexPartsTransfer } from '../data/areaIndex';
import { countrySlotsOf, typeSlotsOf } from '../data/incidentTable';
import { areaIndexPartsOfTable, type AreaGeodata } from '../geo/indexAreas';
import { PackBuilder } from './packBuilder';
import { packedTransfer } from './packIncidents';
import { textTransfer } from '../data/textColumn';
import { streamFrom } from './splitPlan';
import { progressGate } from './progressGate';

/** A UTF-8 BOM before the header line: the part is then decoded as UTF-8, as the first part was, whatever its first bytes look like. */
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/**
 * The helper worker's work (see runImportJob): reads the file (by range, for a URL) from `from` as a file of its own
 * whose first line is `header`, each accepted incident into a PackBuilder and a tally as the
 * importer does, and posts the part ({@link FileParser.endPart}), its columns and its totals,
 * the buffers transferred. Failures are posted, never thrown.
 */
export async function runPartJob(request: PartRequest, post: (message: PartMessage, transfer?: Transferable[]) => void, now: () => number = () => performance.now()): Promise<void> {
  if (request.type !== 'part') return;
  const builder = new PackBuilder();
  const tally = createIncidentTally();
  const parser = createFileParser({
    file: request.name,
    dataset: request.dataset,
    collectIds: true,
    deferSources: true,
    onIncident(incident) {
      tally.add(incident);
      builder.add(incident);
    },
  });
  const prefix = BOM.length + request.header.length;
  parser.push(BOM);
  parser.push(request.header);
  const due = progressGate(now);
  try {
    const stream = await streamFrom(request.source, request.from);
    if (!stream) {
      post({ type: 'failed', reason: 'the server did not send the range asked for' });
      return;
    }
    await pushStream(parser, stream, {
      onProgress({ bytes, rows }) {
        if (due()) post({ type: 'progress', bytes: bytes - prefix, rows });
      },
    });
  } catch (e) {
    post({ type: 'failed', reason: e instanceof Error ? e.message : String(e) });
    return;
  }
  const part = parser.endPart(prefix);
  const packed = builder.finish();
  const idHashes = builder.idHashes();
  const transfer = [...packedTransfer(packed), ...textTransfer(part.ids), part.idHashes.buffer as ArrayBuffer, idHashes.buffer as ArrayBuffer];
  post({ type: 'part', part, packed, idHashes, tally: tally.state() }, [...new Set(transfer)]);
}

/**
 * The helper's second job, once the importer has joined and sorted the halves: the area index's
 * parts over the columns it was sent (in time order), built while the importer builds the layer's.
 */
export function runAreasJob(incidents: AreaColumns, geodata: AreaGeodata, post: (message: PartMessage, transfer?: Transferable[]) => void): void {
  const table = {
    length: incidents.count,
    lon: incidents.lon,
    lat: incidents.lat,
    best: incidents.best,
    low: incidents.low,
    high: incidents.high,
    locationPrecision: incidents.locationPrecision,
    countrySlot: countrySlotsOf(incidents.country),
    typeSlot: typeSlotsOf(incidents.eventType),
  };
  const parts = areaIndexPartsOfTable(table, incidents.start, geodata);
  post({ type: 'areas', parts }, areaIndexPartsTransfer(parts));
}

/** The helper worker's side of its port: the part asked for, then the areas over the sorted columns, if asked. */
export function helperSession(post: (message: PartMessage, transfer?: Transferable[]) => void): (request: PartRequest) => Promise<void> {
  let geodata: AreaGeodata | undefined;
  return async (request) => {
    if (request.type === 'part') {
      geodata = request.areas;
      await runPartJob(request, post);
    } else if (request.type === 'areas') {
      if (geodata) runAreasJob(request.incidents, geodata, post);
      else post({ type: 'failed', reason: 'no areas were given with the part' });
    }
  };
}
