/** The picture sizes offered: the map's own size at 2× density, and three fixed social formats. */
export type PicturePresetId = 'current' | 'social' | 'square' | 'story';

export interface PicturePreset {
  id: PicturePresetId;
  /** Image size in device pixels; null for `current`, which takes the map's size × `pixelRatio`. */
  size: { width: number; height: number } | null;
  /** Device pixels per CSS pixel the map is drawn at. */
  pixelRatio: number;
}

export const PICTURE_PRESETS: readonly PicturePreset[] = [
  { id: 'current', size: null, pixelRatio: 2 },
  { id: 'social', size: { width: 1200, height: 630 }, pixelRatio: 1 },
  { id: 'square', size: { width: 1080, height: 1080 }, pixelRatio: 1 },
  { id: 'story', size: { width: 1080, height: 1920 }, pixelRatio: 1 },
];

/** The image size of a preset for a map of `mapSize` CSS pixels. */
export function presetImageSize(preset: PicturePreset, mapSize: { width: number; height: number }): { width: number; height: number } {
  if (preset.size) return preset.size;
  return { width: Math.round(mapSize.width * preset.pixelRatio), height: Math.round(mapSize.height * preset.pixelRatio) };
}
