import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { ucdpTierFiles, type UcdpTiers } from '../../src/data/ucdpTierFiles.js';
import { compactGeojson } from './compactGeojson.js';
import { splitUcdpTiers } from './ucdpTierSplit.js';

/** Every CSV under `dir`, as paths relative to `base` with forward slashes (`data/ucdp/x.csv`). */
function csvFiles(dir: string, base: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return csvFiles(path, base);
    return entry.name.endsWith('.csv') ? [relative(base, path).split(sep).join('/')] : [];
  });
}

/**
 * The build's compact forms of the bundled data, so an article page downloads less before the map
 * is interactive (`npm run bench -- embed`). The files in geodata/ and public/data/ stay as they
 * are, for provenance and for the parsers' tests:
 *
 * - the basemap GeoJSON assets are rounded to 3 decimals and minified (compactGeojson.ts);
 * - each UCDP GED CSV under public/data/ gets a map tier, which the app reads first, and a detail
 *   tier with the popups' long texts, read once the map is interactive (ucdpTierSplit.ts,
 *   src/app/loadUcdpTiers.ts). The original CSV is still shipped beside them.
 *
 * The dev server serves the tiers too, from the original files, so dev and build load alike.
 */
export function compactDataPlugin(root: string): Plugin {
  const publicDir = resolve(root, 'public');
  const tiersOf = new Map<string, () => UcdpTiers | null>();
  for (const file of csvFiles(resolve(publicDir, 'data'), publicDir)) {
    const names = ucdpTierFiles(file);
    if (file === names.map || file === names.details) continue;
    const split = () => splitUcdpTiers(readFileSync(resolve(publicDir, file), 'utf8'));
    tiersOf.set(file, split);
  }
  return {
    name: 'sahel-compact-data',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = decodeURIComponent((request.url ?? '').split('?')[0]).slice(server.config.base.length);
        for (const [file, split] of tiersOf) {
          const names = ucdpTierFiles(file);
          const tier = path === names.map ? 'map' : path === names.details ? 'details' : null;
          const tiers = tier ? split() : null;
          if (!tier || !tiers) continue;
          response.setHeader('content-type', 'text/csv; charset=utf-8');
          response.end(tiers[tier]);
          return;
        }
        next();
      });
    },
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'asset' || !output.fileName.endsWith('.geojson')) continue;
        const text = typeof output.source === 'string' ? output.source : new TextDecoder().decode(output.source);
        output.source = compactGeojson(text);
      }
      for (const [file, split] of tiersOf) {
        const tiers = split();
        if (!tiers) continue;
        const names = ucdpTierFiles(file);
        this.emitFile({ type: 'asset', fileName: names.map, source: tiers.map });
        this.emitFile({ type: 'asset', fileName: names.details, source: tiers.details });
      }
    },
  };
}
