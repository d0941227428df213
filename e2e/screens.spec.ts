/**
 * Screenshots of each algorithm mid-election at n = 3, 9 and 25, saved under test-results/screens/ to be
 * looked at (readable at projector size, nothing overlapping). The assertions check what can be checked
 * without eyes: no two node labels' boxes overlap, and messages are on screen. By default n = 25 only (the
 * densest ring of the three); the full suite (`npm run test:e2e:all`) adds n = 3 and 9 and the dark theme.
 */
import { expect, test } from '@playwright/test';
import { Lab } from './pages/lab';
import { FULL_SUITE } from './pages/suite';

const MID: Record<string, string[]> = {
  // Paused while election traffic is in the air: some node is in one of these roles.
  bully: ['electing', 'awaitingVictory'],
  raft: ['candidate'],
  zab: ['looking'],
};

for (const algorithm of ['bully', 'raft', 'zab']) {
  for (const n of FULL_SUITE ? [3, 9, 25] : [25]) {
    test(`${algorithm} with ${n} nodes mid-election: labels do not overlap`, async ({ page }) => {
      const lab = new Lab(page);
      await page.setViewportSize({ width: 1600, height: 900 });
      await lab.open({ algorithm, nodes: n, seed: 3, paused: true });
      const roles = MID[algorithm];
      // Virtual time to the first instant past 12 ms at which some node is in an election role, then 3 ms on:
      // the election's messages (10–30 ms each) are in the air, and the page is paused there.
      const snap = await lab.advanceUntil((s) => s.t > 12 && s.sent >= 2 && [...s.nodes.values()].some((x) => roles.includes(String(x.role))), 'mid-election');
      await lab.advanceTo(snap.t + 3);
      // Messages on screen: one glyph each, or aggregated flows when more than 600 are in flight (ZAB at 25).
      await expect.poll(async () => { const d = await lab.drawn(); return d.glyphs.length + d.flows.length; }).toBeGreaterThan(0);
      await lab.screenshot(`${algorithm}-${n}`);
      const boxes = await page.locator('.node-label').evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          return { x: r.x, y: r.y, w: r.width, h: r.height };
        }),
      );
      const overlaps: string[] = [];
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i];
          const b = boxes[j];
          if (a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1 && a.y < b.y + b.h - 1 && b.y < a.y + a.h - 1) overlaps.push(`${i}/${j}`);
        }
      expect(overlaps).toEqual([]);
    });
  }
}

if (FULL_SUITE) test('dark theme, projector size', async ({ page }) => {
  const lab = new Lab(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await lab.open({ algorithm: 'raft', nodes: 5, paused: true, extra: { theme: 'dark' } });
  await lab.advanceToLeader(() => true, 100);
  await lab.screenshot('raft-5-dark-1080p');
});
