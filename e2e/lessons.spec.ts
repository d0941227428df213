/**
 * Lessons (issue 8) in real Chromium. Each walk-through opens a lesson by link (`?lesson=<id>`), presses "Next
 * step" for every step and arrives at once (`Lab.nextPause`: virtual time, no waiting for the wall clock): the
 * run must stop exactly at each pause point that `findPausePoints` computes from the lesson's headless run,
 * with the cluster leader the trace has there and the step's text on screen; "Previous step" goes back.
 *
 * Which lessons: every lesson is walked through the lesson runner without a browser (src/store/lesson-walk.test.ts)
 * and its step texts' claims checked (src/lessons/key-lessons.test.ts). Here, by default, the first lesson of
 * each group of the lesson list (one per algorithm, one side by side); `npm run test:e2e:all` (or
 * `E2E_LESSONS=all`) walks every lesson with the same code, `E2E_LESSONS=id,id` the ones named. The lesson list, a
 * bad id, closing and a keyboard-only walk-through run always.
 */
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { Lab, type Bridges } from './pages/lab';
import { FULL_SUITE } from './pages/suite';

interface Expected {
  id: string;
  group: string;
  algorithms: string[];
  title: { en: string; zh: string };
  untilMs: number;
  steps: { text: { en: string; zh: string } }[];
  times: (number | null)[];
  leaders: (number | null)[][];
}
const LESSONS: Expected[] = JSON.parse(execFileSync('node_modules/.bin/tsx', ['e2e/lesson-expect.ts'], { encoding: 'utf8', maxBuffer: 1 << 26 }));

/** The lessons to walk through: see the file's comment. */
function walked(): Expected[] {
  const pick = process.env.E2E_LESSONS ?? (FULL_SUITE ? 'all' : undefined);
  if (pick === 'all') return LESSONS;
  if (pick) {
    const ids = pick.split(',');
    const unknown = ids.filter((id) => !LESSONS.some((l) => l.id === id));
    if (unknown.length > 0) throw new Error(`E2E_LESSONS names no lesson: ${unknown.join(', ')}`);
    return LESSONS.filter((l) => ids.includes(l.id));
  }
  return LESSONS.filter((l, i) => LESSONS.findIndex((k) => k.group === l.group) === i);
}

const PANE_NAMES: Record<string, string> = { bully: 'Bully', raft: 'Raft', zab: 'ZAB', paxos: 'Paxos' };

/** Each pane's cluster leader (one pane: the page's). */
const leaders = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as Bridges;
    const c = w.__compare;
    return c?.open() ? c.times().map((_, k) => c.pane(k).leader()) : [w.__sim.leader()];
  });

/** Each pane's displayed and engine time, and whether anything plays. */
const clocks = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as Bridges;
    const c = w.__compare;
    const panes = c?.open() ? c.times().map((_, k) => c.pane(k)) : [w.__sim];
    return { view: panes.map((p) => p.viewTime()), engine: panes.map((p) => p.engineTime()), playing: panes.some((p) => p.playing()) };
  });

for (const lesson of walked()) {
  const side = lesson.algorithms.length > 1;
  test(`lesson ${lesson.id}: opens by link${side ? ' in compare mode' : ''} and stops at each pause point`, async ({ page }) => {
    const lab = await new Lab(page).openLesson(lesson.id);
    const n = lesson.steps.length;
    await expect(page.getByRole('heading', { name: lesson.title.en })).toBeVisible();
    if (side) for (const alg of lesson.algorithms) await expect(page.getByRole('region', { name: PANE_NAMES[alg] }).first()).toBeVisible();
    expect((await lab.lessonState()).times).toEqual(lesson.times);
    for (let i = 0; i < n; i++) {
      expect(await lab.nextPause()).toBe(i);
      const want = lesson.times[i] ?? lesson.untilMs;
      const at = `step ${i + 1} of ${n}`;
      expect(await clocks(page), at).toEqual({ view: lesson.algorithms.map(() => want), engine: lesson.algorithms.map(() => want), playing: false });
      expect(await leaders(page), at).toEqual(lesson.leaders[i]);
      await expect(page.getByText(`Step ${i + 1} of ${n}`)).toBeVisible();
      await expect(page.getByText(lesson.steps[i].text.en)).toBeVisible();
    }
    await expect(page.getByRole('button', { name: 'Next step' })).toBeDisabled();
    await page.getByRole('button', { name: 'Previous step' }).click();
    await expect(page.getByText(`Step ${n - 1} of ${n}`)).toBeVisible();
    await lab.settled(lesson.times[n - 2] ?? lesson.untilMs);
    expect(await leaders(page)).toEqual(lesson.leaders[n - 2]);
    await page.getByRole('button', { name: 'Close lesson' }).click();
    await expect(page.locator('.lesson-card')).toHaveCount(0);
    if (side) await expect(page.getByRole('region', { name: 'Bully' })).toHaveCount(0);
  });
}

test('the lesson list has every lesson as a link with its title, and a click opens it in place', async ({ page }) => {
  await page.goto('./?test=1&lang=en&paused=1');
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
  await page.goto('./?test=1&paused=1&lesson=no-such-lesson');
  await expect(page.getByRole('alert').filter({ hasText: 'lesson=no-such-lesson' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Node 1\b/ })).toBeVisible();
});

test('closing a lesson goes back to a plain cluster and drops ?lesson= from the address', async ({ page }) => {
  await new Lab(page).openLesson('bully-rule');
  await page.getByRole('button', { name: 'Close lesson' }).click();
  await expect(page.locator('.lesson-card')).toHaveCount(0);
  expect(page.url()).not.toContain('lesson=');
});

test('keyboard only: open the lesson list, open a lesson, step with Page Down / Page Up and N / P', async ({ page }) => {
  const lab = await new Lab(page).open({ paused: true });
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
  await lab.settled(0);
  const { times } = await lab.lessonState();
  await lab.nextPause('PageDown');
  await expect(page.getByText('Step 1 of 4')).toBeVisible();
  await lab.nextPause('PageDown');
  await expect(page.getByText('Step 2 of 4')).toBeVisible();
  await page.keyboard.press('PageUp');
  await expect(page.getByText('Step 1 of 4')).toBeVisible();
  await lab.settled(times[0]!);
  await lab.nextPause('n');
  await expect(page.getByText('Step 2 of 4')).toBeVisible();
  await page.keyboard.press('p');
  await expect(page.getByText('Step 1 of 4')).toBeVisible();
  await lab.settled(times[0]!);
  // Help lists the lesson keys; Esc closes it.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keys and how to read the ring' });
  await expect(help).toContainText('Page Down');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});
