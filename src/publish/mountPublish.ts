import { PICTURE_PRESETS, type PicturePresetId } from './presets';
import { exportPicture } from './exportPicture';
import { downloadBlob, mountPublishMenu, type PublishItem } from './publishMenu';
import type { PublishSource } from './publishSource';
import { formatDay } from '../data/calendarDay';
import { exportPrintSvg } from './exportPrintSvg';
import { PRINT_COLUMNS, type PrintColumns } from './printSizes';

/** The file name's stem: the shown window, as the exports name theirs. */
export function fileStem(source: PublishSource): string {
  const { shown } = source.derived.get();
  return `sahel-map-${formatDay(shown.from)}_${formatDay(shown.to)}`;
}

/**
 * Mounts "Download picture" in `host` (the map's side column, full map and embed): a PNG per
 * preset. Returns the handle the browser tests and the CLI use through `window.sahelIncidentMap`.
 */
export function mountPublish(host: HTMLElement, source: PublishSource, extra: readonly PublishItem[] = []): { destroy(): void } {
  const { messages } = source;
  const labels: Record<PicturePresetId, string> = {
    current: messages.publishPictureCurrent,
    social: messages.publishPictureSocial,
    square: messages.publishPictureSquare,
    story: messages.publishPictureStory,
  };
  const pictures: PublishItem[] = PICTURE_PRESETS.map((preset) => ({
    label: labels[preset.id],
    testid: `publish-png-${preset.id}`,
    async run() {
      const picture = await exportPicture(source, preset);
      const name = `${fileStem(source)}-${preset.id}-${picture.width}x${picture.height}.png`;
      downloadBlob(name, picture.blob);
      return name;
    },
  }));
  const svgLabels: Record<PrintColumns, string> = { 1: messages.publishPrintSvg1, 2: messages.publishPrintSvg2, 3: messages.publishPrintSvg3 };
  const prints: PublishItem[] = ([1, 2, 3] as const).map((columns) => ({
    label: svgLabels[columns],
    testid: `publish-svg-${columns}`,
    async run() {
      const svg = await exportPrintSvg(source, columns);
      const name = `${fileStem(source)}-print-${PRINT_COLUMNS[columns]}mm.svg`;
      downloadBlob(name, new Blob([svg], { type: 'image/svg+xml' }));
      return name;
    },
  }));
  return mountPublishMenu(host, messages, [...pictures, ...prints, ...extra]);
}
