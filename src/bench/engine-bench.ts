/**
 * Engine benchmarks (issue 9, parts 1–3): throughput, batch and seek, in Node. Prints a table and returns
 * the figures; `src/bench/run.ts` collects them with the browser figures into bench-results/bench.json.
 * Figures, not pass/fail: machines differ. Targets are printed beside them.
 */
import { availableParallelism } from 'node:os';
import { serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { Simulation, type Checkpoint } from '../engine/core/kernel';
import type { AlgorithmName, Scenario, TimedAction } from '../engine/core/types';
import { createSimulation, defaultScenario } from '../engine/run';

export const CHECKPOINT_EVERY_MS = 1000;

/** A leader crash every 2 s; every node is revived 1 s later, so the cluster never runs out of nodes. */
export function leaderCrashScenario(algorithm: AlgorithmName, nodes: number, untilMs: number, seed = 1): Scenario {
  const events: TimedAction[] = [];
  for (let t = 2000; t < untilMs; t += 2000) {
    events.push({ at: t, do: 'crashLeader' });
    for (let id = 1; id <= nodes; id++) events.push({ at: t + 1000, do: 'revive', node: id });
  }
  return defaultScenario({ algorithm, nodes, seed, events });
}

export interface ThroughputRow {
  algorithm: AlgorithmName;
  nodes: number;
  virtualSeconds: number;
  /** Timed runs (after one untimed warm-up run); the figures below are of the fastest, medians beside. */
  repeats: number;
  wallMs: number;
  medianWallMs: number;
  /**
   * CPU time of the fastest run. On a shared machine, wall time includes the time other processes held the
   * core; CPU time does not, so rates per CPU second show what the engine does on a core of its own.
   */
  cpuMs: number;
  /** Trace events emitted (what "events" means in the targets). */
  traceEvents: number;
  /** Queue items the kernel processed (deliveries, timers, actions): fewer than trace events. */
  kernelSteps: number;
  eventsPerSecond: number;
  medianEventsPerSecond: number;
  kernelStepsPerSecond: number;
  virtualSecondsPerWallSecond: number;
  medianVirtualSecondsPerWallSecond: number;
  eventsPerCpuSecond: number;
  virtualSecondsPerCpuSecond: number;
  checkpoints: number;
  /** Heap the kept checkpoints occupy (measured with --expose-gc; null without it). */
  historyHeapBytes: number | null;
  /** The checkpoints' size in v8.serialize form (shared immutable data counted once per checkpoint). */
  historySerializedBytes: number;
}

type Gc = () => void;
const gc: Gc | undefined = (globalThis as { gc?: Gc }).gc;

/** Heap in use after a full collection (null when node runs without --expose-gc). */
function heapAfterGc(): number | null {
  if (!gc) return null;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

interface OneRun {
  wallMs: number;
  /** CPU time of the process during the run (all its threads: the engine's and V8's GC helpers). */
  cpuMs: number;
  traceEvents: number;
  kernelSteps: number;
  history: Checkpoint[];
}

/** One run with a checkpoint every second of virtual time kept in memory, as the browser's host does. */
function runWithHistory(sc: Scenario, untilMs: number): OneRun {
  let traceEvents = 0;
  const history: Checkpoint[] = [];
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const sim = createSimulation(sc, { check: false, sink: () => void traceEvents++ });
  for (let t = CHECKPOINT_EVERY_MS; t <= untilMs; t += CHECKPOINT_EVERY_MS) {
    sim.runUntil(t);
    history.push(sim.checkpoint());
  }
  sim.finish(untilMs);
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wallMs, cpuMs: (c.user + c.system) / 1000, traceEvents, kernelSteps: sim.steps, history };
}

interface TimedRun {
  wallMs: number;
  cpuMs: number;
  traceEvents: number;
  kernelSteps: number;
  checkpoints: number;
  historyHeapBytes: number | null;
  historySerializedBytes: number;
}

/**
 * One timed run. With `measure`, the heap is collected (when gc is exposed) before the run and again while
 * its history is still held, to measure the history; such a run is not used for timing, because a forced
 * full collection leaves V8's young generation at its smallest and the run after it pays for regrowing it
 * (Raft n=5 60 s: 5 ms after no forced collection, 15 ms best / 90 ms median after one).
 * The history never leaves this frame: a caller holding the previous run's history (even in a dead
 * variable) would make the next run pay for it and spoil the memory figure.
 */
function timedRun(sc: Scenario, untilMs: number, measure: boolean): TimedRun {
  const before = measure ? heapAfterGc() : null;
  const { history, ...timing } = runWithHistory(sc, untilMs);
  if (!measure) return { ...timing, checkpoints: history.length, historyHeapBytes: null, historySerializedBytes: 0 };
  const after = heapAfterGc();
  return {
    ...timing,
    checkpoints: history.length,
    historyHeapBytes: before === null || after === null ? null : Math.max(0, after - before),
    historySerializedBytes: history.reduce((a, cp) => a + serialize(cp).length, 0),
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

/**
 * Throughput with history kept: one untimed warm-up run (so that the JIT has compiled the hot path, as it
 * has in a browser tab that has been running), then timed runs of the same scenario (see below); the fastest
 * is reported, with the median beside it (this machine is shared and noisy; the fastest run is the one
 * least disturbed by other processes). Every run produces the identical trace, so they do the same work.
 */
export function throughput(algorithm: AlgorithmName, nodes: number, untilMs: number, minRepeats = 5, budgetMs = 0): ThroughputRow {
  const sc = leaderCrashScenario(algorithm, nodes, untilMs);
  runWithHistory(leaderCrashScenario(algorithm, nodes, Math.min(untilMs, 10_000)), Math.min(untilMs, 10_000));
  const runs: TimedRun[] = [];
  // At least `minRepeats` runs, more while their total wall time is under `budgetMs` (at most 100): short
  // runs get more samples, so that on a busy machine some of them get a core to themselves.
  const MAX_REPEATS = 100;
  let spent = 0;
  while (runs.length < minRepeats || (spent < budgetMs && runs.length < MAX_REPEATS)) {
    const r = timedRun(sc, untilMs, false);
    spent += r.wallMs;
    runs.push(r);
  }
  const repeats = runs.length;
  const best = runs.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
  const medianMs = median(runs.map((r) => r.wallMs));
  // The memory figure: one more run, measured between full collections, not timed.
  const { historyHeapBytes, historySerializedBytes, checkpoints } = timedRun(sc, untilMs, true);
  const vs = untilMs / 1000;
  return {
    algorithm,
    nodes,
    virtualSeconds: vs,
    repeats,
    wallMs: best.wallMs,
    medianWallMs: medianMs,
    cpuMs: best.cpuMs,
    traceEvents: best.traceEvents,
    kernelSteps: best.kernelSteps,
    eventsPerSecond: best.traceEvents / (best.wallMs / 1000),
    medianEventsPerSecond: best.traceEvents / (medianMs / 1000),
    kernelStepsPerSecond: best.kernelSteps / (best.wallMs / 1000),
    virtualSecondsPerWallSecond: vs / (best.wallMs / 1000),
    medianVirtualSecondsPerWallSecond: vs / (medianMs / 1000),
    eventsPerCpuSecond: best.traceEvents / (best.cpuMs / 1000),
    virtualSecondsPerCpuSecond: vs / (best.cpuMs / 1000),
    checkpoints,
    historyHeapBytes,
    historySerializedBytes,
  };
}

/** `throughput` for one algorithm's rows in a fresh worker thread (see throughput-worker.ts), one row at a time. */
export function throughputInWorker(algorithm: AlgorithmName, rows: { nodes: number; untilMs: number; minRepeats: number; budgetMs: number }[]): Promise<ThroughputRow[]> {
  return new Promise((resolve, reject) => {
    // Bundled beside this file by scripts/bench.sh, like batch-worker.mjs.
    const w = new Worker(new URL('./throughput-worker.mjs', import.meta.url));
    const out: ThroughputRow[] = [];
    w.on('message', (m: { row?: ThroughputRow; done?: boolean }) => {
      if (m.row) out.push(m.row);
      if (m.done) void w.terminate().then(() => resolve(out));
    });
    w.on('error', reject);
    w.postMessage({ algorithm, rows });
  });
}

export interface SeekFigures {
  algorithm: AlgorithmName;
  nodes: number;
  runSeconds: number;
  seeks: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Heap the checkpoints occupy (null without --expose-gc). */
  historyHeapBytes: number | null;
  /** Their v8.serialize size (shared immutable data counted once per checkpoint). */
  historySerializedBytes: number;
}

/**
 * Seeks to random points of a run: restore the checkpoint at or before the target, re-simulate to it. The
 * checker is on, as in the browser's host (its memory is part of every checkpoint).
 */
export function seek(algorithm: AlgorithmName, nodes: number, untilMs: number, seeks = 200): SeekFigures {
  const sc = leaderCrashScenario(algorithm, nodes, untilMs);
  const heapBefore = heapAfterGc();
  const sim = createSimulation(sc, { check: true });
  const history: { t: number; cp: Checkpoint }[] = [{ t: 0, cp: sim.checkpoint() }];
  for (let t = CHECKPOINT_EVERY_MS; t <= untilMs; t += CHECKPOINT_EVERY_MS) {
    sim.runUntil(t);
    history.push({ t, cp: sim.checkpoint() });
  }
  const heapAfter = heapAfterGc();
  const config = { algorithm: sim.algorithm, scenario: sim.scenario, options: sim.options, check: true };
  // Warm-up: a few untimed seeks, so the figures are of compiled code (as in a tab that has been running).
  for (let i = 0; i < 20; i++) Simulation.restore(config, history[(i * 7) % history.length].cp).runUntil(history[(i * 7) % history.length].t + 500);
  // A fixed pseudo-random sequence of targets (an LCG), so every run of the benchmark seeks the same points.
  let x = 12345;
  const times: number[] = [];
  for (let i = 0; i < seeks; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const target = x % untilMs;
    const t0 = performance.now();
    const k = Math.floor(target / CHECKPOINT_EVERY_MS);
    const restored = Simulation.restore(config, history[k].cp);
    restored.runUntil(target);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    algorithm,
    nodes,
    runSeconds: untilMs / 1000,
    seeks,
    p50Ms: times[Math.floor(seeks * 0.5)],
    p95Ms: times[Math.floor(seeks * 0.95)],
    maxMs: times[seeks - 1],
    historyHeapBytes: heapBefore === null || heapAfter === null ? null : Math.max(0, heapAfter - heapBefore),
    historySerializedBytes: history.reduce((a, h) => a + serialize(h.cp).length, 0),
  };
}

export interface BatchFigures {
  algorithms: AlgorithmName[];
  seedsPerAlgorithm: number;
  nodes: number;
  untilMs: number;
  workers: number;
  wallMs: number;
}

/** 3 algorithms × K seeds of the leader-crash scenario, split over worker threads (one per core). */
export async function batch(algorithms: AlgorithmName[], seeds: number, nodes: number, untilMs: number): Promise<BatchFigures> {
  const workers = Math.max(1, Math.min(availableParallelism(), 8));
  const jobs: { algorithm: AlgorithmName; first: number; count: number }[] = [];
  const per = Math.ceil(seeds / workers);
  for (const algorithm of algorithms) for (let f = 0; f < seeds; f += per) jobs.push({ algorithm, first: f + 1, count: Math.min(per, seeds - f) });
  const t0 = performance.now();
  const queue = [...jobs];
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      // Bundled beside this file by scripts/bench.sh (the benchmark measures bundled code, as the browser runs).
      const w = new Worker(new URL('./batch-worker.mjs', import.meta.url));
      const next = () => {
        const job = queue.shift();
        if (!job) {
          void w.terminate();
          resolve();
          return;
        }
        w.postMessage({ ...job, nodes, untilMs });
      };
      w.on('message', next);
      w.on('error', reject);
      next();
    });
  await Promise.all(Array.from({ length: workers }, runWorker));
  return { algorithms, seedsPerAlgorithm: seeds, nodes, untilMs, workers, wallMs: performance.now() - t0 };
}
