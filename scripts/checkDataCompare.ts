/**
 * `check-data FILE --compare OTHER_FILE [--json]`: reads both files with the importer's parser and
 * prints the match summary of src/data/matchIncidents.ts (matched pairs, only in each file, deaths
 * on each side of the pairs, a few example pairs). Kept apart from check-data.ts so it can be tested.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { parseStream } from '../src/data/parseFile';
import { matchIncidents, type MatchResult } from '../src/data/matchIncidents';
import type { Incident } from '../src/types';

/** Every accepted incident of a file, kept (the compare needs them all). */
export async function readIncidents(path: string): Promise<Incident[]> {
  const out: Incident[] = [];
  await parseStream(createReadStream(path, { highWaterMark: 1 << 20 }), { file: basename(path), dataset: basename(path), onIncident: (i) => out.push(i) });
  return out;
}

export interface CompareReport {
  fileA: string;
  fileB: string;
  countA: number;
  countB: number;
  matched: number;
  onlyA: number;
  onlyB: number;
  deathsA: number;
  deathsB: number;
  examples: { a: string; b: string; dateA: string; dateB: string; km: number; dayGap: number; deathsA: number; deathsB: number; score: number }[];
}

export function compareReport(fileA: string, a: readonly Incident[], fileB: string, b: readonly Incident[], result: MatchResult = matchIncidents(a, b), examples = 5): CompareReport {
  const { pairs, summary } = result;
  const ex: CompareReport['examples'] = [];
  for (let k = 0; k < Math.min(examples, pairs.a.length); k++) {
    const x = a[pairs.a[k]], y = b[pairs.b[k]];
    ex.push({ a: x.id, b: y.id, dateA: x.dateStart.toISOString().slice(0, 10), dateB: y.dateStart.toISOString().slice(0, 10), km: Math.round(pairs.distanceKm[k] * 10) / 10, dayGap: pairs.dayGap[k], deathsA: x.deathsBest, deathsB: y.deathsBest, score: Math.round(pairs.score[k] * 1000) / 1000 });
  }
  return { fileA, fileB, countA: a.length, countB: b.length, ...summary, examples: ex };
}

export function formatCompareText(r: CompareReport): string {
  const lines = [
    `Compare ${r.fileA} (${r.countA} incidents) with ${r.fileB} (${r.countB})`,
    `Matched pairs: ${r.matched}`,
    `Only in ${r.fileA}: ${r.onlyA}`,
    `Only in ${r.fileB}: ${r.onlyB}`,
    `Deaths in matched pairs: ${r.fileA} ${r.deathsA}, ${r.fileB} ${r.deathsB}`,
  ];
  if (r.examples.length) lines.push('Example pairs:');
  for (const e of r.examples) lines.push(`  ${e.a} (${e.dateA}, ${e.deathsA} deaths) ↔ ${e.b} (${e.dateB}, ${e.deathsB} deaths): ${e.km} km, ${e.dayGap} d, score ${e.score}`);
  return lines.join('\n');
}
