/**
 * Keeps a link only if it is an absolute http(s) URL, returned in the URL parser's normal form.
 * Everything else (javascript:, data:, file:, relative paths, garbage) becomes null, so text from
 * a data file can never turn a popup link into script or a local file.
 */
export function safeUrl(raw: string): string | null {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text === '') return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '') return null;
  return url.href;
}
