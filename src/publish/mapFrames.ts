import type { LngLatBoundsLike, Map as MaplibreMap, PaddingOptions } from 'maplibre-gl';

export interface MapFrameOptions {
  /** The frame in CSS pixels. */
  width: number;
  height: number;
  /** Device pixels per CSS pixel. */
  pixelRatio: number;
  /** What the frame shows: the view's bounds, fitted inside the padding. */
  bounds: LngLatBoundsLike;
  padding: PaddingOptions;
}

export interface MapFrames {
  /** Waits until the map has drawn everything it has been told to (sources, glyphs, layers), then returns its canvas. */
  capture(): Promise<HTMLCanvasElement>;
  /** Gives the map back its size, density and camera. */
  end(): void;
}

/** Resolves on the next `idle`: every source loaded and nothing left to draw after the current state. */
export function mapDrawn(map: MaplibreMap): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}

/**
 * Draws the live map at a picture's size and density: the container is taken out of the page's
 * flow and set to `width × height` CSS pixels, the pixel ratio is set, and the view's bounds are
 * fitted again, so the image is the map's own WebGL drawing (the map is created with
 * `preserveDrawingBuffer`, so its canvas can be read after a frame), not a screenshot of the DOM.
 * `end()` restores it all. Frames are deterministic: the same state and size give the same
 * pixels, because capture waits for `idle` instead of a timer.
 */
export async function beginMapFrames(map: MaplibreMap, options: MapFrameOptions): Promise<MapFrames> {
  const container = map.getContainer();
  const saved = { css: container.style.cssText, ratio: map.getPixelRatio(), center: map.getCenter(), zoom: map.getZoom() };
  container.style.cssText = `${saved.css};position:fixed;left:0;top:0;width:${options.width}px;height:${options.height}px;z-index:2147483000`;
  container.setAttribute('aria-busy', 'true');
  map.setPixelRatio(options.pixelRatio);
  map.resize();
  // maplibre's ResizeObserver sees the new size on the next frame and resizes again, and the map
  // view then re-frames a named view with the page's panel padding: fit after that, and again
  // before every capture, so the frame's camera is always ours.
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const fit = () => map.fitBounds(options.bounds, { padding: options.padding, animate: false, maxZoom: 12 });
  fit();
  let ended = false;
  return {
    async capture() {
      fit();
      await mapDrawn(map);
      return map.getCanvas();
    },
    end() {
      if (ended) return;
      ended = true;
      container.style.cssText = saved.css;
      container.removeAttribute('aria-busy');
      map.setPixelRatio(saved.ratio);
      map.resize();
      map.jumpTo({ center: saved.center, zoom: saved.zoom });
    },
  };
}
