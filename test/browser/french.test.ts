import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fr } from '../../src/i18n/fr';
import { en, type Messages } from '../../src/i18n/messages';
import { CHROMIUM_ARGS, launchChromium, screenshotPath, waitForMapReady } from './chromium';

// Issue 12, "A French run": the full map and the embed chosen French by ?lang=fr and by a French
// browser, with French dates, numbers, type, dataset and place names and maplibre's own labels,
// and none of the catalogue's English strings left on screen.

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  expect(CHROMIUM_ARGS).toContain('--use-angle=swiftshader');
});
afterAll(async () => {
  await browser?.close();
});

/**
 * The English catalogue's literal text, in pieces between its placeholders, that must not show on
 * a French page: longer than 4 characters, and not found in any French string (so "UCDP GED" and
 * "Sahel Incident Map", which the French strings use as names, do not count).
 */
const ENGLISH: readonly string[] = (() => {
  const french = Object.values(fr);
  const pieces = (Object.keys(en) as (keyof Messages)[]).flatMap((k) => en[k].split(/\{\w+\}/).map((s) => s.trim()));
  return [...new Set(pieces)].filter((s) => s.length > 4 && !french.some((f) => f.includes(s)));
})();

/** The page's visible text and every accessible name, title, alt and placeholder in it (frames excluded). */
async function pageStrings(page: Page, exclude = ''): Promise<string[]> {
  return page.evaluate((skip) => {
    const hidden = skip ? [...document.querySelectorAll<HTMLElement>(skip)] : [];
    for (const el of hidden) el.dataset.frenchTestHidden = el.style.display || 'unset';
    for (const el of hidden) el.style.display = 'none';
    const out = [document.body.innerText];
    for (const el of document.querySelectorAll('[aria-label], [title], [alt], [placeholder], [aria-description]')) {
      if (el.closest(skip || 'never-matches')) continue;
      for (const a of ['aria-label', 'title', 'alt', 'placeholder', 'aria-description']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    for (const el of hidden) el.style.display = el.dataset.frenchTestHidden === 'unset' ? '' : el.dataset.frenchTestHidden!;
    out.push(document.title);
    return out;
  }, exclude);
}

function englishIn(strings: string[]): string[] {
  const text = strings.join('\n');
  return ENGLISH.filter((s) => text.includes(s));
}

async function open(url: string, locale?: string): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, ...(locale ? { locale } : {}) });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  await page.goto(url);
  await waitForMapReady(page);
  return { context, page, problems };
}

const status = (page: Page) => page.locator('[role="status"][data-testid="status"]').textContent();

async function select(page: Page, key: string | null): Promise<void> {
  await page.evaluate((k) => {
    const app = (window as unknown as { sahelIncidentMap: { store: { set(p: { selection: string | null }, s: string): void } } }).sahelIncidentMap;
    app.store.set({ selection: k }, 'ui');
  }, key);
}

/** Country labels as drawn: the label layer's text field must read name_fr, and the features the map rendered have it. */
async function countryLabels(page: Page): Promise<{ field: string; names: string[] }> {
  return page.evaluate(() => {
    type M = {
      getLayoutProperty(id: string, p: string): unknown;
      queryRenderedFeatures(o: { layers: string[] }): { properties: Record<string, string> }[];
    };
    const map = (window as unknown as { sahelIncidentMap: { map: M } }).sahelIncidentMap.map;
    const field = JSON.stringify(map.getLayoutProperty('label-countries', 'text-field'));
    const names = map.queryRenderedFeatures({ layers: ['label-countries'] }).map((f) => f.properties.name_fr ?? f.properties.name);
    return { field, names: [...new Set(names)].sort() };
  });
}

