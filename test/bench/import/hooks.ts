/** One timed pass over the synthetic file. */
export interface PassResult {
  ms: number;
  rows: number;
}

/** What the import bench page exposes as `window.bench`. */
export interface ImportBenchHooks {
  /** Builds the synthetic ACLED-layout CSV in the page; returns its size. */
  generate(rows: number, seed: number): { ms: number; bytes: number; chars: number };
  /** d3-dsv's `csvParse` on the decoded text, in a worker (the text decoded before the clock starts). */
  d3(): Promise<PassResult>;
  /** TextDecoder alone over the bytes, in a worker: the part of ours that d3's pass is not timed for. */
  decode(): Promise<PassResult>;
  /** The importer's full path (parseStream: decode, tokenize, map, validate) over the file's byte stream, in a worker. */
  ours(): Promise<PassResult>;
  /** The app's own import worker (createImportWorker + runImport), until the result has arrived on the page. */
  app(): Promise<PassResult & { parseMs: number; longestTaskMs: number; blockedMs: number }>;
  drop(): void;
}

/** The bench worker's request and answer. */
export type BenchRequest = { kind: 'd3' | 'decode' | 'ours'; blob: Blob };
export type BenchAnswer = PassResult | { error: string };
