/**
 * The keyboard alone: Space plays and pauses, arrows step, Tab reaches the nodes, Enter opens a node's menu,
 * arrows and Enter pick Crash / Revive / Isolate, and the network can be healed and split (Pick groups).
 */
import { expect, test, type Page } from '@playwright/test';
import { Lab } from './pages/lab';
import { FULL_SUITE } from './pages/suite';

/**
 * Presses Tab (or Shift+Tab, when the target comes earlier in the page) until the focused element matches a
 * CSS selector or, for `{ button }`, is that button. Going the short way round keeps the walk to a few keys.
 */
async function tabTo(page: Page, target: string | { button: string }, max = 150): Promise<void> {
  const backwards = await page.evaluate((t) => {
    const el =
      typeof t === 'string'
        ? document.querySelector(t)
        : [...document.querySelectorAll('button')].find((b) => (b.textContent ?? '').trim().endsWith(t.button));
    const from = document.activeElement;
    if (!el || !from || from === document.body) return false;
    return (from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING) !== 0;
  }, target);
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const hit = await page.evaluate((t) => {
      const el = document.activeElement;
      if (!el) return false;
      if (typeof t === 'string') return el.matches(t);
      return el.tagName === 'BUTTON' && (el.textContent ?? '').trim().endsWith(t.button);
    }, target);
    if (hit) return;
  }
  throw new Error(`Tab never reached ${JSON.stringify(target)}`);
}

async function menuItem(page: Page, name: string): Promise<void> {
  // The first enabled item has focus; walk down to the one wanted.
  for (let i = 0; i < 6; i++) {
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    if (focused === name) break;
    await page.keyboard.press('ArrowDown');
  }
  await expect(page.locator(':focus')).toHaveText(name);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu')).toBeHidden();
}

/** Whether the page plays (the bridge) and the Play / Pause button agrees. */
async function expectPlaying(lab: Lab, playing: boolean): Promise<void> {
  await expect.poll(() => lab.sim<boolean>('playing')).toBe(playing);
  await expect(lab.page.getByRole('button', { name: playing ? 'Pause' : 'Play', exact: true })).toBeVisible();
}

/** Presses a stepping key and waits until the step is done: the worker answered and the time moved past (or before) `from`. */
async function step(lab: Lab, key: 'ArrowRight' | 'ArrowLeft'): Promise<number> {
  const from = await lab.sim<number>('viewTime');
  await lab.page.keyboard.press(key);
  await lab.page.waitForFunction(
    ([from, fwd]) => {
      const s = (window as unknown as { __sim: { settled(): boolean; viewTime(): number } }).__sim;
      return s.settled() && (fwd ? s.viewTime() > from : s.viewTime() < from);
    },
    [from, key === 'ArrowRight'] as const,
  );
  return lab.sim<number>('viewTime');
}

/*
 * Virtual time (issue 13): the page opens paused. Space must start and stop the clock, which the test checks
 * through the bridge (`playing()`) and the button, without waiting for real-time progress; the leaders come
 * from the headless run of the page's own scenario (`Lab.advanceToLeader`), which drives the clock there.
 */
// The keys and menus are the same for every algorithm: Raft by default, Bully and ZAB too in the full suite.
for (const algorithm of FULL_SUITE ? (['bully', 'raft', 'zab'] as const) : (['raft'] as const)) {
  test(`${algorithm}: everything by keyboard`, async ({ page }) => {
    const lab = new Lab(page);
    await lab.open({ algorithm, nodes: 5, seed: 5, paused: true });

    // → steps forward, ← steps back; Space plays and pauses.
    await expectPlaying(lab, false);
    const t1 = await step(lab, 'ArrowRight');
    expect(t1).toBeGreaterThan(0);
    await step(lab, 'ArrowRight');
    const t3 = await step(lab, 'ArrowRight');
    expect(await step(lab, 'ArrowLeft')).toBeLessThan(t3);
    await page.keyboard.press('Space');
    await expectPlaying(lab, true);
    await page.keyboard.press('Space');
    await expectPlaying(lab, false);
    const leader = await lab.advanceToLeader(() => true, 100);

    // Tab to the leader, Enter opens its menu, Crash.
    await tabTo(page, `[data-node-id="${leader}"]`);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menu')).toBeVisible();
    await menuItem(page, 'Crash');
    await expect(lab.node(leader)).toHaveAttribute('data-alive', 'false');
    expect(await lab.sim<{ do: string; node: number }[]>('actions')).toEqual([expect.objectContaining({ do: 'crash', node: leader })]);
    const next = await lab.advanceToLeader((id) => id !== leader, 100);

    // Focus came back to the node: Enter again, Revive.
    await expect(page.locator(':focus')).toHaveAttribute('data-node-id', String(leader));
    await page.keyboard.press('Enter');
    await menuItem(page, 'Revive');
    await expect(lab.node(leader)).toHaveAttribute('data-alive', 'true');

    // Isolate the new leader, then heal the network from its button.
    await tabTo(page, `[data-node-id="${next}"]`);
    await page.keyboard.press('Enter');
    await menuItem(page, 'Isolate');
    await expect.poll(async () => (await lab.network()).group[next]).not.toBe(0);
    await tabTo(page, { button: 'Heal network' });
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await lab.network()).group.every((g) => g === 0)).toBe(true);

    // Split by picking groups: nodes 1 and 2 go to group B.
    await tabTo(page, { button: 'Pick groups' });
    await page.keyboard.press('Enter');
    for (const id of [1, 2]) {
      await tabTo(page, `.pick-list label:nth-child(${id}) input`);
      await page.keyboard.press('Space');
    }
    await tabTo(page, { button: 'Apply split' });
    await page.keyboard.press('Enter');
    await expect.poll(async () => {
      const g = (await lab.network()).group;
      return g[1] === g[2] && g[3] === g[5] && g[1] !== g[3];
    }).toBe(true);

    // Space plays and pauses again (focus is on no text field).
    await page.locator('body').focus();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Space');
    await expectPlaying(lab, true);
    await page.keyboard.press('Space');
    await expectPlaying(lab, false);
  });
}
