/**
 * Checks that the preview server the tests will talk to serves the build just made. Outside CI Playwright
 * reuses a server already listening on the port (`reuseExistingServer`), and `vite preview` keeps serving the
 * files it had when it started: a server left by an earlier build, or another checkout's on the same port,
 * would have the tests check old code and pass or fail for the wrong reason. The built index.html names its
 * assets by content hash, so comparing it with what the server sends tells the two builds apart.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FullConfig } from '@playwright/test';

export default async function globalSetup(config: FullConfig): Promise<void> {
  const dist = process.env.E2E_DIST ?? 'dist';
  const baseURL = config.projects[0]?.use.baseURL;
  if (!baseURL) return;
  const built = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '..', dist, 'index.html'), 'utf8');
  const served = await (await fetch(baseURL)).text();
  if (served !== built) {
    const port = new URL(baseURL).port;
    throw new Error(
      `The server on port ${port} serves a different build than ${dist}/ (a stale \`vite preview\` from an earlier ` +
        `build or another checkout). Stop it (e.g. \`pkill -f "port ${port}"\`) or set E2E_PORT to a free port, then run again.`,
    );
  }
}
