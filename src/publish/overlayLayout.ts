import { wrapText, type MeasureText, type TextStyle } from './wrapText';

/** A rectangle in the image's CSS pixels (device pixels ÷ pixel ratio), origin top left. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Lines of text set in one style, the first baseline at `box.y + style.size`. */
export interface TextBlock {
  box: Box;
  lines: string[];
  style: TextStyle;
  lineHeight: number;
}

/** The words an overlay shows, in the reader's language. */
export interface OverlayText {
  title: string;
  /** The status line: the window and its totals, one figure per counted dataset. */
  totals: string;
  /** "Deaths (area)" */
  legendTitle: string;
  /** The size key's reference values as written ("1", "20", "100"), smallest first. */
  legendValues: readonly string[];
  /** The colour and symbol key's labels, in the live legend's order. */
  legendRows: readonly string[];
  /** The whole attribution, one string: it is wrapped, never cut. */
  credits: string;
  /** A video frame's date stamp (the window's last day), drawn large under the header; none on a picture. */
  stamp?: string;
}

export interface OverlayInput {
  /** Image size in CSS pixels. */
  width: number;
  height: number;
  text: OverlayText;
  /** Radii in CSS pixels of the size key's circles, drawn with the map's marker scale (never scaled with the text). */
  legendRadii: readonly number[];
  measure: MeasureText;
}

export interface LegendLayout {
  box: Box;
  title: TextBlock;
  /** Where the reference circles and their values go. */
  sizes: Box;
  /** The values' text style. */
  valueStyle: TextStyle;
  rows: { swatch: Box; text: TextBlock }[];
}

export interface OverlayLayout {
  /** Text scale: 1 at a 700 px short side. */
  scale: number;
  header: Box;
  title: TextBlock;
  totals: TextBlock;
  legend: LegendLayout;
  footer: Box;
  credits: TextBlock;
  /** The date stamp, when the text has one. */
  stamp: TextBlock | null;
  /** Padding the map is fitted with so the view's bounds show between the bands and beside the legend. */
  mapPadding: { top: number; right: number; bottom: number; left: number };
}

const LINE = 1.3;

function block(text: string, x: number, y: number, maxWidth: number, style: TextStyle, measure: MeasureText): TextBlock {
  const lines = wrapText(text, maxWidth, style, measure);
  const lineHeight = Math.ceil(style.size * LINE);
  const width = Math.min(maxWidth, Math.max(0, ...lines.map((l) => measure(l, style))));
  return { box: { x, y, width, height: lines.length * lineHeight }, lines, style, lineHeight };
}

