import { beginMapFrames } from './mapFrames';
import { composeFrame, layoutFor } from './composeFrame';
import { presetImageSize, type PicturePreset } from './presets';
import { pictureBounds, type PublishSource } from './publishSource';

export interface Picture {
  blob: Blob;
  width: number;
  height: number;
  /** Where the credits were drawn, in device pixels (the browser test reads pixels there). */
  creditsBox: { x: number; y: number; width: number; height: number };
}

/**
 * A PNG of the current view at a preset: the map redrawn at the preset's size and density with its
 * current bounds fitted between the title band and the credits band, then the overlays.
 */
export async function exportPicture(source: PublishSource, preset: PicturePreset): Promise<Picture> {
  await document.fonts?.ready;
  const rect = source.map.getContainer().getBoundingClientRect();
  const size = presetImageSize(preset, { width: rect.width, height: rect.height });
  const p = preset.pixelRatio;
  const cssWidth = size.width / p;
  const cssHeight = size.height / p;
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const measureCtx = canvas.getContext('2d')!;
  const { layout } = layoutFor(source, cssWidth, cssHeight, measureCtx);
  const frames = await beginMapFrames(source.map, { width: cssWidth, height: cssHeight, pixelRatio: p, bounds: pictureBounds(source), padding: layout.mapPadding });
  try {
    await composeFrame(source, frames, canvas, p);
  } finally {
    frames.end();
  }
  const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas gave no PNG'))), 'image/png'));
  const c = layout.credits.box;
  return { blob, width: size.width, height: size.height, creditsBox: { x: c.x * p, y: c.y * p, width: c.width * p, height: c.height * p } };
}
