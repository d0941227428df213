/**
 * The keyboard alone: Space plays and pauses, arrows step, Tab reaches the nodes, Enter opens a node's menu,
 * arrows and Enter pick Crash / Revive / Isolate, and the network can be healed and split (Pick groups).
 */
import { expect, test, type Page } from '@playwright/test';
import { Lab } from './pages/lab';

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

// A long walk of single key presses: give it room on a busy 2-core machine.
test.describe.configure({ timeout: 120_000 });

for (const algorithm of ['bully', 'raft', 'zab'] as const) {
  test(`${algorithm}: everything by keyboard`, async ({ page }) => {
    const lab = new Lab(page);
    await lab.open({ algorithm, nodes: 5, seed: 5, paused: true });

    // Space plays and pauses; → steps forward, ← steps back.
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => lab.sim<number>('viewTime')).toBeGreaterThan(0);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const t3 = await lab.sim<number>('viewTime');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => lab.sim<number>('viewTime')).toBeLessThan(t3);
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
    const leader = await lab.waitForLeader();

    // Tab to the leader, Enter opens its menu, Crash.
    await tabTo(page, `[data-node-id="${leader}"]`);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menu')).toBeVisible();
    await menuItem(page, 'Crash');
    await expect(lab.node(leader)).toHaveAttribute('data-alive', 'false');
    const next = await lab.waitForLeader((id) => id !== leader);

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

    // Space pauses again (focus is on no text field).
    await page.locator('body').focus();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  });
}
