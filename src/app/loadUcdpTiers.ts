import type { ParseResult } from '../types';
import { parseUcdpGed } from '../data/ucdp';
import { UCDP_FILE } from '../data/datasets';
import { fillUcdpDetails, ucdpTierFiles } from '../data/ucdpTiers';
import { fetchText, LoadError } from './fetchText';
import { readUcdpDetailsHere, type ReadUcdpDetails } from './readUcdpDetails';

export interface TieredUcdp {
  /** The UCDP incidents, from the map tier: everything but the popups' summaries and sources. */
  result: ParseResult;
  /**
   * Fetches the detail tier and fills each incident's summary, sources and place in place, through
   * the same parser (the tiers are joined back into one GED file first, by `readDetails`: the app's
   * does it in a worker). Call it once the map is interactive: it is two thirds of the file and
   * only popups need it. Resolves to the number of incidents filled; rejects with a LoadError
   * naming the file.
   */
  completeDetails(): Promise<number>;
}

/**
 * The bundled UCDP file as the build ships it, in two tiers (src/data/ucdpTiers.ts). When the map
 * tier is missing (the app served straight from public/ without the build's files), the original
 * file is read whole, and there is nothing left to complete.
 */
export async function loadUcdpTiered(assetBase: string, readDetails: ReadUcdpDetails = readUcdpDetailsHere): Promise<TieredUcdp> {
  const files = ucdpTierFiles(UCDP_FILE);
  let mapText: string;
  try {
    mapText = await fetchText(assetBase + files.map, files.map);
  } catch (error) {
    // A missing map tier is a 404, or a web page from a host's single-page-app fallback.
    if (!(error instanceof LoadError && (error.reason === 'HTTP 404' || error.kind === 'html'))) throw error;
    const result = parseUcdpGed(await fetchText(assetBase + UCDP_FILE, UCDP_FILE), UCDP_FILE);
    return { result, completeDetails: async () => 0 };
  }
  const result = parseUcdpGed(mapText, UCDP_FILE);
  let done: Promise<number> | null = null;
  return {
    result,
    completeDetails() {
      done ??= fetchText(assetBase + files.details, files.details).then(async (details) => {
        const read = await readDetails({ map: mapText, details, file: UCDP_FILE });
        if (read === null) throw new LoadError(files.details, 'does not match the map tier (rebuild the app)');
        return fillUcdpDetails(result.incidents, read);
      });
      return done;
    },
  };
}
