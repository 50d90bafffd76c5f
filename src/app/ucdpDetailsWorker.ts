/// <reference lib="webworker" />
import { ucdpDetailsOf } from '../data/ucdpTiers';
import type { UcdpDetailsReply, UcdpDetailsRequest } from './readUcdpDetails';

/**
 * Reads the bundled UCDP file's detail tier off the page (loaded with Vite's `?worker`): the
 * join and the parse of the whole GED file held the page for about 0.7 s once the map was idle.
 * One request, one reply, then the page stops it.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = ({ data }: MessageEvent<UcdpDetailsRequest>) => {
  let reply: UcdpDetailsReply;
  try {
    reply = { details: ucdpDetailsOf(data.map, data.details, data.file) };
  } catch (error) {
    reply = { failed: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(reply);
};
