import { describe, expect, it } from 'vitest';
import { createDensityScale, DENSITY_SCALE, DENSITY_THRESHOLDS } from '../../../src/map/densityScale';
import { densityClassLabel } from '../../../src/map/controls/densityKey';
import { pageText } from '../../../src/i18n/pageText';

/** Relative luminance of `#rrggbb` (WCAG). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('createDensityScale', () => {
  it('classes a square by its deaths at 1, 10, 50, 200 and 1,000, with no class for 0', () => {
    const s = createDensityScale();
    expect(DENSITY_THRESHOLDS).toEqual([10, 50, 200, 1000]);
    expect([0, Number.NaN, -3, 1, 9, 10, 49, 50, 199, 200, 999, 1000, 1e6].map(s.classOf)).toEqual([-1, -1, -1, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('has five hex colours darkening with the deaths, and a zero colour apart from all of them', () => {
    const s = DENSITY_SCALE;
    expect(s.colours).toHaveLength(5);
    for (const c of [...s.colours, s.zero]) expect(c).toMatch(/^#[0-9a-f]{6}$/);
    const l = s.colours.map(luminance);
    for (let k = 1; k < l.length; k++) expect(l[k]).toBeLessThan(l[k - 1]);
    expect(s.colours).not.toContain(s.zero);
    expect(s.colour(0)).toBe(s.zero);
    expect(s.colour(75)).toBe(s.colours[2]);
  });

  it('names each class as the legend writes it, in English and French', () => {
    const s = DENSITY_SCALE;
    const labels = (lang: 'en' | 'fr') => {
      const { messages, formatters } = pageText(lang);
      return s.colours.map((_, k) => densityClassLabel(s, k, messages, formatters));
    };
    expect(labels('en')).toEqual(['1–9', '10–49', '50–199', '200–999', '1,000 or more']);
    expect(labels('fr')).toEqual(['1 à 9', '10 à 49', '50 à 199', '200 à 999', '1\u202f000 ou plus']);
  });
});
