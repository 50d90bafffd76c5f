import { csvParseRows } from 'd3-dsv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACLED_CREDIT, INCIDENT_COLUMNS, MATCH_COLUMNS, incidentsCsv, incidentsGeoJson, matchTableCsv, type IncidentCollection } from '../../../src/data/exportIncidents';
import { acledAttributionText } from '../../../src/import/acledAttribution';
import { en } from '../../../src/i18n/messages';
import type { Dataset } from '../../../src/types';
import { makeIncident } from './makeIncident';

const ucdp: Dataset = { id: 'ucdp', name: 'UCDP GED', role: 'counted', licence: 'CC BY 4.0', attribution: 'UCDP GED 24.1 (CC BY 4.0)', url: 'https://ucdp.uu.se/' };
const acled: Dataset = {
  id: 'import-1', name: 'niger.csv', role: 'counted', licence: 'ACLED terms of use',
  attribution: acledAttributionText(en, '2024-05-02', 'Niger, 2021'), url: 'https://acleddata.com/',
};
const datasets = new Map([[ucdp.id, ucdp], [acled.id, acled]]);
const meta = { viewUrl: 'https://example.org/map/?t=2021-01-01,2021-12-31&types=Battles', exportedAt: new Date('2026-12-01T22:30:00Z'), datasets };

const hostile = makeIncident({
  id: '=HYPERLINK("http://evil.example","click")', dataset: 'ucdp', place: '+Tillabéri', admin1: 'Tillabéri', admin2: '@Ouallam',
  summary: '<script>alert(1)</script>', actor1: '-cmd|calc', actor2: '\tTab', subEventType: '\rCR',
  deathsBest: 12, deathsLow: 10, deathsHigh: 20, lon: -1.5, lat: 14.25, datePrecision: 'week',
  dateStart: new Date(Date.UTC(2021, 2, 21)), dateEnd: new Date(Date.UTC(2021, 2, 27)),
  sources: [{ publisher: 'RFI', title: 'Attaque, "Ouallam"', url: 'https://rfi.fr/a', date: '2021-03-22' }, { publisher: 'AFP', title: '', url: null, date: '' }],
});
const plain = makeIncident({ id: 'NER123', dataset: 'import-1', place: 'Niamey', deathsBest: 3, eventType: 'Riots', lon: 2.1, lat: 13.5 });
const rows = [hostile, plain];

/** The data rows of an export, after its `#` preamble and column header. */
function parse(csv: string) {
  const all = csvParseRows(csv.replace(/^\uFEFF/, ''));
  const header = all.findIndex((r) => !r[0].startsWith('#'));
  return { preamble: all.slice(0, header), columns: all[header], data: all.slice(header + 1) };
}

describe('incidentsCsv', () => {
  const csv = incidentsCsv(rows, meta);
  const { preamble, columns, data } = parse(csv);

  it('starts with a UTF-8 BOM and a preamble naming the view URL and the export date', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).startsWith('# export,')).toBe(true);
    expect(preamble).toContainEqual(['# view', meta.viewUrl]);
    expect(preamble).toContainEqual(['# exported', '2026-12-01T22:30:00.000Z']);
    expect(preamble).toContainEqual(['# dataset', 'UCDP GED', 'CC BY 4.0', ucdp.attribution, 'https://ucdp.uu.se/']);
  });

  it('carries ACLED’s credit and the access date the reader gave', () => {
    expect(preamble).toContainEqual(['# credit', 'niger.csv', ACLED_CREDIT, 'accessed 2024-05-02']);
    expect(csv).toContain('Data: ACLED, accessed 2024-05-02; filters: Niger, 2021');
  });

  it('has one row per incident whose fields equal the input', () => {
    expect(columns).toEqual([...INCIDENT_COLUMNS]);
    expect(data).toHaveLength(rows.length);
    const rec = (r: string[]) => Object.fromEntries(columns.map((c, k) => [c, r[k]]));
    const p = rec(data[1]);
    expect(p).toMatchObject({
      id: 'NER123', dataset: 'niger.csv', date_start: '2021-03-21', date_end: '2021-03-21', place: 'Niamey', lon: '2.1', lat: '13.5',
      event_type: 'Riots', deaths_best: '3', deaths_low: '', deaths_high: '', dataset_licence: 'ACLED terms of use', dataset_attribution: acled.attribution,
    });
    const h = rec(data[0]);
    expect(h).toMatchObject({
      date_start: '2021-03-21', date_end: '2021-03-27', date_precision: 'week', admin1: 'Tillabéri', lon: '-1.5', lat: '14.25',
      deaths_best: '12', deaths_low: '10', deaths_high: '20', dataset: 'UCDP GED', dataset_licence: 'CC BY 4.0',
      sources: 'RFI, Attaque, "Ouallam", 2021-03-22, https://rfi.fr/a | AFP',
    });
  });

  it('makes every formula-like cell text with a leading apostrophe, and leaves markup as text', () => {
    const rec = Object.fromEntries(columns.map((c, k) => [c, data[0][k]]));
    expect(rec.id).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(rec.place).toBe("'+Tillabéri");
    expect(rec.admin2).toBe("'@Ouallam");
    expect(rec.actor1).toBe("'-cmd|calc");
    expect(rec.actor2).toBe("'\tTab");
    expect(rec.sub_event_type).toBe("'\rCR");
    expect(rec.notes).toBe('<script>alert(1)</script>');
    expect(rec.lon).toBe('-1.5');
    for (const line of csv.split('\n')) for (const cell of csvParseRows(line)[0] ?? []) expect(cell).not.toMatch(/^[=+@]/);
  });

  it('writes only the preamble and header for an empty view', () => {
    const empty = parse(incidentsCsv([], meta));
    expect(empty.data).toHaveLength(0);
    expect(empty.columns).toEqual([...INCIDENT_COLUMNS]);
  });
});

