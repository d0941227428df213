/**
 * Issue 17: messages in flight are drawn on a canvas per pane, under the SVG. These read what the canvas drew
 * (its `?test=1` hook, as data) against the simulation (`window.__sim`) at paused virtual times.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { SimBridge } from '../src/store/test-bridge';
import { Lab } from './pages/lab';

/** What `window.__sim.messages()` returns for one message (src/store/test-bridge.ts). */
type SimMessage = ReturnType<SimBridge['messages']>[number];

/**
 * A paused time at which Raft (5 nodes, seed 2) has a message in mid-flight (a third to two thirds along, off
 * both nodes), found by stepping virtual time; returns the time and that message's id.
 */
async function timeWithMessages(lab: Lab): Promise<{ t: number; mid: number }> {
  for (let t = 100; t < 8000; t += 20) {
    await lab.advanceTo(t);
    const ms = await lab.sim<SimMessage[]>('messages');
    const mid = ms.find((m) => m.diedAt === undefined && m.deliverAt > m.t && (t - m.t) / (m.deliverAt - m.t) > 0.35 && (t - m.t) / (m.deliverAt - m.t) < 0.65);
    if (mid) return { t, mid: mid.msg };
  }
  throw new Error('no message in mid-flight within 8 s');
}

test('the messages drawn are the simulation’s messages in flight at a paused virtual time', async ({ page }) => {
  const lab = await new Lab(page).open({ algorithm: 'raft', nodes: 5, seed: 2, paused: true });
  const { t } = await timeWithMessages(lab);
  await expect.poll(async () => (await lab.drawn()).time).toBe(t);
  const drawn = await lab.drawn();
  const sim = await lab.sim<SimMessage[]>('messages');
  const flying = sim.filter((m) => m.diedAt === undefined && m.t <= t).map((m) => m.msg).sort((a, b) => a - b);
  expect(flying.length).toBeGreaterThan(0);
  const live = drawn.glyphs.filter((g) => !g.dead).map((g) => g.msg).sort((a, b) => a - b);
  expect(live).toEqual(flying);
  for (const g of drawn.glyphs) {
    const m = sim.find((x) => x.msg === g.msg)!;
    expect(g.kind).toBe(m.kind);
    expect([g.from, g.to]).toEqual([m.from, m.to]);
  }
  await lab.screenshot('canvas-raft-5-paused');
});

test('a theme switched while paused redraws the messages in its colours', async ({ page }) => {
  const lab = await new Lab(page).open({ algorithm: 'raft', nodes: 5, seed: 2, paused: true });
  const { t } = await timeWithMessages(lab);
  // The page's own --bg and --fg (as the built CSS spells them).
  const colours = () => page.evaluate(() => {
    const cs = getComputedStyle(document.documentElement);
    return { bg: cs.getPropertyValue('--bg').trim(), fg: cs.getPropertyValue('--fg').trim() };
  });
  const light = await colours();
  expect((await lab.drawnNow()).theme).toEqual(light);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const dark = await colours();
  expect(dark).not.toEqual(light);
  await expect.poll(async () => (await lab.drawn()).theme).toEqual(dark);
  expect((await lab.drawn()).time).toBe(t);
  expect((await lab.drawn()).glyphs.length).toBeGreaterThan(0);
});

test('a click on a drawn message opens its details', async ({ page }) => {
  const lab = await new Lab(page).open({ algorithm: 'raft', nodes: 5, seed: 2, paused: true });
  const { mid } = await timeWithMessages(lab);
  const g = await lab.clickMessage((x) => x.msg === mid);
  await expect(page.getByRole('dialog', { name: 'Message' })).toContainText(g.kind);
  await expect(page.getByRole('dialog', { name: 'Message' })).toContainText(`${g.from}`);
});

test('the exported SVG contains the messages the canvas drew', async ({ page }) => {
  const lab = await new Lab(page).open({ algorithm: 'raft', nodes: 5, seed: 2, paused: true });
  await timeWithMessages(lab);
  const drawn = await lab.drawn();
  await page.getByRole('button', { name: 'Export' }).click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ring as SVG' }).click()]);
  const svg = readFileSync(await file.path(), 'utf8');
  for (const g of drawn.glyphs) expect(svg).toContain(`data-msg-id="${g.msg}"`);
  expect(svg).toContain(`data-msg-kind="${drawn.glyphs[0].kind}"`);
});

