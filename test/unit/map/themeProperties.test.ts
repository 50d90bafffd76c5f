import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DARK, LIGHT } from '../../../src/map/theme';
import { rgba, themeProperties } from '../../../src/map/themeProperties';

const CSS = ['src/app.css', 'src/embed/embed.css', 'src/timeline/timeline.css', 'src/ui/filterPanel.css', 'src/map/popup.css'];
/** Properties a stylesheet defines for itself (sizes, not colours). */
const LOCAL = new Set(['--tl-control']);

describe('themeProperties', () => {
  it('sets the theme’s colours: the dark page gets DARK’s ink and panel', () => {
    expect(themeProperties(DARK)['--ink']).toBe(DARK.ink);
    expect(themeProperties(DARK)['--panel']).toBe(DARK.panel);
    expect(themeProperties(LIGHT)['--tl-bar-in']).toBe(LIGHT.timelineBarIn);
    expect(themeProperties(DARK)['--over-map']).toBe(rgba(DARK.panel, 0.94));
  });

  it('gives both themes the same properties', () => {
    expect(Object.keys(themeProperties(DARK))).toEqual(Object.keys(themeProperties(LIGHT)));
  });

  it.each(CSS)('%s uses only custom properties the theme sets, and types none of their colours', (file) => {
    const css = readFileSync(file, 'utf8');
    const set = new Set(Object.keys(themeProperties(LIGHT)));
    for (const [, name] of css.matchAll(/var\((--[\w-]+)/g)) if (!LOCAL.has(name)) expect(set, `${file}: ${name}`).toContain(name);
    for (const [, name] of css.matchAll(/[\s{;](--[\w-]+)\s*:/g)) expect(LOCAL, `${file} defines ${name}`).toContain(name);
  });

  it('embed.css retypes none of the DARK theme’s colours', () => {
    const css = readFileSync('src/embed/embed.css', 'utf8').toLowerCase();
    for (const [key, value] of Object.entries(DARK)) expect(css, key).not.toContain(value);
  });

  it('rgba() spells a hex colour at an opacity', () => {
    expect(rgba('#17191b', 0.5)).toBe('rgba(23, 25, 27, 0.5)');
  });
});
