import type { Map as MaplibreMap } from 'maplibre-gl';
import type { DatasetLayers } from '../app/datasetLayers';
import type { AreaGeodata } from '../geo/indexAreas';
import { areaIndexFromParts } from '../data/areaIndex';
import { reportToCsv } from '../data/report';
import type { Formatters } from '../i18n/format';
import { t, type Messages } from '../i18n/messages';
import type { Dataset } from '../types';
import { acledAttributionText, acledFiltersFromFileName, isoDay } from './acledAttribution';
import { allowedDataUrl, fileNameOf, IMPORT_CONFIG, type ImportConfig } from './config';
import { DatasetAttributionControl } from './datasetAttributionControl';
import { bindDropZone } from './dropZone';
import { ImportControl } from './importControl';
import { importDataset } from './importDataset';
import { afterFrame } from '../app/nextTask';
import type { ImportRequest } from './importProtocol';
import { createTimeIndex, timeIndexFromParts } from '../data/timeIndex';
import { mountReportPanel, type ReportPanel } from './reportPanel';
import { runImport, type ImportOutcome, type RunningImport, type WorkerLike } from './runImport';
import './import.css';

/** User datasets get ids `user-1`, `user-2`…: never a bundled dataset's id, so nothing is replaced. */
/** A finished import. */
type Done = Extract<ImportOutcome, { status: 'done' }>;

export const USER_DATASET_PREFIX = 'user-';

export interface MountImportOptions {
  app: { map: MaplibreMap; datasets: DatasetLayers; areaGeodata?: () => AreaGeodata | null; loadAreaGeodata?: () => Promise<AreaGeodata | null> };
  messages: Messages;
  formatters: Formatters;
  /** Where a dropped file is accepted (the whole page) and the drop overlay is drawn. */
  dropTarget: HTMLElement;
  /** Where the import panel is placed (over the map). */
  panelHost: HTMLElement;
  /** The page's query (`?data=URL`) and address (to resolve and check that URL). */
  search: string;
  pageUrl: string;
  createWorker: () => WorkerLike;
  config?: ImportConfig;
  /** Today, for the ACLED access date when the file gives none. @defaultValue Date.now */
  now?: () => number;
  /** Saves a text file (the report CSV). @defaultValue a download through an object URL */
  save?: (name: string, text: string) => void;
}

export interface ImportUi {
  readonly panel: ReportPanel;
  /** Reads a file the reader picked or dropped. */
  importFile(file: File): Promise<ImportOutcome>;
  destroy(): void;
}

