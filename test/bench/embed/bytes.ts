/** The parts an article page downloads, as `npm run bench -- embed` reports them. */
export type Part = 'loader' | 'page' | 'js' | 'worker' | 'css' | 'glyphs' | 'geodata' | 'incidents' | 'other';
export const PARTS: readonly Part[] = ['loader', 'page', 'js', 'worker', 'css', 'glyphs', 'geodata', 'incidents', 'other'];
/** What the 1.25× aim compares with the minimal maplibre page. */
export const CODE_PARTS: readonly Part[] = ['js', 'worker', 'css'];
/** What the 300 KB aim counts: the default view's map data. */
export const DATA_PARTS: readonly Part[] = ['geodata', 'incidents'];

export interface Download {
  url: string;
  /** Bytes as served (the bench's servers do not compress). */
  bytes: number;
  /** The same bytes through gzip (zlib level 6, the usual server setting). */
  gzip: number;
}

export interface PartTotal {
  files: number;
  bytes: number;
  gzip: number;
}

/**
 * The part a URL belongs to, from its path alone: the article's own HTML, CSS and JS are `page`
 * (any article has them), embed.js is the `loader`, maplibre's worker is `worker`, and the rest
 * by type: the map's code, glyph ranges, basemap GeoJSON and the incident CSVs.
 */
export function partOf(url: string): Part {
  const path = new URL(url).pathname;
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name === 'embed.js') return 'loader';
  if (path.endsWith('/') || name.endsWith('.html') || /^article-[\w-]+\.(js|css)$/.test(name)) return 'page';
  if (name.startsWith('maplibre-gl-worker')) return 'worker';
  if (/\.m?js$/.test(name)) return 'js';
  if (name.endsWith('.css')) return 'css';
  if (name.endsWith('.pbf')) return 'glyphs';
  if (name.endsWith('.geojson')) return 'geodata';
  if (name.endsWith('.csv')) return 'incidents';
  return 'other';
}

/** Totals per part, each URL counted once (a second request for a file is a cache hit on a real server). */
export function totalsByPart(downloads: readonly Download[]): Record<Part, PartTotal> {
  const totals = Object.fromEntries(PARTS.map((p) => [p, { files: 0, bytes: 0, gzip: 0 }])) as Record<Part, PartTotal>;
  const seen = new Set<string>();
  for (const d of downloads) {
    const key = d.url.split('#')[0];
    if (seen.has(key)) continue;
    seen.add(key);
    const t = totals[partOf(d.url)];
    t.files += 1;
    t.bytes += d.bytes;
    t.gzip += d.gzip;
  }
  return totals;
}

export function sumParts(totals: Record<Part, PartTotal>, parts: readonly Part[]): PartTotal {
  return parts.reduce((s, p) => ({ files: s.files + totals[p].files, bytes: s.bytes + totals[p].bytes, gzip: s.gzip + totals[p].gzip }), { files: 0, bytes: 0, gzip: 0 });
}
