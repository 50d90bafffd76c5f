import { describe, expect, it } from 'vitest';
import { fullMapHref } from '../../../src/embed/fullMapLink';
import { readUrlState } from '../../../src/state';
import { DEFAULT_STATE } from '../../../src/state';

const base = 'https://maps.example.org/sahel/';

describe('fullMapHref', () => {
  it('opens index.html beside the embed with the same window, filters and view', () => {
    const state = { ...DEFAULT_STATE, from: new Date(Date.UTC(2021, 2, 21)), to: new Date(Date.UTC(2021, 2, 21)), view: 'tahoua' as const, types: ['Battles' as const] };
    const href = fullMapHref(state, { zoom: 6, lat: 15, lng: 5 }, base);
    const url = new URL(href);
    expect(url.origin + url.pathname).toBe('https://maps.example.org/sahel/index.html');
    expect(url.hash).toBe('');
    expect(readUrlState(url.search, () => {})).toEqual({ from: state.from, to: state.to, view: 'tahoua', types: ['Battles'] });
  });

  it('adds the camera as maplibre’s hash once the reader left the named view', () => {
    const href = fullMapHref({ ...DEFAULT_STATE, view: null }, { zoom: 7.256, lat: 13.51234567, lng: 2.1098765 }, base);
    expect(new URL(href).hash).toBe('#7.26/13.512/2.11');
    expect(new URL(href).searchParams.get('view')).toBe('none');
  });

  it('never carries play along: a shared link does not start an animation', () => {
    expect(fullMapHref({ ...DEFAULT_STATE, playing: true }, null, base)).not.toMatch(/play/);
  });

  it('carries the embed’s language, after the state and with the state still readable', () => {
    const state = { ...DEFAULT_STATE, types: ['Battles' as const, 'Riots' as const] };
    const href = fullMapHref(state, null, base, 'fr');
    expect(new URL(href).searchParams.get('lang')).toBe('fr');
    expect(href).toMatch(/types=battles,riots&.*lang=fr$/);
    expect(readUrlState(new URL(href).search, () => {})).toEqual(readUrlState(new URL(fullMapHref(state, null, base)).search, () => {}));
  });
});
