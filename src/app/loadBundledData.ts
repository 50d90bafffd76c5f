import type { Dataset, ParseResult } from '../types';
import { parseStoryEvents } from '../data/stories';
import { UCDP_DATASET, STORY_DATASET, STORY_FILE } from '../data/datasets';
import { fetchText } from './fetchText';
import { loadUcdpTiered } from './loadUcdpTiers';
import type { ReadUcdpDetails } from './readUcdpDetails';

export interface LoadedDataset {
  dataset: Dataset;
  result: ParseResult;
  /** Loads what the first load left out (the UCDP popups' texts, see loadUcdpTiers.ts); absent when nothing was. */
  complete?: () => Promise<number>;
}

/** The two bundled datasets, read through the same parsers a user's file goes through; `readDetails` reads the UCDP popups' texts (on this thread by default). */
export async function loadBundledData(assetBase: string, readDetails?: ReadUcdpDetails): Promise<{ counted: LoadedDataset; stories: LoadedDataset }> {
  const [ucdp, storyText] = await Promise.all([loadUcdpTiered(assetBase, readDetails), fetchText(assetBase + STORY_FILE, STORY_FILE)]);
  return {
    counted: { dataset: UCDP_DATASET, result: ucdp.result, complete: ucdp.completeDetails },
    stories: { dataset: STORY_DATASET, result: parseStoryEvents(storyText, STORY_FILE) },
  };
}