describe('the French run', () => {
  it('the catalogue’s English fragments to look for are many and exclude names shared by both', () => {
    expect(ENGLISH.length).toBeGreaterThan(100);
    expect(ENGLISH).toContain('Zoom in');
    expect(ENGLISH).toContain('Story events');
    expect(ENGLISH).not.toContain('UCDP GED');
  });

  it('index.html?lang=fr: French page, dates, numbers, types, datasets, places and maplibre labels; no English', async () => {
    const { context, page, problems } = await open(`${baseUrl}?lang=fr&from=2021-03-01&to=2021-03-31`);
    expect(await page.evaluate(() => [document.documentElement.lang, document.title])).toEqual(['fr', fr.pageTitle]);
    // 1er–31 mars 2021 · 76 incidents · 1 003 morts: the ordinal, French months, U+202F thousands.
    expect(await status(page)).toMatch(/^1er–31 mars 2021 · \d+ incidents · (\d{1,3}\u202f)?\d{1,3} morts$/);
    const filters = (await page.getByTestId('filter-panel').innerText()).split('\n').map((s) => s.trim());
    for (const name of [fr.typeBattles, fr.typeExplosions, fr.typeViolenceCivilians, fr.typeProtests, fr.typeRiots, fr.typeStrategic, 'UCDP GED', fr.datasetStories]) expect(filters).toContain(name);
    expect(await page.locator('.legend').innerText()).toContain(fr.typeViolenceCivilians);
    expect(await page.locator('.maplibregl-ctrl-zoom-in').getAttribute('aria-label')).toBe('Zoom avant');
    expect(await page.locator('.maplibregl-ctrl-zoom-in').getAttribute('title')).toBe('Zoom avant');
    expect(await page.locator('.maplibregl-ctrl-zoom-out').getAttribute('title')).toBe('Zoom arrière');
    const attribution = page.locator('.maplibregl-ctrl-attrib');
    expect(await attribution.innerText()).toContain(fr.attributionStories);
    expect(await attribution.innerText()).toContain('Sundberg et Melander');
    const labels = await countryLabels(page);
    expect(labels.field).toContain('name_fr');
    expect(labels.names).toEqual(expect.arrayContaining(['Algérie', 'Nigéria']));
    const ticks = await page.locator('[data-testid="timeline"] svg text').allTextContents();
    expect(ticks.join(' ')).not.toMatch(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/);
    expect(englishIn(await pageStrings(page))).toEqual([]);
    await page.screenshot({ path: screenshotPath('french-full-map-1280x800') });

    // The Tahoua attack's card: French type and sub-type, dates (the source's too), labels and spacing.
    await select(page, 'stories:CS022');
    const card = page.locator('.maplibregl-popup.incident-popup:not(.hover) [data-testid="incident-card"]');
    await card.waitFor();
    expect(await card.locator('.incident-card-type').innerText()).toMatch(/^Violence contre les civils\s*Attaque$/);
    const text = await card.innerText();
    expect(text).toContain('21 mars 2021 (précision\u202f: jour exact)');
    expect(text).toMatch(/22 mars 2021/);
    expect(text).not.toMatch(/2021-03-22/);
    expect(await card.locator('footer').innerText()).toBe('Jeu de données\u202f: Événements documentés · Licence\u202f: CC BY 4.0');
    expect(await page.locator('.maplibregl-popup-close-button').getAttribute('aria-label')).toBe('Fermer la fenêtre');
    // The card's data (summary, sources, actors, place) is the dataset's own English: only our labels are checked.
    expect(englishIn(await pageStrings(page, '.incident-card-summary, .incident-card-sources, .incident-card-facts dd'))).toEqual([]);
    await page.screenshot({ path: screenshotPath('french-full-map-popup-1280x800') });

    // `lang` is the page's, not the state's: the URL writer keeps it when the state changes.
    await select(page, null);
    await page.evaluate(() => {
      const app = (window as unknown as { sahelIncidentMap: { store: { set(p: { mode: string }, s: string): void } } }).sahelIncidentMap;
      app.store.set({ mode: 'cumulative' }, 'ui');
    });
    await expect.poll(() => page.evaluate(() => location.search), { timeout: 5_000 }).toMatch(/mode=cumulative/);
    expect(new URLSearchParams(await page.evaluate(() => location.search)).get('lang')).toBe('fr');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('embed.html?lang=fr: French chrome, maplibre labels and a full-map link that stays French', async () => {
    const { context, page, problems } = await open(`${baseUrl}embed.html?lang=fr&from=2021-03-01&to=2021-03-31&view=tahoua`);
    expect(await page.evaluate(() => [document.documentElement.lang, document.title])).toEqual(['fr', fr.embedPageTitle]);
    expect(await status(page)).toMatch(/^1er–31 mars 2021 · /);
    expect(await page.locator('.maplibregl-ctrl-zoom-in').getAttribute('aria-label')).toBe('Zoom avant');
    const link = page.getByRole('link', { name: fr.embedOpenFullMap });
    const href = new URL((await link.getAttribute('href'))!);
    expect(href.pathname).toMatch(/index\.html$/);
    expect(href.searchParams.get('lang')).toBe('fr');
    expect(await page.locator('.legend').innerText()).toContain(fr.typeBattles);
    expect(englishIn(await pageStrings(page))).toEqual([]);
    await page.screenshot({ path: screenshotPath('french-embed-1280x800') });

    // The link opens the full map in French.
    const full = await context.newPage();
    await full.goto(href.href);
    await waitForMapReady(full);
    expect(await full.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await status(full)).toMatch(/^1er–31 mars 2021 · /);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a French browser (locale fr-FR) gets both pages in French without a parameter; ?lang=en still wins', async () => {
    const full = await open(`${baseUrl}?from=2019-01-01&to=2019-12-31`, 'fr-FR');
    expect(await full.page.evaluate(() => navigator.languages[0])).toMatch(/^fr/);
    expect(await full.page.evaluate(() => document.documentElement.lang)).toBe('fr');
    // A year of events: thousands grouped with U+202F, and the ordinal at both ends of a range across months.
    expect(await status(full.page)).toMatch(/^1er janv\. – 31 déc\. 2019 · (\d{1,3}\u202f)?\d{1,3} incidents · \d{1,3}\u202f\d{3} morts$/);
    expect(await full.page.locator('.maplibregl-ctrl-zoom-in').getAttribute('title')).toBe('Zoom avant');
    expect(englishIn(await pageStrings(full.page))).toEqual([]);
    await full.page.screenshot({ path: screenshotPath('french-browser-full-map-1280x800') });
    await full.context.close();

    const embed = await open(`${baseUrl}embed.html?from=2021-03-01&to=2021-03-31`, 'fr-FR');
    expect(await embed.page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await embed.page.getByRole('link', { name: fr.embedOpenFullMap }).count()).toBe(1);
    expect(englishIn(await pageStrings(embed.page))).toEqual([]);
    await embed.context.close();

    const english = await open(`${baseUrl}?lang=en&from=2021-03-01&to=2021-03-31`, 'fr-FR');
    expect(await english.page.evaluate(() => [document.documentElement.lang, document.title])).toEqual(['en', en.pageTitle]);
    expect(await status(english.page)).toMatch(/^1–31 Mar 2021 · /);
    expect(await english.page.locator('.maplibregl-ctrl-zoom-in').getAttribute('title')).toBe('Zoom in');
    // The same check finds the English page's strings: it would catch them on a French one.
    expect(englishIn(await pageStrings(english.page))).toEqual(expect.arrayContaining(['Zoom in', 'Story events', 'Violence against civilians', 'Toggle attribution']));
    await english.context.close();
  });

  it('examples/article.html?lang=fr hands the language to its embedded map', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(`${baseUrl}examples/article.html?lang=fr`);
    const iframe = page.locator('[data-sahel-map] iframe');
    await iframe.scrollIntoViewIfNeeded();
    await expect.poll(() => iframe.getAttribute('src'), { timeout: 30_000 }).toMatch(/[?&]lang=fr(&|$)/);
    // The frame may have started in the browser's language before the article set data-lang and
    // reloaded it (embed.js is async): read the document that was loaded with lang=fr.
    const frenchFrame = () => page.frames().find((f) => /embed\.html\?.*\blang=fr(&|$)/.test(f.url()));
    await expect.poll(() => Boolean(frenchFrame()), { timeout: 30_000 }).toBe(true);
    const map = frenchFrame()!;
    await map.waitForSelector('#map[data-ready="true"]', { state: 'attached', timeout: 60_000 });
    expect(await map.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await map.locator('[role="status"][data-testid="status"]').textContent()).toMatch(/mars 2021/);
    await context.close();
  });
});
