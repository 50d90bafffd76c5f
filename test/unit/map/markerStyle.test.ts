import { describe, expect, it } from 'vitest';
import { circlePaint } from '../../../src/map/circleIncidentLayer';
import { hexToRgb, markerUniforms } from '../../../src/map/gl/uniforms';
import { createMarkerScale } from '../../../src/map/markerScale';
import { createMarkerStyle, dimmedOpacity, type MarkerStyle } from '../../../src/map/markerStyle';
import { DARK, LIGHT } from '../../../src/map/theme';
import { EVENT_TYPES } from '../../../src/types';

const scale = createMarkerScale(200);

/** A style whose every number and colour differs from the app's, so a constant left in a layer shows. */
const odd: MarkerStyle = {
  ...createMarkerStyle(LIGHT, scale),
  fillOpacity: 0.61,
  dimFactor: 0.5,
  unknownTypeColour: '#123456',
  rim: { colour: '#010203', width: 1.25, opacity: 0.83 },
  noDeaths: { fill: '#fefdfc', rimWidth: 2.25 },
  approximate: { blur: 0.4 },
  selection: { colour: '#0a0b0c', width: 3.5, gap: 1 },
};

describe('one marker style for the circle layer and the shaders', () => {
  it('the circle paint and the shader uniforms carry the same numbers and colours', () => {
    const paint = circlePaint(odd);
    const u = markerUniforms(odd);
    expect(paint['circle-opacity']).toBe(odd.fillOpacity);
    expect(u.u_fill_opacity).toBe(odd.fillOpacity);
    expect(paint['circle-stroke-opacity']).toBe(u.u_rim_opacity);
    expect(paint['circle-blur']).toEqual(['case', ['get', 'approx'], u.u_blur, 0]);
    expect(paint['circle-stroke-width']).toEqual(['case', ['get', 'zero'], u.u_rim_widths[1], ['get', 'approx'], 0, u.u_rim_widths[0]]);
    expect(paint['circle-color']).toEqual(['case', ['get', 'zero'], odd.noDeaths.fill, expect.anything()]);
    expect(u.u_no_deaths_fill).toEqual(hexToRgb(odd.noDeaths.fill));
    expect(paint['circle-stroke-color']).toEqual(['case', ['get', 'zero'], expect.anything(), odd.rim.colour]);
    expect(u.u_rim_colour).toEqual(hexToRgb(odd.rim.colour));
  });

  it('the circle layer colours type i as the shaders colour slot i', () => {
    const match = (circlePaint(odd)['circle-color'] as unknown[])[3] as unknown[];
    const u = markerUniforms(odd).u_colours;
    EVENT_TYPES.forEach((type, i) => {
      expect(match[2 + 2 * i]).toBe(i);
      expect(match[3 + 2 * i]).toBe(odd.typeColours[type]);
      expect(Array.from(u.slice(3 * i, 3 * i + 3))).toEqual(hexToRgb(odd.typeColours[type]).map(Math.fround));
    });
    expect(match[match.length - 1]).toBe(odd.unknownTypeColour);
  });

  it('dims old events to the same opacity in both layers (no more 0.75 against 0.72)', () => {
    const style = createMarkerStyle(LIGHT, scale);
    expect(dimmedOpacity(style)).toBeCloseTo(style.fillOpacity * style.dimFactor, 10);
    expect(dimmedOpacity(odd)).toBeCloseTo(0.305, 10);
  });

  it('takes its neutral colours from the theme', () => {
    const light = createMarkerStyle(LIGHT, scale);
    const dark = createMarkerStyle(DARK, scale);
    expect(light.rim.colour).toBe(LIGHT.markerRim);
    expect(dark.selection.colour).toBe(DARK.selectionRing);
    expect(dark.story.colour).toBe(DARK.labelText);
    expect(light.story.colour).toBe(LIGHT.labelText);
    expect(light.scale).toBe(scale);
  });
});
