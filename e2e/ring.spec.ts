import { expect, test } from '@playwright/test';
import { Lab } from './pages/lab';

test('a Bully cluster elects its highest node, drawn on the ring with roles and a crown', async ({ page }) => {
  const lab = await new Lab(page).open({ algorithm: 'bully', nodes: 5, paused: true });
  await expect(page.locator('[data-node-id]')).toHaveCount(5);
  const leader = await lab.advanceToLeader(() => true, 50);
  expect(leader).toBe(5);
  await expect(lab.node(5)).toHaveAttribute('data-role', 'leader');
  await expect(lab.nodeButton(5)).toHaveAccessibleName(/^Node 5, leader/);
  await expect(lab.node(1)).toHaveAttribute('data-role', 'follower');
  await expect(lab.node(1)).toHaveAttribute('data-alive', 'true');
  expect(await lab.sim<string>('transport')).toBe('worker');
});
