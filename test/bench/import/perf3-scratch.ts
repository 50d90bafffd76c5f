import { csvParse } from 'd3-dsv';
import { syntheticAcledCsv } from './synthetic';
import { createFileParser } from '../../../src/data/parseFile';
const n = Number(process.argv[2] ?? 200000);
const text = syntheticAcledCsv(n);
const bytes = new TextEncoder().encode(text);
const d3t: number[] = [], ourt: number[] = [];
for (let k = 0; k < 5; k++) {
  let t = performance.now();
  let rows: unknown[] | null = csvParse(text); d3t.push(performance.now() - t); rows = null;
  t = performance.now();
  const p = createFileParser({file:'x', dataset:'d'});
  const CH = 1<<20;
  for (let i=0;i<bytes.length;i+=CH) p.push(bytes.subarray(i, i+CH));
  let r: unknown = p.end(); ourt.push(performance.now() - t); r = null;
}
const min = (a: number[]) => Math.min(...a).toFixed(0);
const med = (a: number[]) => [...a].sort((x,y)=>x-y)[2].toFixed(0);
console.log(`d3 min ${min(d3t)} med ${med(d3t)}  ours min ${min(ourt)} med ${med(ourt)}  ratio(min) ${(Math.min(...ourt)/Math.min(...d3t)).toFixed(2)}`);
