import type { Incident } from '../types';
import type { MatchResult } from './matchIncidents';
import type { IncidentTable } from './incidentTable';

/**
 * A match result between two loaded datasets, kept beside their time indexes: the matcher ran on
 * each index's `incidents` (sorted by start day), so a pair's positions are positions in those
 * arrays, the same positions the derived view's slices and the layers' columns use. Both sides can
 * be asked by incident key (`${dataset}:${id}`) through {@link partnerOf}.
 */
export interface DatasetMatch {
  /** Dataset A's id and its incidents in index order. */
  readonly a: { readonly id: string; readonly incidents: IncidentTable };
  readonly b: { readonly id: string; readonly incidents: IncidentTable };
  /** For each of A's positions, the position of its partner in B, or -1. */
  readonly partnerA: Int32Array;
  /** For each of B's positions, the position of its partner in A, or -1. */
  readonly partnerB: Int32Array;
  /** For each of A's positions, the pair's index in `result.pairs`, or -1 (the score, gap and distance live there). */
  readonly pairOfA: Int32Array;
  readonly result: MatchResult;
}

/** Builds the lookup arrays of a match result over two datasets' index-ordered incidents. */
export function datasetMatch(a: DatasetMatch['a'], b: DatasetMatch['b'], result: MatchResult): DatasetMatch {
  const partnerA = new Int32Array(a.incidents.length).fill(-1);
  const partnerB = new Int32Array(b.incidents.length).fill(-1);
  const pairOfA = new Int32Array(a.incidents.length).fill(-1);
  const { pairs } = result;
  for (let p = 0; p < pairs.a.length; p++) {
    partnerA[pairs.a[p]] = pairs.b[p];
    partnerB[pairs.b[p]] = pairs.a[p];
    pairOfA[pairs.a[p]] = p;
  }
  return { a, b, partnerA, partnerB, pairOfA, result };
}

/** A flag per position for the layers: the shaders and the circle layer read these values. */
export const MATCH_FLAG = {
  /** Not part of a match (no second dataset, or matching not run). */
  none: 0,
  /** Has a partner in the other dataset. */
  matched: 1,
  /** Only in dataset A: drawn with a solid ring. */
  onlyA: 2,
  /** Only in dataset B: drawn with a dashed ring. */
  onlyB: 3,
} as const;

/** The per-position flag column of one side (`'a'` or `'b'`), in that dataset's index order. */
export function matchFlags(match: DatasetMatch, side: 'a' | 'b'): Uint8Array {
  const partner = side === 'a' ? match.partnerA : match.partnerB;
  const alone = side === 'a' ? MATCH_FLAG.onlyA : MATCH_FLAG.onlyB;
  const flags = new Uint8Array(partner.length);
  for (let i = 0; i < partner.length; i++) flags[i] = partner[i] >= 0 ? MATCH_FLAG.matched : alone;
  return flags;
}

/** An event's partner in the other dataset, with the pair's figures. */
export interface MatchPartner {
  /** The event asked about and its partner. */
  incident: Incident;
  partner: Incident;
  /** Which side the asked event is on. */
  side: 'a' | 'b';
  score: number;
  dayGap: number;
  distanceKm: number;
}

/**
 * The partner of an incident, found by its key (`${dataset}:${id}`); null when the incident is in
 * neither dataset or has no partner. `positionOf` finds the position (the datasets' id tables);
 * without it, a linear search (once per popup opened), so no key map of every event is kept.
 */
export function partnerOf(match: DatasetMatch, key: string, positionOf?: (dataset: string, id: string) => number): MatchPartner | null {
  const colon = key.indexOf(':');
  if (colon < 0) return null;
  const dataset = key.slice(0, colon);
  const id = key.slice(colon + 1);
  const side = dataset === match.a.id ? 'a' : dataset === match.b.id ? 'b' : null;
  if (!side) return null;
  const own = side === 'a' ? match.a.incidents : match.b.incidents;
  let at = positionOf ? positionOf(dataset, id) : -1;
  if (!positionOf) for (let i = 0; i < own.length && at < 0; i++) if (own.id(i) === id) at = i;
  if (at < 0) return null;
  const other = side === 'a' ? match.partnerA[at] : match.partnerB[at];
  if (other < 0) return null;
  const p = side === 'a' ? match.pairOfA[at] : match.pairOfA[other];
  const { pairs } = match.result;
  return {
    incident: own.get(at),
    partner: side === 'a' ? match.b.incidents.get(other) : match.a.incidents.get(other),
    side,
    score: pairs.score[p],
    dayGap: pairs.dayGap[p],
    distanceKm: pairs.distanceKm[p],
  };
}
