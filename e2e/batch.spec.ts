/**
 * The Experiments screen (issue 7): a batch run in Web Workers completes, draws its charts, and its CSV
 * downloads; Cancel stops a run.
 *
 * Issue 13: the batch is fixed in size and seeds (K = 4 from seed 1, n = 5, a sweep 3..13 step 2: 6 points per algorithm,
 * 24 runs per algorithm), the test waits on the state the dialog exposes (`data-batch-status`, `data-batch-done`), with a
 * ceiling sized for a busy 2-core machine, and the CSV the page downloads must equal the one the same runner
 * computes in Node from the same request (the engine is deterministic; the chunks run in-process here).
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ExperimentRunner, type ExperimentRequest, type WorkerLike } from '../src/store/batch-runner';
import { sweepRunsCsv } from '../src/view/metrics/csv';
import { runChunk } from '../src/worker/batch-host';
import type { ChunkRequest, FromBatchWorker } from '../src/worker/batch-protocol';
import { ALGORITHM_NAMES } from '../src/engine/core/types';

async function openExperiments(page: Page) {
  await page.goto('./?test=1&paused=1');
  await page.waitForFunction(() => (window as unknown as { __sim?: { status(): string } }).__sim?.status() === 'running');
  await page.getByRole('button', { name: 'Experiments' }).click();
  const dialog = page.getByRole('dialog', { name: 'Experiments' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('data-batch-status', 'idle');
  return dialog;
}

async function fill(page: Page, label: string | RegExp, value: number) {
  await page.getByLabel(label, { exact: typeof label === 'string' }).fill(String(value));
}

const REQUEST: ExperimentRequest = { experiment: 'leader-crash', algorithms: [...ALGORITHM_NAMES], seeds: 4, firstSeed: 1, nodes: 5, sweep: { from: 3, to: 13, step: 2 } };
/** The sweep's sizes: 3, 5, …, 13. */
const POINTS = 6;
/** The dialog runs every registered algorithm by default: K seeds × the sweep's points × the algorithms. */
const runsOf = (seeds: number) => seeds * POINTS * ALGORITHM_NAMES.length;
const RUNS = runsOf(REQUEST.seeds);

/** The per-run CSV of `req` as the Experiments screen computes it, with the chunks run in-process in Node. */
async function headlessRunsCsv(req: ExperimentRequest): Promise<string> {
  const factory = (): WorkerLike => {
    const w: WorkerLike = {
      onmessage: null,
      postMessage: (m: ChunkRequest) => queueMicrotask(() => runChunk(structuredClone(m), (out: FromBatchWorker) => w.onmessage?.({ data: structuredClone(out) }))),
      terminate: () => {},
    };
    return w;
  };
  const result = await new ExperimentRunner(factory, 1, () => 0).run(req);
  if (!result) throw new Error('the headless batch did not finish');
  return sweepRunsCsv(result.points);
}

test('a batch run completes, draws its charts, and its CSV downloads', async ({ page }) => {
  // 24 runs per algorithm up to n = 13 in the page's workers: seconds on a quiet machine, more under load.
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  const dialog = await openExperiments(page);
  // The experiment select (its label also holds the options' text): leader crash, the default.
  await expect(dialog.locator('select').first()).toHaveValue(REQUEST.experiment);
  await fill(page, 'Seeds (K)', REQUEST.seeds);
  await fill(page, 'First seed', REQUEST.firstSeed);
  await fill(page, 'Nodes (histograms)', REQUEST.nodes);
  await fill(page, 'Sweep n from', REQUEST.sweep!.from);
  await fill(page, 'to', REQUEST.sweep!.to);
  await fill(page, 'step', REQUEST.sweep!.step);
  await dialog.getByRole('button', { name: 'Run' }).click();
  await expect(dialog).toHaveAttribute('data-batch-total', String(RUNS));
  await expect(dialog).toHaveAttribute('data-batch-status', 'done', { timeout: 200_000 });
  await expect(dialog).toHaveAttribute('data-batch-done', String(RUNS));
  await expect(dialog.getByText(new RegExp(`Done: ${RUNS.toLocaleString('en')} runs in`))).toBeVisible();
  await expect(dialog.getByRole('progressbar', { name: 'Progress' })).toHaveAttribute('value', /\d+/);
  // Histograms per algorithm (election time and messages per election) and the sweep over n.
  await expect(dialog.locator('svg.histogram')).toHaveCount(2 * ALGORITHM_NAMES.length);
  await expect(dialog.locator('svg.histogram rect').first()).toBeAttached();
  const sweep = dialog.getByRole('img', { name: 'Messages per election vs n' });
  await expect(sweep).toBeVisible();
  // Every algorithm's measured medians over its own theory curve (issue 15: Paxos against 3(N−1)).
  for (const alg of ALGORITHM_NAMES) {
    await expect(sweep.locator(`[data-series="${alg}"] circle`)).toHaveCount(POINTS);
    await expect(sweep.locator(`path[data-theory="${alg}"]`).first()).toHaveAttribute('d', /^M[\d.]+,[\d.]+L/);
  }
  await expect(sweep.locator('.chart-legend')).toContainText('Multi-Paxos: Prepare, Promise and the first Heartbeat, 3(N−1)');
  await expect(sweep.locator('[data-series="paxos"] circle title').first()).toHaveText(/^Multi-Paxos n=3: \d+$/);
  // The results table: every algorithm × the sweep's sizes (n = 5 is in the sweep).
  await expect(dialog.locator('.batch-table tbody tr')).toHaveCount(POINTS * ALGORITHM_NAMES.length);
  await sweep.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/compare-experiments.png' });
  await dialog.locator('.hist-grid').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/compare-experiments-histograms.png' });

  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  const lines = csv.trim().split(/\r\n/);
  expect(lines[0]).toContain('algorithm,n,seed');
  expect(lines.length).toBe(1 + RUNS);
  // The same runs as the engine gives in Node for the same request.
  expect(csv).toBe(await headlessRunsCsv(REQUEST));

  const [svg] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save Messages per election vs n as SVG' }).click()]);
  expect(readFileSync(await svg.path(), 'utf8')).toContain('<svg');
  const [png] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save Messages per election vs n as PNG' }).click()]);
  expect(readFileSync(await png.path()).subarray(1, 4).toString()).toBe('PNG');
});

test('Cancel stops a running batch', async ({ page }) => {
  const dialog = await openExperiments(page);
  // 2,000 seeds × 6 points × every algorithm: far more than can finish before the click below, even on a quiet machine.
  await fill(page, 'Seeds (K)', 2000);
  await fill(page, 'Sweep n from', REQUEST.sweep!.from);
  await fill(page, 'to', REQUEST.sweep!.to);
  await fill(page, 'step', REQUEST.sweep!.step);
  await dialog.getByRole('button', { name: 'Run' }).click();
  await expect(dialog).toHaveAttribute('data-batch-status', 'running');
  await expect(dialog).toHaveAttribute('data-batch-total', String(runsOf(2000)));
  await expect(dialog.getByText(/of [\d,]+ runs/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveAttribute('data-batch-status', 'cancelled');
  await expect(dialog.getByText('Cancelled.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Run' })).toBeEnabled();
});
