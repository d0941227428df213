/**
 * Crash or Power off (issue 14): ZAB runs over TCP, so a killed process's connections are reset and its
 * followers look at once, while a powered-off host is only noticed at the read timeout (syncLimit × tickTime =
 * 1,000 ms by default). Raft and Bully send datagrams: there the two are the same, and the menu offers Crash only.
 * Driven on virtual time: opened paused, the clock advanced to given instants.
 */
import { expect, test } from '@playwright/test';
import { Lab } from './pages/lab';

async function leaderAfterElection(lab: Lab): Promise<number> {
  await lab.advanceTo(3000);
  const leader = await lab.leader();
  expect(leader).not.toBeNull();
  return leader!;
}

const followersOf = async (lab: Lab, leader: number) => (await lab.nodes()).filter((n) => n.node !== leader && n.leader === leader && n.role === 'following').length;

test('ZAB: Power off is in the node menu, which stays inside the ring box above the timeline', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open({ algorithm: 'zab', nodes: 5, seed: 2, paused: true });
  await leaderAfterElection(lab);
  const ring = await page.locator('.ring-box').boundingBox();
  for (const id of [1, 2, 3, 4, 5]) {
    const menu = await lab.openMenu(id);
    await expect(menu.getByRole('menuitem', { name: 'Power off' })).toBeVisible();
    const box = (await menu.boundingBox())!;
    expect(box.y + box.height, `node ${id}'s menu ends inside the ring box`).toBeLessThanOrEqual(ring!.y + ring!.height + 1);
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
  }
});

test('ZAB: a powered-off leader is seen only at the read timeout; a crashed (killed) one at once', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open({ algorithm: 'zab', nodes: 5, seed: 2, paused: true });
  const leader = await leaderAfterElection(lab);
  expect(await followersOf(lab, leader)).toBe(4);

  await lab.menuAction(leader, 'Power off');
  await expect(lab.node(leader)).toHaveAttribute('data-alive', 'false');
  const [off] = await lab.sim<{ at: number; do: string; node: number; how?: string }[]>('actions');
  expect(off).toMatchObject({ do: 'crash', node: leader, how: 'powerOff' });
  await expect(page.locator('.event-log')).toContainText(`Node ${leader} crashes`);
  await expect(page.locator('.event-log')).toContainText('It was powered off: nothing closes its connections');
  // Silence, not a reset: half a read timeout later every follower still follows the dark host.
  await lab.advanceTo(off.at + 500);
  expect(await followersOf(lab, leader)).toBe(4);
  await lab.advanceTo(off.at + 1300);
  expect(await followersOf(lab, leader)).toBe(0);

  // The same moment with Crash: the OS resets the connections and the followers look within one message delay.
  await lab.open({ algorithm: 'zab', nodes: 5, seed: 2, paused: true });
  await leaderAfterElection(lab);
  await lab.menuAction(leader, 'Crash');
  const [kill] = await lab.sim<{ at: number; do: string; how?: string }[]>('actions');
  expect(kill.how).toBeUndefined();
  await expect(page.locator('.event-log')).toContainText('Its process was killed: the operating system resets its TCP connections');
  await lab.advanceTo(kill.at + 60);
  expect(await followersOf(lab, leader)).toBe(0);
});

test('Raft: Crash only (datagrams: killed and powered off look the same to the peers)', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open({ algorithm: 'raft', nodes: 5, seed: 2, paused: true });
  const menu = await lab.openMenu(1);
  await expect(menu.getByRole('menuitem', { name: 'Crash' })).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Power off' })).toHaveCount(0);
});
