import type { FontFacesSpecification } from 'maplibre-gl';
import arabic400 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2?url';
import arabic500 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-500-normal.woff2?url';
import cyrillic400 from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff2?url';
import cyrillic400i from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-italic.woff2?url';
import cyrillic500 from '@fontsource/noto-sans/files/noto-sans-cyrillic-500-normal.woff2?url';
import cyrillicExt400 from '@fontsource/noto-sans/files/noto-sans-cyrillic-ext-400-normal.woff2?url';
import cyrillicExt400i from '@fontsource/noto-sans/files/noto-sans-cyrillic-ext-400-italic.woff2?url';
import cyrillicExt500 from '@fontsource/noto-sans/files/noto-sans-cyrillic-ext-500-normal.woff2?url';
import greekExt400 from '@fontsource/noto-sans/files/noto-sans-greek-ext-400-normal.woff2?url';
import greekExt400i from '@fontsource/noto-sans/files/noto-sans-greek-ext-400-italic.woff2?url';
import greekExt500 from '@fontsource/noto-sans/files/noto-sans-greek-ext-500-normal.woff2?url';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import latinExt400i from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-italic.woff2?url';
import latinExt500 from '@fontsource/noto-sans/files/noto-sans-latin-ext-500-normal.woff2?url';
import { formatUnicodeRanges, outsideShippedRanges, parseUnicodeRanges } from './glyphCoverage';

/** One @fontsource subset: its `unicode-range` (from the package's CSS) and its file for each stack. */
export interface FontSubset {
  name: string;
  unicodeRange: string;
  /** The file's URL by stack name (`Noto Sans Regular` …), as Vite emits it. */
  files: Readonly<Record<string, string>>;
  /** The file's path in node_modules, for the tests that check the file holds the glyphs. */
  module: Readonly<Record<string, string>>;
}

/** The stacks of style.ts (FONT_REGULAR, FONT_MEDIUM, FONT_ITALIC; a test keeps them equal), spelled out: style.ts imports this module. */
export const FONT_STACKS = ['Noto Sans Regular', 'Noto Sans Medium', 'Noto Sans Italic'] as const;
const stacks = (regular: string, medium: string, italic: string) => ({ [FONT_STACKS[0]]: regular, [FONT_STACKS[1]]: medium, [FONT_STACKS[2]]: italic });
const NS = '@fontsource/noto-sans/files/noto-sans';
const NSA = '@fontsource/noto-sans-arabic/files/noto-sans-arabic';

/**
 * The scripts the shipped PBFs lack but Sahel place and actor names may hold, as Noto Sans files
 * (@fontsource/noto-sans and -arabic 5.3, SIL OFL 1.1): Vite copies each into the build, and
 * maplibre downloads one only when a label needs a codepoint it covers. Arabic has no italic:
 * the italic stack (water names) takes the upright file.
 */
export const FONT_SUBSETS: readonly FontSubset[] = [
  {
    name: 'cyrillic',
    unicodeRange: 'U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116',
    files: stacks(cyrillic400, cyrillic500, cyrillic400i),
    module: stacks(`${NS}-cyrillic-400-normal.woff2`, `${NS}-cyrillic-500-normal.woff2`, `${NS}-cyrillic-400-italic.woff2`),
  },
  {
    name: 'cyrillic-ext',
    unicodeRange: 'U+0460-052F,U+1C80-1C8A,U+20B4,U+2DE0-2DFF,U+A640-A69F,U+FE2E-FE2F',
    files: stacks(cyrillicExt400, cyrillicExt500, cyrillicExt400i),
    module: stacks(`${NS}-cyrillic-ext-400-normal.woff2`, `${NS}-cyrillic-ext-500-normal.woff2`, `${NS}-cyrillic-ext-400-italic.woff2`),
  },
  {
    name: 'greek-ext',
    unicodeRange: 'U+1F00-1FFF',
    files: stacks(greekExt400, greekExt500, greekExt400i),
    module: stacks(`${NS}-greek-ext-400-normal.woff2`, `${NS}-greek-ext-500-normal.woff2`, `${NS}-greek-ext-400-italic.woff2`),
  },
  {
    name: 'latin-ext',
    unicodeRange: 'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
    files: stacks(latinExt400, latinExt500, latinExt400i),
    module: stacks(`${NS}-latin-ext-400-normal.woff2`, `${NS}-latin-ext-500-normal.woff2`, `${NS}-latin-ext-400-italic.woff2`),
  },
  {
    name: 'arabic',
    unicodeRange: 'U+0600-06FF,U+0750-077F,U+0870-088E,U+0890-0891,U+0897-08E1,U+08E3-08FF,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC',
    files: stacks(arabic400, arabic500, arabic400),
    module: stacks(`${NSA}-arabic-400-normal.woff2`, `${NSA}-arabic-500-normal.woff2`, `${NSA}-arabic-400-normal.woff2`),
  },
];

/**
 * The style's `font-faces`: for each stack, each subset's file limited to the codepoints the shipped
 * PBFs do not cover (a declared face wins over the PBFs, and the basemap's Latin names should keep
 * their PBF glyphs). URLs are resolved against `base`, the app's folder.
 */
export function fontFaces(base: string): FontFacesSpecification {
  const out: FontFacesSpecification = {};
  for (const stack of FONT_STACKS) {
    out[stack] = FONT_SUBSETS.map((subset) => ({
      url: new URL(subset.files[stack], base).href,
      'unicode-range': formatUnicodeRanges(outsideShippedRanges(parseUnicodeRanges(subset.unicodeRange))),
    }));
  }
  return out;
}
