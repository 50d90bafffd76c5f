import type { Dataset } from '../types';

/**
 * UCDP GED, the counted layer: the totals and the histogram come from it alone. The attribution
 * is the one UCDP asks for, with the citations SOURCES.md gives (public/data/ucdp/SOURCES.md).
 */
export const UCDP_DATASET: Dataset = {
  id: 'ucdp',
  name: 'UCDP GED',
  role: 'counted',
  licence: 'CC BY 4.0',
  // Short enough to stay on screen on a phone; the full citation travels in `citation`.
  attribution: 'UCDP GED 24.1 (CC BY 4.0): Davies et al. 2024; Sundberg and Melander 2013',
  citation:
    'Source: UCDP Georeferenced Event Dataset (GED) Global version 24.1, Uppsala Conflict Data Program, ucdp.uu.se, CC BY 4.0 ' +
    '(Burkina Faso, Mali and Niger rows; 245 Niger rows reconstructed from a damaged copy). ' +
    'Davies, Engström, Pettersson & Öberg (2024), Journal of Peace Research 61(4); ' +
    'Sundberg & Melander (2013), Journal of Peace Research 50(4).',
  url: 'https://ucdp.uu.se/',
};

/**
 * Our curated story events: annotations drawn on top, never added to the counts, because many of
 * them (the Tahoua attack of 21 March 2021, for one) are also UCDP events.
 */
export const STORY_DATASET: Dataset = {
  id: 'stories',
  name: 'Story events',
  role: 'annotation',
  licence: 'CC BY 4.0',
  attribution: 'Story events: curated by Sahel Incident Map, sources in each popup',
  citation: 'Sahel Incident Map story events (public/data/stories/INCIDENTS.md), CC BY 4.0; coordinates from Wikipedia (CC BY-SA 4.0).',
  url: null,
};

/** Where the app fetches each file, relative to the page (no leading slash: the app may live in any folder). */
export const DATASET_FILES = {
  ucdp: 'data/ucdp/ucdp-ged-sahel.csv',
  stories: 'data/stories/incidents-sources.csv',
} as const;

export const UCDP_FILE = DATASET_FILES.ucdp;
export const STORY_FILE = DATASET_FILES.stories;
