/**
 * Compare mode (issue 7): `?compare=bully,raft,zab` shows three regions on one scenario and one clock.
 * State is read through `window.__compare` (one SimBridge per pane, `?test=1`).
 */
import { expect, test, type Page } from '@playwright/test';
import type { Scenario } from '../src/engine/core/types';
import type { Snapshot } from '../src/lessons/snapshot';
import { firstInstant, scenarioTrace } from './headless';
import { Lab } from './pages/lab';

type Bridge = {
  pane(i: number): Record<string, () => unknown>;
  times(): number[];
  playing(): boolean;
  shared(): unknown[];
  algorithms(): string[];
};

async function open(page: Page, q: Record<string, string>) {
  const search = new URLSearchParams({ test: '1', ...q });
  await page.goto(`./?${search}`);
  await page.waitForFunction(() => {
    const c = (window as unknown as { __compare?: { open(): boolean; pane(i: number): { status(): string } ; algorithms(): string[] } }).__compare;
    return !!c && c.open() && c.algorithms().every((_, i) => c.pane(i).status() === 'running');
  });
}

const paneCall = (page: Page, i: number, fn: string) =>
  page.evaluate(([i, fn]) => (window as unknown as { __compare: Bridge }).__compare.pane(i as number)[fn as string](), [i, fn] as const);
const times = (page: Page) => page.evaluate(() => (window as unknown as { __compare: Bridge }).__compare.times());

/**
 * Virtual time (issue 13): the shared clock to the first instant at which every pane's run satisfies its
 * `pred` (pane index given), found by running each pane's own scenario (`pane(i).scenario()`: its algorithm,
 * setup and actions) through the engine in Node; then waits until every worker delivered that frame. Returns
 * each pane's headless snapshot there.
 */
async function advanceAllUntil(page: Page, pred: (s: Snapshot, pane: number) => boolean, what: string, withinMs = 30_000): Promise<Snapshot[]> {
  const lab = new Lab(page);
  await page.evaluate(() => (window as unknown as { __compare: { pane(i: number): { pause(): void } } }).__compare.pane(0).pause());
  await lab.settled();
  const now = (await times(page))[0];
  const n = (await page.evaluate(() => (window as unknown as { __compare: Bridge }).__compare.algorithms())).length;
  const firsts: Snapshot[] = [];
  for (let i = 0; i < n; i++) {
    const scenario = (await paneCall(page, i, 'scenario')) as Scenario;
    const snap = firstInstant(scenarioTrace(scenario, now + withinMs), now, (s) => pred(s, i));
    if (!snap) throw new Error(`pane ${i} never shows ${what} within ${withinMs} ms after ${now} ms`);
    firsts.push(snap);
  }
  const t = Math.max(...firsts.map((f) => f.t));
  if (t > now) await lab.advanceTo(t);
  // Each pane's state at the common time (a pane that got there earlier may have moved on).
  return Promise.all(firsts.map(async (f, i) => (f.t === t ? f : firstInstant(scenarioTrace((await paneCall(page, i, 'scenario')) as Scenario, t), t, () => true)!)));
}

async function leaders(page: Page, n: number): Promise<(number | null)[]> {
  const out: (number | null)[] = [];
  for (let i = 0; i < n; i++) out.push((await paneCall(page, i, 'leader')) as number | null);
  return out;
}

test('?compare=bully,raft,zab shows three regions, each electing its leader', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await open(page, { compare: 'bully,raft,zab', paused: '1', nodes: '5' });
  const at = await advanceAllUntil(page, (s) => s.leader !== null, 'a leader');
  for (const [i, name] of ['Bully', 'Raft', 'ZAB'].entries()) {
    const region = page.getByRole('region', { name });
    await expect(region).toBeVisible();
    await expect(region.locator('[data-node-id]')).toHaveCount(5);
    await expect(region.getByRole('status')).toContainText(`Leader: Node ${at[i].leader}`);
  }
  expect(await leaders(page, 3)).toEqual(at.map((s) => s.leader));
  // One clock: the panes show the same time.
  const ts = await times(page);
  expect(Math.max(...ts) - Math.min(...ts)).toBeLessThan(1e-6);
  // Metrics cards and the summary table are filled in.
  await expect(page.getByRole('region', { name: 'Raft' }).getByLabel('Raft metrics')).toContainText('First leader');
  await expect(page.getByRole('table')).toContainText('Leader changes');
  await expect(page).toHaveURL(/compare=bully%2Craft%2Czab|compare=bully,raft,zab/);
});

