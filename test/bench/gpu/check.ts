import { rowsOf } from '../../../src/data/incidentTable';
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { TimeIndex } from '../../../src/data/timeIndex';
import type { IncidentLayer, IncidentLayerState } from '../../../src/map/incidentLayer';
import type { MarkerScale } from '../../../src/map/markerScale';
import { seededRandom } from './synthetic';
import type { CheckResult } from './hooks';

/** The canvas pixel under a CSS point, after a synchronous redraw. */
function pixelAt(map: MaplibreMap, gl: WebGL2RenderingContext, x: number, y: number): number[] {
  map.redraw();
  const ratio = map.getPixelRatio();
  const out = new Uint8Array(4);
  gl.readPixels(Math.round(x * ratio), Math.round(gl.drawingBufferHeight - y * ratio), 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, out);
  return Array.from(out);
}

const differ = (a: number[], b: number[]) => a.some((v, i) => Math.abs(v - b[i]) > 8);

/** Resolves true on the event, false after 10 s: a self-check must report, never hang. */
function waitFor(map: MaplibreMap, event: 'webglcontextlost' | 'webglcontextrestored' | 'idle'): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), 10_000);
    map.once(event, () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Compares the layer's picks with a brute-force scan (every drawn event projected with maplibre,
 * hit when within its radius + 2 px, as the layer promises) and checks by reading pixels that the
 * layer draws, hides and survives a lost WebGL context.
 */
export async function checkLayer(map: MaplibreMap, gl: WebGL2RenderingContext, layer: IncidentLayer, index: TimeIndex, scale: MarkerScale, state: IncidentLayerState): Promise<CheckResult> {
  layer.update(state);
  const [lo, hi] = state.slice;
  const drawn = rowsOf(index.incidents).slice(lo, hi).map((incident) => ({ incident, p: map.project([incident.lon, incident.lat]), r: scale.radius(incident.deathsBest) }));
  const random = seededRandom(11);
  const canvas = map.getCanvas();
  let pickMismatches = 0;
  let pickHits = 0;
  const pickChecks = 300;
  for (let k = 0; k < pickChecks; k++) {
    // Half the probes near a drawn event, so that stacks and edges are exercised.
    const near = drawn[Math.floor(random() * drawn.length)];
    const point = k % 2 === 0 && near ? { x: near.p.x + (random() - 0.5) * 2 * near.r, y: near.p.y + (random() - 0.5) * 2 * near.r } : { x: random() * canvas.clientWidth, y: random() * canvas.clientHeight };
    const expected = drawn
      .map((d) => ({ d, distance: Math.hypot(d.p.x - point.x, d.p.y - point.y) }))
      .filter(({ d, distance }) => distance <= d.r + 2)
      .map(({ d }) => d.incident.id)
      .sort();
    const got = layer.pick(point).map((i) => i.id).sort();
    if (got.join() !== expected.join()) pickMismatches++;
    if (got.length > 0) pickHits++;
  }

  const biggest = drawn.filter((d) => d.incident.locationPrecision === 'exact').sort((a, b) => b.r - a.r)[0];
  const at = () => pixelAt(map, gl, biggest.p.x, biggest.p.y);
  const withMarker = at();
  layer.update({ ...state, visible: false });
  const without = at();
  const markerDrawn = differ(withMarker, without);
  const markerHidden = !differ(without, at());
  layer.update(state);

  // Move the map so that the marker's centre sits 4 px left of the canvas, and look 2 px inside.
  const centre = map.getCenter();
  map.panBy([biggest.p.x + 4, 0], { animate: false });
  const edge = map.project([biggest.incident.lon, biggest.incident.lat]);
  const edgeWith = pixelAt(map, gl, 2, edge.y);
  layer.update({ ...state, visible: false });
  const edgeWithout = pixelAt(map, gl, 2, edge.y);
  layer.update(state);
  const drawnAcrossEdge = edge.x < 0 && differ(edgeWith, edgeWithout);
  map.jumpTo({ center: centre });

  const lose = gl.getExtension('WEBGL_lose_context');
  let drawnAfterContextLoss = false;
  if (lose) {
    const lost = waitFor(map, 'webglcontextlost');
    lose.loseContext();
    if (!(await lost)) console.error('check: no webglcontextlost event');
    // Chrome allows a restore only once the lost event's dispatch has finished.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const restored = waitFor(map, 'webglcontextrestored');
    lose.restoreContext();
    if (!(await restored)) console.error('check: no webglcontextrestored event');
    if (!(await waitFor(map, 'idle'))) console.error('check: the map did not become idle after the restore');
    drawnAfterContextLoss = !gl.isContextLost() && differ(at(), without);
  }
  return { pickMismatches, pickChecks, pickHits, markerDrawn, markerHidden, drawnAcrossEdge, drawnAfterContextLoss };
}
