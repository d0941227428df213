/**
 * Faults by click, for each algorithm: crash the leader through its menu and see another node lead; revive;
 * isolate and heal; split the ring with the partition tool and see the cluster split as drawn.
 */
import { expect, test } from '@playwright/test';
import { Lab } from './pages/lab';

const ALGORITHMS = ['bully', 'raft', 'zab'] as const;

for (const algorithm of ALGORITHMS) {
  test.describe(algorithm, () => {
    test.beforeEach(async ({ page }) => {
      const lab = new Lab(page);
      await lab.open({ algorithm, nodes: 5, seed: 2 });
    });

    test('crashing the leader through its menu makes another node leader; reviving works', async ({ page }) => {
      const lab = new Lab(page);
      const first = await lab.waitForLeader();
      await lab.menuAction(first, 'Crash');
      await expect(lab.node(first)).toHaveAttribute('data-alive', 'false');
      await expect(lab.nodeButton(first)).toHaveAccessibleName(/crashed/);
      const second = await lab.waitForLeader((id) => id !== first);
      expect(second).not.toBe(first);
      await lab.menuAction(first, 'Revive');
      await expect(lab.node(first)).toHaveAttribute('data-alive', 'true');
      await lab.waitForLeader();
      const actions = await lab.sim<{ do: string; at: number }[]>('actions');
      expect(actions.map((a) => a.do)).toEqual(['crash', 'revive']);
      expect(actions[1].at).toBeGreaterThan(actions[0].at);
    });

    test('isolating the leader and healing the network', async ({ page }) => {
      const lab = new Lab(page);
      const first = await lab.waitForLeader();
      await lab.menuAction(first, 'Isolate');
      await expect.poll(async () => (await lab.network()).group[first]).not.toBe(0);
      if (algorithm !== 'bully') {
        // The other four are a majority: they elect a new leader.
        await lab.waitForLeader((id) => id !== first);
      }
      await page.getByRole('button', { name: 'Heal network' }).click();
      await expect.poll(async () => (await lab.network()).group.every((g) => g === 0)).toBe(true);
      const leader = await lab.waitForLeader();
      const nodes = await lab.nodes();
      await expect.poll(async () => (await lab.nodes()).filter((n) => n.node !== leader && n.leader === leader).length, { timeout: 15_000 }).toBe(4);
      expect(nodes).toHaveLength(5);
    });

    test('a partition drawn with the tool splits the cluster as shown', async ({ page }) => {
      const lab = new Lab(page);
      await lab.waitForLeader();
      // Nodes sit at 0°, 72°, 144°, 216°, 288°: a line from 108° to 324° cuts {1, 2} from {3, 4, 5}.
      await lab.drawSplit(108, 324);
      await expect.poll(async () => {
        const g = (await lab.network()).group;
        return g[1] === g[2] && g[3] === g[4] && g[4] === g[5] && g[1] !== g[3];
      }).toBe(true);
      await expect(page.locator('.group-label')).toHaveCount(2);
      await expect(page.locator('.divider')).toHaveCount(1);
      if (algorithm === 'bully') {
        // No quorum: each side elects its own highest node (split brain), so there is no cluster leader.
        await expect.poll(async () => (await lab.nodes()).map((n) => n.leader), { timeout: 15_000 }).toEqual([2, 2, 5, 5, 5]);
        await expect(lab.status).toContainText('No leader');
      } else {
        // Only the majority side elects.
        const leader = await lab.waitForLeader((id) => id >= 3);
        expect(leader).toBeGreaterThanOrEqual(3);
        await expect.poll(async () => (await lab.nodes()).filter((n) => n.node >= 3 && n.leader === leader).length, { timeout: 15_000 }).toBe(3);
      }
      await page.getByRole('button', { name: 'Heal network' }).click();
      await lab.waitForLeader();
    });

    test('messages fly with data-msg-kind and open their details on click', async ({ page }) => {
      const lab = new Lab(page);
      await lab.open({ algorithm, nodes: 5, seed: 2, paused: true });
      const kind = { bully: 'Election', raft: 'RequestVote', zab: 'Notification' }[algorithm];
      const step = page.getByRole('button', { name: 'Step forward' });
      await expect(async () => {
        await step.click();
        await expect(page.locator(`[data-msg-kind="${kind}"]`).first()).toBeAttached({ timeout: 200 });
      }).toPass({ timeout: 20_000 });
      // Right after a step the message sits at its sender, under the node: dispatch the click to it.
      await page.locator(`[data-msg-kind="${kind}"]`).first().dispatchEvent('click');
      await expect(page.getByRole('dialog', { name: 'Message' })).toContainText(kind);
      await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    });
  });
}
