/** What the importer may load besides files the reader picks or drops. */
export interface ImportConfig {
  /**
   * Origins (`https://data.example.org`) besides the page's own from which `?data=URL` may load a
   * file. Empty by default: the map requests nothing from another origin unless a deployment
   * lists one here on purpose (and that server must allow it with CORS).
   */
  dataOrigins: readonly string[];
}

export const IMPORT_CONFIG: ImportConfig = { dataOrigins: [] };

/**
 * The URL `?data=` names, resolved against the page, when it may be loaded: http(s) only, and
 * from the page's own origin or one listed in `dataOrigins`. Null otherwise, so a link cannot make
 * the page fetch from anywhere (or read `file:` or `javascript:` URLs).
 */
export function allowedDataUrl(raw: string, pageUrl: string, config: ImportConfig = IMPORT_CONFIG): URL | null {
  let url: URL;
  try {
    url = new URL(raw, pageUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const page = new URL(pageUrl);
  return url.origin === page.origin || config.dataOrigins.includes(url.origin) ? url : null;
}

/** The file name of a data URL, for messages and the layer name ("events.csv"). */
export function fileNameOf(url: URL): string {
  const last = url.pathname.split('/').filter((p) => p !== '').pop() ?? url.hostname;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
