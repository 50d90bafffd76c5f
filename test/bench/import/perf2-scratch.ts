import { csvParse } from 'd3-dsv';
import { syntheticAcledCsv } from './synthetic';
import { createFileParser } from '../../../src/data/parseFile';
const n = Number(process.argv[2] ?? 200000);
const which = process.argv[3];
const text = syntheticAcledCsv(n);
const bytes = new TextEncoder().encode(text);
for (let k = 0; k < 3; k++) {
  let t = performance.now();
  if (which === 'd3') { const rows = csvParse(text); console.log('d3', (performance.now()-t).toFixed(0), rows.length); }
  else if (which === 'decode') { const d = new TextDecoder(); let len = 0; const CH = 1<<20; for (let i=0;i<bytes.length;i+=CH) len += d.decode(bytes.subarray(i,i+CH),{stream:true}).length; console.log('decode', (performance.now()-t).toFixed(0), len); }
  else {
    const p = createFileParser({file:'x', dataset:'d'});
    const CH = 1<<20;
    for (let i=0;i<bytes.length;i+=CH) p.push(bytes.subarray(i, i+CH));
    const r = p.end();
    console.log('ours', (performance.now()-t).toFixed(0), r.incidents.length);
  }
}
