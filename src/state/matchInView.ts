import type { DatasetMatch } from '../data/datasetMatch';
import { filterMasks } from '../data/incidentClass';
import type { MatchTable } from '../data/exportIncidents';
import type { DatasetShown, DerivedView } from './derive';

/**
 * The match summary of what the map shows. An event is "in view" when it is in its dataset's
 * slice of the shown window (the derived view's, so the window rule stays in derive.ts) and passes
 * the type and country filters. A pair is in view when either of its events is (a pair across the
 * window's edge is still one event the two sources agree on, and its popup shows both sides);
 * "only in A" are A's events in view with no partner at all, likewise for B. Each figure is one
 * dataset's: the deaths of a pair's two sides are given apart, never added.
 */
export interface MatchInView {
  /** The two datasets as the derived view shows them (names for labels). */
  a: DatasetShown;
  b: DatasetShown;
  matched: number;
  onlyA: number;
  onlyB: number;
  /** Best-estimate deaths of A's side of the pairs in view. */
  deathsA: number;
  deathsB: number;
}

function inView(d: DatasetShown, view: DerivedView): (i: number) => boolean {
  const [lo, hi] = d.slice;
  const masks = filterMasks({ types: view.state.types, countries: view.state.countries });
  return (i) => i >= lo && i < hi && d.index.passesAt(i, masks);
}

const deaths = (n: number) => (Number.isFinite(n) ? n : 0);

/** Both datasets of the match, when both are shown as counted datasets of this view (null otherwise). */
function shownPair(view: DerivedView, match: DatasetMatch): [DatasetShown, DatasetShown] | null {
  const a = view.counted.find((d) => d.id === match.a.id);
  const b = view.counted.find((d) => d.id === match.b.id);
  // The match was made on these very indexes; after a reload of either, it is stale until redone.
  if (!a || !b || a.index.incidents !== match.a.incidents || b.index.incidents !== match.b.incidents) return null;
  return [a, b];
}

/**
 * Walks both datasets' slices once: O(slice of A + slice of B), the events the map draws, never
 * the whole datasets (except in cumulative mode, where the slice is everything up to the window).
 * `visit` receives each pair in view once (by A's position), then each lone event of A and of B.
 */
function walk(view: DerivedView, match: DatasetMatch, visit: { pair(ia: number, ib: number): void; onlyA(i: number): void; onlyB(i: number): void }): [DatasetShown, DatasetShown] | null {
  const shown = shownPair(view, match);
  if (!shown) return null;
  const [a, b] = shown;
  const inA = inView(a, view);
  const inB = inView(b, view);
  for (let i = a.slice[0]; i < a.slice[1]; i++) {
    if (!inA(i)) continue;
    const j = match.partnerA[i];
    if (j >= 0) visit.pair(i, j);
    else visit.onlyA(i);
  }
  for (let j = b.slice[0]; j < b.slice[1]; j++) {
    if (!inB(j)) continue;
    const i = match.partnerB[j];
    if (i < 0) visit.onlyB(j);
    // A pair whose A side is out of view is visited from B's side only.
    else if (!inA(i)) visit.pair(i, j);
  }
  return shown;
}

/** The figures of {@link MatchInView} for this view, or null when the two datasets are not both shown. */
export function matchInView(view: DerivedView, match: DatasetMatch): MatchInView | null {
  let matched = 0, onlyA = 0, onlyB = 0, deathsA = 0, deathsB = 0;
  const shown = walk(view, match, {
    pair(i, j) {
      matched++;
      deathsA += deaths(match.a.incidents.best[i]);
      deathsB += deaths(match.b.incidents.best[j]);
    },
    onlyA: () => onlyA++,
    onlyB: () => onlyB++,
  });
  return shown ? { a: shown[0], b: shown[1], matched, onlyA, onlyB, deathsA, deathsB } : null;
}

/** The match table of this view (the same pairs and lone events as {@link matchInView} counts), pairs by A's date. */
export function matchTableInView(view: DerivedView, match: DatasetMatch): MatchTable | null {
  const pairs: { ia: number; ib: number }[] = [];
  const aloneA: number[] = [];
  const aloneB: number[] = [];
  const shown = walk(view, match, { pair: (ia, ib) => pairs.push({ ia, ib }), onlyA: (i) => aloneA.push(i), onlyB: (j) => aloneB.push(j) });
  if (!shown) return null;
  pairs.sort((x, y) => x.ia - y.ia);
  const r = match.result.pairs;
  return {
    pairs: pairs.map(({ ia, ib }) => {
      const p = match.pairOfA[ia];
      return { a: match.a.incidents.get(ia), b: match.b.incidents.get(ib), score: r.score[p], dayGap: r.dayGap[p], distanceKm: r.distanceKm[p] };
    }),
    onlyA: aloneA.map((i) => match.a.incidents.get(i)),
    onlyB: aloneB.map((j) => match.b.incidents.get(j)),
  };
}
