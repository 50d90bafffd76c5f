import { csvParseRows, dsvFormat } from 'd3-dsv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCsvTokenizer } from '../../../src/data/csvStream';

/** Feeds `text` to a tokenizer cut at the given offsets; returns the records and their rows. */
function tokenize(text: string, cuts: number[] = [], delimiter = ','): { fields: string[]; row: number }[] {
  const out: { fields: string[]; row: number }[] = [];
  const tokenizer = createCsvTokenizer(delimiter, (fields, row) => out.push({ fields, row }));
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    tokenizer.push(text.slice(at, cut));
    at = cut;
  }
  tokenizer.push(text.slice(at));
  tokenizer.end();
  return out;
}

const csvish = fc.string({ unit: fc.constantFrom('a', 'b', ',', ';', '"', '\n', '\r', ' ', 'é', '𝑾') });

describe('createCsvTokenizer', () => {
  it('createCsvTokenizer(",") numbers records 1, 2, 3… from the header', () => {
    expect(tokenize('a,b\n1,2\n3,4\n')).toEqual([
      { fields: ['a', 'b'], row: 1 },
      { fields: ['1', '2'], row: 2 },
      { fields: ['3', '4'], row: 3 },
    ]);
  });

  it('keeps quotes, doubled quotes, delimiters and line breaks inside a quoted field, cut anywhere', () => {
    const text = 'id,notes\r\n1,"He said ""go"", then\r\nleft, fast"\r\n2,x\r\n';
    const expected = [['id', 'notes'], ['1', 'He said "go", then\r\nleft, fast'], ['2', 'x']];
    for (let cut = 0; cut <= text.length; cut++) expect(tokenize(text, [cut]).map((r) => r.fields)).toEqual(expected);
  });

  it('a CRLF split between two pieces is one line end', () => {
    expect(tokenize('a\r\nb\r\n', [2]).map((r) => r.fields)).toEqual([['a'], ['b']]);
  });

  it('a blank line is a record [""] that takes its row', () => {
    expect(tokenize('a\n\nb\n')).toEqual([
      { fields: ['a'], row: 1 },
      { fields: [''], row: 2 },
      { fields: ['b'], row: 3 },
    ]);
  });

  it('emits the last record without a line end, and a trailing delimiter as an empty field', () => {
    expect(tokenize('a,b\n1,').map((r) => r.fields)).toEqual([['a', 'b'], ['1', '']]);
  });

  it('reads a quoted field of several megabytes that spans a hundred 64 kB pieces', () => {
    const long = 'x'.repeat(4_000_000) + '""' + 'y,\n'.repeat(500_000);
    const text = `a,b\n1,"${long}"\n2,z\n`;
    const cuts = Array.from({ length: Math.floor(text.length / 65_536) }, (_, k) => (k + 1) * 65_536);
    const records = tokenize(text, cuts);
    expect(records.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(records[1].fields[1]).toBe(long.replace('""', '"'));
    expect(records[2].fields).toEqual(['2', 'z']);
  });

  it('tab and semicolon delimiters', () => {
    expect(tokenize('a\tb\n"1\t2"\t3\n', [], '\t').map((r) => r.fields)).toEqual([['a', 'b'], ['1\t2', '3']]);
    expect(tokenize('a;b\n1,5;2\n', [], ';').map((r) => r.fields)).toEqual([['a', 'b'], ['1,5', '2']]);
  });

  it('splits any text exactly as d3-dsv parseRows does, malformed quotes included, wherever it is cut', () => {
    fc.assert(
      fc.property(fc.oneof(csvish, fc.string()), fc.array(fc.nat(), { maxLength: 6 }), (text, rawCuts) => {
        const cuts = rawCuts.map((c) => c % (text.length + 1));
        expect(tokenize(text, cuts).map((r) => r.fields)).toEqual(csvParseRows(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with d3-dsv for the semicolon delimiter too', () => {
    fc.assert(
      fc.property(csvish, fc.nat(), (text, cut) => {
        expect(tokenize(text, [cut % (text.length + 1)], ';').map((r) => r.fields)).toEqual(dsvFormat(';').parseRows(text));
      }),
      { numRuns: 1000 },
    );
  });
});
