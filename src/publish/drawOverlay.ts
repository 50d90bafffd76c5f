import { EVENT_TYPES } from '../types';
import type { MarkerStyle } from '../map/markerStyle';
import type { Theme } from '../map/theme';
import type { OverlayLayout, TextBlock } from './overlayLayout';
import type { MeasureText, TextStyle } from './wrapText';

/** The overlays' typeface: the basemap's Noto Sans where the page has it, then the system's. */
export const OVERLAY_FONT_FAMILY = '"Noto Sans", system-ui, sans-serif';

export function cssFont(style: TextStyle): string {
  return `${style.weight} ${style.size}px ${OVERLAY_FONT_FAMILY}`;
}

/** measureText on a canvas context, for layoutOverlay. */
export function canvasMeasure(ctx: CanvasRenderingContext2D): MeasureText {
  return (text, style) => {
    ctx.font = cssFont(style);
    return ctx.measureText(text).width;
  };
}

function hexAlpha(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

function drawText(ctx: CanvasRenderingContext2D, block: TextBlock, colour: string): void {
  ctx.font = cssFont(block.style);
  ctx.fillStyle = colour;
  ctx.textBaseline = 'alphabetic';
  block.lines.forEach((line, i) => {
    // The baseline sits at ~0.8 of the line box for Latin text at a 1.3 line height.
    ctx.fillText(line, block.box.x, block.box.y + i * block.lineHeight + block.style.size * 1.02);
  });
}

/**
 * Draws the title and totals band, the legend and the credits band of `layout` onto `ctx`
 * (already scaled to CSS pixels), in the theme's panel and ink colours, with the size key drawn
 * at the marker scale's radii and the type swatches in the markers' colours and opacity: the same
 * sources the live legend reads (legendControl.ts). The same as `drawBands`, `drawFrameText` and
 * `drawLegend` in turn (a video caches the first and the last, overlayCache.ts).
 */
export function drawOverlay(ctx: CanvasRenderingContext2D, layout: OverlayLayout, theme: Theme, style: MarkerStyle, legendValues: readonly number[], legendLabels: readonly string[]): void {
  drawBands(ctx, layout, theme);
  drawFrameText(ctx, layout, theme);
  drawLegend(ctx, layout, theme, style, legendValues, legendLabels);
}

/** The parts that stay put while the window moves: the header and footer bands with their rules, the title and the credits. */
export function drawBands(ctx: CanvasRenderingContext2D, layout: OverlayLayout, theme: Theme): void {
  ctx.save();
  ctx.fillStyle = hexAlpha(theme.panel, 0.93);
  ctx.fillRect(layout.header.x, layout.header.y, layout.header.width, layout.header.height);
  ctx.fillRect(layout.footer.x, layout.footer.y, layout.footer.width, layout.footer.height);
  ctx.fillStyle = theme.line;
  ctx.fillRect(0, layout.header.height - 1, layout.header.width, 1);
  ctx.fillRect(0, layout.footer.y, layout.footer.width, 1);
  drawText(ctx, layout.title, theme.ink);
  drawText(ctx, layout.credits, theme.inkMuted);
  ctx.restore();
}

/** The parts that change with the window: the status line's totals and a video frame's date stamp. */
export function drawFrameText(ctx: CanvasRenderingContext2D, layout: OverlayLayout, theme: Theme): void {
  ctx.save();
  drawText(ctx, layout.totals, theme.ink);
  if (layout.stamp) {
    const b = layout.stamp.box;
    const m = 6 * layout.scale;
    ctx.fillStyle = hexAlpha(theme.panel, 0.9);
    ctx.fillRect(b.x - m, b.y - m / 2, b.width + 2 * m, b.height + m);
    drawText(ctx, layout.stamp, theme.ink);
  }
  ctx.restore();
}

/** The legend box: the size key at the marker scale's radii and the type and symbol swatches. */
export function drawLegend(ctx: CanvasRenderingContext2D, layout: OverlayLayout, theme: Theme, style: MarkerStyle, legendValues: readonly number[], legendLabels: readonly string[]): void {
  ctx.save();
  const { legend } = layout;
  ctx.fillStyle = hexAlpha(theme.panel, 0.95);
  ctx.strokeStyle = theme.line;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.roundRect(legend.box.x, legend.box.y, legend.box.width, legend.box.height, 4 * layout.scale);
  ctx.fill();
  ctx.stroke();
  drawText(ctx, legend.title, theme.inkMuted);

  const radii = legendValues.map((v) => style.scale.radius(v));
  const rMax = Math.max(...radii);
  const cx = legend.sizes.x + rMax + 1;
  const bottom = legend.sizes.y + legend.sizes.height - 4;
  ctx.font = cssFont(legend.valueStyle);
  // Each value is written level with its circle's top, pushed down where two would touch.
  const size = legend.valueStyle.size;
  const labelY: number[] = [];
  for (let i = radii.length - 1; i >= 0; i--) {
    const top = bottom - 2 * radii[i] + size * 0.35;
    labelY[i] = i === radii.length - 1 ? Math.max(top, legend.sizes.y + size * 0.8) : Math.max(top, labelY[i + 1] + size * 1.1);
  }
  radii.forEach((r, i) => {
    const cy = bottom - r;
    ctx.strokeStyle = theme.inkMuted;
    ctx.setLineDash([]);
    ctx.beginPath();
    ctx.arc(cx, cy, r, 0, Math.PI * 2);
    ctx.stroke();
    ctx.setLineDash([2, 2]);
    ctx.beginPath();
    ctx.moveTo(cx, cy - r);
    ctx.lineTo(cx + rMax + 8, labelY[i] - size * 0.35);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = theme.ink;
    ctx.fillText(legendLabels[i] ?? '', cx + rMax + 11, labelY[i]);
  });

  const swatchColours: ((x: number, y: number, r: number) => void)[] = [
    ...EVENT_TYPES.map((type) => (x: number, y: number, r: number) => {
      ctx.globalAlpha = style.fillOpacity;
      ctx.fillStyle = style.typeColours[type];
      ctx.beginPath();
      ctx.arc(x, y, r, 0, Math.PI * 2);
      ctx.fill();
      ctx.globalAlpha = 1;
    }),
    (x, y, r) => {
      ctx.fillStyle = style.noDeaths.fill;
      ctx.strokeStyle = theme.inkMuted;
      ctx.lineWidth = style.noDeaths.rimWidth;
      ctx.beginPath();
      ctx.arc(x, y, Math.min(r, style.scale.options.zeroRadius + 1), 0, Math.PI * 2);
      ctx.fill();
      ctx.stroke();
      ctx.lineWidth = 1;
    },
    (x, y, r) => {
      ctx.filter = `blur(${Math.max(1, r * 0.25)}px)`;
      ctx.fillStyle = theme.inkMuted;
      ctx.beginPath();
      ctx.arc(x, y, r * 0.8, 0, Math.PI * 2);
      ctx.fill();
      ctx.filter = 'none';
    },
    (x, y, r) => {
      ctx.strokeStyle = style.story.colour;
      ctx.lineWidth = style.story.width;
      ctx.beginPath();
      ctx.arc(x, y, r * 0.85, 0, Math.PI * 2);
      ctx.stroke();
      ctx.lineWidth = 1;
    },
  ];
  legend.rows.forEach((row, i) => {
    const r = row.swatch.width / 2;
    swatchColours[i]?.(row.swatch.x + r, row.swatch.y + r, r);
    drawText(ctx, row.text, theme.ink);
  });
  ctx.restore();
}
