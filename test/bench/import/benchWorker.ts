/// <reference lib="webworker" />
import { csvParse } from 'd3-dsv';
import { parseStream } from '../../../src/data/parseFile';
import type { BenchAnswer, BenchRequest } from './hooks';

/**
 * Times one pass in a worker, as the app parses: d3's `csvParse` on text already decoded (the
 * decode is not counted for it), TextDecoder alone, or the importer's whole path from bytes.
 * Each pass drops its result before answering, so passes do not pile up in the heap.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (event: MessageEvent<BenchRequest>) => {
  const { kind, blob } = event.data;
  const answer = (a: BenchAnswer) => scope.postMessage(a);
  try {
    if (kind === 'd3') {
      const text = await blob.text();
      const t0 = performance.now();
      const rows = csvParse(text).length;
      answer({ ms: performance.now() - t0, rows });
    } else if (kind === 'decode') {
      const bytes = new Uint8Array(await blob.arrayBuffer());
      const t0 = performance.now();
      const decoder = new TextDecoder();
      let chars = 0;
      for (let i = 0; i < bytes.length; i += 1 << 20) chars += decoder.decode(bytes.subarray(i, i + (1 << 20)), { stream: true }).length;
      answer({ ms: performance.now() - t0, rows: chars });
    } else {
      const t0 = performance.now();
      const result = await parseStream(blob.stream(), { file: 'synthetic.csv', dataset: 'bench' });
      const ms = performance.now() - t0;
      answer(result.fileError ? { error: result.fileError.message } : { ms, rows: result.rowsRead - result.rowsRejected });
    }
  } catch (e) {
    answer({ error: e instanceof Error ? e.message : String(e) });
  }
};
