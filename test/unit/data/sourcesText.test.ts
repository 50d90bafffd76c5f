import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../../src/data/parseFile';
import { sourcesOfText, sourcesText, ucdpSourcesText } from '../../../src/data/sourcesText';
import { ucdpSources } from '../../../src/data/ucdpSources';

// Text with the encoding's own marks in it: digits, the separators, the UCDP mark, lists' `;`.
const field = fc.string({ unit: fc.constantFrom('a', 'B', '1', '0', ',', ';', ' ', '\u0001', '\u0000', '"', '[', 'é', '𝑾') });

describe('sourcesText', () => {
  it('ucdpSourcesText keeps any three fields: sourcesOfText gives what ucdpSources gives for them', () => {
    fc.assert(
      fc.property(field, field, field, (office, date, headline) => {
        expect(sourcesOfText(ucdpSourcesText(office, date, headline))).toEqual(ucdpSources(office, date, headline));
      }),
    );
  });

  it('sourcesText keeps a list as JSON, which sourcesOfText reads back', () => {
    const source = fc.record({ title: field, url: fc.option(field, { nil: null }), publisher: field, date: field });
    fc.assert(
      fc.property(fc.array(source, { maxLength: 4 }), (list) => {
        expect(sourcesOfText(sourcesText(list))).toEqual(list);
      }),
    );
  });

  it('a UCDP file read with deferSources gives the same sources, as text, and the same incidents otherwise', () => {
    const text = readFileSync(new URL('../../../public/data/ucdp/ucdp-ged-sahel.csv', import.meta.url), 'utf8');
    const built = parseText(text, { file: 'ged.csv', dataset: 'ucdp' });
    const deferred = parseText(text, { file: 'ged.csv', dataset: 'ucdp', deferSources: true });
    expect(deferred.issues).toEqual(built.issues);
    expect(deferred.incidents.length).toBe(built.incidents.length);
    let asText = 0;
    deferred.incidents.forEach((incident, k) => {
      const { sources, sourcesText: text, ...rest } = incident;
      const { sources: builtSources, ...builtRest } = built.incidents[k];
      expect(rest).toEqual(builtRest);
      if (text === undefined) expect(sources).toEqual(builtSources);
      else {
        asText++;
        expect(sources).toEqual([]);
        expect(sourcesOfText(text)).toEqual(builtSources);
      }
    });
    expect(asText).toBeGreaterThan(built.incidents.length / 2);
  });

  it('a UCDP row without a description builds its list at once: its summary is made of the titles', () => {
    const header = 'id,date_start,date_end,latitude,longitude,type_of_violence,country,best,low,high,where_description,source_office,source_date,source_headline';
    const row = '1,2021-03-21,2021-03-21,14.6,0.9,3,Niger,10,8,12,,AFP;Reuters,2021-03-22;2021-03-22,Attack on a village;Raid kills ten';
    const [incident] = parseText(`${header}\n${row}\n`, { file: 'x.csv', dataset: 'ucdp', deferSources: true }).incidents;
    expect(incident.sourcesText).toBeUndefined();
    expect(incident.summary).toBe('Attack on a village; Raid kills ten');
    expect(incident.sources.map((s) => s.publisher)).toEqual(['AFP', 'Reuters']);
  });
});
