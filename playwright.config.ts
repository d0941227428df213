import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests run against the built app (`vite preview`) in real Chromium. Playwright's own browser
 * download does not work everywhere, so Debian's Chromium is used when present; CHROMIUM_PATH overrides it,
 * and elsewhere Playwright's bundled browser takes over.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const port = Number(process.env.E2E_PORT ?? 4179);
const dist = process.env.E2E_DIST ?? 'dist';
/**
 * One Playwright worker (one Chromium: page, simulation worker) per core, at most 4: more only queue for the
 * same cores (and the preview server shares them). E2E_WORKERS overrides.
 */
const workers = Number(process.env.E2E_WORKERS) || Math.max(1, Math.min(4, availableParallelism()));

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: true,
  workers,
  // A test that passes only on a retry is a failing test (issue 13): never retry, in CI neither.
  retries: 0,
  // Sized for a busy 2-core machine (load average ~18 seen): tests drive virtual time, so these are ceilings
  // for work that got slow, not waits for something to happen.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    navigationTimeout: 60_000,
    baseURL: `http://127.0.0.1:${port}/`,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${dist}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
