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
  wallMs: number;
  traceEvents: number;
  kernelSteps: number;
  eventsPerSecond: number;
  virtualSecondsPerWallSecond: number;
  checkpoints: number;
  historyBytes: number;
}

/** Runs with a checkpoint every second of virtual time kept in memory, as the browser's host does. */
export function throughput(algorithm: AlgorithmName, nodes: number, untilMs: number): ThroughputRow {
  const sc = leaderCrashScenario(algorithm, nodes, untilMs);
  let traceEvents = 0;
  const history: Checkpoint[] = [];
  const t0 = performance.now();
  const sim = createSimulation(sc, { check: false, sink: () => void traceEvents++ });
  for (let t = CHECKPOINT_EVERY_MS; t <= untilMs; t += CHECKPOINT_EVERY_MS) {
    sim.runUntil(t);
    history.push(sim.checkpoint());
  }
  sim.finish(untilMs);
  const wallMs = performance.now() - t0;
  return {
    algorithm,
    nodes,
    virtualSeconds: untilMs / 1000,
    wallMs,
    traceEvents,
    kernelSteps: sim.steps,
    eventsPerSecond: traceEvents / (wallMs / 1000),
    virtualSecondsPerWallSecond: untilMs / 1000 / (wallMs / 1000),
    checkpoints: history.length,
    historyBytes: history.reduce((a, cp) => a + serialize(cp).length, 0),
  };
}

export interface SeekFigures {
  algorithm: AlgorithmName;
  nodes: number;
  runSeconds: number;
  seeks: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  historyBytes: number;
}

/** Seeks to random points of a run: restore the checkpoint at or before the target, re-simulate to it. */
export function seek(algorithm: AlgorithmName, nodes: number, untilMs: number, seeks = 200): SeekFigures {
  const sc = leaderCrashScenario(algorithm, nodes, untilMs);
  const sim = createSimulation(sc);
  const history: { t: number; cp: Checkpoint }[] = [{ t: 0, cp: sim.checkpoint() }];
  for (let t = CHECKPOINT_EVERY_MS; t <= untilMs; t += CHECKPOINT_EVERY_MS) {
    sim.runUntil(t);
    history.push({ t, cp: sim.checkpoint() });
  }
  const config = { algorithm: sim.algorithm, scenario: sim.scenario, options: sim.options };
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
    historyBytes: history.reduce((a, h) => a + serialize(h.cp).length, 0),
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
