import { EVENT_TYPES } from '../types';
import { eventTypeName } from '../i18n/catalogueNames';
import type { Formatters } from '../i18n/format';
import type { Messages } from '../i18n/messages';
import type { MarkerScale } from '../map/markerScale';
import { viewStatusText } from '../timeline/labels';
import type { OverlayText } from './overlayLayout';

/** What the status line reads from the derived view (src/state/derive.ts `DerivedView`). */
export interface StatusView {
  shown: { from: Date; to: Date };
  totals: { incidents: number; deaths: number } | null;
  counted: readonly { name: string; totals: { incidents: number; deaths: number } | null }[];
}

export interface OverlayTextOptions {
  messages: Messages;
  formatters: Formatters;
  title: string;
  view: StatusView;
  scale: MarkerScale;
  /** The attribution as the map's credits show it, as plain text. */
  credits: string;
}

/**
 * The overlays' words: the title, the status line's very text (viewStatusText, so the picture
 * reads what the page reads, one figure per counted dataset), the legend's labels in the live
 * legend's order and the credits.
 */
export function overlayText(options: OverlayTextOptions): OverlayText {
  const { messages, formatters } = options;
  return {
    title: options.title,
    totals: viewStatusText({ messages, formatters }, options.view),
    legendTitle: messages.legendDeaths,
    legendValues: options.scale.legendValues().map((v) => formatters.integer(v)),
    legendRows: [...EVENT_TYPES.map((type) => eventTypeName(type, messages)), messages.legendNoDeaths, messages.legendApproximate, messages.legendStoryEvent],
    credits: options.credits,
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Attribution strings (our own constant markup: `<a href>` links, `&copy;`) as plain text, for
 * a canvas or an SVG `<text>`: tags dropped, the few named and numeric entities decoded, runs of
 * white space folded.
 */
export function attributionText(parts: readonly string[]): string {
  return parts
    .map((p) =>
      p
        .replace(/<[^>]*>/g, '')
        .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
          if (name[0] === '#') {
            const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
            return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
          }
          if (name.toLowerCase() === 'copy') return '©';
          return ENTITIES[name.toLowerCase()] ?? whole;
        })
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((p) => p.length > 0)
    .filter((p, i, all) => all.indexOf(p) === i)
    .join(' | ');
}
