import type { Incident } from '../../../src/types';
import { EVENT_TYPES } from '../../../src/types';

/** Small deterministic PRNG (mulberry32): the same seed gives the same events on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const START = Date.UTC(2018, 0, 1);

function event(dataset: string, id: string, day: number, lon: number, lat: number, deaths: number, type: Incident['eventType']): Incident {
  const date = new Date(START + day * DAY);
  return {
    id, dataset, dateStart: date, dateEnd: date, datePrecision: 'day', country: 'Niger', admin1: '', admin2: '', place: '',
    lon, lat, locationPrecision: 'exact', eventType: type, subEventType: '', actor1: '', actor2: '',
    deathsBest: deaths, deathsLow: null, deathsHigh: null, summary: '', sources: [],
  };
}

/**
 * Two synthetic datasets of `n` events each, uniform over the central Sahel box (12°W–16°E,
 * 10°–24°N) and 2,000 days, exact places and days. The first `planted` events of B are copies of
 * A's events at random positions, jittered within the matcher's tolerances for exact rows: date
 * 0–1 day, place up to ±0.04° (about 4 km), deaths ±20%, the type kept; the rest of B is drawn
 * independently. `truth[k]` is the A index of B's k-th planted event.
 */
export function syntheticPair(n: number, plantedShare: number, seed: number): { a: Incident[]; b: Incident[]; truth: Int32Array } {
  const r = random(seed);
  const draw = (dataset: string, i: number) =>
    event(dataset, `${dataset}${i}`, Math.floor(r() * 2000), -12 + r() * 28, 10 + r() * 14, Math.floor(r() ** 3 * 60), EVENT_TYPES[Math.floor(r() * 3)]);
  const a = Array.from({ length: n }, (_, i) => draw('a', i));
  const planted = Math.round(n * plantedShare);
  const truth = new Int32Array(planted);
  const b: Incident[] = [];
  // Distinct A events (a partial Fisher–Yates shuffle), so every planted copy can be matched.
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let k = 0; k < planted; k++) {
    const pick = k + Math.floor(r() * (n - k));
    [order[k], order[pick]] = [order[pick], order[k]];
    const src = a[order[k]];
    truth[k] = order[k];
    const day = Math.round((src.dateStart.getTime() - START) / DAY) + (r() < 0.5 ? 0 : 1);
    const deaths = Math.max(0, Math.round(src.deathsBest * (0.8 + r() * 0.4)));
    b.push(event('b', `b${k}`, day, src.lon + (r() - 0.5) * 0.08, src.lat + (r() - 0.5) * 0.08, deaths, src.eventType));
  }
  for (let k = planted; k < n; k++) b.push(draw('b', k));
  return { a, b, truth };
}
