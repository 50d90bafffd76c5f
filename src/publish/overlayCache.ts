import type { MarkerStyle } from '../map/markerStyle';
import type { Theme } from '../map/theme';
import { drawBands, drawFrameText, drawLegend } from './drawOverlay';
import type { Box, OverlayLayout } from './overlayLayout';

/** Draws a video frame's overlays with the parts that do not move between frames kept on offscreen canvases. */
export interface OverlayCache {
  /** Same pixels as drawOverlay(ctx, …) on a context scaled to CSS pixels by `pixelRatio`. */
  draw(ctx: CanvasRenderingContext2D, layout: OverlayLayout, theme: Theme, style: MarkerStyle, legendValues: readonly number[], legendLabels: readonly string[], pixelRatio: number): void;
}

/** A box in device pixels, rounded outwards and grown by `margin` CSS pixels (strokes and anti-aliasing), inside the image. */
function deviceRect(box: Box, pixelRatio: number, margin: number, width: number, height: number): [number, number, number, number] {
  const x0 = Math.max(0, Math.floor((box.x - margin) * pixelRatio));
  const y0 = Math.max(0, Math.floor((box.y - margin) * pixelRatio));
  const x1 = Math.min(width, Math.ceil((box.x + box.width + margin) * pixelRatio));
  const y1 = Math.min(height, Math.ceil((box.y + box.height + margin) * pixelRatio));
  return [x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0)];
}

/**
 * The title and credits bands and the legend are drawn once (again only when their layout, theme,
 * marker style or legend values change) onto transparent canvases of the frame's size, and each
 * frame copies their rectangles over the map: drawing the legend's blurred swatch and its text anew
 * for every frame is most of the overlay's cost in a software-rendered canvas. The totals and the
 * date stamp are drawn each frame, between the bands and the legend, as drawOverlay orders them.
 */
export function createOverlayCache(): OverlayCache {
  let key = '';
  let styleSeen: MarkerStyle | null = null;
  let bands: HTMLCanvasElement | null = null;
  let legend: HTMLCanvasElement | null = null;
  const layer = (w: number, h: number, pixelRatio: number, draw: (c: CanvasRenderingContext2D) => void) => {
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const c = canvas.getContext('2d');
    if (!c) throw new Error('no 2D canvas');
    c.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
    draw(c);
    return canvas;
  };
  return {
    draw(ctx, layout, theme, style, legendValues, legendLabels, pixelRatio) {
      const w = ctx.canvas.width;
      const h = ctx.canvas.height;
      const { totals: _totals, stamp: _stamp, mapPadding: _padding, ...fixed } = layout;
      const next = JSON.stringify({ w, h, pixelRatio, fixed, theme, legendValues, legendLabels });
      if (!bands || !legend || next !== key || style !== styleSeen) {
        bands = layer(w, h, pixelRatio, (c) => drawBands(c, layout, theme));
        legend = layer(w, h, pixelRatio, (c) => drawLegend(c, layout, theme, style, legendValues, legendLabels));
        key = next;
        styleSeen = style;
      }
      const copy = (from: HTMLCanvasElement, box: Box, margin: number) => {
        const [x, y, rw, rh] = deviceRect(box, pixelRatio, margin, w, h);
        if (rw > 0 && rh > 0) ctx.drawImage(from, x, y, rw, rh, x, y, rw, rh);
      };
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      copy(bands, layout.header, 0);
      copy(bands, layout.footer, 0);
      ctx.restore();
      drawFrameText(ctx, layout, theme);
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      copy(legend, layout.legend.box, 4);
      ctx.restore();
    },
  };
}
