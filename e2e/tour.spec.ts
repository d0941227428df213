/**
 * A new user's tour, with screenshots to look at: pick an algorithm, crash the leader, watch the election,
 * split the network, inspect a node, heal. Also ZAB with observers, and a 101-node ring.
 */
import { expect, test } from '@playwright/test';
import { Lab } from './pages/lab';

test('tour: Raft, crash the leader, split, inspect, heal', async ({ page }) => {
  const lab = await new Lab(page).open({ algorithm: 'raft', nodes: 7, seed: 11, speed: 120 });
  const leader = await lab.waitForLeader();
  await lab.menuAction(leader, 'Crash');
  await page.waitForFunction(() => (window as unknown as { __sim: { nodes(): { role: string }[] } }).__sim.nodes().some((n) => n.role === 'candidate'));
  await lab.pause();
  await lab.screenshot('tour-1-raft-election-after-crash');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  const second = await lab.waitForLeader((id) => id !== leader);
  // Split {1,2,3} from {4..7}: nodes at multiples of 360/7 degrees.
  await lab.drawSplit(3.5 * (360 / 7), 360 - 0.5 * (360 / 7));
  await expect(page.locator('.divider')).toHaveCount(1);
  await page.waitForTimeout(700);
  await lab.openMenu(second);
  await page.getByRole('menuitem', { name: 'Inspect' }).click();
  await expect(page.locator('[data-inspected-node]')).toBeVisible();
  await lab.pause();
  await lab.screenshot('tour-2-raft-partition-inspector');
  await page.getByRole('button', { name: 'Heal network' }).click();
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await lab.waitForLeader();
});

test('ZAB with observers, one crashed', async ({ page }) => {
  const lab = await new Lab(page).open({ algorithm: 'zab', nodes: 5, observers: 2, seed: 4 });
  const leader = await lab.waitForLeader();
  await expect(lab.nodeButton(6)).toHaveAccessibleName(/observer/);
  await lab.menuAction(2 === leader ? 3 : 2, 'Crash');
  await page.waitForTimeout(500);
  await lab.pause();
  await lab.screenshot('tour-3-zab-observers');
});

test('101 nodes stay clean', async ({ page }) => {
  const lab = await new Lab(page).open({ algorithm: 'bully', nodes: 101, speed: 30 });
  await page.waitForTimeout(1500);
  await lab.pause();
  await lab.screenshot('tour-4-bully-101');
  await expect(page.locator('[data-node-id]')).toHaveCount(101);
});

test('laptop size 1280x720, light, Bully mid-election at n=5', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const lab = await new Lab(page).open({ algorithm: 'bully', nodes: 5, speed: 25 });
  await page.waitForTimeout(1200);
  await lab.pause();
  await lab.screenshot('tour-5-bully-laptop');
});
