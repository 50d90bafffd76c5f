import { describe, expect, it } from 'vitest';
import { DEFAULT_EMBED_OPTIONS, isOrigin, readEmbedOptions, resolveDark } from '../../../src/embed/embedOptions';

function read(search: string) {
  const warnings: string[] = [];
  const options = readEmbedOptions(search, (m) => warnings.push(m));
  return { options, warnings };
}

describe('readEmbedOptions', () => {
  it('has documented defaults: light, interactive, with header and footer, English', () => {
    expect(read('').options).toEqual(DEFAULT_EMBED_OPTIONS);
    expect(DEFAULT_EMBED_OPTIONS).toMatchObject({ dark: false, static: false, plain: false, lang: 'en', origins: null });
  });

  it('reads every flag', () => {
    const { options, warnings } = read(
      '?title=Attacks+in+March&subtitle=Niger,+2021&source=UCDP+GED&dark=auto&static=1&plain=true&fill=1&lang=fr&origins=https://news.example.org,http://localhost:5173&childId=map-1',
    );
    expect(warnings).toEqual([]);
    expect(options).toEqual({
      title: 'Attacks in March', subtitle: 'Niger, 2021', source: 'UCDP GED', dark: 'auto', static: true, plain: true, fill: true,
      lang: 'fr', origins: ['https://news.example.org', 'http://localhost:5173'], pymId: 'map-1',
    });
  });

  it('accepts dark=true|false|1|0 and rejects anything else with a warning', () => {
    expect(read('?dark=true').options?.dark).toBe(true);
    expect(read('?dark=0').options?.dark).toBe(false);
    const { options, warnings } = read('?dark=night');
    expect(options?.dark).toBe(false);
    expect(warnings[0]).toMatch(/dark.*auto, true or false/);
  });

  it('keeps text as text: control characters become spaces, long titles are cut with a warning', () => {
    const { options, warnings } = read(`?title=${encodeURIComponent('<b>Bold</b>\u0000\nline')}&subtitle=${'x'.repeat(400)}`);
    expect(options?.title).toBe('<b>Bold</b> line');
    expect(options?.subtitle).toHaveLength(280);
    expect(warnings[0]).toMatch(/subtitle/);
  });

  it('drops origins that are not bare http(s) origins, and fails closed when none is left', () => {
    const { options, warnings } = read('?origins=https://ok.example,javascript:alert(1),https://x.example/path,*');
    expect(options?.origins).toEqual(['https://ok.example']);
    expect(warnings).toHaveLength(3);
    expect(read('?origins=*').options?.origins).toEqual([]);
    expect(isOrigin('https://example.org:8443')).toBe(true);
    expect(isOrigin('https://example.org/')).toBe(false);
  });

  it('accepts lang=en|fr (and region forms like fr-NE), warns on others', () => {
    expect(read('?lang=fr-NE').options?.lang).toBe('fr');
    const { options, warnings } = read('?lang=ha');
    expect(options?.lang).toBe('en');
    expect(warnings[0]).toMatch(/lang/);
  });

  it('ignores a Pym childId that could not be Pym’s', () => {
    const { options, warnings } = read('?childId=a%20b');
    expect(options?.pymId).toBeNull();
    expect(warnings).toHaveLength(1);
  });
});

describe('resolveDark', () => {
  it('follows the reader only for auto', () => {
    expect(resolveDark('auto', () => true)).toBe(true);
    expect(resolveDark('auto', () => false)).toBe(false);
    expect(resolveDark(false, () => true)).toBe(false);
  });
});
