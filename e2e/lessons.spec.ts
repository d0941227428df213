/**
 * Lessons (issue 8): every lesson opens by link (`?lesson=<id>`), and "Next step" stops the run exactly at each
 * pause point that `findPausePoints` computes from the lesson's own headless run, with the cluster leader the
 * trace has there; "Previous step" goes back. The lesson list lists every lesson as a link; a keyboard-only
 * walkthrough opens a lesson and steps it with Page Down / Page Up.
 */
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';

interface Expected {
  id: string;
  algorithms: string[];
  title: { en: string; zh: string };
  untilMs: number;
  steps: { text: { en: string; zh: string } }[];
  times: (number | null)[];
  leaders: (number | null)[][];
}
const LESSONS: Expected[] = JSON.parse(execFileSync('node_modules/.bin/tsx', ['e2e/lesson-expect.ts'], { encoding: 'utf8', maxBuffer: 1 << 26 }));

interface LessonBridge {
  state(): { id: string | null; step: number; times: (number | null)[]; transit: boolean; needsCompare: boolean };
}
type Win = Window & { __lesson: LessonBridge; __sim: { viewTime(): number; engineTime(): number; leader(): number | null; playing(): boolean; status(): string } };

async function openLesson(page: Page, id: string, extra = '') {
  await page.goto(`./?lesson=${id}&test=1&speed=20000${extra}`);
  await page.waitForFunction(() => (window as unknown as Win).__sim?.status() === 'running');
}

const lessonState = (page: Page) => page.evaluate(() => (window as unknown as Win).__lesson.state());

const single = LESSONS.filter((l) => l.algorithms.length === 1);

for (const lesson of single) {
  test(`lesson ${lesson.id}: opens by link and stops at each pause point`, async ({ page }) => {
    const { times } = lesson;
    await openLesson(page, lesson.id);
    await expect(page.getByRole('heading', { name: lesson.title.en })).toBeVisible();
    expect((await lessonState(page)).times).toEqual(times);
    const next = page.getByRole('button', { name: 'Next step' });
    for (let i = 0; i < lesson.steps.length; i++) {
      await next.click();
      await expect(page.getByText(`Step ${i + 1} of ${lesson.steps.length}`)).toBeVisible({ timeout: 20_000 });
      const want = times[i] ?? lesson.untilMs;
      await expect.poll(() => page.evaluate(() => (window as unknown as Win).__sim.engineTime())).toBe(want);
      const got = await page.evaluate(() => {
        const w = window as unknown as Win;
        return { view: w.__sim.viewTime(), playing: w.__sim.playing(), step: w.__lesson.state().step };
      });
      expect(got).toEqual({ view: want, playing: false, step: i });
      const leader = lesson.leaders[i][0];
      await expect.poll(() => page.evaluate(() => (window as unknown as Win).__sim.leader())).toBe(leader);
      await expect(page.getByText(lesson.steps[i].text.en)).toBeVisible();
    }
    await expect(next).toBeDisabled();
    if (lesson.steps.length > 1) {
      await page.getByRole('button', { name: 'Previous step' }).click();
      await expect(page.getByText(`Step ${lesson.steps.length - 1} of ${lesson.steps.length}`)).toBeVisible();
      const back = times[lesson.steps.length - 2] ?? lesson.untilMs;
      await expect.poll(() => page.evaluate(() => (window as unknown as Win).__sim.viewTime())).toBe(back);
    }
  });
}

