/// <reference types="vitest/config" />
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { FOLDER_MODE, teachBuild } from './scripts/vite-teach.ts';

// A relative base lets the built app run from any sub-path or straight from a folder.
export default defineConfig(({ mode }) => ({
  base: './',
  plugins: [react(), teachBuild()],
  worker: { format: 'es' },
  build:
    mode === FOLDER_MODE
      ? // The copy for a folder (file://), where Chromium refuses module scripts: one classic script with every
        // lazy part inlined, started by `open-from-folder.js` (scripts/vite-teach.ts). Built after the hosted one.
        {
          target: 'es2022',
          sourcemap: true,
          emptyOutDir: false,
          // Styles as a file (dropped: the page links the hosted build's one), never injected by script.
          cssCodeSplit: false,
          copyPublicDir: false,
          modulePreload: false,
          chunkSizeWarningLimit: 1024,
          rolldownOptions: {
            input: 'src/main.tsx',
            // A classic script has no `import.meta`: it becomes `{}`, and fixScriptUrls gives the URLs a base.
            onLog: (level, log, handler) => (log.code === 'EMPTY_IMPORT_META' ? undefined : handler(level, log)),
            output: { format: 'iife', codeSplitting: false, entryFileNames: 'election-lab.js' },
          },
        }
      : // The hosted build: ES modules, split so that compare mode, lessons, experiments and the in-page engine load
        // when first used (issue 9: initial JS ≤ 150 KB gzipped).
        // closeBundle builds the folder copy, which rolldown would report as a slow plugin.
        { target: 'es2022', sourcemap: true, cssCodeSplit: false, rolldownOptions: { checks: { pluginTimings: false } } },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['src/engine/testing/fast-check-seed.ts'],
    testTimeout: 120_000,
    // Threads start faster than forks, and Vitest's default of one worker fewer than the cores leaves half of a
    // 2-core machine idle: 89 s → 55 s for the suite there (issue 13: the whole `.ci/run` ≤ 10 min).
    pool: 'threads',
    maxWorkers: availableParallelism(),
  },
}));
