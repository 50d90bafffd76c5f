import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeUrl } from '../../../src/data/safeUrl';

describe('safeUrl', () => {
  it('keeps absolute http and https links', () => {
    expect(safeUrl('https://kion546.com/?p=389117')).toBe('https://kion546.com/?p=389117');
    expect(safeUrl('  http://news.abamako.com/h/280635.html ')).toBe('http://news.abamako.com/h/280635.html');
  });

  it('drops javascript:, data:, file:, relative and garbage values', () => {
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>', 'file:///etc/passwd', 'ftp://x.org', '/relative/path', 'www.example.org', '//example.org', 'not a url', '', 'https://']) {
      expect(safeUrl(bad)).toBeNull();
    }
  });

  it('keeps every generated web URL', () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['http', 'https'] }), (url) => {
        expect(safeUrl(url)).not.toBeNull();
      }),
    );
  });

  it('for any string returns null or an http(s) URL that parses back to itself', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.string().map((s) => `javascript:${s}`), fc.string().map((s) => `data:${s}`)), (raw) => {
        const out = safeUrl(raw);
        if (out === null) return;
        const url = new URL(out);
        expect(['http:', 'https:']).toContain(url.protocol);
        expect(url.href).toBe(out);
      }),
    );
  });

  it('never keeps a javascript: or data: URL, whatever follows the scheme', () => {
    fc.assert(
      fc.property(fc.constantFrom('javascript:', 'JAVASCRIPT:', ' data:', 'vbscript:'), fc.string(), (scheme, rest) => {
        expect(safeUrl(scheme + rest)).toBeNull();
      }),
    );
  });
});
