/**
 * `npm run bench`, parts 4 and 5 (issue 9): rendering and load of the built app in headless Chromium, driven by
 * Playwright's API (not its test runner). Builds the app into bench-results/.dist, serves it with `vite
 * preview` (started and stopped here), measures frame intervals (requestAnimationFrame deltas) and long tasks
 * while playing, the initial JS size gzipped and first (contentful) paint, prints tables with each target
 * marked met / NOT met, and writes bench-results/browser.json. `--quick`: shorter windows, one load sample.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { FOLDER_SCRIPT } from '../../scripts/vite-teach';

const quick = process.argv.includes('--quick');
const argOf = (name: string) => {
  const i = process.argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const a = process.argv[i];
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : process.argv[i + 1];
};
/** `--render`: the rendering rows only (no load table); `--cases=a,d`: those rows; `--runs=N`: each row N times. */
const renderOnly = process.argv.includes('--render');
const caseIds = argOf('cases')?.split(',').map((x) => x.trim()).filter(Boolean);
const runs = Math.max(1, Number(argOf('runs') ?? 1) || 1);
const dist = 'bench-results/.dist';
/** BENCH_PORT: several worktrees on one machine each serve their own build. */
const port = Number(process.env.BENCH_PORT ?? 4290);
const base = `http://localhost:${port}/`;
const windowMs = quick ? 2000 : 5000;
const warmupMs = quick ? 500 : 1000;
const loadSamples = quick ? 1 : 5;
/** Virtual ms per wall ms: a bit faster than the default (25), messages still visibly fly. */
const speed = 40;

const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');
const round = (x: number, d = 1) => Number(x.toFixed(d));

function table(rows: Record<string, unknown>[]): void {
  if (!rows.length) return;
  const keys = Object.keys(rows[0]);
  const fmt = (v: unknown) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(v < 10 ? 2 : 1)) : String(v));
  const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => fmt(r[k]).length)));
  console.log(keys.map((k, i) => k.padStart(widths[i])).join('  '));
  for (const r of rows) console.log(keys.map((k, i) => fmt(r[k]).padStart(widths[i])).join('  '));
  console.log();
}

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

function median(xs: number[]): number {
  return quantile([...xs].sort((a, b) => a - b), 0.5);
}

// ---- build and serve -------------------------------------------------------------------------------------

const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
const loadAtStart = loadavg().map((x) => round(x, 2));
console.log(`\nBrowser benchmarks (parts 4 and 5) on ${machine.cpu} (${machine.cores} cores), load average ${loadAtStart.join(', ')}`);
console.log(`Building the app into ${dist} …`);
const build = spawnSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], { encoding: 'utf8' });
if (build.status !== 0) {
  process.stderr.write(build.stdout + build.stderr);
  throw new Error(`vite build failed (exit ${build.status})`);
}

function startPreview(): ChildProcess {
  // vite's own entry, not `npx`, so the process started here is the server itself and can be stopped by its id.
  const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--outDir', dist, '--port', String(port), '--strictPort'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  child.stdout?.resume();
  child.stderr?.on('data', (d: Buffer) => process.stderr.write(d));
  return child;
}

