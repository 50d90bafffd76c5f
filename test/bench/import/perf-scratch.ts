import { csvParse } from 'd3-dsv';
import { syntheticAcledCsv } from './synthetic';
import { parseBytes, parseText, createFileParser } from '../../../src/data/parseFile';
const n = Number(process.argv[2] ?? 200000);
let t = performance.now();
const text = syntheticAcledCsv(n);
console.log('gen', (performance.now()-t).toFixed(0), 'ms', (text.length/1e6).toFixed(1), 'MB chars');
const bytes = new TextEncoder().encode(text);
for (let k = 0; k < 2; k++) {
t = performance.now();
const rows = csvParse(text);
const d3ms = performance.now()-t;
t = performance.now();
const p = createFileParser({file:'x', dataset:'d'});
const CH = 1<<20;
for (let i=0;i<bytes.length;i+=CH) p.push(bytes.subarray(i, i+CH));
const r = p.end();
const ms = performance.now()-t;
console.log('d3', d3ms.toFixed(0), 'ours', ms.toFixed(0), 'ratio', (ms/d3ms).toFixed(2), rows.length, r.incidents.length, r.rowsRejected, r.issues.length);
}
