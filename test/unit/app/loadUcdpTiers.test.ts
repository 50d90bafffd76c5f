import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadUcdpTiered } from '../../../src/app/loadUcdpTiers';
import { parseUcdpGed } from '../../../src/data/ucdp';
import { splitUcdpTiers } from '../../../scripts/vite/ucdpTierSplit';
import { readUcdpDetailsIn, type DetailsWorkerLike, type UcdpDetailsReply, type UcdpDetailsRequest } from '../../../src/app/readUcdpDetails';
import { ucdpDetailsOf } from '../../../src/data/ucdpTiers';

const ORIGINAL = readFileSync(new URL('../../../test/fixtures/ucdp-global-layout.csv', import.meta.url), 'utf8');
const TIERS = splitUcdpTiers(ORIGINAL)!;
const BASE = 'https://maps.example/';

/** A fetch that serves these files by path and 404s everything else, recording what was asked. */
function serve(files: Record<string, string>): string[] {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    const path = url.slice(BASE.length);
    asked.push(path);
    return path in files ? new Response(files[path]) : new Response('', { status: 404 });
  });
  return asked;
}

afterEach(() => vi.unstubAllGlobals());

describe('loadUcdpTiered', () => {
  it('reads the map tier first and fills the popups’ texts later, from the detail tier', async () => {
    const asked = serve({ 'data/ucdp/ucdp-ged-sahel.map.csv': TIERS.map, 'data/ucdp/ucdp-ged-sahel.details.csv': TIERS.details });
    const tiered = await loadUcdpTiered(BASE);
    expect(asked).toEqual(['data/ucdp/ucdp-ged-sahel.map.csv']);
    const expected = parseUcdpGed(ORIGINAL, 'data/ucdp/ucdp-ged-sahel.csv').incidents;
    expect(expected.filter((i) => i.sources.length > 0 && i.summary !== '').length).toBeGreaterThan(0);
    expect(tiered.result.incidents.some((i) => i.sources.length > 0)).toBe(false);
    const filled = await tiered.completeDetails();
    expect(filled).toBe(expected.length);
    expect(tiered.result.incidents).toEqual(expected);
    await tiered.completeDetails();
    expect(asked).toHaveLength(2);
  });

  it('reads the details through the reader it is given: a worker\'s answer fills the same incidents, a failing one rejects and fills none', async () => {
    serve({ 'data/ucdp/ucdp-ged-sahel.map.csv': TIERS.map, 'data/ucdp/ucdp-ged-sahel.details.csv': TIERS.details });
    const asked: UcdpDetailsRequest[] = [];
    // A stand-in worker that answers through a structured clone, as a real one's message does.
    const worker = (fail: boolean): DetailsWorkerLike => {
      const w: DetailsWorkerLike = {
        onmessage: null,
        onerror: null,
        terminate: vi.fn(),
        postMessage(request) {
          asked.push(request);
          setTimeout(() => {
            if (fail) w.onerror?.({ message: 'boom' } as ErrorEvent);
            else w.onmessage?.({ data: structuredClone({ details: ucdpDetailsOf(request.map, request.details, request.file) }) } as MessageEvent<UcdpDetailsReply>);
          }, 0);
        },
      };
      return w;
    };
    const tiered = await loadUcdpTiered(BASE, readUcdpDetailsIn(() => worker(false)));
    expect(await tiered.completeDetails()).toBe(tiered.result.incidents.length);
    expect(asked[0]).toMatchObject({ map: TIERS.map, details: TIERS.details, file: 'data/ucdp/ucdp-ged-sahel.csv' });
    expect(tiered.result.incidents).toEqual(parseUcdpGed(ORIGINAL, 'data/ucdp/ucdp-ged-sahel.csv').incidents);
    const failing = await loadUcdpTiered(BASE, readUcdpDetailsIn(() => worker(true)));
    await expect(failing.completeDetails()).rejects.toThrow('boom');
    expect(failing.result.incidents.every((i) => i.sources.length === 0)).toBe(true);
  });

  it('falls back to the original file when the build made no tiers', async () => {
    serve({ 'data/ucdp/ucdp-ged-sahel.csv': ORIGINAL });
    const tiered = await loadUcdpTiered(BASE);
    expect(tiered.result.incidents).toEqual(parseUcdpGed(ORIGINAL, 'x').incidents);
    expect(await tiered.completeDetails()).toBe(0);
  });

  it('rejects a stale detail tier, naming the file, and leaves the incidents as they were', async () => {
    serve({ 'data/ucdp/ucdp-ged-sahel.map.csv': TIERS.map, 'data/ucdp/ucdp-ged-sahel.details.csv': 'where_description,source_office,source_date,source_headline\nx,,,\n' });
    const tiered = await loadUcdpTiered(BASE);
    await expect(tiered.completeDetails()).rejects.toMatchObject({ file: 'data/ucdp/ucdp-ged-sahel.details.csv' });
    expect(tiered.result.incidents.every((i) => i.sources.length === 0)).toBe(true);
  });
});
