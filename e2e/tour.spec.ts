/**
 * A new user's tour, with screenshots to look at: pick an algorithm, crash the leader, watch the election,
 * split the network, inspect a node, heal. Also ZAB with observers, and a 101-node ring.
 */
import { expect, test } from '@playwright/test';
import { Lab } from './pages/lab';
import { FULL_SUITE } from './pages/suite';

test('tour: Raft, crash the leader, split, inspect, heal', async ({ page }) => {
  // Virtual time: paused throughout, the clock driven to each moment the headless run names.
  const lab = await new Lab(page).open({ algorithm: 'raft', nodes: 7, seed: 11, paused: true });
  const leader = await lab.advanceToLeader(() => true, 100);
  await lab.menuAction(leader, 'Crash');
  const election = await lab.advanceUntil((s) => [...s.nodes.values()].some((n) => n.alive && n.role === 'candidate'), 'a candidate');
  await lab.advanceTo(election.t + 8);
  expect((await lab.nodes()).some((n) => n.role === 'candidate')).toBe(true);
  await lab.screenshot('tour-1-raft-election-after-crash');
  const second = await lab.advanceToLeader((id) => id !== leader, 100);
  // Split {1,2,3} from {4..7}: nodes at multiples of 360/7 degrees.
  await lab.drawSplit(3.5 * (360 / 7), 360 - 0.5 * (360 / 7));
  await expect(page.locator('.divider')).toHaveCount(1);
  await lab.advanceTo((await lab.sim<number>('viewTime')) + 200);
  await lab.openMenu(second);
  await page.getByRole('menuitem', { name: 'Inspect' }).click();
  await expect(page.locator('[data-inspected-node]')).toBeVisible();
  await lab.screenshot('tour-2-raft-partition-inspector');
  await page.getByRole('button', { name: 'Heal network' }).click();
  await lab.advanceToLeader();
});

test('ZAB with observers, one crashed', async ({ page }) => {
  const lab = await new Lab(page).open({ algorithm: 'zab', nodes: 5, observers: 2, seed: 4, paused: true });
  const leader = await lab.advanceToLeader(() => true, 100);
  await expect(lab.nodeButton(6)).toHaveAccessibleName(/observer/);
  await lab.menuAction(2 === leader ? 3 : 2, 'Crash');
  await lab.advanceTo((await lab.sim<number>('viewTime')) + 150);
  await expect(lab.node(2 === leader ? 3 : 2)).toHaveAttribute('data-alive', 'false');
  await lab.screenshot('tour-3-zab-observers');
});

test('101 nodes stay clean', async ({ page }) => {
  const lab = await new Lab(page).open({ algorithm: 'bully', nodes: 101, paused: true });
  await lab.advanceTo(60);
  await lab.screenshot('tour-4-bully-101');
  await expect(page.locator('[data-node-id]')).toHaveCount(101);
});

// A screenshot at laptop size (the full suite); Bully's election messages on the ring are checked in screens.spec.ts.
if (FULL_SUITE) test('laptop size 1280x720, light, Bully mid-election at n=5', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const lab = await new Lab(page).open({ algorithm: 'bully', nodes: 5, paused: true });
  // Mid-election: the first instant an Election message is out, then a few ms so it is in the air.
  const snap = await lab.advanceUntil((s) => (s.sentByKind.Election ?? 0) > 0, 'an Election message');
  await lab.advanceTo(snap.t + 5);
  await expect.poll(async () => (await lab.drawn()).glyphs.some((g) => g.kind === 'Election')).toBe(true);
  await lab.screenshot('tour-5-bully-laptop');
});
