import { formatDay } from '../data/calendarDay';
import { t } from '../i18n/messages';
import { fileStem } from './fileStem';
import { downloadBlob } from './publishMenu';
import type { PublishSource } from './publishSource';
import { GIF_MAX_FRAMES, recordVideo, supportedVideoFormats, type VideoFormat } from './recordVideo';

const SIZES = [
  { id: '1080x1080', width: 1080, height: 1080 },
  { id: '1200x630', width: 1200, height: 630 },
  { id: '1080x1920', width: 1080, height: 1920 },
] as const;
const DAY = 86_400_000;

function field(labelText: string, control: HTMLElement): HTMLLabelElement {
  const label = document.createElement('label');
  const span = document.createElement('span');
  span.textContent = labelText;
  label.append(span, control);
  return label;
}

function select(testid: string, options: readonly { value: string; label: string }[]): HTMLSelectElement {
  const el = document.createElement('select');
  el.dataset.testid = testid;
  for (const o of options) {
    const opt = document.createElement('option');
    opt.value = o.value;
    opt.textContent = o.label;
    el.append(opt);
  }
  return el;
}

/**
 * "Video of a time range": a modal `<dialog>` (Escape closes it, focus stays inside) with the range,
 * step, frame rate, size and format, a Record button, a progress bar and Cancel. The range starts as
 * the reader's window; the formats are those this browser can encode (GIF always).
 */
export function openVideoDialog(source: PublishSource): Promise<string | null> {
  const { messages } = source;
  const state = source.store.get();
  const dialog = document.createElement('dialog');
  dialog.className = 'publish-video';
  dialog.dataset.testid = 'publish-video-dialog';
  dialog.setAttribute('aria-labelledby', 'publish-video-title');
  const heading = document.createElement('h2');
  heading.id = 'publish-video-title';
  heading.textContent = messages.publishVideoTitle;
  const form = document.createElement('form');
  form.method = 'dialog';
  const from = document.createElement('input');
  from.type = 'date';
  from.required = true;
  from.dataset.testid = 'publish-video-from';
  const to = document.createElement('input');
  to.type = 'date';
  to.required = true;
  to.dataset.testid = 'publish-video-to';
  const { extent } = source.derived.get();
  // The default range: the month before the window's end, so Record gives a clip straight away.
  to.value = formatDay(state.to);
  from.value = formatDay(new Date(Math.max(state.to.getTime() - 28 * DAY, extent?.[0].getTime() ?? 0)));
  if (extent) for (const input of [from, to]) [input.min, input.max] = [formatDay(extent[0]), formatDay(extent[1])];
  const step = select('publish-video-step', [
    { value: '1', label: messages.publishVideoStepDay },
    { value: '7', label: messages.publishVideoStepWeek },
  ]);
  const fps = document.createElement('input');
  fps.type = 'number';
  fps.min = '1';
  fps.max = '60';
  fps.value = '10';
  fps.dataset.testid = 'publish-video-fps';
  const size = select('publish-video-size', SIZES.map((s) => ({ value: s.id, label: `${s.width} × ${s.height}` })));
  const format = select('publish-video-format', [{ value: 'gif', label: messages.publishVideoGif }]);
  const hint = document.createElement('p');
  hint.className = 'publish-video-hint';
  const windowDays = Math.round((state.to.getTime() - state.from.getTime()) / DAY) + 1;
  hint.textContent = t(messages.publishVideoHint, { days: windowDays === 1 ? messages.publishVideoStepDay : t(messages.publishVideoDays, { n: source.formatters.integer(windowDays) }) });
  const progress = document.createElement('progress');
  progress.max = 1;
  progress.value = 0;
  progress.hidden = true;
  progress.dataset.testid = 'publish-video-progress';
  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  status.dataset.testid = 'publish-video-status';
  const record = document.createElement('button');
  record.type = 'submit';
  record.value = 'record';
  record.textContent = messages.publishVideoStart;
  record.dataset.testid = 'publish-video-record';
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.textContent = messages.publishVideoClose;
  cancel.dataset.testid = 'publish-video-cancel';
  const buttons = document.createElement('div');
  buttons.className = 'publish-video-buttons';
  buttons.append(record, cancel);
  form.append(field(messages.publishVideoFrom, from), field(messages.publishVideoTo, to), field(messages.publishVideoStep, step), field(messages.publishVideoFps, fps), field(messages.publishVideoSize, size), field(messages.publishVideoFormat, format), hint, progress, status, buttons);
  dialog.append(heading, form);
  document.body.append(dialog);

  supportedVideoFormats().then((formats) => {
    const labels: Record<VideoFormat, string> = { webm: 'WebM (VP9)', mp4: 'MP4 (H.264)', gif: messages.publishVideoGif };
    format.replaceChildren();
    for (const f of formats) {
      const opt = document.createElement('option');
      opt.value = f;
      opt.textContent = labels[f];
      format.append(opt);
    }
    if (!formats.includes('webm') && !formats.includes('mp4')) status.textContent = messages.publishVideoUnsupported;
  });

  let controller: AbortController | null = null;
  return new Promise((resolve) => {
    const finish = (name: string | null) => {
      dialog.close();
      dialog.remove();
      resolve(name);
    };
    cancel.addEventListener('click', () => {
      if (controller) controller.abort();
      else finish(null);
    });
    dialog.addEventListener('cancel', (e) => {
      // Escape while recording cancels the recording first; the dialog stays to say so.
      if (controller) {
        e.preventDefault();
        controller.abort();
      }
    });
    dialog.addEventListener('close', () => {
      if (!controller && dialog.isConnected) finish(null);
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (controller) return;
      const chosen = SIZES.find((s) => s.id === size.value) ?? SIZES[0];
      const request = {
        from: new Date(`${from.value}T00:00:00Z`),
        to: new Date(`${to.value}T00:00:00Z`),
        stepDays: Number(step.value),
        fps: Math.min(60, Math.max(1, Math.round(Number(fps.value) || 10))),
        format: format.value as VideoFormat,
        width: chosen.width,
        height: chosen.height,
      };
      controller = new AbortController();
      record.disabled = true;
      cancel.textContent = messages.publishVideoCancel;
      progress.hidden = false;
      status.textContent = messages.publishWorking;
      recordVideo(source, {
        ...request,
        signal: controller.signal,
        onProgress: (done, total) => {
          progress.max = total;
          progress.value = done;
          status.textContent = t(messages.publishVideoProgress, { n: done, total });
        },
      })
        .then((video) => {
          const name = `${fileStem(source, request)}-${video.width}x${video.height}.${video.extension}`;
          downloadBlob(name, video.blob);
          controller = null;
          finish(name);
        })
        .catch((error: unknown) => {
          controller = null;
          record.disabled = false;
          cancel.textContent = messages.publishVideoClose;
          progress.hidden = true;
          const aborted = error instanceof DOMException && error.name === 'AbortError';
          const tooLong = error instanceof Error && error.message.includes('GIF is limited');
          status.textContent = aborted ? '' : tooLong ? t(messages.publishVideoTooLong, { max: GIF_MAX_FRAMES }) : t(messages.publishFailed, { reason: error instanceof Error ? error.message : String(error) });
        });
    });
    dialog.showModal();
    from.focus();
  });
}
