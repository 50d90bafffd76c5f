import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

/**
 * How far a drawing may stray from expected.png and still pass.
 *
 * - `threshold` 0.1 (pixelmatch's default, an OKLab distance where 1 is black against white): a pixel
 *   differs when its colour moves more than that. SwiftShader and Skia draw the same build the
 *   same way twice, so this only absorbs sub-visible rounding; a theme colour changed by a few
 *   percent (LIGHT.focusLand, a marker fill) still moves well past it.
 * - Anti-aliased edge pixels are not counted (`includeAA: false`): glyph and circle edges are the
 *   first to shift by one step between Chromium patch releases.
 * - `maxDifferingShare` 0.0005, 0.05% of the viewport (512 px at 1280×800, 164 px on a phone): a
 *   few stray pixels pass, while a changed marker colour (one circle of 10 px radius is ~300 px), a
 *   legend in the wrong colours or a moved label fails.
 */
export const RENDER_TOLERANCE = { threshold: 0.1, includeAA: false, maxDifferingShare: 0.0005 } as const;

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
