/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { teachBuild } from './scripts/vite-teach';

// A relative base lets the built app run from any sub-path or straight from a folder.
export default defineConfig({
  base: './',
  plugins: [react(), teachBuild()],
  worker: { format: 'es' },
  // One classic script (no module imports between chunks), so the built app also opens from a folder.
  build: { target: 'es2022', sourcemap: true, cssCodeSplit: false, rolldownOptions: { output: { format: 'iife', codeSplitting: false } } },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 120_000,
  },
});
