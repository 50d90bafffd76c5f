import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { delimiterName, detectDelimiter, hasFirstLine } from '../../../src/data/delimiter';

describe('detectDelimiter', () => {
  it('detectDelimiter(header) finds comma, semicolon and tab headers', () => {
    expect(detectDelimiter('event_id_cnty,event_date,latitude\n')).toBe(',');
    expect(detectDelimiter('event_id_cnty;event_date;latitude\r\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('event_id_cnty\tevent_date\tlatitude')).toBe('\t');
  });

  it('reads only the first line: commas in the notes of later rows do not outvote semicolons', () => {
    expect(detectDelimiter('a;b;c\n"x, y, z, w, v";2;3\n')).toBe(';');
  });

  it('ignores delimiters inside a quoted header name', () => {
    expect(detectDelimiter('"a;b;c;d",e,f\n')).toBe(',');
  });

  it('a one-column header, or empty text, is comma-delimited', () => {
    expect(detectDelimiter('id\n1\n')).toBe(',');
    expect(detectDelimiter('')).toBe(',');
  });

  it('always answers one of the three, whatever the text', () => {
    fc.assert(fc.property(fc.string(), (text) => [',', ';', '\t'].includes(detectDelimiter(text))));
  });

  it('hasFirstLine(text) waits for a line end outside quotes', () => {
    expect(hasFirstLine('a,b')).toBe(false);
    expect(hasFirstLine('a,"b\nc"')).toBe(false);
    expect(hasFirstLine('a,"b\nc"\n')).toBe(true);
    expect(hasFirstLine('a\r')).toBe(true);
  });

  it('delimiterName names each for a report', () => {
    expect([',', ';', '\t'].map((d) => delimiterName(d as ',' | ';' | '\t'))).toEqual(['comma', 'semicolon', 'tab']);
  });
});
