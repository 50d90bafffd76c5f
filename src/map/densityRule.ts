/**
 * When the incident layer draws squares instead of markers. Markers stop being told apart when
 * there are many of them for the screen they share: the rule weighs the events drawn in view
 * against the viewport's area, and gives the markers back past a zoom where places are resolved
 * anyway. It is pure, so the layer can ask it every frame.
 */
export interface DensityRuleOptions {
  /** At this zoom and beyond, markers are always drawn. @defaultValue 10 */
  maxZoom: number;
  /** Fewer events in view than this are always markers. @defaultValue 1500 */
  minEvents: number;
  /** Squares when each event in view has less screen than this, in CSS px². @defaultValue 900 */
  minAreaPerEvent: number;
  /**
   * Once in the density view, it is left only when the count falls below `hysteresis × minEvents`
   * or the events' density below `hysteresis / minAreaPerEvent`, so a drag near a threshold does
   * not flicker between the two. @defaultValue 0.8
   */
  hysteresis: number;
}

export const defaultDensityRule: DensityRuleOptions = { maxZoom: 10, minEvents: 1500, minAreaPerEvent: 900, hysteresis: 0.8 };

export interface DensityInput {
  zoom: number;
  /** Events drawn in the viewport (window, filters). */
  eventsInView: number;
  /** The viewport's area in CSS px². */
  viewArea: number;
  /** Is the density view on now (for the hysteresis)? */
  current: boolean;
}

/** Should the layer draw squares? */
export function useDensity(input: DensityInput, rule: DensityRuleOptions = defaultDensityRule): boolean {
  const { zoom, eventsInView: n, viewArea, current } = input;
  if (!(zoom < rule.maxZoom) || !(n > 0) || !(viewArea > 0)) return false;
  const k = current ? rule.hysteresis : 1;
  // Events per px² against its threshold, so the hysteresis lowers both bounds the same way.
  return n >= k * rule.minEvents && n / viewArea > k / rule.minAreaPerEvent;
}

/**
 * Can the rule choose squares at all, at this zoom with this many events in the window's slice?
 * The slice holds every event in view, so below the rule's lowest count (the hysteresis's) or past
 * its zoom the answer is no without counting the events in view, a pass over the slice.
 */
export function mayUseDensity(zoom: number, eventsInSlice: number, rule: DensityRuleOptions = defaultDensityRule): boolean {
  return zoom < rule.maxZoom && eventsInSlice >= rule.hysteresis * rule.minEvents;
}
