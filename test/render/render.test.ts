import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../browser/chromium';
import { compareImages, RENDER_TOLERANCE } from './compareImages';
import { drawCase } from './drawCase';
import { readRenderCases } from './renderCase';

const baseUrl = inject('baseUrl');
/** `UPDATE=1 npm run test:render` accepts what is drawn as the new expected.png of every case run. */
const UPDATE = process.env.UPDATE === '1';
const cases = readRenderCases(import.meta.dirname);
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('render tests: each case drawn from the production build in Debian Chromium matches its expected.png', () => {
  it('there are cases to draw', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const c of cases) {
    it(`${c.name} (${c.viewport.width}×${c.viewport.height}, ${c.url}) looks as expected`, async () => {
      const expectedPath = join(c.dir, 'expected.png');
      const actualPath = join(c.dir, 'actual.png');
      const diffPath = join(c.dir, 'diff.png');
      rmSync(actualPath, { force: true });
      rmSync(diffPath, { force: true });
      const actual = await drawCase(browser, baseUrl, c);
      if (UPDATE) {
        writeFileSync(expectedPath, actual);
        return;
      }
      if (!existsSync(expectedPath)) {
        writeFileSync(actualPath, actual);
        expect.fail(`${c.name} has no expected.png: look at ${actualPath}, then accept it with UPDATE=1`);
      }
      const result = compareImages(readFileSync(expectedPath), actual);
      if (!result.pass) {
        writeFileSync(actualPath, actual);
        writeFileSync(diffPath, result.diff);
      }
      const why = result.sizeMismatch ?? `${result.differing} pixels (${(result.share * 100).toFixed(3)}%) differ, more than ${RENDER_TOLERANCE.maxDifferingShare * 100}%`;
      expect(result.pass, `${c.name}: ${why}; see ${actualPath} and ${diffPath}. Case: ${c.why}`).toBe(true);
    });
  }
});
