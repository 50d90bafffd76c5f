import type { Dataset, ParseResult } from '../types';
import { parseUcdpGed } from '../data/ucdp';
import { parseStoryEvents } from '../data/stories';
import { UCDP_DATASET, STORY_DATASET, UCDP_FILE, STORY_FILE } from '../data/datasets';
import { fetchText } from './fetchText';

export interface LoadedDataset {
  dataset: Dataset;
  result: ParseResult;
}

/** The two bundled datasets, read through the same parsers a user's file goes through. */
export async function loadBundledData(assetBase: string): Promise<{ counted: LoadedDataset; stories: LoadedDataset }> {
  const [ucdpText, storyText] = await Promise.all([fetchText(assetBase + UCDP_FILE, UCDP_FILE), fetchText(assetBase + STORY_FILE, STORY_FILE)]);
  return {
    counted: { dataset: UCDP_DATASET, result: parseUcdpGed(ucdpText, UCDP_FILE) },
    stories: { dataset: STORY_DATASET, result: parseStoryEvents(storyText, STORY_FILE) },
  };
}
