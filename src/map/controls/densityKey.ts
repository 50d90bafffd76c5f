import { t, type Messages } from '../../i18n/messages';
import type { Formatters } from '../../i18n/format';
import { DENSITY_OPACITY } from '../gl/densityRenderer';
import type { DensityScale } from '../densityScale';
import { keySection, row, svgEl } from './legendParts';

/** A class's swatch: a square in its colour, at the opacity the squares are drawn with. */
function square(fill: string): SVGSVGElement {
  const svg = svgEl('svg', { width: 14, height: 14, 'aria-hidden': 'true' });
  svg.append(svgEl('rect', { x: 1, y: 1, width: 12, height: 12, fill, 'fill-opacity': DENSITY_OPACITY }));
  return svg;
}

/** What one class of the key says: "1–9", "1,000 or more". */
export function densityClassLabel(scale: DensityScale, k: number, messages: Messages, formatters: Formatters): string {
  const [low, high] = scale.range(k);
  return high === Infinity ? t(messages.legendDensityAtLeast, { low: formatters.integer(low) }) : t(messages.legendDensityRange, { low: formatters.integer(low), high: formatters.integer(high) });
}

/**
 * The density view's key, from the scale the squares are drawn with: a swatch per deaths class,
 * the no-deaths square, and a sentence saying what a square is. Text only through textContent.
 */
export function densityKey(scale: DensityScale, messages: Messages, formatters: Formatters): HTMLElement {
  const { box, list } = keySection('legend-density', 'legend-density', messages.legendDensityTitle);
  const item = (fill: string, label: string) => list.append(row(square(fill), label));
  item(scale.zero, messages.legendNoDeaths);
  scale.colours.forEach((colour, k) => item(colour, densityClassLabel(scale, k, messages, formatters)));
  const note = document.createElement('p');
  note.className = 'legend-density-note';
  note.textContent = messages.legendDensityNote;
  box.append(note);
  return box;
}
