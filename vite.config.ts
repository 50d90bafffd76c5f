import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { compactDataPlugin } from './scripts/vite/compactDataPlugin.js';

export default defineConfig({
  // Relative base: the built app works from any folder of any static server (and inside an iframe).
  base: './',
  // Compact build forms of the bundled data (docs/embed.md, "What an article downloads").
  plugins: [compactDataPlugin(fileURLToPath(new URL('.', import.meta.url)))],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    // The pages: the full map, the embed for articles (docs/embed.md) and the example article.
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        embed: fileURLToPath(new URL('embed.html', import.meta.url)),
        article: fileURLToPath(new URL('examples/article.html', import.meta.url)),
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts', 'test/render/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/browser/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
