/**
 * The explorer lessons (issue 16): "Raft is safe in all N orderings, Bully is not — here is one" walked step by
 * step in the page, stopping at the explorer's own counterexample (split brain), and its "Run the explorer"
 * opening Explore with the lesson's search and showing the real result; "Figure 8 found by the explorer"
 * stopping at the commit by count and at the leader that lacks it. The expected figures come from the same
 * explorer in Node (the engine is deterministic).
 */
import { expect, test } from '@playwright/test';
import { parseExploreConfig } from '../src/engine/explore/config';
import { explore } from '../src/engine/explore/explore';
import { formConfig } from '../src/engine/explore/presets';
import { EXPLORE_BULLY_SPLIT } from '../src/lessons/library/explore-forms';
import { Lab } from './pages/lab';

type Sim = { __sim: { anomalies(): { t: number; kind: string }[]; viewTime(): number } };

test('"Raft is safe in all N orderings, Bully is not": the lesson stops at the split brain, and its search runs in Explore', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  const headless = explore(parseExploreConfig(formConfig(EXPLORE_BULLY_SPLIT)));
  const cx = headless.counterexample!;
  const lab = await new Lab(page).openLesson('explore-raft-safe-bully-not');
  const card = page.locator('.lesson-card');
  await expect(card.getByRole('heading', { name: /Raft is safe in all [\d,]+ orderings, Bully is not/ })).toBeVisible();
  expect(await lab.nextPause()).toBe(0);
  await expect(card).toContainText('no violation');
  expect(await lab.nextPause()).toBe(1);
  const at = await page.evaluate(() => (window as unknown as Sim).__sim.viewTime());
  expect(at).toBe(cx.at);
  expect(await page.evaluate(() => (window as unknown as Sim).__sim.anomalies())).toEqual([expect.objectContaining({ t: cx.at, kind: 'split-brain' })]);
  await card.getByRole('button', { name: 'Run the explorer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Explore every interleaving' });
  await expect(dialog).toHaveAttribute('data-explore-status', 'done');
  await expect(dialog).toHaveAttribute('data-explore-outcome', 'counterexample');
  await expect(dialog.locator('[data-invariant]')).toHaveAttribute('data-invariant', 'split-brain');
  await expect(dialog).toContainText(`after ${headless.states.toLocaleString('en-US')} states`);
  await expect(dialog.getByLabel('Algorithm')).toHaveValue('bully');
  await expect(dialog.getByLabel('Partitions', { exact: true })).toHaveValue('1');
  await page.screenshot({ path: 'test-results/screens/explore-lesson.png' });
});

test('"Figure 8 found by the explorer": the commit by count, then a leader without it; Explore offers the switch and the Figure 8 start for Raft', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  const lab = await new Lab(page).openLesson('raft-figure-8-explored');
  const card = page.locator('.lesson-card');
  const times: number[] = [];
  for (let i = 0; i < 4; i++) {
    expect(await lab.nextPause()).toBe(i);
    times.push(await page.evaluate(() => (window as unknown as Sim).__sim.viewTime()));
  }
  expect(times).toEqual([150, 300, 450, 600]);
  await expect(card).toContainText('R-S4');
  await expect(card.getByRole('button', { name: 'Run the explorer' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/explore-figure-8-lesson.png' });
  // The dialog's Raft options: the teaching switch and the Figure 8 start (the search itself is a unit test's).
  await page.getByRole('button', { name: 'Explore', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Explore every interleaving' });
  await dialog.getByLabel('Algorithm').selectOption('raft');
  await dialog.getByLabel('Start').selectOption('figure-8');
  await dialog.getByLabel(/Commit old-term entries by count/).check();
  await expect(dialog.getByLabel('Depth (steps)')).toHaveValue('15');
  await expect(dialog).toContainText('scripted first election');
  await page.screenshot({ path: 'test-results/screens/explore-figure-8-options.png' });
});
