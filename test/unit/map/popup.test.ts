// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isHttpUrl, renderIncidentCard, renderStackList, sourceDate } from '../../../src/map/popup';
import { pageText } from '../../../src/i18n/pageText';
import { en } from '../../../src/i18n/messages';
import { createFormatters } from '../../../src/i18n/format';
import { EVENT_TYPE_COLOURS } from '../../../src/map/eventColours';
import type { Dataset, Incident, LocationPrecision } from '../../../src/types';
import { makeIncident } from '../data/makeIncident';

const ctx = { messages: en, formatters: createFormatters() };
const ucdp: Dataset = { id: 'ucdp', name: 'UCDP GED', role: 'counted', licence: 'CC BY 4.0', attribution: 'UCDP', url: 'https://ucdp.uu.se/' };
const datasets = new Map([[ucdp.id, ucdp]]);
const day = (m: number, d: number) => new Date(Date.UTC(2021, m - 1, d));

function card(patch: Partial<Incident>): HTMLElement {
  return renderIncidentCard(makeIncident({ dataset: 'ucdp', ...patch }), ucdp, ctx);
}

describe('renderIncidentCard', () => {
  it('shows date and precision, place, region, country, type, sub-type, actors and deaths with range', () => {
    const el = card({
      dateStart: day(3, 21), dateEnd: day(3, 23), datePrecision: 'week', place: 'Tillia', admin1: 'Tahoua', country: 'Niger',
      eventType: 'Violence against civilians', subEventType: 'Attack', actor1: 'IS Sahel', actor2: 'Civilians (Niger)',
      deathsBest: 141, deathsLow: 150, deathsHigh: 137,
    });
    const text = el.textContent ?? '';
    expect(text).toContain('21–23 Mar 2021 (precision: within a week)');
    for (const s of ['Tillia', 'Tahoua', 'Niger', 'Violence against civilians', 'Attack', 'IS Sahel', 'Civilians (Niger)']) expect(text).toContain(s);
    // Unordered estimates read low to high.
    expect(text).toContain('141 (range 137–150)');
    expect(el.querySelector('footer')?.textContent).toBe('Dataset: UCDP GED · Licence: CC BY 4.0');
  });

  it('shows a one-day date once and no range when the estimates are missing', () => {
    const text = card({ deathsBest: 3 }).textContent ?? '';
    expect(text).toContain('21 Mar 2021 (precision: exact day)');
    expect(text).not.toContain('range');
  });

  it('draws the event-type colour swatch from eventColours', () => {
    const swatch = card({ eventType: 'Riots' }).querySelector<HTMLElement>('.incident-swatch');
    const probe = document.createElement('span');
    probe.style.backgroundColor = EVENT_TYPE_COLOURS.Riots;
    expect(swatch?.style.backgroundColor).toBe(probe.style.backgroundColor);
  });

  it('keeps <script> and <img onerror> in summary, actors and source titles as text', () => {
    const attack = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';
    const el = card({ summary: attack, actor1: attack, place: attack, sources: [{ title: attack, url: 'https://example.org/a', publisher: attack, date: '' }] });
    expect(el.querySelector('script, img, [onerror]')).toBeNull();
    expect(el.querySelector('.incident-card-summary')?.textContent).toBe(attack);
    expect(el.querySelector('a')?.textContent).toBe(attack);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('links http(s) sources in a new tab with rel="noopener noreferrer"', () => {
    const el = card({ sources: [{ title: 'Reuters', url: 'https://www.reuters.com/x', publisher: 'Reuters', date: '2021-03-22' }] });
    const a = el.querySelector('a');
    expect(a?.getAttribute('href')).toBe('https://www.reuters.com/x');
    expect(a?.target).toBe('_blank');
    expect(a?.rel).toBe('noopener noreferrer');
  });

  it('never turns javascript:, data: or relative URLs into links, even if the model let them through', () => {
    const bad = ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<b>x</b>', '/relative', 'ftp://example.org/', ''];
    const el = card({ sources: bad.map((url, i) => ({ title: `t${i}`, url, publisher: '', date: '' })) });
    expect(el.querySelectorAll('a')).toHaveLength(0);
    expect(el.querySelectorAll('.incident-card-sources li')).toHaveLength(bad.length);
    expect(el.querySelector('.incident-card-sources')?.textContent).toContain('t0');
  });

  it.each<[LocationPrecision, boolean]>([
    ['exact', false], ['near', false], ['district', true], ['region', true], ['country', true], ['unknown', true],
  ])('shows the approximate-location note for %s precision: %s', (precision, shown) => {
    const note = card({ locationPrecision: precision }).querySelector('[data-testid="incident-approximate"]');
    expect(note !== null).toBe(shown);
  });

  it('names the centroid in the approximate note', () => {
    expect(card({ locationPrecision: 'region' }).querySelector('.incident-card-approximate')?.textContent).toBe(
      'Approximate location: placed at the region centroid, not the exact site.',
    );
  });
});

describe('isHttpUrl', () => {
  it('accepts http and https only', () => {
    expect(['http://a.org', 'https://a.org/x?y=1'].map(isHttpUrl)).toEqual([true, true]);
    expect(['javascript:alert(1)', 'mailto:a@b.org', 'https//broken', null, undefined].map(isHttpUrl)).toEqual([false, false, false, false, false]);
  });
});

describe('renderStackList', () => {
  const a = makeIncident({ id: 'a', dataset: 'ucdp', deathsBest: 1, eventType: 'Battles' });
  const b = makeIncident({ id: 'b', dataset: 'ucdp', deathsBest: 12, eventType: 'Riots', dateStart: day(3, 22), dateEnd: day(3, 22) });

  it('lists one button per incident as date · type · deaths', () => {
    const el = renderStackList([a, b], datasets, ctx, () => {});
    const buttons = [...el.querySelectorAll('button')].map((x) => x.textContent);
    expect(buttons).toEqual(['21 Mar 2021 · Battles · 1 death', '22 Mar 2021 · Riots · 12 deaths']);
    expect(el.textContent).toContain('2 incidents at this point');
  });

  it('picking a button calls onPick with that incident', () => {
    const picked: string[] = [];
    const el = renderStackList([a, b], datasets, ctx, (i) => picked.push(i.id));
    el.querySelectorAll('button')[1].click();
    expect(picked).toEqual(['b']);
  });
});

describe('the card in French', () => {
  const frCtx = { ...pageText('fr'), lang: 'fr' as const };
  const frCard = (patch: Partial<Incident>) => renderIncidentCard(makeIncident({ dataset: 'ucdp', ...patch }), ucdp, frCtx);

  it('renderIncidentCard() names the type and the sub-type in French, with French dates and spacing', () => {
    const el = frCard({ dateStart: day(3, 1), dateEnd: day(3, 1), eventType: 'Violence against civilians', subEventType: 'One-sided violence', deathsBest: 1170 });
    expect(el.querySelector('.incident-card-type')?.textContent).toBe('Violence contre les civilsViolence unilatérale');
    const text = el.textContent ?? '';
    expect(text).toContain('1er mars 2021 (précision\u202f: jour exact)');
    expect(text).toContain('1\u202f170');
    expect(el.querySelector('footer')?.textContent).toBe('Jeu de données\u202f: UCDP GED · Licence\u202f: CC BY 4.0');
  });

  it('renderIncidentCard() writes an ISO source date the French way', () => {
    const el = frCard({ sources: [{ title: 'Attaque à Tillia', url: 'https://example.org/a', publisher: 'RFI', date: '2021-03-22' }] });
    expect(el.querySelector('.incident-source-meta')?.textContent).toBe(' — RFI, 22 mars 2021');
  });
});

describe('sourceDate', () => {
  const fr = pageText('fr').formatters;
  it('sourceDate() formats an ISO day or month and leaves anything else as the dataset gives it', () => {
    expect(sourceDate('2021-03-01', fr)).toBe('1er mars 2021');
    expect(sourceDate(' 2021-03 ', fr)).toBe('mars 2021');
    expect(sourceDate('2021-03-22', createFormatters())).toBe('22 Mar 2021');
    expect(sourceDate('2021', fr)).toBe('2021');
    expect(sourceDate('March 2021', fr)).toBe('March 2021');
    expect(sourceDate('2021-02-30', fr)).toBe('2021-02-30');
    expect(sourceDate('', fr)).toBe('');
  });
});
