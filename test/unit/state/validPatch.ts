import { expect } from 'vitest';
import type { AppState } from '../../../src/state';
import { AREA_IDS, CHOROPLETH_MODES, FOCUS_AREA_IDS, TIME_MODES } from '../../../src/state';
import { COUNTRIES, EVENT_TYPES } from '../../../src/types';
import { isDatasetId, isSelection, METRICS, SPEEDS } from '../../../src/state';

function isUtcDay(value: unknown): boolean {
  return value instanceof Date && Number.isFinite(value.getTime()) && value.getTime() % 86_400_000 === 0;
}

/** In `order`'s order, each at most once: what AppState promises for types and countries. */
function isOrderedSubset(value: unknown, order: readonly string[]): boolean {
  if (!Array.isArray(value)) return false;
  const positions = value.map((v) => order.indexOf(v));
  return positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]));
}

/** Fails the test unless every field of the patch is a value AppState allows. */
export function expectValidPatch(patch: Partial<AppState>): void {
  const allowed = new Set(['from', 'to', 'mode', 'types', 'countries', 'hiddenDatasets', 'view', 'selection', 'metric', 'speed', 'area', 'choropleth', 'matching']);
  for (const key of Object.keys(patch)) expect(allowed.has(key), `unexpected key ${key}`).toBe(true);
  if ('from' in patch) expect(isUtcDay(patch.from)).toBe(true);
  if ('to' in patch) expect(isUtcDay(patch.to)).toBe(true);
  if (patch.from && patch.to) expect(patch.from.getTime()).toBeLessThanOrEqual(patch.to.getTime());
  if ('mode' in patch) expect(TIME_MODES).toContain(patch.mode);
  if ('types' in patch) expect(isOrderedSubset(patch.types, EVENT_TYPES)).toBe(true);
  if ('countries' in patch) expect(isOrderedSubset(patch.countries, COUNTRIES)).toBe(true);
  if ('hiddenDatasets' in patch) {
    const ids = patch.hiddenDatasets ?? [];
    expect(ids.every((id) => typeof id === 'string' && isDatasetId(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  }
  if ('view' in patch) expect([...FOCUS_AREA_IDS, null]).toContain(patch.view);
  if ('selection' in patch) expect(patch.selection === null || (typeof patch.selection === 'string' && isSelection(patch.selection))).toBe(true);
  if ('metric' in patch) expect(METRICS).toContain(patch.metric);
  if ('speed' in patch) expect(SPEEDS).toContain(patch.speed);
  if ('area' in patch) expect([...AREA_IDS, null]).toContain(patch.area);
  if ('choropleth' in patch) expect(CHOROPLETH_MODES).toContain(patch.choropleth);
  if ('matching' in patch) expect(typeof patch.matching).toBe('boolean');
}
