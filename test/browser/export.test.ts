import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { csvParse, csvParseRows } from 'd3-dsv';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openPage, screenshotPath, waitForMapReady } from './chromium';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const PUBLIC = resolve(import.meta.dirname, '../../public/data');

/** The ids in [from, to] straight from the two bundled CSVs with d3-dsv: an independent route from the app's parsers and index. */
function idsInWindow(from: string, to: string): { ucdp: Set<string>; stories: Set<string> } {
  const ucdp = new Set<string>();
  for (const row of csvParse(readFileSync(resolve(PUBLIC, 'ucdp/ucdp-ged-sahel.csv'), 'utf8'))) {
    const [m, d, y] = (row.date_start ?? '').slice(0, 10).split('/');
    const iso = `${y}-${m}-${d}`;
    if (iso >= from && iso <= to) ucdp.add(String(row.id));
  }
  const stories = new Set<string>();
  for (const row of csvParse(readFileSync(resolve(PUBLIC, 'stories/incidents-sources.csv'), 'utf8'))) {
    if ((row.event_date ?? '') >= from && (row.event_date ?? '') <= to) stories.add(String(row.id));
  }
  return { ucdp, stories };
}

async function download(page: Page, item: string): Promise<string> {
  await page.getByTestId('download-menu').click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(item).click()]);
  return readFileSync((await file.path())!, 'utf8');
}

describe('export what you see (production build)', () => {
  it('the CSV and GeoJSON of a window hold exactly the window’s incidents of each dataset, with the view and the licences', async () => {
    const { page, context } = await openPage(browser, `${baseUrl}?from=2021-03-01&to=2021-03-31`);
    await waitForMapReady(page);
    const expected = idsInWindow('2021-03-01', '2021-03-31');

    const csv = await download(page, 'download-incidents-csv');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csvParseRows(csv.slice(1));
    const preamble = lines.filter((r) => r[0]?.startsWith('#'));
    expect(preamble.some((r) => r.join(',').includes('from=2021-03-01'))).toBe(true);
    expect(preamble.some((r) => r.join(',').includes('CC BY 4.0'))).toBe(true);
    const [header, ...rows] = lines.filter((r) => !r[0]?.startsWith('#'));
    const col = (name: string) => header.indexOf(name);
    // The CSV names each row's dataset as the reader sees it.
    const got = (dataset: string) => new Set(rows.filter((r) => r[col('dataset')] === dataset).map((r) => r[col('id')]));
    expect(got('UCDP GED')).toEqual(expected.ucdp);
    expect(got('Story events')).toEqual(expected.stories);
    expect(rows.every((r) => r[col('dataset_licence')] !== '')).toBe(true);

    const geojson = JSON.parse(await download(page, 'download-incidents-geojson')) as { features: { properties: { id: string; dataset_id: string } }[]; metadata: { viewUrl: string; datasets: { licence: string }[] } };
    expect(geojson.features).toHaveLength(expected.ucdp.size + expected.stories.size);
    expect(new Set(geojson.features.filter((f) => f.properties.dataset_id === 'ucdp').map((f) => f.properties.id))).toEqual(expected.ucdp);
    expect(geojson.metadata.viewUrl).toContain('from=2021-03-01');
    expect(geojson.metadata.datasets.every((d) => d.licence)).toBe(true);
    await page.screenshot({ path: screenshotPath('export-menu-1280x800') });
    await context.close();
  });
});
