import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';

/** mediabunny's browser bundle (it defines `window.Mediabunny`); not in the package's exports map, so read by path. */
const BUNDLE = resolve(import.meta.dirname, '../../node_modules/mediabunny/dist/bundles/mediabunny.cjs');

/** What a decoded file holds, read in the page with mediabunny's own demuxers and the browser's VideoDecoder (GIF: ImageDecoder). */
export interface DecodedVideo {
  frames: number;
  width: number;
  height: number;
  /** A cheap fingerprint of each frame's pixels (sum of a sparse sample), to tell frames apart. */
  fingerprints: number[];
  /** PNG data URLs of the frames asked for. */
  stills: string[];
}

/**
 * Decodes a video (WebM, MP4) or an animated GIF in `page` and returns its frame count, size and
 * per-frame fingerprints. mediabunny's browser bundle is injected as an inline script (no request).
 */
export async function decodeInPage(page: Page, bytes: Buffer, mime: string, stillAt: number[] = []): Promise<DecodedVideo> {
  const hasBunny = await page.evaluate(() => 'Mediabunny' in window);
  if (!hasBunny) await page.addScriptTag({ content: readFileSync(BUNDLE, 'utf8') });
  return page.evaluate(
    async ({ b64, mime, stillAt }) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const canvas = document.createElement('canvas');
      const fingerprints: number[] = [];
      const stills: string[] = [];
      const fingerprint = (source: CanvasImageSource, w: number, h: number, i: number) => {
        canvas.width = w;
        canvas.height = h;
        const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
        ctx.drawImage(source, 0, 0, w, h);
        const px = ctx.getImageData(0, 0, w, h).data;
        let sum = 0;
        for (let k = 0; k < px.length; k += 4 * 97) sum = (sum + px[k] * 3 + px[k + 1] * 5 + px[k + 2] * 7) % 1_000_000_007;
        fingerprints.push(sum);
        if (stillAt.includes(i)) stills.push(canvas.toDataURL('image/png'));
      };
      if (mime === 'image/gif') {
        const decoder = new ImageDecoder({ data, type: 'image/gif' });
        await decoder.tracks.ready;
        const count = decoder.tracks.selectedTrack!.frameCount;
        let width = 0;
        let height = 0;
        for (let i = 0; i < count; i++) {
          const { image } = await decoder.decode({ frameIndex: i });
          width = image.displayWidth;
          height = image.displayHeight;
          fingerprint(image, width, height, i);
          image.close();
        }
        return { frames: count, width, height, fingerprints, stills };
      }
      type MB = typeof import('mediabunny');
      const M = (window as unknown as { Mediabunny: MB }).Mediabunny;
      const input = new M.Input({ formats: M.ALL_FORMATS, source: new M.BufferSource(data) });
      const track = await input.getPrimaryVideoTrack();
      if (!track) throw new Error('no video track');
      const sink = new M.CanvasSink(track, { poolSize: 2 });
      let i = 0;
      for await (const wrapped of sink.canvases()) fingerprint(wrapped.canvas as HTMLCanvasElement, track.displayWidth, track.displayHeight, i++);
      return { frames: i, width: track.displayWidth, height: track.displayHeight, fingerprints, stills };
    },
    { b64: bytes.toString('base64'), mime, stillAt },
  );
}
