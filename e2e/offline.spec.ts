/**
 * Offline and deployable (issue 8): the built app asks no other host for anything, runs under a strict
 * Content-Security-Policy without a violation, uses only relative URLs (any sub-path), opens from a folder
 * (file://, the engine then runs in the page), and installs as a PWA that reloads offline.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { Lab, ready } from './pages/lab';

const DIST = resolve(process.env.E2E_DIST ?? 'dist');

type Win = Window & { __sim: { status(): string; transport(): string | null; leader(): number | null }; __lesson: { state(): { step: number } }; __cspViolations: string[] };

async function trackCsp(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as Win;
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

async function running(page: Page) {
  await ready(page);
}

test('no request leaves localhost, and the CSP is never violated: a lesson, the lesson list, help and exports', async ({ page, context }) => {
  const foreign: string[] = [];
  const seen: string[] = [];
  const check = (url: string) => {
    seen.push(url);
    const u = new URL(url);
    if (u.protocol === 'data:' || u.protocol === 'blob:') return;
    if (u.hostname !== '127.0.0.1' && u.hostname !== 'localhost') foreign.push(url);
  };
  context.on('request', (r) => check(r.url()));
  page.on('worker', (w) => check(w.url()));
  await trackCsp(page);
  await page.goto('./?test=1&lesson=bully-flapping&speed=20000&theme=dark');
  await running(page);
  await page.getByRole('button', { name: 'Next step' }).click();
  await new Lab(page).arrive(0);
  await expect(page.getByText('Step 1 of 4')).toBeVisible();
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  await page.keyboard.press('Escape');
  for (const item of ['Ring as SVG', 'Ring as PNG', 'Lesson step as picture (PNG)']) {
    await page.getByRole('button', { name: 'Export' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: item }).click();
    expect((await download).suggestedFilename()).toMatch(/^election-lab-bully-flapping-\d+ms(-step1)?\.(svg|png)$/);
  }
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await expect(page.getByRole('button', { name: '下一步' })).toBeVisible();
  expect(seen.length).toBeGreaterThan(2);
  expect(foreign).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as Win).__cspViolations)).toEqual([]);
  // The worker really runs (the CSP allows it).
  expect(await page.evaluate(() => (window as unknown as Win).__sim.transport())).toBe('worker');
});

test('the built index.html has a strict CSP, a manifest and only relative URLs', async () => {
  const html = readFileSync(resolve(DIST, 'index.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain('worker-src');
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).not.toContain('unsafe-inline');
  const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
  for (const u of urls) expect(u.startsWith('./') || u.startsWith('data:'), u).toBe(true);
  expect(html.replace(/"data:[^"]*"/g, '""')).not.toMatch(/https?:\/\//);
  const manifest = JSON.parse(readFileSync(resolve(DIST, 'manifest.webmanifest'), 'utf8'));
  expect(manifest.start_url).toBe('./');
  for (const icon of manifest.icons) expect(existsSync(resolve(DIST, icon.src))).toBe(true);
  const sw = readFileSync(resolve(DIST, 'sw.js'), 'utf8');
  expect(sw).toContain('./index.html');
  expect(sw).not.toMatch(/https?:\/\//);
});

test('opened from a folder (file://): the engine runs in the page and a lesson steps', async ({ page }) => {
  await trackCsp(page);
  await page.goto(`${pathToFileURL(resolve(DIST, 'index.html')).href}?test=1&lesson=raft-split-vote&speed=20000`);
  await running(page);
  expect(await page.evaluate(() => (window as unknown as Win).__sim.transport())).toBe('in-process');
  await page.getByRole('button', { name: 'Next step' }).click();
  await new Lab(page).arrive(0);
  await expect(page.getByText('Step 1 of 5')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as Win).__cspViolations)).toEqual([]);
});

test('installable PWA: the service worker takes over and the app reloads offline', async ({ page, context }) => {
  await page.goto('./?test=1&lesson=bully-rule&speed=20000');
  await running(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await running(page);
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await running(page);
  await page.getByRole('button', { name: 'Next step' }).click();
  await new Lab(page).arrive(0);
  await expect(page.getByText('Step 1 of 6')).toBeVisible();
  await context.setOffline(false);
});
