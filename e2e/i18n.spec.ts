/**
 * Chinese UI (issue 8): with `?lang=zh` no English word is left on the main screens — visible text, accessible
 * names and tooltips — beyond names (algorithms, message kinds, keys) that a Chinese class uses as they are.
 */
import { expect, test, type Page } from '@playwright/test';
import { Lab, ready } from './pages/lab';

/** Words a Chinese UI keeps: algorithm and message names of the protocols, key names, the language's own name. */
const NAMES = new Set(
  [
    'Bully', 'Raft', 'ZAB', 'ZooKeeper', 'MongoDB', 'Paxos',
    'Election', 'Alive', 'Victory', 'Vote', 'RequestVote', 'AppendEntries', 'PreVote', 'Heartbeat', 'Notification',
    'FollowerInfo', 'LeaderInfo', 'AckEpoch', 'NewLeader', 'AckNewLeader', 'UpToDate', 'Proposal', 'Ack', 'Commit', 'Ping', 'Pong', 'Sync', 'Diff', 'Trunc', 'Snap', 'Inform',
    'LOOKING', 'FOLLOWING', 'LEADING', 'OBSERVING', 'zxid', 'sid', 'epoch', 'peerEpoch', 'term',
    'English', 'Page', 'Up', 'Down', 'Tab', 'Esc', 'Enter', 'PNG', 'SVG', 'JSONL', 'JSON', 'CSV', 'N', 'P', 'L', 'F',
    'bully', 'raft', 'zab', 'Checkquorum', 'CheckQuorum', 'lastOp', 'id', 'ms',
    // The seed text's own terms, which the Chinese narration quotes; the command line of `sim`.
    'Leader', 'Follower', 'Candidate', 'Observer', 'sim', 'format', 'jsonl', 'until',
    // The timeline's one-letter markers (E election, L leader, T term, Z epoch, R revive, CQ CheckQuorum…).
    'E', 'R', 'T', 'Z', 'C', 'S', 'W', 'X', 'CQ',
    // More message kinds, a ZAB check by name, the scenario file's action names, lesson write values.
    'AppendEntriesReply', 'RequestVoteReply', 'PreVoteReply', 'Request', 'checkLeader',
    'crash', 'revive', 'partition', 'heal', 'cut', 'restore', 'write', 'crashLeader', 'setDropRate', 'setLatency', 'before', 'after',
    // ZooKeeper's own setting names, which the ZAB lessons quote.
    'syncLimit', 'initLimit', 'tickTime', 'tick', 'ticks',
    // Multi-Paxos and its message names (Lamport's vocabulary, used as they are in Chinese courses too).
    'Multi-Paxos', 'Prepare', 'Promise', 'Accept', 'Accepted', 'Nack', 'CatchUp',
  ].map((w) => w.toLowerCase()),
);

async function englishLeft(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    // Raw data is shown as it is (a node's state in the inspector, a message's fields, commands): not UI text.
    const RAW = '.kv, code, kbd, [translate="no"], script, style';
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest(RAW) || el.getClientRects().length === 0) continue;
      out.push(n.textContent ?? '');
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (el.closest(RAW) || el.getClientRects().length === 0) continue;
      for (const a of ['aria-label', 'title', 'placeholder']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    return out;
  });
  const words = new Set<string>();
  for (const t of texts) {
    for (const w of t.match(/[A-Za-z][A-Za-z0-9_'’-]*/g) ?? []) {
      // Identifiers with a digit or an underscore (rule R0a, server_id, v1) are names, not English.
      if (/[0-9_]/.test(w) || NAMES.has(w.toLowerCase())) continue;
      words.add(`${w} ‹${t.slice(0, 80)}›`);
    }
  }
  return [...words].sort();
}

async function open(page: Page, query: string) {
  await page.goto(`./?test=1&lang=zh&${query}`);
  await ready(page);
}

test('?lang=zh: the main screen, a node menu and the export menu have no English left', async ({ page }) => {
  // A run with a leader and an event log to read: virtual time to the first leader, paused there.
  await open(page, 'algorithm=raft&paused=1');
  await new Lab(page).advanceToLeader(() => true, 300);
  expect(await englishLeft(page)).toEqual([]);
  await page.locator('[data-node-id="1"] .node-shape').click();
  await expect(page.getByRole('menu')).toBeVisible();
  expect(await englishLeft(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '导出' }).click();
  expect(await englishLeft(page)).toEqual([]);
});

test('?lang=zh: a lesson step, the lesson list and the help have no English left', async ({ page }) => {
  await open(page, 'lesson=zab-leader-crash&speed=20000');
  await page.getByRole('button', { name: '下一步' }).click();
  await new Lab(page).arrive(0);
  await expect(page.getByText('第 1 步，共 5 步')).toBeVisible();
  expect(await englishLeft(page)).toEqual([]);
  await page.getByRole('button', { name: '课程', exact: true }).click();
  await expect(page.getByRole('dialog', { name: '课程' })).toBeVisible();
  expect(await englishLeft(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await englishLeft(page)).toEqual([]);
});

test('?lang=zh in presenter and embed modes', async ({ page }) => {
  await open(page, 'lesson=bully-flapping&presenter=1&speed=20000');
  await page.keyboard.press('PageDown');
  await new Lab(page).arrive(0);
  await expect(page.getByText('第 1 步，共 4 步')).toBeVisible();
  expect(await englishLeft(page)).toEqual([]);
  await open(page, 'embed=1&algorithm=zab&paused=1');
  expect(await englishLeft(page)).toEqual([]);
});
