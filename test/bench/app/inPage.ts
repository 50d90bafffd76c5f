/**
 * What the app benchmark runs inside the production app's page (an init script, before the app's
 * own code): long tasks from the start, and the moments the import starts, reports and is drawn.
 * Self-contained, since Playwright sends it as source text: no imports, no closures over this file.
 */
export interface AppProbe {
  longTasks: [start: number, duration: number][];
  /**
   * Long animation frames (PerformanceObserver `long-animation-frame`) over 50 ms: where a long
   * task's time went, as start, duration, ms of scripts, ms from the render's start (rAF callbacks,
   * style, layout, paint) and the three longest scripts by name.
   */
  longFrames: { start: number; duration: number; scripts: number; render: number; layout: number; top: string }[];
  /** First frame with the progress bar. */
  importStartAt: number;
  /** When a file was chosen in the app's file input (the "Add data…" picker), 0 before. */
  fileChosenAt: number;
  /** First frame with the report's status line (the dataset was added). */
  statusAt: number;
  /** First frame after that with nothing left for maplibre to draw: the data is on the map. */
  dataAt: number;
  /** Longest gap between two frames from importStartAt to dataAt: how long the progress bar stood still. */
  longestFrameGap: number;
  failed: string;
  status: string;
  /** Resolves with the next frame's timestamp. */
  frame(): Promise<number>;
  /** Arms the settle timer on the next pointerup or keyup; `settled` then resolves with ms from it. */
  armSettle(): void;
  settled: Promise<{ drawn: number; labels: number; gpu: number }> | null;
}

interface ProbeMap {
  _frameRequest: unknown;
  loaded(): boolean;
  getCanvas(): HTMLCanvasElement;
  getContainer(): HTMLElement;
}

export function installProbe(): void {
  const probe: AppProbe = {
    longTasks: [],
    longFrames: [],
    importStartAt: 0,
    fileChosenAt: 0,
    statusAt: 0,
    dataAt: 0,
    longestFrameGap: 0,
    failed: '',
    status: '',
    frame: () => new Promise((resolve) => requestAnimationFrame(resolve)),
    armSettle() {
      probe.settled = new Promise((resolve) => {
        const start = () => {
          window.removeEventListener('pointerup', start, true);
          window.removeEventListener('keyup', start, true);
          const t0 = performance.now();
          const map = (window as unknown as { sahelIncidentMap: { map: ProbeMap } }).sahelIncidentMap.map;
          const gl = map.getCanvas().getContext('webgl2');
          let quietAt = 0;
          let gpuAt = 0;
          /** The first frame after which the window's own layers had nothing left to draw (its story labels may follow). */
          let drawnAt = 0;
          const tick = () => {
            const drawing = map._frameRequest != null || !map.loaded();
            if (!drawing && drawnAt === 0) drawnAt = performance.now();
            // Story labels set when the move ends (src/map/storyLayer.ts) are part of the final picture.
            const pending = drawing || map.getContainer().dataset.annotationsPending !== undefined;
            if (pending) quietAt = 0;
            else if (quietAt === 0) {
              quietAt = performance.now();
              gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
              gpuAt = performance.now();
            } else {
              resolve({ drawn: drawnAt - t0, labels: quietAt - t0, gpu: gpuAt - t0 });
              return;
            }
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        };
        window.addEventListener('pointerup', start, true);
        window.addEventListener('keyup', start, true);
      });
    },
    settled: null,
  };
  Object.defineProperty(window, '__appBench', { value: probe });
  document.addEventListener(
    'change',
    (e) => {
      if (e.target instanceof HTMLInputElement && e.target.type === 'file') probe.fileChosenAt = performance.now();
    },
    true,
  );
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  interface FrameScript { duration: number; invoker: string; sourceFunctionName: string; sourceURL: string }
  interface LongFrame { startTime: number; duration: number; renderStart: number; styleAndLayoutStart: number; scripts: FrameScript[] }
  if (PerformanceObserver.supportedEntryTypes?.includes('long-animation-frame')) {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const f = entry as unknown as LongFrame;
        if (f.duration <= 50) continue;
        const end = f.startTime + f.duration;
        const name = (s: FrameScript) => `${[s.invoker, s.sourceFunctionName].filter(Boolean).join(' ') || '?'}${s.sourceURL ? ` (${s.sourceURL.split('/').pop()})` : ''} ${Math.round(s.duration)}`;
        probe.longFrames.push({
          start: f.startTime,
          duration: f.duration,
          scripts: f.scripts.reduce((t, s) => t + s.duration, 0),
          render: f.renderStart > 0 ? end - f.renderStart : 0,
          layout: f.styleAndLayoutStart > 0 ? end - f.styleAndLayoutStart : 0,
          top: [...f.scripts].sort((a, b) => b.duration - a.duration).slice(0, 3).map(name).join('; '),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  }

  let last = 0;
  let quiet = 0;
  const clicked = new WeakSet<HTMLButtonElement>();
  const poll = (t: number) => {
    if (probe.importStartAt > 0 && last > 0) probe.longestFrameGap = Math.max(probe.longestFrameGap, t - last);
    last = t;
    if (probe.importStartAt === 0 && document.querySelector('[data-testid="import-progress"]')) probe.importStartAt = performance.now();
    // ACLED asks for the access date and filters: the bench confirms the prefilled form at once,
    // in a task of its own as a reader's click is (not inside this frame's callback).
    const add = document.querySelector<HTMLButtonElement>('[data-testid="acled-add"]');
    if (add && !clicked.has(add)) {
      clicked.add(add);
      setTimeout(() => add.click(), 0);
    }
    const status = document.querySelector('[data-testid="import-status"]')?.textContent ?? '';
    if (probe.statusAt === 0 && status !== '' && !add) {
      probe.statusAt = performance.now();
      probe.status = status;
      if (/unchanged/i.test(status)) {
        probe.failed = status;
        return;
      }
    }
    if (probe.statusAt > 0) {
      const map = (window as unknown as { sahelIncidentMap?: { map: ProbeMap } }).sahelIncidentMap?.map;
      if (map && map._frameRequest == null && map.loaded()) {
        if (quiet === 0) probe.dataAt = performance.now();
        if (++quiet >= 2) return;
      } else quiet = 0;
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}