test('mid-election screenshot at 1920×1080, and crashing the leader re-elects in all three', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await open(page, { compare: 'bully,raft,zab', paused: '1', nodes: '5', seed: '3' });
  // Freeze while votes are in the air in the Raft pane (the instant its first candidate asks), then look.
  await advanceAllUntil(page, (s, i) => i !== 1 || (s.t > 150 && (s.sentByKind.RequestVote ?? 0) > 0), 'a RequestVote sent');
  expect((await paneCall(page, 1, 'messageCount')) as number).toBeGreaterThanOrEqual(3);
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/compare-mid-election.png' });

  // The speed menu sets the shared clock's speed (time itself is driven by the test).
  const speed = page.getByRole('button', { name: 'Speed' }).or(page.getByLabel('Speed')).first();
  await speed.selectOption('500');
  await expect(speed).toHaveValue('500');
  await advanceAllUntil(page, (s) => s.leader !== null, 'a leader');
  for (const name of ['Bully', 'Raft', 'ZAB']) await expect(page.getByRole('region', { name }).getByRole('status')).toContainText(/Leader: Node \d/);
  const before = await leaders(page, 3);
  await page.getByRole('button', { name: 'Crash leader' }).click();
  // Each pane loses its own leader and elects another one.
  await expect.poll(async () => ((await page.evaluate(() => (window as unknown as { __compare: Bridge }).__compare.shared())) as unknown[]).length).toBe(1);
  const after = await advanceAllUntil(page, (s, i) => s.leader !== null && s.leader !== before[i], 'a new leader');
  expect(await leaders(page, 3)).toEqual(after.map((s) => s.leader));
  for (let i = 0; i < 3; i++) expect(after[i].leader).not.toBe(before[i]);
  const shared = await page.evaluate(() => (window as unknown as { __compare: Bridge }).__compare.shared());
  expect(shared).toHaveLength(1);
  for (let i = 0; i < 3; i++) {
    const acts = (await paneCall(page, i, 'actions')) as { do: string }[];
    expect(acts.map((a) => a.do)).toEqual(['crashLeader']);
  }
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/compare-after-crash.png', fullPage: true });
});

test('stepping moves all panes’ timelines together, forward and back', async ({ page }) => {
  await open(page, { compare: 'bully,raft,zab', paused: '1', speed: '60' });
  expect(await times(page)).toEqual([0, 0, 0]);
  const seen: number[] = [0];
  for (let k = 0; k < 6; k++) {
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect.poll(async () => new Set(await times(page)).size).toBe(1);
    await expect.poll(async () => (await times(page))[0]).toBeGreaterThan(seen[seen.length - 1]);
    const ts = await times(page);
    seen.push(ts[0]);
    // The timeline slider shows the shared time.
    await expect(page.getByRole('slider', { name: 'Timeline' })).toHaveAttribute('aria-valuenow', String(Math.round(ts[0])));
  }
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect.poll(async () => (await times(page))[0]).toBeLessThan(seen[seen.length - 1]);
  const back = await times(page);
  expect(new Set(back).size).toBe(1);
  expect(back[0]).toBeGreaterThanOrEqual(seen[seen.length - 2]);
  // The keyboard drives the same clock.
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await times(page))[0]).toBeGreaterThan(back[0]);
  expect(new Set(await times(page)).size).toBe(1);
});

