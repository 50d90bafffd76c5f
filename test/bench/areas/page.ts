import { rowsOf } from '../../../src/data/incidentTable';
import type { FeatureCollection } from 'geojson';
import admin1Text from '../../../geodata/admin1.geojson?raw';
import focusText from '../../../geodata/focus-areas.geojson?raw';
import { createAreaIndex, type AreaIndex } from '../../../src/data/areaIndex';
import { createTimeIndex, type TimeIndex } from '../../../src/data/timeIndex';
import { prepareAreas } from '../../../src/geo/areaAssignment';
import { DEFAULT_STATE, deriveAreaView, deriveChoropleth, deriveView, type AppState, type DerivedSource } from '../../../src/state';
import { EVENT_TYPES, type Incident } from '../../../src/types';
import { seededRandom } from '../gpu/synthetic';
import AssignWorker from './assignWorker?worker';
import type { AreasBenchHooks, AssignAnswer } from './hooks';

/** Where synthetic incidents cluster: Liptako-Gourma, central Mali, the Lake Chad basin, Burkina Faso's north and east. */
const CENTRES: readonly [number, number, number][] = [
  [1.2, 14.6, 1.2],
  [-3.8, 14.5, 1.4],
  [12.8, 13.5, 0.8],
  [-1.5, 13.5, 1.2],
  [0.8, 12.2, 0.8],
  [0.5, 17.5, 2],
];
const DAY0 = Date.UTC(1997, 0, 1) / 864e5;
const DAYS = 28 * 365;

let index: TimeIndex | null = null;
let region: Int16Array | null = null;
let focus: Uint8Array | null = null;
let areaIndex: AreaIndex | null = null;

function synthetic(n: number, seed: number): Incident[] {
  const rand = seededRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const out: Incident[] = new Array(n);
  for (let i = 0; i < n; i++) {
    let lon: number;
    let lat: number;
    if (rand() < 0.1) {
      // A tenth anywhere over the three countries' box: some fall outside every region.
      lon = -12 + rand() * 28;
      lat = 9.5 + rand() * 15.5;
    } else {
      const [x, y, s] = CENTRES[Math.floor(rand() * CENTRES.length)];
      lon = x + gauss() * s;
      lat = y + gauss() * s * 0.7;
    }
    const day = new Date((DAY0 + Math.floor(rand() * DAYS)) * 864e5);
    out[i] = {
      id: String(i), dataset: 'bench', dateStart: day, dateEnd: day, datePrecision: 'day',
      country: lon < -5 ? 'Mali' : lat < 13.5 && lon < 2 ? 'Burkina Faso' : 'Niger', admin1: '', admin2: '', place: '',
      lon, lat, locationPrecision: rand() < 0.9 ? 'exact' : 'district',
      eventType: EVENT_TYPES[Math.floor(rand() * EVENT_TYPES.length)], subEventType: '', actor1: '', actor2: '',
      deathsBest: rand() < 0.5 ? 0 : Math.floor(rand() * 30), deathsLow: null, deathsHigh: null, summary: '', sources: [],
    };
  }
  return out;
}

const hooks: AreasBenchHooks = {
  generate(n, seed) {
    const t0 = performance.now();
    const incidents = synthetic(n, seed);
    const t1 = performance.now();
    index = createTimeIndex(incidents);
    return { ms: t1 - t0, indexMs: performance.now() - t1 };
  },
  assign() {
    if (!index) throw new Error('generate() first');
    const n = index.incidents.length;
    const lons = new Float64Array(n);
    const lats = new Float64Array(n);
    rowsOf(index.incidents).forEach((incident, i) => {
      lons[i] = incident.lon;
      lats[i] = incident.lat;
    });
    const worker = new AssignWorker();
    const t0 = performance.now();
    return new Promise((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<AssignAnswer>) => {
        worker.terminate();
        const a = event.data;
        if ('error' in a) return reject(new Error(a.error));
        region = a.region;
        focus = a.focus;
        resolve({ workerMs: a.ms, roundTripMs: performance.now() - t0, outside: a.outside });
      };
      worker.onerror = (event) => reject(new Error(event.message || 'worker error'));
      worker.postMessage({ lons, lats, admin1: admin1Text, focusAreas: focusText }, [lons.buffer, lats.buffer]);
    });
  },
  buildAreaIndex() {
    if (!index || !region || !focus) throw new Error('assign() first');
    const areas = prepareAreas(JSON.parse(admin1Text) as FeatureCollection, JSON.parse(focusText) as FeatureCollection);
    const t0 = performance.now();
    areaIndex = createAreaIndex(index, { regions: areas.filter((a) => a.kind === 'region'), focusAreas: areas.filter((a) => a.kind === 'focus'), region, focus });
    return { ms: performance.now() - t0 };
  },
  steps(steps, lengthDays, stepDays) {
    if (!index || !areaIndex) throw new Error('buildAreaIndex() first');
    const plain: DerivedSource[] = [{ id: 'bench', role: 'counted', index }];
    const withAreas: DerivedSource[] = [{ id: 'bench', role: 'counted', index, areas: areaIndex }];
    const at = (k: number, patch: Partial<AppState>): AppState => {
      const from = new Date((DAY0 + 365 * 20 + k * stepDays) * 864e5);
      return { ...DEFAULT_STATE, from, to: new Date(from.getTime() + (lengthDays - 1) * 864e5), ...patch };
    };
    let t = performance.now();
    deriveView(at(0, { area: 'border', choropleth: 'deaths' }), withAreas);
    const firstWithMs = performance.now() - t;
    // Blocks of steps timed as a whole (the page's clock is coarse, about 0.1 ms), alternating.
    let without = 0;
    let withBoth = 0;
    let sink = 0;
    const blocks = 5;
    for (let b = 0; b < blocks; b++) {
      t = performance.now();
      for (let k = 1; k <= steps; k++) sink += deriveView(at(k, {}), plain).totals?.incidents ?? 0;
      without += performance.now() - t;
      t = performance.now();
      for (let k = 1; k <= steps; k++) sink += deriveView(at(k, { area: 'border', choropleth: 'deaths' }), withAreas).area?.datasets[0].current.incidents ?? 0;
      withBoth += performance.now() - t;
    }
    without /= blocks;
    withBoth /= blocks;
    // The two parts alone, on the same moving windows, as deriveView computes them.
    const filter = { types: EVENT_TYPES, countries: DEFAULT_STATE.countries };
    const source = [{ id: 'bench', name: 'bench', areas: areaIndex }];
    t = performance.now();
    for (let b = 0; b < blocks; b++) for (let k = 1; k <= steps; k++) sink += deriveAreaView('border', at(k, {}), filter, source)?.datasets[0].current.incidents ?? 0;
    const areaMs = (performance.now() - t) / blocks / steps;
    t = performance.now();
    for (let b = 0; b < blocks; b++) for (let k = 1; k <= steps; k++) sink += deriveChoropleth({ choropleth: 'deaths', mode: 'window' }, at(k, {}), filter, source)?.values[0] ?? 0;
    const choroplethMs = (performance.now() - t) / blocks / steps;
    if (sink < 0) console.log(sink);
    return { withoutMs: without / steps, withMs: withBoth / steps, areaMs, choroplethMs, firstWithMs };
  },
  drop() {
    index = null;
    region = null;
    focus = null;
    areaIndex = null;
  },
};

(window as unknown as { bench: AreasBenchHooks }).bench = hooks;
