/**
 * Accessibility (issue 8): axe-core finds no serious or critical violation on the main screens (the ring, a
 * lesson, the lesson list, help, presenter and embed modes, the Explore and Experiments dialogs), in both
 * languages and both themes; the lesson step is a polite live region; reduced motion stops the highlight's pulse.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { Lab, ready as loaded } from './pages/lab';

async function ready(page: Page, query: string) {
  await page.goto(`./?test=1&${query}`);
  await loaded(page);
}

async function expectNoSeriousViolations(page: Page, what: string) {
  // Freeze the picture so the scan sees one stable DOM.
  await page.evaluate(() => (window as unknown as { __sim: { pause(): void } }).__sim.pause());
  // Only violations are read: axe then skips collecting the details of every passing node (much faster).
  const { violations } = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(summary, `${what}: axe violations`).toEqual([]);
}

const SCREENS: [string, string, (page: Page) => Promise<void>][] = [
  ['main screen', 'paused=1', async () => {}],
  ['main screen, dark, Chinese', 'paused=1&theme=dark&lang=zh', async () => {}],
  ['a lesson', 'lesson=bully-flapping&speed=20000', async (page) => {
    await page.getByRole('button', { name: 'Next step' }).click();
    await new Lab(page).arrive(0);
    await expect(page.getByText('Step 1 of 4')).toBeVisible();
  }],
  ['a lesson, dark', 'lesson=raft-split-vote&speed=20000&theme=dark', async (page) => {
    await page.getByRole('button', { name: 'Next step' }).click();
    await new Lab(page).arrive(0);
    await expect(page.getByText('Step 1 of 5')).toBeVisible();
  }],
  ['the lesson list', 'paused=1', async (page) => {
    await page.getByRole('button', { name: 'Lessons' }).click();
    await expect(page.getByRole('dialog', { name: 'Lessons' })).toBeVisible();
  }],
  ['the help', 'paused=1&lang=zh', async (page) => {
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog')).toBeVisible();
  }],
  ['presenter mode', 'lesson=bully-rule&presenter=1&speed=20000', async (page) => {
    await page.keyboard.press('PageDown');
    await new Lab(page).arrive(0);
    await expect(page.getByText('Step 1 of 6')).toBeVisible();
  }],
  ['embed mode', 'embed=1&paused=1', async () => {}],
  ['the Explore dialog, dark, Chinese', 'paused=1&theme=dark&lang=zh', async (page) => {
    await page.getByRole('button', { name: '探索', exact: true }).click();
    await expect(page.getByRole('dialog', { name: '探索每一种交错执行' })).toHaveAttribute('data-explore-status', 'idle');
  }],
  ['the Explore dialog with a counterexample', 'paused=1', async (page) => {
    // Bully n = 3 with one partition: split brain within depth 10 (e2e/explore.spec.ts opens it on the ring).
    await page.getByRole('button', { name: 'Explore', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Explore every interleaving' });
    await dialog.getByLabel('Algorithm').selectOption('bully');
    for (const [label, value] of [['Nodes', 3], ['Partitions', 1], ['Depth (steps)', 10]] as const) await dialog.getByLabel(label, { exact: true }).fill(String(value));
    await dialog.getByRole('button', { name: 'Run' }).click();
    // A ceiling for a search in a Web Worker on a busy machine, not a wait for something to happen.
    await expect(dialog).toHaveAttribute('data-explore-status', 'done', { timeout: 60_000 });
    await expect(dialog).toHaveAttribute('data-explore-outcome', 'counterexample');
    await expect(dialog.getByRole('list', { name: 'The schedule' })).toBeVisible();
  }],
  ['the Experiments dialog', 'paused=1', async (page) => {
    await page.getByRole('button', { name: 'Experiments' }).click();
    await expect(page.getByRole('dialog', { name: 'Experiments' })).toHaveAttribute('data-batch-status', 'idle');
  }],
  ['the node menu and export', 'paused=1&theme=dark', async (page) => {
    await page.getByRole('button', { name: 'Export' }).click();
    await expect(page.getByRole('button', { name: 'Ring as PNG' })).toBeVisible();
  }],
];

for (const [what, query, act] of SCREENS) {
  test(`axe: no serious or critical violation on ${what}`, async ({ page }) => {
    await ready(page, query);
    await act(page);
    await expectNoSeriousViolations(page, what);
  });
}

test('a phone-sized viewport passes axe too, and the ring and the lesson both show', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await ready(page, 'lesson=bully-rule&speed=20000');
  await page.getByRole('button', { name: 'Next step' }).click();
  await new Lab(page).arrive(0);
  await expect(page.getByText('Step 1 of 6')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Node 5\b/ })).toBeVisible();
  // One column: nothing sticks out sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoSeriousViolations(page, 'phone');
});

test('the lesson step is read by screen readers: a polite live region', async ({ page }) => {
  await ready(page, 'lesson=bully-rule&speed=20000');
  const live = page.locator('.lesson-card [aria-live="polite"]');
  await expect(live).toHaveCount(1);
  await page.keyboard.press('PageDown');
  await new Lab(page).arrive(0);
  await expect(live).toContainText('Step 1 of 6');
  await expect(page.getByRole('log', { name: 'Event log' })).toBeAttached();
});

test('prefers-reduced-motion: the highlight does not pulse', async ({ browser }) => {
  const ctx = await browser.newContext({ reducedMotion: 'reduce' });
  const page = await ctx.newPage();
  await ready(page, 'lesson=raft-split-vote&speed=20000');
  await page.keyboard.press('PageDown');
  await new Lab(page).arrive(0);
  const ring = page.locator('.lesson-highlight circle').first();
  await expect(ring).toBeAttached();
  const duration = await ring.evaluate((el) => getComputedStyle(el).animationName);
  expect(duration).toBe('none');
  await ctx.close();
});

test('touch: a tap on a node opens its menu, and the page can be pinch-zoomed (the viewport does not forbid it)', async ({ browser }) => {
  const ctx = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  await ready(page, 'paused=1&lang=zh');
  await page.locator('[data-node-id="2"] .node-shape').tap();
  await expect(page.getByRole('menu')).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '崩溃' })).toBeVisible();
  const viewport = await page.locator('meta[name="viewport"]').getAttribute('content');
  expect(viewport).not.toMatch(/user-scalable\s*=\s*no|maximum-scale\s*=\s*1(\.0)?\b/);
  await ctx.close();
});
