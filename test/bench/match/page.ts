import { tableOfIncidents } from '../../../src/data/incidentTable';
import { datasetMatch, matchFlags } from '../../../src/data/datasetMatch';
import { createMatchWorker } from '../../../src/import/createMatchWorker';
import { matchInWorker, packMatchRequest } from '../../../src/import/matchJob';
import type { Incident } from '../../../src/types';
import BenchWorker from './benchWorker?worker';
import type { MatchBenchAnswer, MatchBenchHooks } from './hooks';
import { syntheticPair } from './synthetic';

let data: { a: Incident[]; b: Incident[]; truth: Int32Array } | null = null;

const hooks: MatchBenchHooks = {
  generate(n, plantedShare, seed) {
    const t0 = performance.now();
    data = syntheticPair(n, plantedShare, seed);
    return { ms: performance.now() - t0, a: data.a.length, b: data.b.length, planted: data.truth.length };
  },
  worker() {
    if (!data) throw new Error('generate() first');
    const request = packMatchRequest(tableOfIncidents(data.a), tableOfIncidents(data.b));
    const worker = new BenchWorker();
    return new Promise((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<MatchBenchAnswer>) => {
        worker.terminate();
        resolve(e.data);
      };
      worker.onerror = (e) => {
        worker.terminate();
        reject(new Error(e.message || 'worker error'));
      };
      worker.postMessage(request);
    });
  },
  async app() {
    if (!data) throw new Error('generate() first');
    const { a, b, truth } = data;
    // The page's part alone, timed apart (picking the tables' columns, inside matchInWorker, before they are copied to the worker).
    const p0 = performance.now();
    packMatchRequest(tableOfIncidents(a), tableOfIncidents(b));
    const packMs = performance.now() - p0;
    await new Promise((r) => setTimeout(r, 200));
    const tasks: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
    observer.observe({ type: 'longtask' });
    const ta = tableOfIncidents(a);
    const tb = tableOfIncidents(b);
    const t0 = performance.now();
    const result = await matchInWorker(createMatchWorker(), ta, tb);
    const a0 = performance.now();
    const match = datasetMatch({ id: 'a', incidents: ta }, { id: 'b', incidents: tb }, result);
    matchFlags(match, 'a');
    matchFlags(match, 'b');
    const afterMs = performance.now() - a0;
    const ms = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 200));
    observer.disconnect();
    let truePairs = 0;
    for (let k = 0; k < truth.length; k++) if (match.partnerB[k] === truth[k]) truePairs++;
    const pairs = result.pairs.a.length;
    return {
      ms, packMs, afterMs, pairs, truePairs, planted: truth.length,
      longestTaskMs: Math.max(0, ...tasks), longTasks: tasks.length,
      precision: pairs ? truePairs / pairs : 0, recall: truth.length ? truePairs / truth.length : 0,
    };
  },
};

(window as unknown as { bench: MatchBenchHooks }).bench = hooks;
