/**
 * The "done when", as a new teacher would do it, with screenshots to look at
 * (test-results/screens/teach-*.png): open the lesson list, project "Bully flaps, Raft does not" in presenter
 * mode in Chinese, step through it with the keyboard, export a picture for the slides. Plus the Chinese UI,
 * the dark theme and a phone (those in the full suite, `npm run test:e2e:all`: presenter mode, `?lang=zh`, the
 * dark theme, the phone and embed modes each have their own tests in a11y.spec.ts and i18n.spec.ts).
 */
import { expect, test } from '@playwright/test';
import { Lab, ready } from './pages/lab';
import { FULL_SUITE } from './pages/suite';

const SHOTS = 'test-results/screens';


test('a teacher projects "Bully flaps, Raft does not" in presenter mode in Chinese, steps by keyboard, exports the step', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  // Paused: nothing plays behind the lesson list in real time (the lesson opens paused at its introduction).
  await page.goto('./?test=1&lang=zh&presenter=1&speed=150&paused=1');
  await ready(page);
  // The lesson list, by keyboard (L), then the lesson's link.
  await page.keyboard.press('l');
  const list = page.getByRole('dialog', { name: '课程' });
  await expect(list).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/teach-lesson-list-zh.png` });
  const link = list.getByRole('link', { name: 'Bully 频繁切主，Raft 不会' });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Bully 频繁切主，Raft 不会' })).toBeVisible();
  await expect(page.locator('.cmp-pane')).toHaveCount(3);
  await ready(page);
  // Step with the clicker's keys.
  for (let i = 1; i <= 3; i++) {
    // The clicker's key starts the run to the pause point; the test then arrives at once (virtual time).
    await page.keyboard.press('PageDown');
    await new Lab(page).arrive(i - 1);
    await expect(page.getByText(`第 ${i} 步，共 6 步`)).toBeVisible();
  }
  await page.locator('.cmp-pane[data-algorithm="bully"] [data-node-id="4"] .node-shape').hover();
  await page.screenshot({ path: `${SHOTS}/teach-presenter-compare-zh.png` });
  // Export the step as a picture for the slides.
  await page.getByRole('button', { name: '导出' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '当前课程步骤图片（PNG）' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^election-lab-compare-flapping-\d+ms-step3\.png$/);
  await file.saveAs(`${SHOTS}/teach-export-step-zh.png`);
});

if (FULL_SUITE) test('screenshots: presenter mode on one pane, Chinese UI, dark theme, phone', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('./?test=1&lesson=bully-flapping&presenter=1&speed=20000');
  await ready(page);
  await page.keyboard.press('PageDown');
  await new Lab(page).arrive(0);
  await expect(page.getByText('Step 1 of 4')).toBeVisible();
  await page.locator('[data-node-id="3"] .node-shape').hover();
  await page.screenshot({ path: `${SHOTS}/teach-presenter.png` });

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./?test=1&lang=zh&lesson=raft-split-vote&speed=20000');
  await ready(page);
  await page.getByRole('button', { name: '下一步' }).click();
  await new Lab(page).arrive(0);
  await expect(page.getByText('第 1 步，共 5 步')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/teach-zh.png` });

  await page.goto('./?test=1&theme=dark&lesson=zab-leader-crash&speed=20000');
  await ready(page);
  await page.getByRole('button', { name: 'Next step' }).click();
  await new Lab(page).arrive(0);
  await page.getByRole('button', { name: 'Next step' }).click();
  await new Lab(page).arrive(1);
  await expect(page.getByText('Step 2 of 5')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/teach-dark.png` });
  await page.keyboard.press('?');
  await page.screenshot({ path: `${SHOTS}/teach-help-dark.png` });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./?test=1&lesson=bully-rule&speed=20000&lang=zh');
  await ready(page);
  await page.getByRole('button', { name: '下一步' }).click();
  await new Lab(page).arrive(0);
  await expect(page.getByText('第 1 步，共 6 步')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/teach-phone.png`, fullPage: true });

  await page.setViewportSize({ width: 900, height: 600 });
  await page.goto('./?test=1&embed=1&lesson=raft-basics&speed=20000');
  await ready(page);
  await page.getByRole('button', { name: 'Next step' }).click();
  await new Lab(page).arrive(0);
  await expect(page.getByText('Step 1 of 5')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/teach-embed.png` });
});
