// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mountEmbedChrome } from '../../../src/embed/embedChrome';
import { DEFAULT_EMBED_OPTIONS } from '../../../src/embed/embedOptions';
import { en } from '../../../src/i18n/messages';

function slots() {
  return { header: document.createElement('header'), footer: document.createElement('footer'), summary: document.createElement('p') };
}

describe('mountEmbedChrome', () => {
  it('writes title, subtitle and source as text, never as markup', () => {
    const s = slots();
    mountEmbedChrome(s, { ...DEFAULT_EMBED_OPTIONS, title: '<img src=x onerror=alert(1)>', subtitle: 'Niger, 2021', source: '<b>UCDP</b>' }, en);
    expect(s.header.querySelector('h1')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(s.header.querySelector('img')).toBeNull();
    expect(s.footer.querySelector('.embed-source')?.textContent).toBe('<b>UCDP</b>');
    expect(s.footer.querySelector('b')).toBeNull();
    expect(s.header.hidden).toBe(false);
  });

  it('hides an empty header, and both header and footer with plain=1', () => {
    const a = slots();
    mountEmbedChrome(a, DEFAULT_EMBED_OPTIONS, en);
    expect(a.header.hidden).toBe(true);
    expect(a.footer.hidden).toBe(false);
    expect(a.footer.querySelector('.embed-source')?.textContent).toBe(en.embedSource);
    const b = slots();
    mountEmbedChrome(b, { ...DEFAULT_EMBED_OPTIONS, title: 'T', plain: true }, en);
    expect(b.header.hidden).toBe(true);
    expect(b.footer.hidden).toBe(true);
  });

  it('links to the full map in a new tab, and shows the summary only when there is one', () => {
    const s = slots();
    const chrome = mountEmbedChrome(s, DEFAULT_EMBED_OPTIONS, en);
    chrome.setFullMapHref('https://maps.example.org/index.html?from=2021-03-01&to=2021-04-05');
    const link = s.footer.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://maps.example.org/index.html?from=2021-03-01&to=2021-04-05');
    expect(link.target).toBe('_blank');
    expect(link.rel).toBe('noopener');
    expect(s.summary.hidden).toBe(true);
    chrome.setSummary('21 Mar 2021: 1 incident');
    expect(s.summary.hidden).toBe(false);
    expect(s.summary.getAttribute('role')).toBe('status');
  });
});
