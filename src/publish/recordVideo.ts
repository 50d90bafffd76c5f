import { BufferTarget, CanvasSource, Mp4OutputFormat, Output, QUALITY_HIGH, WebMOutputFormat, canEncodeVideo } from 'mediabunny';
import { GIFEncoder, applyPalette, quantize } from 'gifenc';
import { beginMapFrames } from './mapFrames';
import { composeFrame, layoutFor } from './composeFrame';
import { frameSchedule } from './frameSchedule';
import { createOverlayCache, type OverlayCache } from './overlayCache';
import { pictureBounds, type PublishSource } from './publishSource';

export type VideoFormat = 'webm' | 'mp4' | 'gif';

/** An animated GIF holds every frame uncompressed between frames: past this it is the wrong format. */
export const GIF_MAX_FRAMES = 300;
/** GIF frames are drawn at the video's size and scaled to this long side (palettes of big frames are slow and the files huge). */
const GIF_MAX_SIDE = 540;
const DAY = 86_400_000;

export interface VideoRequest {
  from: Date;
  to: Date;
  stepDays: number;
  fps: number;
  format: VideoFormat;
  /** Frame size in pixels (drawn at pixel ratio 1). @defaultValue 1080 × 1080 */
  width?: number;
  height?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface Video {
  blob: Blob;
  frames: number;
  width: number;
  height: number;
  /** What encoded it: "vp9 in WebM (WebCodecs, mediabunny)", "avc in MP4 …", "GIF (gifenc)". */
  encoder: string;
  extension: 'webm' | 'mp4' | 'gif';
}

/** Which formats this browser can write at a size: WebM needs a VP9 VideoEncoder, MP4 an H.264 one (VideoEncoder.isConfigSupported, through mediabunny); GIF always works. */
export async function supportedVideoFormats(width = 1080, height = 1080): Promise<VideoFormat[]> {
  const out: VideoFormat[] = [];
  if (typeof VideoEncoder !== 'undefined') {
    if (await canEncodeVideo('vp9', { width, height }).catch(() => false)) out.push('webm');
    if (await canEncodeVideo('avc', { width, height }).catch(() => false)) out.push('mp4');
  }
  out.push('gif');
  return out;
}

function abortError(): Error {
  return new DOMException('The recording was cancelled.', 'AbortError');
}

/**
 * Records the window moving over a range: for every window of the frame schedule the store is set
 * (as the player sets it), the map is drawn at the frame's size and awaited until idle, the
 * overlays (title, status line with its running totals, a date stamp, legend, credits) are drawn,
 * and the frame is encoded, so every frame is complete however slow the machine. The reader's
 * window, play state and camera are restored afterwards, also on cancel or failure.
 */
export async function recordVideo(source: PublishSource, request: VideoRequest): Promise<Video> {
  const width = request.width ?? 1080;
  const height = request.height ?? 1080;
  const fps = Math.min(60, Math.max(1, request.fps));
  const saved = source.store.get();
  const windowDays = Math.round((saved.to.getTime() - saved.from.getTime()) / DAY) + 1;
  const windows = frameSchedule({ from: request.from, to: request.to, stepDays: request.stepDays, windowDays });
  if (windows.length === 0) throw new Error('the range ends before it starts');
  if (request.format === 'gif' && windows.length > GIF_MAX_FRAMES) throw new Error(`an animated GIF is limited to ${GIF_MAX_FRAMES} frames (this range has ${windows.length})`);
  await document.fonts?.ready;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const stampOf = (to: Date) => source.formatters.day(to);
  const { layout } = layoutFor(source, width, height, canvas.getContext('2d')!, stampOf(request.to));
  if (saved.playing) source.store.set({ playing: false }, 'play');
  const overlays = createOverlayCache();
  const frames = await beginMapFrames(source.map, { width, height, pixelRatio: 1, bounds: pictureBounds(source), padding: layout.mapPadding });
  try {
    if (request.format === 'gif') return await recordGif(source, request, windows, frames, canvas, fps, stampOf, overlays);
    const codec = request.format === 'mp4' ? 'avc' : 'vp9';
    if (typeof VideoEncoder === 'undefined' || !(await canEncodeVideo(codec, { width, height }))) throw new Error(`this browser has no ${codec === 'avc' ? 'H.264' : 'VP9'} video encoder`);
    const output = new Output({ format: request.format === 'mp4' ? new Mp4OutputFormat() : new WebMOutputFormat(), target: new BufferTarget() });
    const video = new CanvasSource(canvas, { codec, bitrate: QUALITY_HIGH, keyFrameInterval: 2 });
    output.addVideoTrack(video, { frameRate: fps });
    await output.start();
    try {
      for (let i = 0; i < windows.length; i++) {
        if (request.signal?.aborted) throw abortError();
        source.store.set({ from: windows[i].from, to: windows[i].to }, 'play');
        await composeFrame(source, frames, canvas, 1, stampOf(windows[i].to), overlays);
        await video.add(i / fps, 1 / fps);
        request.onProgress?.(i + 1, windows.length);
      }
      await output.finalize();
    } catch (error) {
      await output.cancel().catch(() => undefined);
      throw error;
    }
    const buffer = output.target.buffer;
    if (!buffer) throw new Error('the muxer wrote nothing');
    return { blob: new Blob([buffer], { type: output.format.mimeType }), frames: windows.length, width, height, encoder: `${codec} in ${request.format === 'mp4' ? 'MP4' : 'WebM'} (WebCodecs VideoEncoder, mediabunny)`, extension: request.format };
  } finally {
    frames.end();
    source.store.set({ from: saved.from, to: saved.to }, 'play');
  }
}

async function recordGif(source: PublishSource, request: VideoRequest, windows: readonly { from: Date; to: Date }[], frames: Awaited<ReturnType<typeof beginMapFrames>>, canvas: HTMLCanvasElement, fps: number, stampOf: (d: Date) => string, overlays: OverlayCache): Promise<Video> {
  const k = Math.min(1, GIF_MAX_SIDE / Math.max(canvas.width, canvas.height));
  const small = document.createElement('canvas');
  small.width = Math.round(canvas.width * k);
  small.height = Math.round(canvas.height * k);
  const ctx = small.getContext('2d', { willReadFrequently: true })!;
  const gif = GIFEncoder();
  for (let i = 0; i < windows.length; i++) {
    if (request.signal?.aborted) throw abortError();
    source.store.set({ from: windows[i].from, to: windows[i].to }, 'play');
    await composeFrame(source, frames, canvas, 1, stampOf(windows[i].to), overlays);
    ctx.drawImage(canvas, 0, 0, small.width, small.height);
    const { data } = ctx.getImageData(0, 0, small.width, small.height);
    const palette = quantize(data, 256);
    gif.writeFrame(applyPalette(data, palette), small.width, small.height, { palette, delay: Math.round(1000 / fps), repeat: 0 });
    request.onProgress?.(i + 1, windows.length);
    // Give the page a turn between frames: quantising is the slow part and blocks the main thread.
    await new Promise((r) => setTimeout(r, 0));
  }
  gif.finish();
  return { blob: new Blob([gif.bytes()], { type: 'image/gif' }), frames: windows.length, width: small.width, height: small.height, encoder: 'GIF (gifenc)', extension: 'gif' };
}