test('countdown arcs are drawn on the canvas, shrink with virtual time and are in the exported SVG', async ({ page }) => {
  const lab = await new Lab(page).open({ algorithm: 'raft', nodes: 5, seed: 2, paused: true });
  await lab.advanceTo(40);
  await expect.poll(async () => (await lab.drawn()).time).toBe(40);
  const early = await lab.drawn();
  // Every follower waits out its election timeout: one arc each, none full, none run out yet.
  expect(early.arcs.map((a) => a.node).sort()).toEqual([1, 2, 3, 4, 5]);
  for (const a of early.arcs) expect(a.left).toBeGreaterThan(0);
  for (const a of early.arcs) expect(a.left).toBeLessThan(1);
  await lab.advanceTo(100);
  await expect.poll(async () => (await lab.drawn()).time).toBe(100);
  const later = await lab.drawn();
  for (const a of later.arcs) {
    const before = early.arcs.find((x) => x.node === a.node && x.name === a.name);
    if (before) expect(a.left).toBeLessThan(before.left);
  }
  await page.getByRole('button', { name: 'Export' }).click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ring as SVG' }).click()]);
  const svg = readFileSync(await file.path(), 'utf8');
  for (const a of later.arcs.filter((x) => x.left > 0)) expect(svg).toContain(`data-timer-node="${a.node}"`);
  await lab.screenshot('canvas-raft-5-arcs');
});

test.describe('at device pixel ratio 2', () => {
  test.use({ deviceScaleFactor: 2 });
  test('the canvas has twice the CSS pixels and still draws the messages', async ({ page }) => {
    const lab = await new Lab(page).open({ algorithm: 'raft', nodes: 5, seed: 2, paused: true });
    const { mid } = await timeWithMessages(lab);
    const drawn = await lab.drawn();
    const box = (await page.getByTestId('msg-canvas').boundingBox())!;
    expect(drawn.dpr).toBe(2);
    expect(Math.abs(drawn.width - 2 * box.width)).toBeLessThanOrEqual(2);
    expect(Math.abs(drawn.height - 2 * box.height)).toBeLessThanOrEqual(2);
    expect(drawn.glyphs.length).toBeGreaterThan(0);
    const g = await lab.clickMessage((x) => x.msg === mid);
    await expect(page.getByRole('dialog', { name: 'Message' })).toContainText(g.kind);
  });
});

test('above the threshold, messages are drawn as flows between groups of nodes, and the legend says so', async ({ page }) => {
  const lab = await new Lab(page).open({ algorithm: 'zab', nodes: 51, seed: 2, paused: true });
  // ZAB's cold start: every node notifies every other (O(n²)); find a paused time with over 600 in flight.
  let t = 0;
  for (;;) {
    t += 10;
    expect(t, 'no time with over 600 messages in flight').toBeLessThan(3000);
    await lab.advanceTo(t);
    const live = (await lab.sim<SimMessage[]>('messages')).filter((m) => m.diedAt === undefined && m.t <= t).length;
    if (live > 600) break;
  }
  await expect.poll(async () => (await lab.drawn()).time).toBe(t);
  const drawn = (await lab.drawn()) as unknown as { density: string; glyphs: unknown[]; flows: { from: number; to: number; count: number }[] };
  const live = (await lab.sim<SimMessage[]>('messages')).filter((m) => m.diedAt === undefined && m.t <= t).length;
  expect(drawn.density).toBe('flows');
  expect(drawn.glyphs).toEqual([]);
  expect(drawn.flows.reduce((s, f) => s + f.count, 0)).toBe(live);
  expect(drawn.flows.every((f) => f.from >= 0 && f.from < 8 && f.to >= 0 && f.to < 8)).toBe(true);
  await expect(page.getByTestId('flows-note')).toContainText('flows between 8 groups');
  await page.getByRole('button', { name: 'Export' }).click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ring as SVG' }).click()]);
  expect(readFileSync(await file.path(), 'utf8')).toContain('data-flow-count=');
  await lab.screenshot('canvas-zab-101-flows-paused');
});
