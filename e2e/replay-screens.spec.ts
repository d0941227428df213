/** Replay screenshots for looking at (not assertions): timeline markers, step caption, narration, share dialog. */
import { expect, test } from '@playwright/test';
import { Lab } from './pages/lab';

test('replay screens', async ({ page }) => {
  const lab = await new Lab(page).open({ algorithm: 'raft', nodes: 5, seed: 3, speed: 1500 });
  await expect.poll(() => lab.leader(), { timeout: 20_000 }).not.toBeNull();
  const leader = (await lab.leader())!;
  await lab.menuAction(leader, 'Crash');
  await expect.poll(async () => { const l = await lab.leader(); return l !== null && l !== leader; }, { timeout: 20_000 }).toBe(true);
  await page.waitForTimeout(800);
  await lab.pause();
  await page.getByRole('button', { name: 'Step back' }).click();
  await page.getByRole('button', { name: 'Step back' }).click();
  await page.waitForTimeout(500);
  await lab.screenshot('replay-paused');
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await lab.screenshot('replay-share');
  await page.keyboard.press('Escape');
  await page.goto(page.url().replace('test=1', 'test=1&lang=zh'));
  await page.waitForTimeout(1500);
  await lab.screenshot('replay-zh');
});
