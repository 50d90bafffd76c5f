import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATASET_FILES, STORY_DATASET, UCDP_DATASET } from '../../../src/data/datasets';
import { safeUrl } from '../../../src/data/safeUrl';
import { parseStoryEvents } from '../../../src/data/stories';
import { parseUcdpGed } from '../../../src/data/ucdp';

const publicFile = (path: string) => new URL(`../../../public/${path}`, import.meta.url);

describe('datasets', () => {
  it('UCDP GED is the counted layer, CC BY 4.0, credited as version 24.1 with UCDP’s citations', () => {
    expect(UCDP_DATASET).toMatchObject({ id: 'ucdp', name: 'UCDP GED', role: 'counted', licence: 'CC BY 4.0', url: 'https://ucdp.uu.se/' });
    for (const words of ['24.1', 'Uppsala Conflict Data Program', 'Davies', 'Öberg (2024)', 'Sundberg & Melander (2013)']) {
      expect(UCDP_DATASET.citation).toContain(words);
    }
  });

  it('the on-map attribution is the short form: licence and both citations, short enough for a phone', () => {
    for (const words of ['UCDP GED 24.1', 'CC BY 4.0', 'Davies', 'Sundberg']) expect(UCDP_DATASET.attribution).toContain(words);
    expect(UCDP_DATASET.attribution.length).toBeLessThan(90);
  });

  it('story events are an annotation layer with their own attribution', () => {
    expect(STORY_DATASET).toMatchObject({ id: 'stories', role: 'annotation', licence: 'CC BY 4.0', attribution: 'Story events: curated by Sahel Incident Map, sources in each popup' });
  });

  it('dataset links are safe http(s) links or null', () => {
    for (const d of [UCDP_DATASET, STORY_DATASET]) expect(d.url === null || safeUrl(d.url) === d.url).toBe(true);
  });

  it('file paths are relative (no leading slash) and the files exist in public/', () => {
    expect(DATASET_FILES).toEqual({ ucdp: 'data/ucdp/ucdp-ged-sahel.csv', stories: 'data/stories/incidents-sources.csv' });
    for (const path of Object.values(DATASET_FILES)) {
      expect(path.startsWith('/')).toBe(false);
      expect(existsSync(publicFile(path))).toBe(true);
    }
  });

  it('the Tahoua attack of 21 March 2021 is in both datasets, which is why story events are never added to the counts', () => {
    const ucdp = parseUcdpGed(readFileSync(publicFile(DATASET_FILES.ucdp), 'utf8'), 'ucdp').incidents;
    const stories = parseStoryEvents(readFileSync(publicFile(DATASET_FILES.stories), 'utf8'), 'stories').incidents;
    const sameDay = (i: { dateStart: Date; country: string; admin1: string }) =>
      i.dateStart.getTime() === Date.UTC(2021, 2, 21) && i.country === 'Niger' && i.admin1 === 'Tahoua';
    expect(ucdp.filter(sameDay).map((i) => i.id)).toEqual(['390480']);
    expect(stories.filter(sameDay).map((i) => i.id)).toEqual(['CS022']);
  });
});
