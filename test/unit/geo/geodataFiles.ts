import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';

/** Reads a committed file of the repo's geodata/ folder (never /work/shared). */
export function readGeodata(name: string): FeatureCollection {
  return JSON.parse(readFileSync(new URL(`../../../geodata/${name}`, import.meta.url), 'utf8'));
}
