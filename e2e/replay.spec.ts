/**
 * Replay (issue 6) in real Chromium: step back / forward move the timeline and the picture, scrubbing to 0
 * shows no leader, the narration explains and seeks, a fork cuts the future, a share link reproduces the run
 * in a new page, bad links and files are refused with a visible notice, the Chinese UI narrates in Chinese,
 * and the worker's trace equals `npm run sim`'s for the same scenario.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import LZString from 'lz-string';
import { Lab } from './pages/lab';

const timeline = (page: Page) => page.getByRole('slider', { name: 'Timeline' });
const valueNow = async (page: Page) => Number(await timeline(page).getAttribute('aria-valuenow'));
const leaderStatus = (page: Page) => page.getByRole('status').filter({ hasText: /Leader: Node|No leader/ });

/** Waits until the step on screen is done: the worker answered, the glide ended, and the time moved past `from`. */
async function stepped(page: Page, from: number): Promise<void> {
  await page.waitForFunction((from) => {
    const s = (window as unknown as { __sim: { settled(): boolean; viewTime(): number } }).__sim;
    return s.settled() && s.viewTime() > from;
  }, from);
}

/** FNV-1a over each JSONL line but the `end` one, as the worker's traceHash. */
function fnvOfJsonl(jsonl: string): string {
  let h = 0x811c9dc5;
  for (const line of jsonl.split('\n')) {
    if (!line || line.startsWith('{"t":') === false || /"type":"end"/.test(line)) continue;
    for (let i = 0; i < line.length; i++) {
      h ^= line.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h.toString(16);
}

test('step back and forward move the timeline and the picture; scrubbing to 0 shows no leader', async ({ page }) => {
  const lab = await new Lab(page).open({ algorithm: 'raft', nodes: 5, seed: 2, paused: true });
  expect(await valueNow(page)).toBe(0);
  // Step until a RequestVote is in flight (a candidate asked for votes): one step at a time, each waited on
  // until the worker answered and its glide ended, then the canvas's picture of that instant is read.
  const forward = page.getByRole('button', { name: 'Step forward' });
  const back = page.getByRole('button', { name: 'Step back' });
  let voting = false;
  for (let i = 0; i < 40 && !voting; i++) {
    const from = await lab.sim<number>('viewTime');
    await forward.click();
    await stepped(page, from);
    voting = (await lab.drawnNow()).glyphs.some((g) => g.kind === 'RequestVote');
  }
  expect(voting, 'a RequestVote drawn within 40 steps').toBe(true);
  const t1 = await valueNow(page);
  const msgs1 = await lab.sim<number>('messageCount');
  const caption = await page.getByTestId('step-caption').textContent();
  expect(caption).toMatch(/candidate|votes/i);

  await back.click();
  await expect.poll(() => valueNow(page)).toBeLessThan(t1);
  const t0 = await valueNow(page);
  await expect.poll(() => lab.sim<number>('messageCount')).not.toBe(msgs1);
  await forward.click();
  await expect.poll(() => valueNow(page)).toBe(t1);
  await expect.poll(() => lab.sim<number>('messageCount')).toBe(msgs1);
  expect(t0).toBeLessThan(t1);
  await lab.screenshot('replay-step');

  // On to a leader (virtual time), then scrub to 0: nobody leads at time 0.
  await lab.advanceToLeader();
  await timeline(page).focus();
  await page.keyboard.press('Home');
  await expect.poll(() => valueNow(page)).toBe(0);
  await expect(leaderStatus(page)).toContainText('No leader');
  expect(await lab.leader()).toBeNull();
});

test('narration explains, clicking a line seeks there, markers jump, a fork cuts the future', async ({ page }) => {
  const lab = await new Lab(page).open({ algorithm: 'raft', nodes: 5, seed: 3, paused: true });
  // 200 ms into its term, so that going back before the crash can still find this first leader.
  const leader = await lab.advanceToLeader(() => true, 200);
  const log = page.getByRole('log', { name: 'Event log' });
  await expect(log).toContainText(/election timer|candidate/i);
  await lab.menuAction(leader, 'Crash');
  await lab.advanceToLeader((id) => id !== leader, 500);
  await expect.poll(async () => (await lab.sim<{ kind: string }[]>('markers')).filter((m) => m.kind === 'leader').length).toBeGreaterThanOrEqual(2);
  await expect(page.locator('.tl-strip [data-marker="fault"]')).toHaveCount(1);

  // A line of the log: clicking it shows the run at its time.
  const line = log.locator('li[data-t]').nth(3);
  const at = Number(await line.getAttribute('data-t'));
  await line.getByRole('button').click();
  await expect.poll(() => valueNow(page)).toBe(Math.round(at));

  // [ and ] walk the markers.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Home');
  const v = await valueNow(page);
  await page.keyboard.press('[');
  await expect.poll(() => valueNow(page)).toBeLessThan(v);

  // Fork: back before the crash, crash a different node; the old crash leaves the log and the timeline.
  const faultAt = (await lab.sim<{ at: number }[]>('actions'))[0].at;
  await timeline(page).focus();
  await page.keyboard.press('Home');
  await expect.poll(() => valueNow(page)).toBe(0);
  await lab.advanceToLeader();
  const now = await lab.sim<number>('viewTime');
  expect(now).toBeLessThan(faultAt);
  const other = leader === 1 ? 2 : 1;
  await lab.menuAction(other, 'Crash');
  await expect.poll(() => lab.sim<{ node?: number }[]>('actions')).toEqual([expect.objectContaining({ do: 'crash', node: other })]);
  await expect(page.getByText('You changed the past')).toBeVisible();
  await expect.poll(async () => Number(await timeline(page).getAttribute('max'))).toBeLessThan(faultAt + 1);
});

test('a share link opened in a new page reproduces the same run', async ({ page, context }) => {
  const lab = await new Lab(page).open({ algorithm: 'zab', nodes: 5, seed: 6, paused: true });
  const leader = await lab.advanceToLeader();
  await lab.menuAction(leader, 'Crash');
  await lab.advanceToLeader((id) => id !== leader, 300);
  const here = { time: await lab.sim<number>('viewTime'), hash: await lab.sim<string>('traceHash'), nodes: await lab.nodes(), actions: await lab.sim('actions') };

  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('checkbox').check();
  const link = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
  expect(link).toContain('scenario=');
  await lab.screenshot('replay-share-dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  const other = await context.newPage();
  await other.goto(`${link}&test=1`);
  const lab2 = new Lab(other);
  await other.waitForFunction((t) => {
    const s = (window as unknown as { __sim?: { status(): string; engineTime(): number } }).__sim;
    return s?.status() === 'running' && s.engineTime() === t;
  }, Math.floor(here.time));
  expect(await lab2.sim('actions')).toEqual(here.actions);
  // The link opens at the whole millisecond shown: the same trace and the same cluster.
  expect(await lab2.sim<string>('traceHash')).toBe(here.hash);
  expect(await lab2.nodes()).toEqual(here.nodes);
  await expect(other.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
});

test('bad links and files are refused with a notice naming the field; the app keeps working', async ({ page }) => {
  await page.goto('./?test=1&paused=1&scenario=this-is-not-a-scenario');
  await expect(page.getByRole('alert').filter({ hasText: 'scenario' })).toContainText('damaged');
  await expect(page.locator('[data-node-id]')).toHaveCount(5);
  // It runs: the default run goes on (driven 200 ms of virtual time on, not played on the wall clock) and its nodes talk.
  const running = new Lab(page);
  await running.ready();
  await running.settled();
  await running.advanceTo((await running.sim<number>('viewTime')) + 200);
  expect((await running.sim<{ sent: number }>('stats')).sent).toBeGreaterThan(0);

  const bad = LZString.compressToEncodedURIComponent(JSON.stringify({ version: 1, algorithm: 'raft', nodes: 3, events: [{ at: 10, do: 'crash', node: 9 }] }));
  await page.goto(`./?test=1&paused=1&scenario=${bad}`);
  await expect(page.getByRole('alert').filter({ hasText: 'events[0].node' })).toContainText('node 9 does not exist');
  await expect(page.locator('[data-node-id]')).toHaveCount(5);

  // A bad file: refused, the run on screen unchanged.
  const lab = new Lab(page);
  await lab.ready();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await stepped(page, 0);
  const hash = await lab.sim<string>('traceHash');
  await page.getByTestId('scenario-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 1, "network": {"dropRate": 3}}') });
  await expect(page.getByRole('alert').filter({ hasText: 'broken.json' })).toContainText('network.dropRate: must be between 0 and 1');
  expect(await lab.sim<string>('traceHash')).toBe(hash);
  await lab.screenshot('replay-bad-file');
  // A good file replaces it.
  await page.getByTestId('scenario-file').setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 1, "algorithm": "bully", "nodes": 4, "events": [{"at": 400, "do": "crashLeader"}]}') });
  await expect(page.locator('[data-node-id]')).toHaveCount(4);
  expect(await lab.sim('actions')).toEqual([{ at: 400, do: 'crashLeader' }]);
});

test('the Chinese UI narrates in Chinese', async ({ page }) => {
  const lab = await new Lab(page).open({ algorithm: 'bully', nodes: 5, seed: 1, paused: true, extra: { lang: 'zh' } });
  for (let i = 0; i < 6; i++) {
    const from = await lab.sim<number>('viewTime');
    await page.keyboard.press('ArrowRight');
    await stepped(page, from);
  }
  const log = page.getByRole('log', { name: '事件日志' });
  await expect(log.locator('li').first()).toContainText(/[\u4e00-\u9fff]/);
  await expect(log).toContainText('节点');
  await expect(page.getByTestId('step-caption')).toContainText(/[\u4e00-\u9fff]/);
  expect(await lab.sim<number>('viewTime')).toBeGreaterThan(0);
});

test('the worker\'s trace equals `npm run sim` for the same scenario (hash and exported JSONL)', async ({ page }) => {
  const file = 'src/engine/scenarios/raft/files/leader-crash-failover.json';
  const text = readFileSync(file, 'utf8');
  const until = 4500;
  await page.goto(`./?test=1&at=${until}&paused=1&scenario=${LZString.compressToEncodedURIComponent(text)}`);
  await page.waitForFunction((t) => {
    const s = (window as unknown as { __sim?: { status(): string; engineTime(): number } }).__sim;
    return s?.status() === 'running' && s.engineTime() === t;
  }, until);
  const lab = new Lab(page);
  const browserHash = await lab.sim<string>('traceHash');
  const exported = await page.evaluate(() => (window as unknown as { __sim: { exportTrace(): Promise<{ jsonl: string; to: number }> } }).__sim.exportTrace());

  const dir = mkdtempSync(join(tmpdir(), 'replay-'));
  writeFileSync(join(dir, 's.json'), text);
  const cli = execFileSync('npm', ['run', '--silent', 'sim', '--', '--scenario', join(dir, 's.json'), '--format', 'jsonl', '--until', String(until)], { encoding: 'utf8' });
  expect(exported.to).toBe(until);
  expect(exported.jsonl).toBe(cli);
  expect(browserHash).toBe(fnvOfJsonl(cli));
  // The Trace button downloads the same bytes.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Trace/ }).click();
  const d = await download;
  expect(d.suggestedFilename()).toMatch(/\.jsonl$/);
  expect(readFileSync((await d.path())!, 'utf8')).toBe(cli);
});
