import { layoutOverlay, type OverlayLayout } from './overlayLayout';
import { overlayText } from './overlayText';
import { canvasMeasure, drawOverlay } from './drawOverlay';
import { creditsText, type PublishSource } from './publishSource';
import type { MapFrames } from './mapFrames';
import type { OverlayCache } from './overlayCache';

/** The overlay layout for the current state at an image of `width × height` CSS pixels. */
export function layoutFor(source: PublishSource, width: number, height: number, measureCtx: CanvasRenderingContext2D, stamp?: string): { layout: OverlayLayout; values: number[]; labels: string[] } {
  const style = source.markerStyle();
  const text = { ...overlayText({ messages: source.messages, formatters: source.formatters, title: source.title(), view: source.derived.get(), scale: style.scale, credits: creditsText(source) }), stamp };
  const values = style.scale.legendValues();
  const layout = layoutOverlay({ width, height, text, legendRadii: values.map((v) => style.scale.radius(v)), measure: canvasMeasure(measureCtx) });
  return { layout, values, labels: [...text.legendValues] };
}

/**
 * One finished frame (a video's has a date stamp): the map's canvas drawn at `pixelRatio`, the overlays for the current state
 * on top, into `target` (sized `width × height` CSS pixels × `pixelRatio`). A video passes an
 * `overlays` cache, so the parts that do not change between its frames are drawn once.
 */
export async function composeFrame(source: PublishSource, frames: MapFrames, target: HTMLCanvasElement, pixelRatio: number, stamp?: string, overlays?: OverlayCache): Promise<OverlayLayout> {
  const ctx = target.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  const width = target.width / pixelRatio;
  const height = target.height / pixelRatio;
  const mapCanvas = await frames.capture();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = source.theme().background;
  ctx.fillRect(0, 0, target.width, target.height);
  ctx.drawImage(mapCanvas, 0, 0, target.width, target.height);
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  const { layout, values, labels } = layoutFor(source, width, height, ctx, stamp);
  if (overlays) overlays.draw(ctx, layout, source.theme(), source.markerStyle(), values, labels, pixelRatio);
  else drawOverlay(ctx, layout, source.theme(), source.markerStyle(), values, labels);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  return layout;
}
