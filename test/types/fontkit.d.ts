/** The part of fontkit 2 (no bundled types) the glyph coverage test uses: does a font file hold a codepoint. */
declare module 'fontkit' {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function openSync(path: string): Font;
}
