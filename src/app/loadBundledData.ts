import type { Dataset, ParseResult } from '../types';
import { parseStoryEvents } from '../data/stories';
import { UCDP_DATASET, STORY_DATASET, STORY_FILE } from '../data/datasets';
import { fetchText } from './fetchText';
import { loadUcdpTiered } from './loadUcdpTiers';

export interface LoadedDataset {
  dataset: Dataset;
  result: ParseResult;
  /** Loads what the first load left out (the UCDP popups' texts, see loadUcdpTiers.ts); absent when nothing was. */
  complete?: () => Promise<number>;
}

/** The two bundled datasets, read through the same parsers a user's file goes through. */
export async function loadBundledData(assetBase: string): Promise<{ counted: LoadedDataset; stories: LoadedDataset }> {
  const [ucdp, storyText] = await Promise.all([loadUcdpTiered(assetBase), fetchText(assetBase + STORY_FILE, STORY_FILE)]);
  return {
    counted: { dataset: UCDP_DATASET, result: ucdp.result, complete: ucdp.completeDetails },
    stories: { dataset: STORY_DATASET, result: parseStoryEvents(storyText, STORY_FILE) },
  };
}