test('a click on a node acts in every pane; "This pane only" acts in one', async ({ page }) => {
  await open(page, { compare: 'bully,raft', paused: '1' });
  await expect(page.getByRole('region', { name: /^(Bully|Raft|ZAB)$/ })).toHaveCount(2);
  const bully = page.getByRole('region', { name: 'Bully' });
  await bully.locator('[data-node-id="2"] .node-shape').click();
  await page.getByRole('menuitem', { name: 'Crash' }).click();
  for (const name of ['Bully', 'Raft']) await expect(page.getByRole('region', { name }).locator('[data-node-id="2"]')).toHaveAttribute('data-alive', 'false');
  const raft = page.getByRole('region', { name: 'Raft' });
  await raft.locator('[data-node-id="3"] .node-shape').click();
  await page.getByRole('menuitemcheckbox', { name: 'This pane only' }).click();
  await page.getByRole('menuitem', { name: 'Crash' }).click();
  await expect(raft.locator('[data-node-id="3"]')).toHaveAttribute('data-alive', 'false');
  await expect(bully.locator('[data-node-id="3"]')).toHaveAttribute('data-alive', 'true');
  expect(((await paneCall(page, 0, 'actions')) as unknown[]).length).toBe(1);
  expect(((await paneCall(page, 1, 'actions')) as unknown[]).length).toBe(2);
});

test('the switch opens and closes compare mode', async ({ page }) => {
  await page.goto('./?test=1&paused=1');
  await page.waitForFunction(() => (window as unknown as { __sim?: { status(): string } }).__sim?.status() === 'running');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('region', { name: 'ZAB' })).toBeVisible();
  await expect(page).toHaveURL(/compare=/);
  await page.getByRole('button', { name: 'Single view' }).click();
  await expect(page.getByRole('region', { name: /^(Bully|Raft|ZAB)$/ })).toHaveCount(0);
  await expect(page).not.toHaveURL(/compare=/);
});

test('the flapping script side by side: Bully changes leader twice per cycle, Raft and ZAB keep theirs', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('./?test=1&paused=1');
  await page.waitForFunction(() => !!(window as unknown as { __compare?: unknown }).__compare);
  await page.evaluate(() => {
    const c = (window as unknown as { __compare: { start(a: string[], s: unknown, o: unknown): void } }).__compare;
    c.start(
      ['bully', 'raft', 'zab'],
      {
        version: 1,
        nodes: 5,
        observers: 0,
        seed: 1,
        network: { latency: { min: 10, max: 30 }, dropRate: 0 },
        options: {},
        events: [
          { at: 1000, do: 'crash', node: 5 },
          { at: 3000, do: 'revive', node: 5 },
          { at: 4000, do: 'crash', node: 5 },
          { at: 6000, do: 'revive', node: 5 },
        ],
      },
      { speed: 2000, playing: false },
    );
  });
  await expect(page.getByRole('region', { name: 'ZAB' })).toBeVisible();
  // Past the last revive and its aftermath, on virtual time.
  const lab = new Lab(page);
  await lab.settled(0);
  await lab.advanceTo(7600);
  const changes = await page.evaluate(() => [0, 1, 2].map((i) => ((window as unknown as { __compare: { metrics(i: number): { leaderChanges: number } } }).__compare.metrics(i)).leaderChanges));
  // Bully: 5 → 4 at each crash, 4 → 5 at each revive; Raft and ZAB change only when the leader dies.
  expect(changes[0]).toBe(4);
  expect(changes[1]).toBeLessThanOrEqual(2);
  expect(changes[2]).toBeLessThanOrEqual(2);
  // The live metrics are those of the engine: every message counted, short-lived heartbeats too.
  for (let i = 0; i < 3; i++) {
    await expect
      .poll(() =>
        page.evaluate((k) => {
          const c = (window as unknown as { __compare: { metrics(i: number): { sent: number }; pane(i: number): { stats(): { sent: number } } } }).__compare;
          return c.metrics(k).sent === c.pane(k).stats().sent;
        }, i),
      )
      .toBe(true);
  }
  const summary = page.getByRole('table');
  await expect(summary.getByRole('row', { name: /Leader changes/ })).toContainText('4');
  await page.screenshot({ path: 'test-results/screens/compare-flapping.png' });
});