async function waitForServer(child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode}); is port ${port} taken?`);
    try {
      const r = await fetch(base);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('vite preview did not start within 30 s');
}

// ---- in-page probes ----------------------------------------------------------------------------------------

/** Runs in the page before its scripts: collects long tasks from the start (buffered as well, if supported). */
const LONGTASK_INIT = `(() => {
  const w = window;
  w.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__benchLongTasks.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  } catch (e) { w.__benchLongTasksError = String(e); }
  w.__benchFrames = (ms) => new Promise((resolve) => {
    const deltas = [];
    const t0 = performance.now();
    let last = -1;
    const tick = (t) => {
      if (last >= 0) deltas.push(t - last);
      last = t;
      if (t - t0 < ms) requestAnimationFrame(tick);
      else { const t1 = performance.now(); resolve({ deltas, elapsed: t1 - t0, t0, t1, all: w.__benchLongTasks.slice() }); }
    };
    requestAnimationFrame(tick);
  });
})();`;

interface FrameProbe {
  deltas: number[];
  elapsed: number;
  t0: number;
  t1: number;
  all: { start: number; duration: number }[];
}

interface FrameResult {
  frames: number;
  p50: number;
  p95: number;
  max: number;
  fps: number;
  /** Frame intervals over 25 ms (1.5 display frames at 60 Hz). */
  missed: number;
  longTasks: number;
  longTaskMax: number;
  longTasksSinceLoad: number;
  longTaskMaxSinceLoad: number;
}

interface Case {
  id: string;
  label: string;
  query: string;
  /** p95 frame interval target (ms), or null when the target is an fps. */
  p95Target: number | null;
  fpsTarget: number | null;
}

/**
 * performance.now() and rAF timestamps are coarsened to 0.1 ms, so the 16.67 ms period of 60 Hz reads as 16.6,
 * 16.7 or 16.8 (measured: 4 % of an idle 3-node page's intervals are 16.8). A p95 target of 16.7 ms means "on the
 * next vsync", which a p95 of 16.8 is; one tick of slack keeps a frame on time from reading as missed, and any
 * late frame (33 ms) still fails.
 */
const CLOCK_TICK_MS = 0.1;

const allCases: Case[] = [
  { id: 'a', label: 'compare 3 × 9, ZAB cold start', query: `?compare=bully,raft,zab&nodes=9&speed=${speed}`, p95Target: 16.7, fpsTarget: null },
  { id: 'b', label: 'one pane, ZAB, 51 nodes', query: `?algorithm=zab&nodes=51&speed=${speed}`, p95Target: null, fpsTarget: 55 },
  { id: 'c', label: 'one pane, Raft, 5 nodes', query: `?algorithm=raft&nodes=5&speed=${speed}`, p95Target: 16.7, fpsTarget: null },
  // Issue 17: past the peers. Raft's 101 nodes ≥ 30 fps; ZAB's 101-node cold start (O(n²) notifications).
  { id: 'd', label: 'one pane, Raft, 101 nodes', query: `?algorithm=raft&nodes=101&speed=${speed}`, p95Target: null, fpsTarget: 30 },
  { id: 'e', label: 'one pane, ZAB, 101-node cold start', query: `?algorithm=zab&nodes=101&speed=${speed}`, p95Target: null, fpsTarget: 30 },
];
const cases = caseIds ? allCases.filter((c) => caseIds.includes(c.id)) : allCases;
if (caseIds && cases.length !== caseIds.length) throw new Error(`--cases: unknown row in ${caseIds.join(',')} (rows: ${allCases.map((c) => c.id).join(', ')})`);

async function measureFrames(browser: Browser, c: Case): Promise<FrameResult> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript({ content: LONGTASK_INIT });
  await page.goto(base + c.query, { waitUntil: 'load' });
  await page.waitForSelector('svg circle', { timeout: 30_000 });
  await page.waitForTimeout(warmupMs);
  // The probe lives in the init script: functions serialized from here would carry the bundler's helpers.
  const r = await page.evaluate((ms: number) => (window as unknown as { __benchFrames: (ms: number) => Promise<FrameProbe> }).__benchFrames(ms), windowMs);
  await context.close();
  const sorted = [...r.deltas].sort((a, b) => a - b);
  const inWindow = r.all.filter((e) => e.start + e.duration >= r.t0 && e.start <= r.t1);
  return {
    frames: r.deltas.length,
    p50: round(quantile(sorted, 0.5)),
    p95: round(quantile(sorted, 0.95)),
    max: round(sorted[sorted.length - 1] ?? NaN),
    fps: round((r.deltas.length / r.elapsed) * 1000),
    // Intervals of more than 1.5 display frames (60 Hz): a frame the page did not deliver in time.
    missed: r.deltas.filter((d) => d > 25).length,
    longTasks: inWindow.length,
    longTaskMax: round(Math.max(0, ...inWindow.map((e) => e.duration))),
    longTasksSinceLoad: r.all.length,
    longTaskMaxSinceLoad: round(Math.max(0, ...r.all.map((e) => e.duration))),
  };
}

async function measurePaint(browser: Browser): Promise<{ fp: number; fcp: number; dcl: number; load: number }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(base, { waitUntil: 'load' });
  // FCP is reported once content (the ring) has painted; on a loaded machine that may be well after `load`.
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, undefined, { timeout: 15_000 }).catch(() => undefined);
  const r = await page.evaluate(() => {
    const paint = Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]));
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return { fp: paint['first-paint'] ?? NaN, fcp: paint['first-contentful-paint'] ?? NaN, dcl: nav?.domContentLoadedEventEnd ?? NaN, load: nav?.loadEventEnd ?? NaN };
  });
  await context.close();
  return r;
}

// ---- bundle sizes ------------------------------------------------------------------------------------------

function sizes() {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  // What the page loads before it can paint: its scripts (the module entry and the small folder loader) and any
  // module preloads. Chunks loaded on first use, the workers and the folder copy are listed apart.
  const initial = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"|<link rel="modulepreload"[^>]*\shref="([^"]+)"/g)].map((m) => (m[1] ?? m[2]).replace(/^\.\//, ''));
  const file = (rel: string) => {
    const buf = readFileSync(join(dist, rel));
    return { file: rel, rawKB: round(buf.length / 1024), gzipKB: round(gzipSync(buf, { level: 9 }).length / 1024) };
  };
  const assets = existsSync(join(dist, 'assets')) ? readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`) : [];
  const initialFiles = initial.map(file);
  const later = assets.filter((f) => !initial.includes(f));
  const workers = later.filter((f) => /\.worker-/.test(f)).map(file);
  const lazy = later.filter((f) => !/\.worker-/.test(f)).map(file);
  const folder = existsSync(join(dist, FOLDER_SCRIPT)) ? [file(FOLDER_SCRIPT)] : [];
  const sw = existsSync(join(dist, 'sw.js')) ? [file('sw.js')] : [];
  return { initial: initialFiles, initialGzipKB: round(initialFiles.reduce((s, f) => s + f.gzipKB, 0)), lazy, workers, folder, serviceWorker: sw };
}

