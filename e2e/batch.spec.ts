/**
 * The Experiments screen (issue 7): a batch run in Web Workers completes, draws its charts, and its CSV
 * downloads; Cancel stops a run. Small K keeps the spec fast.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

async function openExperiments(page: Page) {
  await page.goto('./?test=1&paused=1');
  await page.waitForFunction(() => (window as unknown as { __sim?: { status(): string } }).__sim?.status() === 'running');
  await page.getByRole('button', { name: 'Experiments' }).click();
  const dialog = page.getByRole('dialog', { name: 'Experiments' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function fill(page: Page, label: string | RegExp, value: number) {
  await page.getByLabel(label, { exact: typeof label === 'string' }).fill(String(value));
}

test('a batch run completes, draws its charts, and its CSV downloads', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const dialog = await openExperiments(page);
  await fill(page, 'Seeds (K)', 40);
  await fill(page, 'Sweep n from', 3);
  await fill(page, 'to', 25);
  await fill(page, 'step', 2);
  await dialog.getByRole('button', { name: 'Run' }).click();
  await expect(dialog.getByText(/Done: \d/)).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByRole('progressbar', { name: 'Progress' })).toHaveAttribute('value', /\d+/);
  // Histograms per algorithm (election time and messages per election) and the sweep over n.
  await expect(dialog.locator('svg.histogram')).toHaveCount(6);
  await expect(dialog.locator('svg.histogram rect').first()).toBeAttached();
  const sweep = dialog.getByRole('img', { name: 'Messages per election vs n' });
  await expect(sweep).toBeVisible();
  await expect(sweep.locator('[data-series="raft"] circle')).toHaveCount(12);
  // The results table: 3 algorithms × 12 sizes (n = 5 is in the sweep).
  await expect(dialog.locator('.batch-table tbody tr')).toHaveCount(36);
  await sweep.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/compare-experiments.png' });
  await dialog.locator('.hist-grid').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/compare-experiments-histograms.png' });

  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  const lines = csv.trim().split(/\r\n/);
  expect(lines[0]).toContain('algorithm,n,seed');
  expect(lines.length).toBe(1 + 36 * 40);

  const [svg] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save Messages per election vs n as SVG' }).click()]);
  expect(readFileSync(await svg.path(), 'utf8')).toContain('<svg');
  const [png] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save Messages per election vs n as PNG' }).click()]);
  expect(readFileSync(await png.path()).subarray(1, 4).toString()).toBe('PNG');
});

test('Cancel stops a running batch', async ({ page }) => {
  const dialog = await openExperiments(page);
  await fill(page, 'Seeds (K)', 2000);
  await dialog.getByRole('button', { name: 'Run' }).click();
  await expect(dialog.getByText(/of [\d,]+ runs/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByText('Cancelled.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Run' })).toBeEnabled();
});