test('the lesson list has every lesson as a link with its title, and a click opens it in place', async ({ page }) => {
  await page.goto('./?test=1&lang=en');
  await page.getByRole('button', { name: 'Lessons' }).click();
  const dialog = page.getByRole('dialog', { name: 'Lessons' });
  await expect(dialog).toBeVisible();
  for (const l of LESSONS) {
    const link = dialog.getByRole('link', { name: l.title.en, exact: true });
    await expect(link).toHaveAttribute('href', new RegExp(`[?&]lesson=${l.id}(&|$)`));
  }
  await expect(dialog.getByRole('link')).toHaveCount(LESSONS.length);
  await dialog.getByRole('link', { name: 'Raft: roles, terms, one vote, a majority' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Raft: roles, terms, one vote, a majority' })).toBeVisible();
  expect(page.url()).toContain('lesson=');
  await expect(page.getByRole('combobox', { name: 'Algorithm' })).toHaveValue('raft');
});

test('an unknown lesson id is a visible notice, not a blank page', async ({ page }) => {
  await page.goto('./?test=1&lesson=no-such-lesson');
  await expect(page.getByRole('alert').filter({ hasText: 'lesson=no-such-lesson' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Node 1\b/ })).toBeVisible();
});

test('closing a lesson goes back to a plain cluster and drops ?lesson= from the address', async ({ page }) => {
  await openLesson(page, 'bully-rule');
  await page.getByRole('button', { name: 'Close lesson' }).click();
  await expect(page.locator('.lesson-card')).toHaveCount(0);
  expect(page.url()).not.toContain('lesson=');
});

test('keyboard only: open the lesson list, open a lesson, step with Page Down / Page Up and N / P', async ({ page }) => {
  await page.goto('./?test=1&speed=20000');
  await page.waitForFunction(() => (window as unknown as Win).__sim?.status() === 'running');
  const focusedName = () => page.evaluate(() => (document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '').trim());
  // Tab to the "Lessons" button and press Enter.
  for (let i = 0; i < 40 && (await focusedName()) !== 'Lessons'; i++) await page.keyboard.press('Tab');
  expect(await focusedName()).toBe('Lessons');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Lessons' });
  await expect(dialog).toBeVisible();
  const title = 'The highest node keeps coming back: Bully flaps';
  for (let i = 0; i < 60 && (await focusedName()) !== title; i++) await page.keyboard.press('Tab');
  expect(await focusedName()).toBe(title);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await page.keyboard.press('PageDown');
  await expect(page.getByText('Step 1 of 4')).toBeVisible();
  await page.keyboard.press('PageDown');
  await expect(page.getByText('Step 2 of 4')).toBeVisible();
  await page.keyboard.press('PageUp');
  await expect(page.getByText('Step 1 of 4')).toBeVisible();
  await page.keyboard.press('n');
  await expect(page.getByText('Step 2 of 4')).toBeVisible();
  await page.keyboard.press('p');
  await expect(page.getByText('Step 1 of 4')).toBeVisible();
  // Help lists the lesson keys; Esc closes it.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keys and how to read the ring' });
  await expect(help).toContainText('Page Down');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

for (const lesson of LESSONS.filter((l) => l.algorithms.length > 1)) {
  test(`side-by-side lesson ${lesson.id}: opens compare mode and every pane stops at each pause point`, async ({ page }) => {
    await openLesson(page, lesson.id);
    for (const alg of lesson.algorithms) await expect(page.getByRole('region', { name: { bully: 'Bully', raft: 'Raft', zab: 'ZAB' }[alg]! }).first()).toBeVisible();
    await expect(page.getByRole('heading', { name: lesson.title.en })).toBeVisible();
    const next = page.getByRole('button', { name: 'Next step' });
    for (let i = 0; i < lesson.steps.length; i++) {
      await next.click();
      await expect(page.getByText(`Step ${i + 1} of ${lesson.steps.length}`)).toBeVisible({ timeout: 20_000 });
      const want = lesson.times[i] ?? lesson.untilMs;
      type C = { __compare: { times(): number[]; playing(): boolean; pane(i: number): { engineTime(): number; leader(): number | null } } };
      await expect.poll(() => page.evaluate(() => (window as unknown as C).__compare.times())).toEqual(lesson.algorithms.map(() => want));
      expect(await page.evaluate(() => (window as unknown as C).__compare.playing())).toBe(false);
      for (let k = 0; k < lesson.algorithms.length; k++) {
        await expect
          .poll(() => page.evaluate((k) => (window as unknown as C).__compare.pane(k).leader(), k), { message: `${lesson.algorithms[k]} leader at step ${i + 1}` })
          .toBe(lesson.leaders[i][k]);
      }
    }
    await page.getByRole('button', { name: 'Close lesson' }).click();
    await expect(page.getByRole('region', { name: 'Bully' })).toHaveCount(0);
  });
}