// ---- run ---------------------------------------------------------------------------------------------------

const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const preview = startPreview();
let browser: Browser | undefined;
try {
  await waitForServer(preview);
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const version = browser.version();

  console.log(
    `\n4. Rendering in headless Chromium ${version} (no GPU, --disable-gpu), 1440 × 900, speed ${speed}: after ${warmupMs} ms of\n` +
      `   playing, requestAnimationFrame deltas over ${windowMs} ms; long tasks (> 50 ms) from a PerformanceObserver, in the\n` +
      '   window and since load. Targets: (a), (c) p95 ≤ 16.7 ms; (b) ≥ 55 fps; (d), (e) ≥ 30 fps; no main-thread task > 50 ms.\n' +
      `   A p95 of one 60 Hz frame reads 16.6–16.8 ms: the page's clock ticks in ${CLOCK_TICK_MS} ms, so frames on consecutive\n` +
      `   vsyncs measure 16.6, 16.7 or 16.8 (an idle page too); p95 counts as within one tick of its target.`,
  );
  const frames: (Case & FrameResult & { run: number; frameTarget: string; longTaskTarget: string })[] = [];
  for (let run = 1; run <= runs; run++) {
    for (const c of cases) {
      const r = await measureFrames(browser, c);
      const frameOk = c.p95Target !== null ? r.p95 <= round(c.p95Target + CLOCK_TICK_MS, 2) : r.fps >= (c.fpsTarget ?? 0);
      frames.push({ ...c, ...r, run, frameTarget: mark(frameOk), longTaskTarget: mark(r.longTasks === 0) });
    }
  }
  table(
    frames.map((f) => ({
      case: `(${f.id}) ${f.label}`,
      run: f.run,
      frames: f.frames,
      'p50 ms': f.p50,
      'p95 ms': f.p95,
      'max ms': f.max,
      fps: f.fps,
      'missed frames': f.missed,
      'long tasks (max ms)': `${f.longTasks} (${f.longTaskMax})`,
      'since load': `${f.longTasksSinceLoad} (${f.longTaskMaxSinceLoad})`,
      'frame target': `${f.p95Target !== null ? `p95 ≤ ${f.p95Target}` : `≥ ${f.fpsTarget} fps`}: ${f.frameTarget}`,
      'no task > 50 ms': f.longTaskTarget,
    })),
  );

  if (renderOnly) {
    const loadAtEnd = loadavg().map((x) => round(x, 2));
    console.log(`Load average at end: ${loadAtEnd.join(', ')} (--render: the rendering rows only, nothing written)`);
  } else {
  console.log('5. Load: the scripts index.html references (gzip -9, node:zlib), the rest apart; first paint on fresh loads');
  const s = sizes();
  table([
    ...s.initial.map((f) => ({ ...f, kind: 'initial' })),
    ...s.lazy.map((f) => ({ ...f, kind: 'on first use' })),
    ...s.workers.map((f) => ({ ...f, kind: 'worker' })),
    ...s.folder.map((f) => ({ ...f, kind: 'folder copy (file:// only)' })),
    ...s.serviceWorker.map((f) => ({ ...f, kind: 'service worker' })),
  ]);
  const paints: { fp: number; fcp: number; dcl: number; load: number }[] = [];
  for (let i = 0; i < loadSamples; i++) paints.push(await measurePaint(browser));
  const paint = {
    samples: loadSamples,
    firstPaintMs: round(median(paints.map((p) => p.fp))),
    firstContentfulPaintMs: round(median(paints.map((p) => p.fcp))),
    domContentLoadedMs: round(median(paints.map((p) => p.dcl))),
    loadMs: round(median(paints.map((p) => p.load))),
    all: paints.map((p) => ({ fp: round(p.fp), fcp: round(p.fcp), dcl: round(p.dcl), load: round(p.load) })),
  };
  table([{ 'fresh loads': loadSamples, 'first paint ms (median)': paint.firstPaintMs, 'FCP ms': paint.firstContentfulPaintMs, 'DOMContentLoaded ms': paint.domContentLoadedMs, 'load ms': paint.loadMs }]);
  const sizeOk = s.initialGzipKB <= 150;
  table([
    { target: 'initial JS ≤ 150 KB gzipped', value: `${s.initialGzipKB} KB`, status: mark(sizeOk) },
    ...frames.map((f) => ({
      target: `(${f.id}) ${f.p95Target !== null ? `p95 ≤ ${f.p95Target} ms` : `≥ ${f.fpsTarget} fps`}`,
      value: f.p95Target !== null ? `${f.p95} ms` : `${f.fps} fps`,
      status: f.frameTarget,
    })),
    ...frames.map((f) => ({ target: `(${f.id}) no main-thread task > 50 ms`, value: `${f.longTasks} (max ${f.longTaskMax} ms)`, status: f.longTaskTarget })),
  ]);

  const loadAtEnd = loadavg().map((x) => round(x, 2));
  console.log(`Load average at end: ${loadAtEnd.join(', ')}`);
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(
    'bench-results/browser.json',
    JSON.stringify({ date: new Date().toISOString(), quick, machine, chromium: version, loadAtStart, loadAtEnd, speed, windowMs, warmupMs, frames, load: { ...s, paint } }, null, 2) + '\n',
  );
  console.log('Wrote bench-results/browser.json');
  }
} finally {
  await browser?.close();
  if (preview.exitCode === null) preview.kill('SIGTERM');
}
