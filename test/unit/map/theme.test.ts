import { describe, expect, it } from 'vitest';
import { DARK, LIGHT, type Theme } from '../../../src/map/theme';

/** Relative luminance (WCAG), to compare colours by lightness. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe.each([
  ['LIGHT', LIGHT],
  ['DARK', DARK],
] as [string, Theme][])('theme %s', (_name, theme) => {
  it('every colour is lowercase #rrggbb', () => {
    for (const [key, value] of Object.entries(theme)) expect(value, key).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('the focus countries differ from their neighbours in lightness', () => {
    expect(contrast(theme.focusLand, theme.neighbourLand)).toBeGreaterThan(1.1);
  });

  it('label text is legible on the focus land (WCAG contrast ≥ 4.5)', () => {
    expect(contrast(theme.labelText, theme.focusLand)).toBeGreaterThanOrEqual(4.5);
  });

  it('the halo sits on the far side of the land from the text', () => {
    expect(contrast(theme.labelText, theme.labelHalo)).toBeGreaterThan(contrast(theme.labelText, theme.focusLand));
  });
});

describe('DARK', () => {
  it('has the same keys as LIGHT, in the same order', () => {
    expect(Object.keys(DARK)).toEqual(Object.keys(LIGHT));
  });

  it('is dark: its focus land is darker than LIGHT’s and its text lighter', () => {
    expect(luminance(DARK.focusLand)).toBeLessThan(luminance(LIGHT.focusLand));
    expect(luminance(DARK.labelText)).toBeGreaterThan(luminance(DARK.focusLand));
  });
});
