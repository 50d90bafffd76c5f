import type { Theme } from './theme';

/**
 * Opacity of the panels laid over the map (legend, maplibre's controls, the filter panel): the map
 * shows faintly through, but text contrast is checked against the blend over the map's colours.
 */
export const OVER_MAP_OPACITY = 0.94;

/** `#rrggbb` at an opacity, as CSS `rgba()`. */
export function rgba(hex: string, alpha: number): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/**
 * The page chrome's CSS custom properties from a theme: app.css, embed.css, timeline.css and the
 * panels use only these, so a theme is written once (theme.ts) and the dark embed's chrome cannot
 * drift from its map.
 */
export function themeProperties(theme: Theme): Record<`--${string}`, string> {
  return {
    '--ink': theme.ink,
    '--muted': theme.inkMuted,
    '--line': theme.line,
    '--panel': theme.panel,
    '--raised': theme.raised,
    '--accent': theme.accent,
    '--on-accent': theme.onAccent,
    '--map-bg': theme.background,
    '--over-map': rgba(theme.panel, OVER_MAP_OPACITY),
    '--raised-over-map': rgba(theme.raised, OVER_MAP_OPACITY),
    '--backdrop': rgba(theme.backdrop, 0.85),
    '--error': theme.error,
    '--error-bg': theme.errorBackground,
    '--tl-ink': theme.ink,
    '--tl-muted': theme.timelineMuted,
    '--tl-faint': theme.timelineFaint,
    '--tl-line': theme.timelineLine,
    '--tl-bar': theme.timelineBar,
    '--tl-bar-in': theme.timelineBarIn,
    '--tl-bg': theme.panel,
    '--tl-control-bg': theme.timelineControl,
    '--tl-focus': theme.timelineFocus,
  };
}

/** Sets the theme's custom properties on `root` (the document element), before the views mount. */
export function applyThemeProperties(root: HTMLElement, theme: Theme): void {
  for (const [name, value] of Object.entries(themeProperties(theme))) root.style.setProperty(name, value);
}
