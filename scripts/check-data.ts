/**
 * `npm run check-data -- FILE [--json]`: reads an ACLED, UCDP GED, story-events or GeoJSON file
 * with the same modules the map's importer uses (src/data/parseFile.ts, streamed: incidents are
 * tallied, not kept, and issues are capped per kind, so a file of any size is read in bounded
 * memory) and prints the same report: format, rows read, accepted, rejected, warnings, deaths,
 * date range, counts per country and the first issues with their rows. `--json` prints the
 * report as one JSON object (every issue kept, and a note per kind on those left out). `--limit=N` shows N issues
 * of each kind (default 10). `--areas` prints the incidents and deaths per admin-1 region and focus
 * area instead, and the rows outside every region (scripts/checkDataAreas.ts).
 *
 * Exit status: 0 when the file could be read (even with rejected rows), 1 for a file-level error
 * (empty, binary, unrecognised columns…), 2 for bad arguments or a file that cannot be opened.
 */
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseStream } from '../src/data/parseFile';
import { createIncidentTally, formatReportText, reportToJson, summarise } from '../src/data/report';
import { compareReport, formatCompareText, readIncidents } from './checkDataCompare';
import { areasReport, formatAreasText, readAreas, readIncidentRows } from './checkDataAreas';

const USAGE = 'Usage: npm run check-data -- FILE [--json] [--limit=N] [--compare OTHER_FILE] [--areas]';

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const limitFlag = argv.find((a) => a.startsWith('--limit='));
  const limit = limitFlag ? Number(limitFlag.slice('--limit='.length)) : 10;
  const ci = argv.indexOf('--compare');
  const compare = ci >= 0 ? argv[ci + 1] : undefined;
  if (ci >= 0 && (!compare || compare.startsWith('--'))) {
    console.error(USAGE);
    return 2;
  }
  const files = argv.filter((a, k) => !a.startsWith('--') && !(ci >= 0 && k === ci + 1));
  if (files.length !== 1 || !(limit >= 0)) {
    console.error(USAGE);
    return 2;
  }
  const path = files[0];
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat?.isFile()) {
    console.error(`${path}: no such file. ${USAGE}`);
    return 2;
  }
  if (compare) {
    if (!statSync(compare, { throwIfNoEntry: false })?.isFile()) {
      console.error(`${compare}: no such file. ${USAGE}`);
      return 2;
    }
    const [a, b] = [await readIncidents(path), await readIncidents(compare)];
    const report = compareReport(basename(path), a, basename(compare), b);
    process.stdout.write(`${json ? JSON.stringify(report) : formatCompareText(report)}\n`);
    return 0;
  }
  if (argv.includes('--areas')) {
    const { incidents, rows } = await readIncidentRows(path);
    const report = areasReport(basename(path), incidents, rows, readAreas());
    process.stdout.write(`${json ? JSON.stringify(report) : formatAreasText(report)}\n`);
    return 0;
  }
  // Incidents are tallied as they come, never kept, and issues are capped per kind (IssueLog): memory
  // stays bounded whatever the file's size.
  const tally = createIncidentTally();
  const result = await parseStream(createReadStream(path, { highWaterMark: 1 << 20 }), { file: basename(path), dataset: 'check', onIncident: (i) => tally.add(i) });
  const summary = summarise(result, tally);
  if (json) process.stdout.write(`${JSON.stringify(reportToJson(summary, result.issues))}\n`);
  else process.stdout.write(`${formatReportText(summary, result.issues, limit)}\n`);
  return result.fileError ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
