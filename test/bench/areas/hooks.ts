/** What the areas bench page exposes as `window.bench`. */
export interface AreasBenchHooks {
  /** Builds `n` synthetic incidents on the page (clustered over the central Sahel) and their time index. */
  generate(n: number, seed: number): { ms: number; indexMs: number };
  /** Assigns them to the regions and focus areas in a Web Worker (prepareAreas + assignAreas), the columns transferred back. */
  assign(): Promise<{ workerMs: number; roundTripMs: number; outside: number }>;
  /** Builds the area index from the assignment, on the page. */
  buildAreaIndex(): { ms: number };
  /**
   * Steps a `lengthDays` window `steps` times by `stepDays` through deriveView, alternating a step
   * without areas and a step with the selected area and the choropleth; mean ms per step of each,
   * and the first step with areas (which computes the choropleth's domain for the length).
   */
  steps(steps: number, lengthDays: number, stepDays: number): { withoutMs: number; withMs: number; areaMs: number; choroplethMs: number; firstWithMs: number };
  drop(): void;
}

/** The assignment worker's request and answer. */
export interface AssignRequest {
  lons: Float64Array;
  lats: Float64Array;
  admin1: string;
  focusAreas: string;
}
export type AssignAnswer = { ms: number; region: Int16Array; focus: Uint8Array; outside: number } | { error: string };
