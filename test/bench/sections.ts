import { appSection } from './app/section';
import { areasSection } from './areas/section';
import { embedSection } from './embed/section';
import { gpuSection } from './gpu/section';
import { importSection } from './import/section';
import { matchSection } from './match/section';
import { publishSection } from './publish/section';
import type { BenchSection } from './harness';

/** Every benchmark section `npm run bench` knows, by name. Add yours here. */
export const BENCH_SECTIONS: readonly BenchSection[] = [gpuSection, embedSection, importSection, areasSection, matchSection, publishSection, appSection];
