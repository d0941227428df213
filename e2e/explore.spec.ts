/**
 * The Explore screen (issue 16): the model checker runs in a Web Worker, finds Bully's split brain under one
 * partition at n = 3, shows the violated invariant and the schedule, and opens it on the ring, where stepping
 * reaches the violation at the instant the explorer found it; Raft in small bounds reports no violation.
 * What the counterexample is comes from the same explorer in Node (the engine is deterministic).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { parseExploreConfig } from '../src/engine/explore/config';
import { explore } from '../src/engine/explore/explore';
import { Lab } from './pages/lab';

async function openExplore(page: Page) {
  await page.getByRole('button', { name: 'Explore', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Explore every interleaving' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('data-explore-status', 'idle');
  return dialog;
}

async function fill(dialog: Locator, label: string, value: number) {
  await dialog.getByLabel(label, { exact: true }).fill(String(value));
}

test("Bully n = 3 with a partition: a split-brain counterexample that opens on the ring and steps to the violation", async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  const headless = explore(parseExploreConfig({ algorithm: 'bully', nodes: 3, partitions: 1, maxDepth: 10, maxStates: 200_000 })).counterexample!;
  const lab = await new Lab(page).open({ paused: true });
  const dialog = await openExplore(page);
  await dialog.getByLabel('Algorithm').selectOption('bully');
  await fill(dialog, 'Nodes', 3);
  await fill(dialog, 'Partitions', 1);
  await fill(dialog, 'Depth (steps)', 10);
  await dialog.getByRole('button', { name: 'Run' }).click();
  await expect(dialog).toHaveAttribute('data-explore-status', 'done');
  await expect(dialog).toHaveAttribute('data-explore-outcome', 'counterexample');
  await expect(dialog.getByRole('progressbar', { name: 'Search progress' })).toBeVisible();
  const violation = dialog.locator('[data-invariant]');
  await expect(violation).toHaveAttribute('data-invariant', 'split-brain');
  await expect(violation).toContainText('Violated: split brain');
  const steps = dialog.getByRole('list', { name: 'The schedule' }).getByRole('listitem');
  await expect(steps).toHaveCount(headless.steps.length + 1); // the boot, then every step
  await expect(dialog.locator('li[data-step="partition"]')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/screens/explore-counterexample.png' });

  await dialog.getByRole('button', { name: 'Open on the ring' }).click();
  await expect(dialog).toBeHidden();
  // Paused just before the last step, with the schedule pinned: the ring replays the explorer's path.
  const start = Math.max(0, ...headless.steps.map((s) => s.t).filter((t) => t < headless.at));
  await lab.settled(start);
  const loaded = (await page.evaluate(() => (window as unknown as { __sim: { scenario(): { pinned?: unknown } } }).__sim.scenario())) as { pinned?: unknown };
  expect(loaded.pinned).toEqual(JSON.parse(JSON.stringify(headless.scenario.pinned)));
  const anomalies = () => page.evaluate(() => (window as unknown as { __sim: { anomalies(): { t: number; kind: string }[] } }).__sim.anomalies());
  expect(await anomalies()).toEqual([]);
  // Step forward until the violation's instant (a few steps at most: the events of the last step's instant).
  for (let i = 0; i < 10; i++) {
    const now = await page.evaluate(() => (window as unknown as { __sim: { viewTime(): number } }).__sim.viewTime());
    if (now >= headless.at) break;
    await page.getByRole('button', { name: 'Step forward' }).click();
    await page.waitForFunction((now) => {
      const s = (window as unknown as { __sim: { settled(): boolean; viewTime(): number } }).__sim;
      return s.settled() && s.viewTime() > now;
    }, now);
  }
  await lab.settled(headless.at);
  const found = await anomalies();
  expect(found.map((a) => ({ t: a.t, kind: a.kind }))).toContainEqual({ t: headless.at, kind: 'split-brain' });
  await lab.screenshot('explore-on-the-ring');
});

test('Raft n = 3 in small bounds: no violation', async ({ page }) => {
  await new Lab(page).open({ paused: true });
  const dialog = await openExplore(page);
  await dialog.getByLabel('Algorithm').selectOption('raft');
  await fill(dialog, 'Nodes', 3);
  await fill(dialog, 'Partitions', 0);
  await fill(dialog, 'Crashes', 1);
  await fill(dialog, 'Depth (steps)', 5);
  await fill(dialog, 'State bound', 5000);
  await dialog.getByRole('button', { name: 'Run' }).click();
  await expect(dialog).toHaveAttribute('data-explore-status', 'done', { timeout: 60_000 });
  await expect(dialog).toHaveAttribute('data-explore-outcome', 'safe');
  // The worker searched exactly what the explorer in Node does for the same bounds (the benchmark's hooks).
  const headless = explore(parseExploreConfig({ algorithm: 'raft', nodes: 3, crashes: 1, maxDepth: 5, maxStates: 5000 }));
  await expect(dialog).toHaveAttribute('data-explore-states', String(headless.states));
  await expect(dialog).toHaveAttribute('data-explore-ms', /^\d+$/);
  await expect(dialog.getByText(`No violation in ${headless.states.toLocaleString('en')} states up to depth ${headless.completeDepth}.`)).toBeVisible();
  await expect(dialog.locator('[data-invariant]')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/explore-safe.png' });
});

test('Cancel stops a running search', async ({ page }) => {
  await new Lab(page).open({ paused: true });
  const dialog = await openExplore(page);
  await dialog.getByLabel('Algorithm').selectOption('raft');
  await fill(dialog, 'Nodes', 4);
  await fill(dialog, 'Partitions', 0);
  await fill(dialog, 'Crashes', 2);
  await fill(dialog, 'Depth (steps)', 60);
  await fill(dialog, 'State bound', 5000000);
  await dialog.getByRole('button', { name: 'Run' }).click();
  await expect(dialog).toHaveAttribute('data-explore-status', 'running');
  await expect(dialog.getByText(/states\/s · depth \d+ · frontier/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveAttribute('data-explore-status', 'cancelled');
  await expect(dialog.getByText('Cancelled.')).toBeVisible();
});
