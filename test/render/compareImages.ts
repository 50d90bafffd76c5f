import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

/**
 * How far a drawing may stray from expected.png and still pass.
 *
 * - `threshold` 0.01, pixelmatch's OKLab HyAB distance (1 is black against white), a tenth of its
 *   default: SwiftShader and Skia draw one build byte-identically run after run (checked over three
 *   runs of every case), so the threshold only has to absorb a rounding step or two between
 *   Chromium releases (#fbf8f1 → #fdfaf3 is 0.005). The default 0.1 let a real theme change pass:
 *   LIGHT.focusLand #fbf8f1 → #f4efe2 is 0.03 apart, and even a bluish #e8f0ff only 0.05.
 * - Anti-aliased edge pixels are not counted (`includeAA: false`): glyph and circle edges are the
 *   first to shift between Chromium releases.
 * - `maxDifferingShare` 0.0001, 0.01% of the viewport (102 px at 1280×800, 33 px on a phone): room
 *   for a stray pixel or two, no more, since the same build draws 0 differing pixels. At 0.05% an
 *   event type's colour changed by a few units (#e69f00 → #f0a000) passed: on the map it touched
 *   only the filter and legend swatches, 148 px of the default view.
 */
export const RENDER_TOLERANCE = { threshold: 0.01, includeAA: false, maxDifferingShare: 0.0001 } as const;

export interface Comparison {
  /** Pixels that differ beyond the threshold. */
  differing: number;
  /** differing / all pixels. */
  share: number;
  pass: boolean;
  /** The expected image faded, with differing pixels in red: written as diff.png on failure. */
  diff: Buffer;
  /** Why it failed when the sizes differ (then nothing is compared). */
  sizeMismatch: string | null;
}

/** Compares two PNGs within RENDER_TOLERANCE. */
export function compareImages(expectedPng: Buffer, actualPng: Buffer): Comparison {
  const expected = PNG.sync.read(expectedPng);
  const actual = PNG.sync.read(actualPng);
  const { width, height } = actual;
  if (expected.width !== width || expected.height !== height) {
    return { differing: width * height, share: 1, pass: false, diff: actualPng, sizeMismatch: `expected ${expected.width}×${expected.height}, drawn ${width}×${height}` };
  }
  const out = new PNG({ width, height });
  const differing = pixelmatch(expected.data, actual.data, out.data, width, height, { threshold: RENDER_TOLERANCE.threshold, includeAA: RENDER_TOLERANCE.includeAA });
  const share = differing / (width * height);
  return { differing, share, pass: share <= RENDER_TOLERANCE.maxDifferingShare, diff: PNG.sync.write(out), sizeMismatch: null };
}
