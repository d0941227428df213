/**
 * Multi-Paxos in real Chromium (issue 15): a Paxos lesson walked step by step on virtual time, and
 * `?compare=raft,paxos,zab` with the three panes on one clock. What the ring shows is read through the `?test=1`
 * bridges (`__sim`, `__compare`, `__lesson`) and compared with the engine's own headless run of the same setup.
 */
import { expect, test, type Page } from '@playwright/test';
import type { Scenario } from '../src/engine/core/types';
import { firstInstant, scenarioTrace } from './headless';
import { Lab, type Bridges, type NodeState } from './pages/lab';

const paneNodes = (page: Page, i: number) =>
  page.evaluate((i) => (window as unknown as { __compare: { pane(i: number): { nodes(): NodeState[] } } }).__compare.pane(i).nodes(), i);
const paneScenario = (page: Page, i: number) =>
  page.evaluate((i) => (window as unknown as { __compare: { pane(i: number): { scenario(): Scenario } } }).__compare.pane(i).scenario(), i);

test('a Paxos lesson: the minority-accepted value is re-proposed by the new leader, on the ring', async ({ page }) => {
  const lab = new Lab(page);
  await lab.openLesson('paxos-minority-accepted', { lang: 'en' });
  await expect(page.getByRole('heading', { name: 'Multi-Paxos: re-proposing what a minority accepted' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Algorithm' })).toHaveValue('paxos');

  // Step 1: only node 4 accepted "x" from leader 5 (ballot 1.5).
  await lab.nextPause();
  let nodes = await lab.nodes();
  expect(nodes.find((n) => n.node === 5)).toMatchObject({ role: 'leader', ballot: '1.5', lastSlot: 1, commit: 0 });
  expect(nodes.find((n) => n.node === 4)).toMatchObject({ role: 'follower', lastSlot: 1 });
  expect(nodes.filter((n) => n.lastSlot === 1).map((n) => n.node)).toEqual([4, 5]);

  // Step 2: nodes 5 and 3 are down; step 3: node 1 leads ballot 2.1, drawn as the leader.
  await lab.nextPause();
  nodes = await lab.nodes();
  expect(nodes.filter((n) => !n.alive).map((n) => n.node)).toEqual([3, 5]);
  await lab.nextPause();
  nodes = await lab.nodes();
  expect(nodes.find((n) => n.node === 1)).toMatchObject({ role: 'leader', ballot: '2.1' });
  await expect(lab.node(1)).toHaveAttribute('data-role', 'leader');
  await expect(lab.node(3)).toHaveAttribute('data-alive', 'false');

  // Step 4: "x" chosen in slot 1 by the new leader.
  await lab.nextPause();
  nodes = await lab.nodes();
  expect(nodes.find((n) => n.node === 1)).toMatchObject({ role: 'leader', commit: 1 });
  await expect(page.getByText(/"x" is chosen, in ballot 2\.1/)).toBeVisible();
  await lab.screenshot('paxos-lesson-minority-accepted');
});

test('?compare=raft,paxos,zab: three panes on one clock; each elects the leader its headless run elects', async ({ page }) => {
  await page.goto('./?test=1&lang=en&paused=1&compare=raft,paxos,zab&seed=2');
  await page.waitForFunction(() => {
    const c = (window as unknown as Bridges).__compare;
    return !!c && c.open() && c.times().every((_, i) => c.pane(i).status() === 'running');
  });
  for (const name of ['Raft', 'Multi-Paxos', 'ZAB']) await expect(page.getByRole('region', { name }).first()).toBeVisible();
  const algorithms = await page.evaluate(() => (window as unknown as { __compare: { algorithms(): string[] } }).__compare.algorithms());
  expect(algorithms).toEqual(['raft', 'paxos', 'zab']);

  // Virtual time: play to the first instant at which every pane's own headless run has a cluster leader.
  const lab = new Lab(page);
  const firsts = [];
  for (let i = 0; i < 3; i++) {
    const sc = await paneScenario(page, i);
    const snap = firstInstant(scenarioTrace(sc, 10_000), 0, (s) => s.leader !== null);
    expect(snap, `pane ${algorithms[i]} elects within 10 s`).not.toBeNull();
    firsts.push(snap!);
  }
  const t = Math.max(...firsts.map((f) => f.t));
  await lab.advanceTo(t);
  const leaders = await page.evaluate(() => {
    const c = (window as unknown as Bridges).__compare!;
    return c.times().map((_, k) => c.pane(k).leader());
  });
  for (let i = 0; i < 3; i++) {
    const at = firstInstant(scenarioTrace(await paneScenario(page, i), t), t, () => true)!;
    expect(leaders[i], algorithms[i]).toBe(at.leader);
  }
  // The Paxos pane: one leader, the others follow its ballot; every node shows the Paxos view fields.
  const paxos = await paneNodes(page, 1);
  const leader = paxos.find((n) => n.role === 'leader')!;
  expect(leader.node).toBe(leaders[1]);
  for (const n of paxos) {
    expect(['follower', 'proposer', 'leader']).toContain(n.role);
    expect(typeof n.ballot).toBe('string');
  }
  expect(paxos.filter((n) => n.leader === leader.node).length).toBeGreaterThan(paxos.length / 2);
  await page.getByRole('region', { name: 'Multi-Paxos' }).first().locator(`[data-node-id="${leader.node}"]`).waitFor();
  await lab.screenshot('paxos-compare-raft-paxos-zab');
});
