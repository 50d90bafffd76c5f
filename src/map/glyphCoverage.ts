/**
 * Which codepoints the map can draw from files it ships, and how. Three sources, in maplibre's
 * order: font files the style declares in `font-faces` (Noto Sans from @fontsource, drawn in the
 * browser with TinySDF: Cyrillic, Greek Extended, the rest of Latin Extended, Arabic), then the
 * glyph PBFs in public/fonts/<font>/ (Latin, Latin Extended, Greek, punctuation), then the
 * reader's own fonts, for every other script. A glyph range that is not shipped is refused before
 * it is requested (`glyphRequest`), so no label asks the server for a file that is not there.
 */

/** First codepoints of the 256-codepoint ranges shipped as PBFs for every font stack. */
export const SHIPPED_GLYPH_RANGES: readonly number[] = [0, 256, 512, 768, 7680, 8192];

/** An inclusive range of codepoints. */
export type CodepointRange = readonly [number, number];

/** `U+0400-045F,U+2116` (CSS `unicode-range` syntax, no wildcards) → ranges. */
export function parseUnicodeRanges(spec: string): CodepointRange[] {
  const out: CodepointRange[] = [];
  for (const part of spec.split(',')) {
    const m = /^\s*U\+([0-9a-f]{1,6})(?:-([0-9a-f]{1,6}))?\s*$/i.exec(part);
    if (!m) continue;
    const start = parseInt(m[1], 16);
    const end = m[2] ? parseInt(m[2], 16) : start;
    if (end >= start) out.push([start, end]);
  }
  return out;
}

/** Ranges → `U+0400-045F` strings, as the style's `unicode-range` takes them. */
export function formatUnicodeRanges(ranges: readonly CodepointRange[]): string[] {
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
  return ranges.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`));
}

/** Whether a shipped PBF holds the range of `codepoint`. */
export function inShippedRange(codepoint: number): boolean {
  return SHIPPED_GLYPH_RANGES.includes(codepoint - (codepoint % 256));
}

/**
 * `ranges` without the codepoints the shipped PBFs cover: a declared font face wins over the PBFs,
 * so declaring Latin again would draw the basemap's names from another rasteriser.
 */
export function outsideShippedRanges(ranges: readonly CodepointRange[]): CodepointRange[] {
  const out: CodepointRange[] = [];
  for (const [start, end] of ranges) {
    let from = start;
    while (from <= end) {
      const blockEnd = from - (from % 256) + 255;
      const to = Math.min(end, blockEnd);
      if (!inShippedRange(from)) {
        const last = out[out.length - 1];
        if (last && last[1] === from - 1) out[out.length - 1] = [last[0], to];
        else out.push([from, to]);
      }
      from = to + 1;
    }
  }
  return out;
}

/** The first codepoint of the range a glyph URL (`…/{fontstack}/{start}-{end}.pbf`) asks for, or null for any other URL. */
export function glyphRangeStart(url: string): number | null {
  const m = /\/(\d+)-(\d+)\.pbf(?:[?#].*)?$/.exec(url);
  if (!m) return null;
  const start = Number(m[1]);
  return Number(m[2]) === start + 255 && start % 256 === 0 ? start : null;
}

/**
 * maplibre's `transformRequest` for glyph ranges: a shipped range passes unchanged; any other is
 * refused with an error instead of requested, so the server is never asked for a file that is not
 * there (no 404), and maplibre draws those codepoints with the reader's own fonts instead
 * ("Unable to load glyph range … Rendering codepoint … locally instead", once per range).
 */
export function glyphRequest(url: string): { url: string } {
  const start = glyphRangeStart(url);
  if (start !== null && !SHIPPED_GLYPH_RANGES.includes(start)) {
    throw new Error(`glyph range ${start}-${start + 255} is not shipped (public/fonts/); drawn with a local font`);
  }
  return { url };
}
