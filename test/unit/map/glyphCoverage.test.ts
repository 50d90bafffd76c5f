import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import * as fontkit from 'fontkit';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { FONT_STACKS, FONT_SUBSETS, fontFaces } from '../../../src/map/fontFaces';
import {
  formatUnicodeRanges,
  glyphRangeStart,
  glyphRequest,
  inShippedRange,
  outsideShippedRanges,
  parseUnicodeRanges,
  SHIPPED_GLYPH_RANGES,
} from '../../../src/map/glyphCoverage';
import { FONT_ITALIC, FONT_MEDIUM, FONT_REGULAR } from '../../../src/map/style';
import { shortPlace } from '../../../src/map/storyLayer';
import { parseStoryEvents } from '../../../src/data/stories';
import { createFormatters } from '../../../src/i18n/format';
import { FR_NUMBER, FR_TIME } from '../../../src/i18n/fr';
import type { FeatureCollection } from 'geojson';

const require = createRequire(import.meta.url);
const BASE = 'https://example.org/app/';

/** The codepoints a shipped glyph PBF holds (the Mapbox glyphs protobuf: stacks → glyphs → id). */
function pbfCodepoints(file: string): Set<number> {
  const ids = new Set<number>();
  new PbfReader(readFileSync(file)).readFields((tag, _, pbf) => {
    if (tag !== 1) return;
    pbf.readMessage((t, __, stack) => {
      if (t !== 3) return;
      stack.readMessage((g, ___, glyph) => {
        if (g === 1) ids.add(glyph.readVarint());
      }, null);
    }, null);
  }, null);
  return ids;
}

const fonts = new Map<string, fontkit.Font>();
function fontFile(module: string): fontkit.Font {
  let font = fonts.get(module);
  if (!font) {
    font = fontkit.openSync(require.resolve(module));
    fonts.set(module, font);
  }
  return font;
}

const shipped = new Map<string, Set<number>>();
function shippedHas(stack: string, cp: number): boolean {
  if (!inShippedRange(cp)) return false;
  const start = cp - (cp % 256);
  const file = `public/fonts/${stack}/${start}-${start + 255}.pbf`;
  if (!shipped.has(file)) shipped.set(file, pbfCodepoints(file));
  return shipped.get(file)!.has(cp);
}

/** How a stack draws `cp`: 'face' (a declared file that has it), 'pbf' (a shipped PBF that has it), or null. */
function drawnBy(stack: string, cp: number): 'face' | 'pbf' | null {
  const faces = fontFaces(BASE)[stack];
  if (Array.isArray(faces)) {
    for (const [i, face] of faces.entries()) {
      const ranges = parseUnicodeRanges((face['unicode-range'] ?? []).join(','));
      if (!ranges.some(([a, b]) => cp >= a && cp <= b)) continue;
      // maplibre takes the first face covering the codepoint: it must hold the glyph.
      return fontFile(FONT_SUBSETS[i].module[stack]).hasGlyphForCodePoint(cp) ? 'face' : null;
    }
  }
  return shippedHas(stack, cp) ? 'pbf' : null;
}

/** Every codepoint of the text, other than controls and spaces (which draw nothing anyway). */
function codepoints(text: string): Set<number> {
  const out = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0x20 && !(cp >= 0x7f && cp <= 0xa0)) out.add(cp);
  }
  return out;
}

describe('shipped glyph ranges', () => {
  it.each(FONT_STACKS)('%s: SHIPPED_GLYPH_RANGES lists exactly the PBFs in public/fonts', (stack) => {
    const files = readdirSync(`public/fonts/${stack}`).filter((f) => f.endsWith('.pbf')).sort();
    expect(files).toEqual(SHIPPED_GLYPH_RANGES.map((s) => `${s}-${s + 255}.pbf`).sort());
  });

  it('the font-face stacks are the style’s', () => {
    expect(FONT_STACKS).toEqual([FONT_REGULAR[0], FONT_MEDIUM[0], FONT_ITALIC[0]]);
  });

  it('glyphRequest passes a shipped range and refuses every other range of 0–65535 before it is requested', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), fc.constantFrom(...FONT_STACKS), (block, stack) => {
        const start = block * 256;
        const url = `${BASE}fonts/${encodeURIComponent(stack)}/${start}-${start + 255}.pbf`;
        if (SHIPPED_GLYPH_RANGES.includes(start)) expect(glyphRequest(url)).toEqual({ url });
        else expect(() => glyphRequest(url)).toThrow(/not shipped/);
      }),
    );
  });

  it('glyphRangeStart reads only glyph range URLs', () => {
    expect(glyphRangeStart(`${BASE}fonts/Noto%20Sans%20Regular/1024-1279.pbf`)).toBe(1024);
    expect(glyphRangeStart(`${BASE}data/x.csv`)).toBeNull();
    expect(glyphRangeStart(`${BASE}fonts/x/1000-1255.pbf`)).toBeNull();
    expect(glyphRequest(`${BASE}data/x.csv`)).toEqual({ url: `${BASE}data/x.csv` });
  });
});

