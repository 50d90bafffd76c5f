import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldReader, readCsv } from '../../../src/data/csv';

describe('readCsv', () => {
  it('readCsv(text) numbers records as a spreadsheet does: header row 1, first record row 2', () => {
    const { header, records } = readCsv('a,b\n1,2\n3,4\n');
    expect(header).toEqual(['a', 'b']);
    expect(records).toEqual([
      { row: 2, fields: ['1', '2'] },
      { row: 3, fields: ['3', '4'] },
    ]);
  });

  it('a record with line breaks inside quotes is one row, and the next record keeps its row number', () => {
    const { records } = readCsv('a,b\n1,"two\nlines"\n3,4\n');
    expect(records.map((r) => r.row)).toEqual([2, 3]);
    expect(records[0].fields[1]).toBe('two\nlines');
  });

  it('a blank line yields no record but still takes a row number', () => {
    const { records } = readCsv('a,b\n1,2\n\n3,4\n\n');
    expect(records.map((r) => [r.row, r.fields[0]])).toEqual([
      [2, '1'],
      [4, '3'],
    ]);
  });

  it('strips a UTF-8 BOM and reads CRLF line ends', () => {
    const { header, records } = readCsv('\uFEFFid,name\r\n1,"x\r\ny"\r\n2,z\r\n');
    expect(header).toEqual(['id', 'name']);
    expect(records.map((r) => r.fields)).toEqual([
      ['1', 'x\r\ny'],
      ['2', 'z'],
    ]);
  });

  it('drops one trailing empty field beyond the header (UCDP’s trailing comma), and nothing else', () => {
    const { records } = readCsv('a,b\n1,2,\n1,,\n1,2,,\n1,2,x\n');
    expect(records.map((r) => r.fields)).toEqual([
      ['1', '2'],
      ['1', ''],
      ['1', '2', '', ''],
      ['1', '2', 'x'],
    ]);
  });

  it('readCsv("") has no header and no records', () => {
    expect(readCsv('')).toEqual({ header: [], records: [] });
  });

  it('readCsv(text, ";") reads semicolon-delimited text', () => {
    expect(readCsv('a;b\n"1;5";2\n', ';').records[0].fields).toEqual(['1;5', '2']);
  });

  it('keeps astral-plane characters intact', () => {
    expect(readCsv('a\n"𝑾𝒆𝒏𝒅𝒑𝒐𝒖𝒊𝒓𝒆, 🇳🇪"\n').records[0].fields[0]).toBe('𝑾𝒆𝒏𝒅𝒑𝒐𝒖𝒊𝒓𝒆, 🇳🇪');
  });

  it('never throws, and row numbers increase from 2', () => {
    const csvish = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', '\uFEFF', '𝑾') });
    fc.assert(
      fc.property(fc.oneof(fc.string(), csvish), (text) => {
        const { records } = readCsv(text);
        records.forEach((r, i) => {
          expect(r.row).toBeGreaterThanOrEqual(2);
          if (i > 0) expect(r.row).toBeGreaterThan(records[i - 1].row);
        });
      }),
    );
  });
});

describe('fieldReader', () => {
  it('fieldReader(header) reads fields by name; a missing column or a short record reads as ""', () => {
    const { header, records } = readCsv('a,b,c\n1,2\n');
    const get = fieldReader(header);
    expect(get(records[0], 'b')).toBe('2');
    expect(get(records[0], 'c')).toBe('');
    expect(get(records[0], 'nope')).toBe('');
  });
});
