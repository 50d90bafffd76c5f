import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultDensityRule, mayUseDensity, useDensity } from '../../../src/map/densityRule';

const VIEW = 1280 * 800;

describe('useDensity', () => {
  it('draws squares at a low zoom with many events crowding the screen', () => {
    expect(useDensity({ zoom: 5, eventsInView: 50_000, viewArea: VIEW, current: false })).toBe(true);
    expect(useDensity({ zoom: 9.99, eventsInView: 1500, viewArea: 1500 * 899, current: false })).toBe(true);
  });

  it('draws markers from zoom 10, below 1,500 events, or with 900 px² or more per event', () => {
    expect(useDensity({ zoom: 10, eventsInView: 50_000, viewArea: VIEW, current: false })).toBe(false);
    expect(useDensity({ zoom: 5, eventsInView: 1499, viewArea: 1000, current: false })).toBe(false);
    expect(useDensity({ zoom: 5, eventsInView: 2000, viewArea: 2000 * 900, current: false })).toBe(false);
    expect(useDensity({ zoom: 5, eventsInView: 0, viewArea: VIEW, current: false })).toBe(false);
    expect(useDensity({ zoom: 5, eventsInView: 5000, viewArea: 0, current: false })).toBe(false);
    expect(useDensity({ zoom: Number.NaN, eventsInView: 5000, viewArea: VIEW, current: false })).toBe(false);
  });

  it('stays in the density view until the figures fall below 0.8 of the thresholds (hysteresis)', () => {
    // Between 0.8 × and 1 × the count: the current view is kept either way.
    expect(useDensity({ zoom: 5, eventsInView: 1300, viewArea: VIEW, current: true })).toBe(true);
    expect(useDensity({ zoom: 5, eventsInView: 1300, viewArea: VIEW, current: false })).toBe(false);
    expect(useDensity({ zoom: 5, eventsInView: 1199, viewArea: VIEW, current: true })).toBe(false);
    // Between 900 and 1,125 px² per event.
    expect(useDensity({ zoom: 5, eventsInView: 2000, viewArea: 2000 * 1000, current: true })).toBe(true);
    expect(useDensity({ zoom: 5, eventsInView: 2000, viewArea: 2000 * 1000, current: false })).toBe(false);
    expect(useDensity({ zoom: 5, eventsInView: 2000, viewArea: 2000 * 1130, current: true })).toBe(false);
  });

  it('never enters the density view where it would not stay (no flicker), and never past the zoom', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 22, noNaN: true }), fc.nat(200_000), fc.integer({ min: 1, max: 5_000_000 }), (zoom, n, area) => {
        const enter = useDensity({ zoom, eventsInView: n, viewArea: area, current: false });
        const stay = useDensity({ zoom, eventsInView: n, viewArea: area, current: true });
        if (enter) expect(stay).toBe(true);
        if (zoom >= defaultDensityRule.maxZoom) expect(stay).toBe(false);
      }),
    );
  });

  it('its pre-check (zoom and the slice’s count, before counting in view) never turns away a frame the rule would draw as squares', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 22, noNaN: true }), fc.nat(200_000), fc.nat(200_000), fc.integer({ min: 1, max: 5_000_000 }), fc.boolean(), (zoom, inView, extra, area, current) => {
        const slice = inView + extra;
        if (useDensity({ zoom, eventsInView: inView, viewArea: area, current })) expect(mayUseDensity(zoom, slice)).toBe(true);
      }),
    );
    expect(mayUseDensity(defaultDensityRule.maxZoom, 1e6)).toBe(false);
    expect(mayUseDensity(5, 1199)).toBe(false);
  });
});
