import { appSection } from './app/section';
import { embedSection } from './embed/section';
import { gpuSection } from './gpu/section';
import { importSection } from './import/section';
import type { BenchSection } from './harness';

/** Every benchmark section `npm run bench` knows, by name. Add yours here. */
export const BENCH_SECTIONS: readonly BenchSection[] = [gpuSection, embedSection, importSection, appSection];
