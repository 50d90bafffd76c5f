import { describe, expect, it } from 'vitest';
import { partOf, sumParts, totalsByPart, CODE_PARTS } from '../../bench/embed/bytes';

const at = (path: string) => `http://127.0.0.1:4173/${path}`;

describe('partOf', () => {
  it('sorts an article page’s downloads into the parts the bench reports', () => {
    expect(partOf(at('embed.js'))).toBe('loader');
    expect(partOf(at('examples/article.html'))).toBe('page');
    expect(partOf(at('embed.html?from=2021-03-01&origins=x'))).toBe('page');
    expect(partOf(at('assets/article-BqTKZOW7.js'))).toBe('page');
    expect(partOf(at('assets/article-fQaRidfc.css'))).toBe('page');
    expect(partOf(at('assets/maplibre-gl-worker-CZtFQQIV.mjs'))).toBe('worker');
    expect(partOf(at('assets/startApp-CBmRJLux.js'))).toBe('js');
    expect(partOf(at('assets/embed-3cp408y5.css'))).toBe('css');
    expect(partOf(at('fonts/Noto%20Sans%20Regular/0-255.pbf'))).toBe('glyphs');
    expect(partOf(at('assets/countries-2L1OqFFb.geojson'))).toBe('geodata');
    expect(partOf(at('data/ucdp/ucdp-ged-sahel.map.csv'))).toBe('incidents');
    expect(partOf(at('embed/still.png'))).toBe('other');
  });
});

describe('totalsByPart', () => {
  it('counts a URL once however often it was fetched, and sums the code parts', () => {
    const totals = totalsByPart([
      { url: at('assets/countries-x.geojson'), bytes: 100, gzip: 40 },
      { url: at('assets/countries-x.geojson'), bytes: 100, gzip: 40 },
      { url: at('assets/a.js'), bytes: 50, gzip: 20 },
      { url: at('assets/maplibre-gl-worker-y.mjs'), bytes: 30, gzip: 10 },
    ]);
    expect(totals.geodata).toEqual({ files: 1, bytes: 100, gzip: 40 });
    expect(sumParts(totals, CODE_PARTS)).toEqual({ files: 2, bytes: 80, gzip: 30 });
  });
});
