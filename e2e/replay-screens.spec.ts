/**
 * Issue 6's "done" tried as a new user would, with screenshots to look at (test-results/screens/replay-*.png):
 * pause mid-election, step back three events, read why each message was sent, fork by crashing a different
 * node, copy the share link, and open it elsewhere to see the identical run.
 */
import { expect, test } from '@playwright/test';
import { Lab } from './pages/lab';
import { FULL_SUITE } from './pages/suite';

// Each step is tested on its own in replay.spec.ts; this user's tour and its screenshots run in the full suite.
if (FULL_SUITE) test('tour: pause mid-election, step back three events, fork, share, reopen', async ({ page, context }) => {
  const lab = await new Lab(page).open({ algorithm: 'raft', nodes: 5, seed: 3, paused: true });
  // Mid-election: a candidate is asking for votes. The candidacy lasts under a second of wall time at this speed,
  // so poll often (expect.poll's default backoff reaches 1 s between looks and can miss it on a busy machine),
  // then let 25 virtual ms of requests and votes happen, so there are events to step back through.
  // Virtual time: to the first candidacy (the headless run of the page's scenario says when), then 25 ms on.
  const slider = page.getByRole('slider', { name: 'Timeline' });
  const candidacy = await lab.advanceUntil((s) => [...s.nodes.values()].some((n) => n.alive && n.role === 'candidate'), 'a candidate');
  await lab.advanceTo(Math.ceil(candidacy.t) + 25);
  const t0 = Number(await slider.getAttribute('aria-valuenow'));
  const back = page.getByRole('button', { name: 'Step back' });
  const captions: string[] = [];
  for (let i = 0; i < 3; i++) {
    const before = Number(await slider.getAttribute('aria-valuenow'));
    await back.click();
    await expect.poll(async () => Number(await slider.getAttribute('aria-valuenow'))).toBeLessThan(before);
    captions.push((await page.getByTestId('step-caption').textContent()) ?? '');
  }
  expect(Number(await slider.getAttribute('aria-valuenow'))).toBeLessThan(t0);
  // Why each message was sent: the caption and the log say it in words.
  expect(captions.join(' ')).toMatch(/vote|candidate|election timer|term/i);
  await expect(page.getByRole('log', { name: 'Event log' })).toContainText(/candidate for term|asks the others for votes|grants|votes for/i);
  await lab.screenshot('replay-tour-stepped-back');

  // Fork: crash a node that is not the candidate, in the past.
  const candidate = (await lab.nodes()).find((n) => n.role === 'candidate')?.node ?? 1;
  const victim = candidate === 2 ? 3 : 2;
  await lab.menuAction(victim, 'Crash');
  await expect.poll(async () => (await lab.sim<{ node: number }[]>('actions')).map((a) => a.node)).toEqual([victim]);
  await lab.advanceToLeader(() => true, 100);
  await lab.screenshot('replay-tour-forked');

  // Share the link at this moment, open it in another page: the identical run.
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByRole('dialog').getByRole('checkbox').check();
  const link = await page.getByRole('textbox', { name: 'Link' }).inputValue();
  await page.keyboard.press('Escape');
  const here = { hash: await lab.sim<string>('traceHash'), nodes: await lab.nodes(), time: Math.floor(await lab.sim<number>('viewTime')) };
  const other = await context.newPage();
  await other.goto(`${link}&test=1`);
  await other.waitForFunction((t) => {
    const s = (window as unknown as { __sim?: { status(): string; engineTime(): number } }).__sim;
    return s?.status() === 'running' && s.engineTime() === t;
  }, here.time);
  const lab2 = new Lab(other);
  expect(await lab2.sim<string>('traceHash')).toBe(here.hash);
  expect(await lab2.nodes()).toEqual(here.nodes);
  await lab2.screenshot('replay-tour-reopened');

  // Chinese, for a look.
  await other.goto(`${link}&test=1&lang=zh`);
  // The link's moment loaded (as above), then one step back from it.
  await other.waitForFunction((t) => {
    const s = (window as unknown as { __sim?: { status(): string; engineTime(): number } }).__sim;
    return s?.status() === 'running' && s.engineTime() === t;
  }, here.time);
  await other.getByRole('button', { name: '后退一步' }).or(other.getByRole('button', { name: /后退/ })).first().click();
  await lab2.settled();
  await lab2.screenshot('replay-tour-zh');
});
