/** A font as the overlays use it: a size in CSS pixels and a weight. */
export interface TextStyle {
  size: number;
  weight: 400 | 600;
}

/** Width in CSS pixels of `text` set in `style`: a canvas's `measureText` in the page, a fake in tests. */
export type MeasureText = (text: string, style: TextStyle) => number;

/**
 * Greedy line breaking by measured width: words are kept whole while they fit, and a word wider
 * than the line (a long URL in a credit) is broken between characters, so no line is ever wider
 * than `maxWidth` (but for a single character wider than it, which is kept, not dropped).
 */
export function wrapText(text: string, maxWidth: number, style: TextStyle, measure: MeasureText): string[] {
  // Only ordinary spaces break: a no-break space (French "1\u202f456", "UCDP GED\u202f:") holds.
  const words = text.split(/[ \t\r\n]+/).filter((w) => w.length > 0);
  const lines: string[] = [];
  let line = '';
  const push = (word: string) => {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate, style) <= maxWidth) {
      line = candidate;
      return;
    }
    if (line) lines.push(line);
    line = '';
    if (measure(word, style) <= maxWidth) {
      line = word;
      return;
    }
    // Break an over-long word between characters (code points, so no surrogate pair is split).
    let piece = '';
    for (const ch of Array.from(word)) {
      if (piece && measure(piece + ch, style) > maxWidth) {
        lines.push(piece);
        piece = '';
      }
      piece += ch;
    }
    line = piece;
  };
  for (const word of words) push(word);
  if (line) lines.push(line);
  return lines;
}
