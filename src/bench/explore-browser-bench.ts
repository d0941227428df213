/**
 * `npm run bench -- --explore`, the browser row (issue 16): the same search as the Node row
 * (EXPLORE_BENCH_CONFIG: Raft n = 3, one crash, two values per draw, depth 7) run by the page's Explore dialog
 * in its Web Worker, in headless Chromium against the built app. The worker times the search itself
 * (`data-explore-ms`), so the figure leaves out the page's polling. Best of `--runs` (default 2).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { parseExploreConfig } from '../engine/explore/config';
import { explore } from '../engine/explore/explore';
import { EXPLORE_BENCH_CONFIG } from './explore-bench';

const dist = 'bench-results/.dist-explore';
const port = Number(process.env.BENCH_EXPLORE_PORT ?? 4291);
const base = `http://localhost:${port}/`;
const runsArg = process.argv.find((a) => a.startsWith('--runs='));
const runs = Math.max(1, Number(runsArg?.slice(7) ?? 2) || 2);
/** The same search's count in Node: the explorer is deterministic, so the browser must find exactly as many. */
const EXPECTED_STATES = explore(parseExploreConfig({ ...EXPLORE_BENCH_CONFIG })).states;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const build = spawnSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], { encoding: 'utf8' });
if (build.status !== 0) {
  process.stderr.write(build.stdout + build.stderr);
  throw new Error(`vite build failed (exit ${build.status})`);
}
const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--outDir', dist, '--port', String(port), '--strictPort'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
});
try {
  for (let up = false, tries = 0; !up; tries++) {
    if (tries > 150 || server.exitCode !== null) throw new Error(`vite preview did not start on port ${port}`);
    up = await fetch(base).then((r) => r.ok).catch(() => false);
    if (!up) await new Promise((r) => setTimeout(r, 200));
  }
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const rows: { run: number; states: number; workerMs: number; statesPerSecond: number }[] = [];
  for (let run = 1; run <= runs; run++) {
    const page = await browser.newPage();
    await page.goto(`${base}?test=1&paused=1`);
    await page.getByRole('button', { name: 'Explore', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Explore every interleaving' });
    await dialog.getByLabel('Algorithm').selectOption(EXPLORE_BENCH_CONFIG.algorithm);
    for (const [label, value] of [['Nodes', EXPLORE_BENCH_CONFIG.nodes], ['Crashes', EXPLORE_BENCH_CONFIG.crashes], ['Partitions', 0], ['Depth (steps)', EXPLORE_BENCH_CONFIG.maxDepth], ['State bound', EXPLORE_BENCH_CONFIG.maxStates]] as const) {
      await dialog.getByLabel(label, { exact: true }).fill(String(value));
    }
    await dialog.getByRole('button', { name: 'Run' }).click();
    await page.waitForSelector('[data-explore-status="done"]', { timeout: 600_000 });
    const states = Number(await dialog.getAttribute('data-explore-states'));
    if (states !== EXPECTED_STATES) throw new Error(`the browser searched ${states} states, Node ${EXPECTED_STATES}: not the same search`);
    const workerMs = Number(await dialog.getAttribute('data-explore-ms'));
    rows.push({ run, states, workerMs, statesPerSecond: Math.round((states * 1000) / workerMs) });
    await page.close();
  }
  await browser.close();
  console.log(`\n6b. Explorer in the browser's worker (headless Chromium, the Explore dialog), load average ${loadavg().map((x) => x.toFixed(2)).join(', ')}`);
  console.log(`   Raft n = ${EXPLORE_BENCH_CONFIG.nodes}, ${EXPLORE_BENCH_CONFIG.crashes} crash, draws 2, depth ${EXPLORE_BENCH_CONFIG.maxDepth}:`);
  for (const r of rows) console.log(`   run ${r.run}: ${r.states.toLocaleString('en')} states in ${r.workerMs.toLocaleString('en')} ms, ${r.statesPerSecond.toLocaleString('en')} states/s`);
  console.log(`   best: ${Math.max(...rows.map((r) => r.statesPerSecond)).toLocaleString('en')} states/s`);
} finally {
  server.kill();
}