function tryLayout(input: OverlayInput, scale: number): OverlayLayout {
  const { width: W, height: H, text, measure } = input;
  const pad = Math.round(14 * scale);
  const inner = W - 2 * pad;
  const title = block(text.title, pad, pad, inner, { size: Math.round(24 * scale), weight: 600 }, measure);
  const totals = block(text.totals, pad, title.box.y + title.box.height + Math.round(4 * scale), inner, { size: Math.round(15 * scale), weight: 400 }, measure);
  const header: Box = { x: 0, y: 0, width: W, height: totals.box.y + totals.box.height + pad };

  const creditStyle: TextStyle = { size: Math.max(9, Math.round(11 * scale)), weight: 400 };
  const creditLines = wrapText(text.credits, inner, creditStyle, measure);
  const creditHeight = creditLines.length * Math.ceil(creditStyle.size * LINE);
  const footerHeight = creditHeight + Math.round(pad * 1.2);
  const footer: Box = { x: 0, y: H - footerHeight, width: W, height: footerHeight };
  const credits = block(text.credits, pad, footer.y + Math.round(pad * 0.6), inner, creditStyle, measure);

  const legendStyle: TextStyle = { size: Math.max(9, Math.round(11 * scale)), weight: 400 };
  const lp = Math.round(8 * scale);
  const rowHeight = Math.ceil(legendStyle.size * LINE) + Math.round(2 * scale);
  const swatch = Math.round(12 * scale);
  const rMax = Math.max(0, ...input.legendRadii);
  const valuesWidth = Math.max(0, ...text.legendValues.map((v) => measure(v, legendStyle)));
  const sizesWidth = 2 * rMax + 14 + valuesWidth;
  const rowsWidth = swatch + lp + Math.max(0, ...text.legendRows.map((r) => measure(r, legendStyle)));
  const titleWidth = measure(text.legendTitle, { ...legendStyle, weight: 600 });
  const legendInner = Math.ceil(Math.max(sizesWidth, rowsWidth, titleWidth));
  const legendWidth = legendInner + 2 * lp;
  // Room for the values too: at a large text scale they are taller than the circles they label.
  const sizesHeight = Math.ceil(Math.max(2 * rMax + 8, text.legendValues.length * legendStyle.size * 1.15 + legendStyle.size * 0.5));
  const legendHeight = lp + Math.ceil(legendStyle.size * LINE) + sizesHeight + text.legendRows.length * rowHeight + lp;
  const lx = W - pad - legendWidth;
  const ly = footer.y - pad - legendHeight;
  const legendTitle = block(text.legendTitle, lx + lp, ly + lp, legendInner, { ...legendStyle, weight: 600 }, measure);
  const sizes: Box = { x: lx + lp, y: legendTitle.box.y + Math.ceil(legendStyle.size * LINE), width: sizesWidth, height: sizesHeight };
  const rows = text.legendRows.map((label, i) => {
    const y = sizes.y + sizesHeight + i * rowHeight;
    return {
      swatch: { x: lx + lp, y: y + (rowHeight - swatch) / 2, width: swatch, height: swatch },
      text: block(label, lx + lp + swatch + lp, y + (rowHeight - Math.ceil(legendStyle.size * LINE)) / 2, legendInner - swatch - lp, legendStyle, measure),
    };
  });
  const legend: LegendLayout = { box: { x: lx, y: ly, width: legendWidth, height: legendHeight }, title: legendTitle, sizes, valueStyle: legendStyle, rows };
  // The legend sits beside the view on a wide image; on a tall one it overlaps the map's corner.
  const beside = legendWidth + pad <= W * 0.4;
  const stamp = text.stamp ? block(text.stamp, pad, header.height + pad, Math.max(1, lx - 2 * pad), { size: Math.round(30 * scale), weight: 600 }, measure) : null;
  return {
    scale,
    header,
    title,
    totals,
    legend,
    footer,
    credits,
    stamp,
    mapPadding: { top: header.height + pad, bottom: footer.height + pad, left: pad, right: beside ? legendWidth + 2 * pad : pad },
  };
}

/** Does every box lie inside the image, with the legend between the header and the footer? */
export function fitsImage(layout: OverlayLayout, width: number, height: number): boolean {
  const inside = (b: Box) => b.x >= 0 && b.y >= 0 && b.x + b.width <= width + 0.5 && b.y + b.height <= height + 0.5;
  const boxes = [layout.header, layout.footer, layout.title.box, layout.totals.box, layout.credits.box, layout.legend.box, ...layout.legend.rows.flatMap((r) => [r.swatch, r.text.box])];
  const stamp = layout.stamp?.box;
  return (
    boxes.every(inside) &&
    (!stamp || (inside(stamp) && layout.stamp!.lines.length === 1 && stamp.y + stamp.height <= layout.footer.y && (stamp.x + stamp.width <= layout.legend.box.x || stamp.y + stamp.height <= layout.legend.box.y))) &&
    layout.legend.box.y >= layout.header.height &&
    layout.legend.box.y + layout.legend.box.height <= layout.footer.y &&
    layout.header.height + layout.footer.height < height * 0.6 &&
    layout.legend.rows.every((r) => r.text.lines.length === 1)
  );
}

/**
 * Where the title, the totals, the legend and the credits go on an image of `width × height` CSS
 * pixels: a header band (title, status line), a footer band (the whole attribution, wrapped) and
 * the legend in the bottom-right corner of the map between them. Text starts at a scale set by
 * the short side and shrinks until everything fits, so nothing is ever cut; the size key's circles
 * keep the markers' radii at every scale. Pure: widths come from `measure`.
 */
export function layoutOverlay(input: OverlayInput): OverlayLayout {
  const start = Math.min(2.5, Math.max(0.75, Math.min(input.width, input.height) / 700));
  let layout = tryLayout(input, start);
  for (let scale = start * 0.92; scale >= 0.5 && !fitsImage(layout, input.width, input.height); scale *= 0.92) layout = tryLayout(input, scale);
  return layout;
}
