/**
 * Faults by click, for each algorithm: crash the leader through its menu and see another node lead; revive;
 * isolate and heal; split the ring with the partition tool and see the cluster split as drawn.
 *
 * Virtual time (issue 13): the page opens paused and nothing plays in real time. Every click acts at a
 * displayed time the test chose; `Lab.advanceToLeader` / `advanceUntil` then run the page's own scenario (setup
 * and the action log the clicks made) in Node to find when the outcome comes, drive the page there and check
 * that it shows exactly that.
 */
import { expect, test } from '@playwright/test';
import type { Snapshot } from '../src/lessons/snapshot';
import { Lab } from './pages/lab';

const ALGORITHMS = ['bully', 'raft', 'zab'] as const;

for (const algorithm of ALGORITHMS) {
  test.describe(algorithm, () => {
    test.beforeEach(async ({ page }) => {
      const lab = new Lab(page);
      await lab.open({ algorithm, nodes: 5, seed: 2, paused: true });
    });

    test('crashing the leader through its menu makes another node leader; reviving works', async ({ page }) => {
      const lab = new Lab(page);
      const first = await lab.advanceToLeader(() => true, 100);
      await lab.menuAction(first, 'Crash');
      await expect(lab.node(first)).toHaveAttribute('data-alive', 'false');
      await expect(lab.nodeButton(first)).toHaveAccessibleName(/crashed/);
      const second = await lab.advanceToLeader((id) => id !== first, 100);
      expect(second).not.toBe(first);
      await lab.menuAction(first, 'Revive');
      await expect(lab.node(first)).toHaveAttribute('data-alive', 'true');
      // Revived, the node rejoins: time moves on until the cluster has a leader again, who all follow.
      await lab.advanceTo((await lab.sim<number>('viewTime')) + 50);
      const leader = await lab.advanceToLeader();
      const actions = await lab.sim<{ do: string; at: number }[]>('actions');
      expect(actions.map((a) => a.do)).toEqual(['crash', 'revive']);
      expect(actions[1].at).toBeGreaterThan(actions[0].at);
      expect(leader).toBeGreaterThan(0);
    });

    test('isolating the leader and healing the network', async ({ page }) => {
      const lab = new Lab(page);
      const first = await lab.advanceToLeader(() => true, 100);
      await lab.menuAction(first, 'Isolate');
      await expect.poll(async () => (await lab.network()).group[first]).not.toBe(0);
      if (algorithm !== 'bully') {
        // The other four are a majority: they elect a new leader.
        await lab.advanceToLeader((id) => id !== first, 100);
      } else await lab.advanceTo((await lab.sim<number>('viewTime')) + 500);
      await page.getByRole('button', { name: 'Heal network' }).click();
      await expect.poll(async () => (await lab.network()).group.every((g) => g === 0)).toBe(true);
      // Healed: the first instant at which all five follow one leader.
      const snap = await lab.advanceUntil((s) => s.leader !== null && [...s.nodes.values()].filter((n) => n.node !== s.leader && n.leader === s.leader).length === 4, 'all five under one leader');
      const nodes = await lab.nodes();
      expect(nodes).toHaveLength(5);
      expect(nodes.filter((n) => n.node !== snap.leader && n.leader === snap.leader)).toHaveLength(4);
      expect(await lab.leader()).toBe(snap.leader);
    });

    test('a partition drawn with the tool splits the cluster as shown', async ({ page }) => {
      const lab = new Lab(page);
      await lab.advanceToLeader(() => true, 100);
      // Nodes sit at 0°, 72°, 144°, 216°, 288°: a line from 108° to 324° cuts {1, 2} from {3, 4, 5}.
      await lab.drawSplit(108, 324);
      await expect.poll(async () => {
        const g = (await lab.network()).group;
        return g[1] === g[2] && g[3] === g[4] && g[4] === g[5] && g[1] !== g[3];
      }).toBe(true);
      await expect(page.locator('.group-label')).toHaveCount(2);
      await expect(page.locator('.divider')).toHaveCount(1);
      const leaders = (s: Snapshot) => [1, 2, 3, 4, 5].map((id) => s.nodes.get(id)?.leader ?? null);
      if (algorithm === 'bully') {
        // No quorum: each side elects its own highest node (split brain), so there is no cluster leader.
        await lab.advanceUntil((s) => JSON.stringify(leaders(s)) === '[2,2,5,5,5]', 'each side under its highest node');
        expect((await lab.nodes()).sort((a, b) => a.node - b.node).map((n) => n.leader)).toEqual([2, 2, 5, 5, 5]);
        await expect(lab.status).toContainText('No leader');
      } else {
        // Only the majority side elects.
        const snap = await lab.advanceUntil((s) => s.leader !== null && s.leader >= 3 && [3, 4, 5].every((id) => s.nodes.get(id)?.leader === s.leader), 'the majority side under one leader');
        expect(await lab.leader()).toBe(snap.leader);
        expect((await lab.nodes()).filter((n) => n.node >= 3 && n.leader === snap.leader)).toHaveLength(3);
        await expect(lab.status).toContainText(`Leader: Node ${snap.leader}`);
      }
      await page.getByRole('button', { name: 'Heal network' }).click();
      await lab.advanceToLeader();
    });

    test('messages fly (drawn on the canvas) and open their details on click', async ({ page }) => {
      const lab = new Lab(page);
      const kind = { bully: 'Election', raft: 'RequestVote', zab: 'Notification' }[algorithm];
      // Virtual time to the first instant a message of that kind has been sent: it is in flight. Then on 3
      // virtual ms at a time, paused, until the canvas draws one clear of the nodes (which instant is a
      // function of virtual time alone), and click where it drew it.
      const snap = await lab.advanceUntil((s) => (s.sentByKind[kind] ?? 0) > 0, `a ${kind} message`);
      let t = snap.t;
      while (!(await lab.findMessage(kind))) {
        t += 3;
        expect(t - snap.t, `a ${kind} drawn clear of the nodes within 300 virtual ms`).toBeLessThan(300);
        await lab.advanceTo(t);
      }
      const g = await lab.clickMessage(kind);
      await expect(page.getByRole('dialog', { name: 'Message' })).toContainText(kind);
      await expect(page.getByRole('dialog', { name: 'Message' })).toContainText(`${g.from}`);
      await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    });
  });
}