describe('incidentsGeoJson', () => {
  const json = JSON.parse(incidentsGeoJson(rows, meta)) as IncidentCollection;

  it('is a FeatureCollection of Points with the input’s values', () => {
    expect(json.type).toBe('FeatureCollection');
    expect(json.features).toHaveLength(2);
    expect(json.features[0].geometry).toEqual({ type: 'Point', coordinates: [-1.5, 14.25] });
    expect(json.features[0].properties).toMatchObject({
      id: hostile.id, notes: '<script>alert(1)</script>', deaths_best: 12, deaths_low: 10, deaths_high: 20, date_end: '2021-03-27', dataset_licence: 'CC BY 4.0',
    });
    expect(json.features[0].properties.sources).toEqual(hostile.sources);
    expect(json.features[1].properties).toMatchObject({ id: 'NER123', dataset: 'niger.csv', dataset_id: 'import-1', deaths_low: null });
  });

  it('has a metadata member with the view URL, export date, licences and ACLED’s credit', () => {
    expect(json.metadata.viewUrl).toBe(meta.viewUrl);
    expect(json.metadata.exportedAt).toBe('2026-12-01T22:30:00.000Z');
    expect(json.metadata.datasets).toEqual([
      { id: 'ucdp', name: 'UCDP GED', licence: 'CC BY 4.0', attribution: ucdp.attribution, url: 'https://ucdp.uu.se/' },
      { id: 'import-1', name: 'niger.csv', licence: 'ACLED terms of use', attribution: acled.attribution, url: 'https://acleddata.com/', credit: ACLED_CREDIT, accessed: '2024-05-02' },
    ]);
  });
});

describe('matchTableCsv', () => {
  const a1 = makeIncident({ id: 'U1', dataset: 'ucdp', place: 'Ouallam', admin1: 'Tillabéri', deathsBest: 12, deathsLow: 10, deathsHigh: 20 });
  const b1 = makeIncident({ id: 'B1', dataset: 'import-1', place: 'Ouallam', deathsBest: 15, dateStart: new Date(Date.UTC(2021, 2, 22)) });
  const a2 = makeIncident({ id: 'U2', dataset: 'ucdp' });
  const b2 = makeIncident({ id: '=B2', dataset: 'import-1' });
  const csv = matchTableCsv({ pairs: [{ a: a1, b: b1, score: 0.87654, dayGap: 1, distanceKm: 2.345 }], onlyA: [a2], onlyB: [b2] }, ucdp, acled, meta);
  const { preamble, columns, data } = parse(csv);

  it('names both datasets’ attribution and ACLED’s credit in the preamble', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(preamble).toContainEqual(['# view', meta.viewUrl]);
    expect(preamble.filter((r) => r[0] === '# dataset').map((r) => r[3])).toEqual([ucdp.attribution, acled.attribution]);
    expect(preamble).toContainEqual(['# credit', 'niger.csv', ACLED_CREDIT, 'accessed 2024-05-02']);
  });

  it('has a row per pair and per unmatched event, the other side empty', () => {
    expect(columns).toEqual([...MATCH_COLUMNS]);
    expect(data).toEqual([
      ['pair', '0.877', '1', '2.3', 'U1', '2021-03-21', 'Ouallam, Tillabéri', '12', '10', '20', 'B1', '2021-03-22', 'Ouallam', '15', '', ''],
      ['only A', '', '', '', 'U2', '2021-03-21', '', '0', '', '', '', '', '', '', '', ''],
      ['only B', '', '', '', '', '', '', '', '', '', "'=B2", '2021-03-21', '', '0', '', ''],
    ]);
  });
});

describe('incidentsCsv on untrusted text (fast-check)', () => {
  it('keeps one row per incident, every text field readable back, and no cell a formula', () => {
    const text = fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', '#', 'a', 'é', '1', ' '), maxLength: 8 });
    fc.assert(
      fc.property(fc.array(fc.record({ id: text, place: text, summary: text, actor1: text }), { maxLength: 6 }), text, (fields, name) => {
        const input = fields.map((f) => makeIncident({ ...f, dataset: 'x' }));
        const csv = incidentsCsv(input, { ...meta, datasets: new Map([['x', { ...ucdp, id: 'x', name }]]) });
        const { columns, data } = parse(csv);
        expect(data).toHaveLength(input.length);
        // The app's rule (csvCells.ts): only a negative number is left as it is; a leading + is quoted.
        const unsafe = (s: string) => /^[=+\-@\t\r]/.test(s) && !/^-\d+(\.\d+)?$/.test(s);
        data.forEach((row, k) => {
          for (const key of ['id', 'place', 'notes', 'actor1'] as const) {
            const want = key === 'notes' ? input[k].summary : input[k][key];
            expect(row[columns.indexOf(key)]).toBe(unsafe(want) ? `'${want}` : want);
          }
        });
        for (const row of csvParseRows(csv.slice(1))) for (const cell of row) expect(unsafe(cell)).toBe(false);
      }),
    );
  });
});
