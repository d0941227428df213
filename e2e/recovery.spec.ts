/**
 * Faults of our own: the worker throws or dies; the page says so, starts a new worker, replays the action
 * log and comes back to the same state. Bad query parameters are named in an alert, never a blank page.
 */
import { expect, test } from '@playwright/test';
import { Lab } from './pages/lab';

test('a worker killed mid-run is replaced and the run comes back to the same state', async ({ page }) => {
  const lab = await new Lab(page).open({ algorithm: 'bully', nodes: 5, paused: true });
  const leader = await lab.advanceToLeader(() => true, 100);
  await lab.menuAction(leader, 'Crash');
  await lab.advanceToLeader((id) => id !== leader, 100);
  const before = { hash: await lab.sim<string>('traceHash'), time: await lab.sim<number>('viewTime'), nodes: await lab.nodes() };

  // The worker vanishes without a word; the next request goes unanswered and the watchdog notices.
  await page.evaluate(() => (window as unknown as { __sim: { killWorker(): void } }).__sim.killWorker());
  await page.getByRole('button', { name: 'Step forward' }).click();
  // The watchdog's patience is wall time by design (a worker that is gone says nothing): a ceiling, not a wait.
  await expect(page.getByRole('alert').filter({ hasText: 'restarted' })).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => lab.sim<string>('status')).toBe('running');
  expect(await lab.sim<number>('recoveries')).toBe(1);
  expect(await lab.sim<number>('viewTime')).toBe(before.time);
  expect(await lab.sim<string>('traceHash')).toBe(before.hash);
  expect(await lab.nodes()).toEqual(before.nodes);
  await expect(lab.node(leader)).toHaveAttribute('data-alive', 'false');
});

test('an engine exception in the worker is shown and recovered from while playing', async ({ page }) => {
  // Virtual time to the first leader, then Play: the exception hits a playing page, which is all "while
  // playing" needs (the bridge says it plays); nothing waits for real-time progress.
  const lab = await new Lab(page).open({ algorithm: 'bully', nodes: 5, paused: true });
  await lab.advanceToLeader(() => true, 100);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => lab.sim<boolean>('playing')).toBe(true);
  await page.evaluate(() => (window as unknown as { __sim: { crashWorker(): void } }).__sim.crashWorker());
  await expect(page.getByRole('alert').filter({ hasText: 'engine crashed' })).toBeVisible();
  await expect.poll(() => lab.sim<number>('recoveries')).toBe(1);
  await expect.poll(() => lab.sim<string>('status')).toBe('running');
  // The new worker carries the run on: pause, drive it 1 s of virtual time further; it has its leader, as the
  // engine says (advanceToLeader runs the page's own scenario headless and checks the page shows that leader).
  await lab.pause();
  await lab.settled();
  const resumed = await lab.sim<number>('viewTime');
  await lab.advanceTo(Math.ceil(resumed) + 1000);
  await lab.advanceToLeader();
  expect(await lab.sim<number>('viewTime')).toBeGreaterThan(resumed + 999);
});

test('bad query parameters are ignored with an alert naming each', async ({ page }) => {
  // Paused: nothing here depends on time, so nothing plays on the wall clock.
  await page.goto('./?test=1&paused=1&nodes=500&algorithm=pbft&speed=abc&theme=pink');
  const alerts = page.getByRole('alert');
  await expect(alerts.filter({ hasText: 'nodes=500' })).toBeVisible();
  await expect(alerts.filter({ hasText: 'algorithm=pbft' })).toBeVisible();
  await expect(alerts.filter({ hasText: 'speed=abc' })).toBeVisible();
  await expect(alerts.filter({ hasText: 'theme=pink' })).toBeVisible();
  await expect(page.locator('[data-node-id]')).toHaveCount(5);
});

test('the Chinese interface switches every name', async ({ page }) => {
  await page.goto('./?test=1&lang=zh&paused=1');
  await expect(page.getByRole('button', { name: '播放' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '算法' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('没有领导者');
});
