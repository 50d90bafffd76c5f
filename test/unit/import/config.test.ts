import { describe, expect, it } from 'vitest';
import { allowedDataUrl, fileNameOf } from '../../../src/import/config';

const PAGE = 'https://map.example.org/sahel/index.html?from=2021-01-01';

describe('allowedDataUrl', () => {
  it('resolves a relative ?data= path against the page, on the page’s origin', () => {
    expect(allowedDataUrl('data/mine.csv', PAGE)?.href).toBe('https://map.example.org/sahel/data/mine.csv');
    expect(allowedDataUrl('/exports/a%20b.csv', PAGE)?.href).toBe('https://map.example.org/exports/a%20b.csv');
  });

  it('refuses other origins unless the configuration lists them, and anything but http(s)', () => {
    expect(allowedDataUrl('https://evil.example.com/x.csv', PAGE)).toBeNull();
    expect(allowedDataUrl('https://data.example.net/x.csv', PAGE, { dataOrigins: ['https://data.example.net'] })?.origin).toBe('https://data.example.net');
    expect(allowedDataUrl('http://map.example.org/x.csv', PAGE)).toBeNull();
    expect(allowedDataUrl('javascript:alert(1)', PAGE)).toBeNull();
    expect(allowedDataUrl('file:///etc/passwd', PAGE)).toBeNull();
    expect(allowedDataUrl('//evil.example.com/x.csv', PAGE)).toBeNull();
  });

  it('fileNameOf names the file from the path', () => {
    expect(fileNameOf(new URL('https://a.org/x/2021-01-01-2021-12-31-Niger.csv?dl=1'))).toBe('2021-01-01-2021-12-31-Niger.csv');
    expect(fileNameOf(new URL('https://a.org/a%20b.csv'))).toBe('a b.csv');
    expect(fileNameOf(new URL('https://a.org/'))).toBe('a.org');
  });
});
