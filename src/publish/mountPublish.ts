import { PICTURE_PRESETS, type PicturePreset, type PicturePresetId } from './presets';
import { exportPicture } from './exportPicture';
import { downloadBlob, mountPublishMenu, type PublishItem } from './publishMenu';
import type { PublishSource } from './publishSource';
import { fileStem } from './fileStem';
import type { VideoFormat } from './recordVideo';
import { PRINT_COLUMNS, type PrintColumns } from './printSizes';


/**
 * Mounts "Download picture" in `host` (the map's side column, full map and embed): a PNG per
 * preset. Returns the handle the browser tests and the CLI use through `window.sahelIncidentMap`.
 */
/** The page's scripting handle (`window.sahelIncidentMap.publish`), used by the CLI and the browser tests. */
export interface PublishApi {
  /** Records and downloads a video; days as YYYY-MM-DD. Resolves with the file's name and what encoded it. */
  video(request: { from: string; to: string; stepDays: number; fps: number; format: VideoFormat; width?: number; height?: number }): Promise<{ name: string; frames: number; encoder: string }>;
  /** Makes and downloads a picture at a preset; the credits' box is in the image's pixels. */
  picture(preset: PicturePresetId): Promise<{ name: string; width: number; height: number; creditsBox: { x: number; y: number; width: number; height: number } }>;
  /** The formats this browser can write. */
  videoFormats(): Promise<VideoFormat[]>;
}

export function mountPublish(host: HTMLElement, source: PublishSource, extra: readonly PublishItem[] = []): { destroy(): void; api: PublishApi } {
  const { messages } = source;
  const labels: Record<PicturePresetId, string> = {
    current: messages.publishPictureCurrent,
    social: messages.publishPictureSocial,
    square: messages.publishPictureSquare,
    story: messages.publishPictureStory,
  };
  const picture = async (preset: PicturePreset) => {
    const made = await exportPicture(source, preset);
    const name = `${fileStem(source)}-${preset.id}-${made.width}x${made.height}.png`;
    downloadBlob(name, made.blob);
    return { name, width: made.width, height: made.height, creditsBox: made.creditsBox };
  };
  const pictures: PublishItem[] = PICTURE_PRESETS.map((preset) => ({
    label: labels[preset.id],
    testid: `publish-png-${preset.id}`,
    run: async () => (await picture(preset)).name,
  }));
  const svgLabels: Record<PrintColumns, string> = { 1: messages.publishPrintSvg1, 2: messages.publishPrintSvg2, 3: messages.publishPrintSvg3 };
  const prints: PublishItem[] = ([1, 2, 3] as const).map((columns) => ({
    label: svgLabels[columns],
    testid: `publish-svg-${columns}`,
    async run() {
      // The print writer (d3-geo) and the video encoders (mediabunny, gifenc) load when first asked
      // for, so a reader who never publishes does not download them.
      const { exportPrintSvg } = await import('./exportPrintSvg');
      const svg = await exportPrintSvg(source, columns);
      const name = `${fileStem(source)}-print-${PRINT_COLUMNS[columns]}mm.svg`;
      downloadBlob(name, new Blob([svg], { type: 'image/svg+xml' }));
      return name;
    },
  }));
  const video: PublishItem = { label: messages.publishVideo, testid: 'publish-video', run: async () => (await import('./videoDialog')).openVideoDialog(source) };
  const menu = mountPublishMenu(host, messages, [...pictures, ...prints, video, ...extra]);
  const api: PublishApi = {
    async video(request) {
      const range = { from: new Date(`${request.from}T00:00:00Z`), to: new Date(`${request.to}T00:00:00Z`) };
      const { recordVideo } = await import('./recordVideo');
      const result = await recordVideo(source, { ...request, ...range });
      const name = `${fileStem(source, range)}-${result.width}x${result.height}.${result.extension}`;
      downloadBlob(name, result.blob);
      return { name, frames: result.frames, encoder: result.encoder };
    },
    picture(id) {
      const preset = PICTURE_PRESETS.find((p) => p.id === id);
      if (!preset) return Promise.reject(new Error(`no picture preset "${id}"`));
      return picture(preset);
    },
    videoFormats: async () => (await import('./recordVideo')).supportedVideoFormats(),
  };
  return { destroy: menu.destroy, api };
}