describe('unicode ranges', () => {
  it('parse and format round-trip', () => {
    const spec = 'U+0400-045F,U+2116,U+1F00-1FFF';
    expect(formatUnicodeRanges(parseUnicodeRanges(spec)).join(',')).toBe(spec);
  });

  it('outsideShippedRanges keeps exactly the codepoints no shipped PBF covers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x2400 }), fc.integer({ min: 0, max: 1200 }), (start, length) => {
        const out = outsideShippedRanges([[start, start + length]]);
        const kept = new Set(out.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i)));
        for (let cp = start; cp <= start + length; cp++) expect(kept.has(cp), String(cp)).toBe(!inShippedRange(cp));
        expect(kept.size).toBe(Array.from({ length: length + 1 }, (_, i) => start + i).filter((cp) => !inShippedRange(cp)).length);
      }),
    );
  });
});

describe('font faces', () => {
  it('declares no codepoint a shipped PBF covers, so Latin names keep their PBF glyphs', () => {
    for (const faces of Object.values(fontFaces(BASE))) {
      for (const face of faces as { 'unicode-range': string[] }[]) {
        for (const [a, b] of parseUnicodeRanges(face['unicode-range'].join(','))) {
          for (let cp = a; cp <= b; cp++) expect(inShippedRange(cp), `U+${cp.toString(16)}`).toBe(false);
        }
      }
    }
  });

  it('resolves every file against the app’s folder (same origin)', () => {
    for (const faces of Object.values(fontFaces(BASE))) for (const face of faces as { url: string }[]) expect(new URL(face.url).origin).toBe('https://example.org');
  });

  it.each([
    ['Cyrillic', 'Ниамей Москва Київ'],
    ['Greek Extended', 'Ἀθῆναι'],
    ['Latin Extended (Hausa, Fula, Tamasheq in Latin script)', 'Ɓaɓɗa ƙasa ƴan Ǝ ɣ ŋ ʼ'],
    ['Arabic (joined by maplibre into presentation forms)', 'نيامي تمبكتو ﻧﻴﺎﻣﻲ'],
  ])('every stack draws %s from a file the app ships', (_name, text) => {
    for (const stack of FONT_STACKS) for (const cp of codepoints(text)) expect(drawnBy(stack, cp), `${stack} U+${cp.toString(16)}`).not.toBeNull();
  });

  it('every codepoint of the map’s label text (basemap names, story callouts) is drawn from a shipped file', () => {
    const text: string[] = [];
    for (const f of readdirSync('geodata').filter((name) => name.endsWith('.geojson'))) {
      const collection = JSON.parse(readFileSync(`geodata/${f}`, 'utf8')) as FeatureCollection;
      for (const feature of collection.features) for (const v of Object.values(feature.properties ?? {})) if (typeof v === 'string') text.push(v);
    }
    const stories = parseStoryEvents(readFileSync('public/data/stories/incidents-sources.csv', 'utf8'), 'stories.csv').incidents;
    expect(stories.length).toBeGreaterThan(40);
    for (const formatters of [createFormatters(), createFormatters(FR_NUMBER, FR_TIME)]) {
      for (const i of stories) text.push(`${shortPlace(i.place, i.admin2)} · ${formatters.day(i.dateStart)}`);
    }
    const all = codepoints(text.join(' '));
    expect(all.size).toBeGreaterThan(60);
    const missing = [...all].filter((cp) => FONT_STACKS.some((stack) => drawnBy(stack, cp) === null));
    expect(missing.map((cp) => `U+${cp.toString(16).padStart(4, '0')} ${String.fromCodePoint(cp)}`)).toEqual([]);
    // …all from the PBFs: the bundled data makes the browser fetch no font file (docs/embed.md).
    expect([...all].filter((cp) => drawnBy(FONT_STACKS[0], cp) === 'face')).toEqual([]);
  });
});
