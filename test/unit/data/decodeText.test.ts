import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStreamDecoder, decodeText, encodingName, REPLACEMENT, sniffEncoding } from '../../../src/data/decodeText';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** Single-byte codes of ASCII text. */
const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

describe('sniffEncoding', () => {
  it('reads UTF-8 with and without BOM, dropping the BOM from the text', () => {
    const plain = decodeText(utf8('ville,pays\nTillabéri,Niger\n'));
    expect(plain.sniff).toEqual({ encoding: 'utf-8', bom: false, binary: null });
    expect(plain.text).toBe('ville,pays\nTillabéri,Niger\n');
    const bom = decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('a\nb\n')]));
    expect(bom.sniff).toMatchObject({ encoding: 'utf-8', bom: true });
    expect(bom.text).toBe('a\nb\n');
  });

  it('detects Windows-1252 (Latin-1) from bytes that are not UTF-8, and decodes é, the en dash and the curly apostrophe', () => {
    // "Tillabéri", "Koutiala – Ségou, l’ouest" as Excel saves them on Western-European Windows.
    const bytes = Uint8Array.from([...latin1('location\nTillab'), 0xe9, ...latin1('ri\nKoutiala '), 0x96, ...latin1(' S'), 0xe9, ...latin1('gou, l'), 0x92, ...latin1('ouest\n')]);
    const { sniff, text } = decodeText(bytes);
    expect(sniff).toEqual({ encoding: 'windows-1252', bom: false, binary: null });
    expect(text).toBe('location\nTillabéri\nKoutiala – Ségou, l’ouest\n');
  });

  it('reads UTF-16 little- and big-endian text that starts with a BOM (Excel’s “Unicode text”)', () => {
    const le = Uint8Array.from([0xff, 0xfe, 0x61, 0, 0x09, 0, 0xe9, 0, 0x0a, 0]);
    expect(decodeText(le)).toEqual({ sniff: { encoding: 'utf-16le', bom: true, binary: null }, text: 'a\té\n' });
    const be = Uint8Array.from([0xfe, 0xff, 0, 0x61, 0, 0x0a]);
    expect(decodeText(be).text).toBe('a\n');
  });

  it('names binary files: a workbook, a PDF, NUL bytes', () => {
    expect(sniffEncoding(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2])).binary).toMatch(/Excel workbook/);
    expect(sniffEncoding(utf8('%PDF-1.7\n')).binary).toMatch(/PDF/);
    expect(sniffEncoding(Uint8Array.from([0x61, 0x00, 0x62]))?.binary).toMatch(/NUL/);
    expect(decodeText(Uint8Array.from([0x61, 0x00, 0x62])).text).toBe('');
  });

  it('an empty file is UTF-8 text', () => {
    expect(decodeText(new Uint8Array(0))).toEqual({ sniff: { encoding: 'utf-8', bom: false, binary: null }, text: '' });
  });

  it('encodingName says what a reader recognises', () => {
    expect(encodingName({ encoding: 'utf-8', bom: true })).toBe('UTF-8 with BOM');
    expect(encodingName({ encoding: 'windows-1252', bom: false })).toBe('Windows-1252 (Latin-1)');
  });
});

describe('createStreamDecoder', () => {
  it('a character cut between two pieces comes out whole', () => {
    const bytes = utf8('Ségou 𝑾');
    for (let cut = 0; cut <= bytes.length; cut++) {
      const d = createStreamDecoder('utf-8');
      expect(d.decode(bytes.subarray(0, cut)) + d.decode(bytes.subarray(cut)) + d.end()).toBe('Ségou 𝑾');
    }
  });

  it('bad bytes later in a UTF-8 file become the replacement character, never an exception', () => {
    const d = createStreamDecoder('utf-8');
    expect(d.decode(Uint8Array.from([0x61, 0xe9, 0x62])) + d.end()).toBe(`a${REPLACEMENT}b`);
  });

  it('any bytes, cut anywhere, decode without throwing to the same text as decoding them at once', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(), (bytes, at) => {
        const { sniff, text } = decodeText(bytes);
        if (sniff.binary) return;
        const cut = at % (bytes.length + 1);
        const d = createStreamDecoder(sniff.encoding);
        expect(d.decode(bytes.subarray(0, cut)) + d.decode(bytes.subarray(cut)) + d.end()).toBe(text);
      }),
    );
  });
});
