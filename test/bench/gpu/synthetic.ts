import type { Country, DatePrecision, EventType, Incident, LocationPrecision, Source } from '../../../src/types';
import { EVENT_TYPES } from '../../../src/types';

/** Towns events cluster around, as they do in ACLED and UCDP: [lon, lat, country, weight]. */
const TOWNS: readonly [number, number, Country, number][] = [
  [2.11, 13.52, 'Niger', 3],
  [1.45, 14.21, 'Niger', 4],
  [0.92, 14.73, 'Niger', 3],
  [5.26, 14.9, 'Niger', 2],
  [12.61, 13.32, 'Niger', 3],
  [7.1, 13.49, 'Niger', 1],
  [8.98, 13.8, 'Niger', 1],
  [7.98, 17.0, 'Niger', 1],
  [-0.05, 16.27, 'Mali', 4],
  [2.4, 15.92, 'Mali', 4],
  [-4.18, 14.49, 'Mali', 4],
  [-3.02, 16.77, 'Mali', 3],
  [-8.0, 12.65, 'Mali', 1],
  [-6.26, 13.44, 'Mali', 2],
  [-4.55, 13.9, 'Mali', 2],
  [1.09, 20.2, 'Mali', 1],
  [-1.53, 12.37, 'Burkina Faso', 2],
  [-1.63, 14.1, 'Burkina Faso', 4],
  [-0.03, 14.03, 'Burkina Faso', 4],
  [-1.09, 13.09, 'Burkina Faso', 3],
  [0.36, 12.05, 'Burkina Faso', 3],
  [-2.42, 13.57, 'Burkina Faso', 2],
  [1.8, 12.08, 'Burkina Faso', 2],
  [-3.46, 12.46, 'Burkina Faso', 2],
];

/** Rough boxes of the three countries for the events not near a town. */
const BOXES: Record<Country, [number, number, number, number]> = {
  Niger: [0.5, 11.8, 15.5, 23.0],
  Mali: [-12.0, 10.5, 4.0, 24.5],
  'Burkina Faso': [-5.3, 9.6, 2.2, 15.0],
};

const TYPE_WEIGHTS = [0.3, 0.12, 0.3, 0.12, 0.06, 0.1];
/** Protests, riots and strategic developments: rarely deadly. */
const MOSTLY_UNARMED: ReadonlySet<EventType> = new Set(['Protests', 'Riots', 'Strategic developments']);

/**
 * Deaths as in the bundled UCDP GED extract (4,212 events: 12% none, median 3, 90th percentile 20,
 * 99th 65): log-normal with median 3 and σ 1.4 for the deadly types. Marker size, hence the pixels
 * a window covers, follows from it; the GPU's cost per step grows with those pixels.
 */
function deathsFor(type: EventType, random: () => number): number {
  if (MOSTLY_UNARMED.has(type)) return random() < 0.9 ? 0 : 1 + Math.floor(random() * 3);
  if (random() < 0.12) return 0;
  const gaussian = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.max(1, Math.round(Math.exp(Math.log(3) + 1.4 * gaussian)));
}
const NO_SOURCES: Source[] = [];

/** mulberry32: a small seeded PRNG, so every run benchmarks the same events. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: readonly T[], weights: readonly number[], r: number): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = r * total;
  for (let i = 0; i < items.length; i++) {
    x -= weights[i];
    if (x < 0) return items[i];
  }
  return items[items.length - 1];
}

/**
 * `n` synthetic incidents over Niger, Mali and Burkina Faso, 2019–2023 (five years), unsorted:
 * 60% scattered around towns, 15% stacked exactly on a town (as centroid-coded events are), 25%
 * anywhere in the country's rough box; deaths distributed as in the bundled UCDP extract.
 * Strings are shared, as a parser's interned empty fields would be: the heap figures are then
 * about the map's structures, not about text.
 */
export function syntheticIncidents(n: number, seed = 1): Incident[] {
  const random = seededRandom(seed);
  const first = Date.UTC(2019, 0, 1) / 86_400_000;
  const days = Date.UTC(2024, 0, 1) / 86_400_000 - first;
  const weights = TOWNS.map((t) => t[3]);
  const out: Incident[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const town = pick(TOWNS, weights, random());
    let lon = town[0];
    let lat = town[1];
    let locationPrecision: LocationPrecision = 'exact';
    const where = random();
    if (where < 0.25) {
      const [w, s, e, nn] = BOXES[town[2]];
      lon = w + random() * (e - w);
      lat = s + random() * (nn - s);
    } else if (where < 0.4) {
      locationPrecision = 'region';
    } else {
      // Box–Muller: a Gaussian cloud of ~0.35° around the town.
      const r = 0.35 * Math.sqrt(-2 * Math.log(1 - random()));
      const a = 2 * Math.PI * random();
      lon += r * Math.cos(a);
      lat += r * Math.sin(a);
    }
    const date = new Date((first + Math.floor(random() * days)) * 86_400_000);
    const eventType = pick(EVENT_TYPES, TYPE_WEIGHTS, random()) as EventType;
    const deaths = deathsFor(eventType, random);
    const datePrecision: DatePrecision = random() < 0.9 ? 'day' : 'week';
    out[i] = {
      id: String(i),
      dataset: 'bench',
      dateStart: date,
      dateEnd: date,
      datePrecision,
      country: town[2],
      admin1: '',
      admin2: '',
      place: '',
      lon,
      lat,
      locationPrecision,
      eventType,
      subEventType: '',
      actor1: '',
      actor2: '',
      deathsBest: deaths,
      deathsLow: null,
      deathsHigh: null,
      summary: '',
      sources: NO_SOURCES,
    };
  }
  return out;
}