function saveText(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Bring your own data: the "Add data…" button, a drop anywhere on the page, and `?data=URL`, each
 * read in a worker with a progress bar and a cancel button, then reported in the panel. A file
 * with at least one accepted row becomes its own dataset layer (ACLED only after the reader
 * confirms the access date and filters its terms require); a file with none leaves the map as it
 * was.
 */
export function mountImport(options: MountImportOptions): ImportUi {
  const { app, messages, formatters } = options;
  const now = options.now ?? Date.now;
  const save = options.save ?? saveText;
  const panel = mountReportPanel(options.panelHost, messages, formatters);
  const attribution = new DatasetAttributionControl(messages.importAttributions);
  app.map.addControl(attribution, 'bottom-right');
  const showAttributions = () =>
    attribution.setLines(
      app.datasets
        .entries()
        .filter((e) => e.dataset.id.startsWith(USER_DATASET_PREFIX))
        .map((e) => e.dataset.attribution),
    );
  const offDatasets = app.datasets.onChange(showAttributions);

  let running: RunningImport | null = null;
  let destroyed = false;
  let count = 0;

  const incidentsText = (n: number) => (n === 1 ? messages.incidentsCountOne : t(messages.incidentsCount, { n: formatters.integer(n) }));

  function add(done: Done, dataset: Dataset): void {
    const { layer, incidents } = done;
    // The worker sorted the incidents and built their index, columns, k-d tree and id table (and, for a large file, the area index's parts).
    const index = layer ? timeIndexFromParts(incidents, layer.index) : createTimeIndex(Array.from({ length: incidents.length }, (_, i) => incidents.get(i)));
    const prebuilt = layer ? { layer: { columns: layer.columns, tree: layer.tree }, ids: layer.ids } : {};
    app.datasets.add(dataset, index, { ...prebuilt, ...(done.areas ? { areas: areaIndexFromParts(index, done.areas) } : {}), dispose: done.close });
  }

  /**
   * The report first, the layer once the report's frame was drawn: at a million events each is
   * most of a frame's work (the report's layout, maplibre's first frame with the new layer), and
   * in one frame together they held the page for 50–90 ms. A zero timeout alone was not enough:
   * both tasks often ran before the same frame.
   */
  async function addAfterFrame(done: Done, dataset: Dataset): Promise<void> {
    await afterFrame();
    if (destroyed) done.close();
    else add(done, dataset);
  }

  async function report(done: Done, id: string, lastModified: number | null): Promise<void> {
    const { result, summary } = done;
    const download = (line?: string) => save(`${result.file.replace(/\.[^.]*$/, '')}-report.csv`, reportToCsv(summary, result.issues, line));
    const added = (dataset: Dataset) =>
      panel.showReport({
        summary,
        issues: result.issues,
        status: t(dataset.role === 'counted' ? messages.importAddedCounted : messages.importAddedAnnotation, { incidents: incidentsText(summary.accepted), name: dataset.name }),
        onDownload: () => download(dataset.attribution),
      });
    if (result.fileError || done.incidents.length === 0 || !result.format) {
      done.close();
      const status = result.fileError ? messages.importMapUnchanged : `${messages.importNothingAdded} ${messages.importMapUnchanged}`;
      panel.showReport({ summary, issues: result.issues, status, onDownload: () => download() });
      return;
    }
    const { format } = result;
    const datasetWith = (attribution?: string) => importDataset({ id, file: result.file, format, messages, attribution });
    if (format.id !== 'acled') {
      const dataset = datasetWith();
      added(dataset);
      await addAfterFrame(done, dataset);
      return;
    }
    panel.showReport({
      summary,
      issues: result.issues,
      status: '',
      acled: {
        accessed: isoDay(lastModified ?? now()),
        filters: acledFiltersFromFileName(result.file),
        onAdd: (accessed, filters) => {
          const dataset = datasetWith(acledAttributionText(messages, accessed, filters));
          added(dataset);
          void addAfterFrame(done, dataset);
        },
      },
      onDownload: () => download(),
    });
  }

  async function start(source: ImportRequest['source'], lastModified: number | null): Promise<ImportOutcome> {
    running?.cancel();
    const mine = ++count;
    const id = `${USER_DATASET_PREFIX}${mine}`;
    // The areas load after the map: an import started before waits for them (a local file of a few
    // hundred kB), so a large file's area index is built in its worker rather than on the page.
    const areas = app.areaGeodata?.() ?? (await app.loadAreaGeodata?.()) ?? null;
    // A newer import started while this one waited.
    if (count !== mine) return { status: 'cancelled' };
    const scale = app.datasets.style.scale;
    const marker = { domainMax: scale.scale().domain()[1], options: scale.options };
    const job = runImport({ source, dataset: id, marker, ...(areas ? { areas } : {}) }, options.createWorker, (p) => {
      if (running === job) panel.updateProgress(p);
    });
    running = job;
    panel.showProgress(source.name, () => job.cancel());
    const outcome = await job.outcome;
    // A newer import replaced this one: its panel is the newer one's now.
    if (running !== job) return outcome;
    running = null;
    if (outcome.status === 'cancelled') panel.showMessage(t(messages.importReportTitle, { file: source.name }), t(messages.importCancelled, { file: source.name }));
    else if (outcome.status === 'failed') {
      panel.showMessage(t(messages.importReportTitle, { file: source.name }), `${t(messages.importFailed, { file: source.name, reason: outcome.reason })} ${messages.importMapUnchanged}`);
    } else await report(outcome, id, lastModified);
    return outcome;
  }

  const importFile = (file: File) => start({ kind: 'file', file, name: file.name }, file.lastModified || null);
  const control = new ImportControl(messages, (file) => void importFile(file));
  app.map.addControl(control, 'top-right');
  // Under the zoom buttons rather than under the legend, where the panel would cover it.
  const button = app.map.getContainer().querySelector('.maplibregl-ctrl-top-right .import-control');
  const legend = app.map.getContainer().querySelector('.maplibregl-ctrl-top-right .legend');
  if (button && legend) legend.before(button);
  const unbindDrop = bindDropZone(options.dropTarget, messages.importDropHint, (file) => void importFile(file));

  const requested = new URLSearchParams(options.search).get('data');
  if (requested !== null && requested.trim() !== '') {
    const url = allowedDataUrl(requested, options.pageUrl, options.config ?? IMPORT_CONFIG);
    if (url) void start({ kind: 'url', url: url.href, name: fileNameOf(url) }, null);
    else panel.showMessage(messages.importPanel, t(messages.importDataUrlRefused, { url: requested }));
  }

  return {
    panel,
    importFile,
    destroy() {
      destroyed = true;
      running?.cancel();
      offDatasets();
      unbindDrop();
      app.map.removeControl(attribution);
      app.map.removeControl(control);
      panel.element.remove();
    },
  };
}
