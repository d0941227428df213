/**
 * A worker thread of the throughput benchmark: measures one algorithm's rows and answers with them. Each
 * algorithm gets a fresh thread, hence a fresh JavaScript heap and JIT, as each pane of the app runs its
 * engine in a Web Worker of its own; measured in one shared thread, the kernel's code would have been
 * compiled for all three algorithms' data at once, which no pane ever sees.
 */
import { parentPort } from 'node:worker_threads';
import type { AlgorithmName } from '../engine/core/types';
import { throughput } from './engine-bench';

parentPort?.on('message', (job: { algorithm: AlgorithmName; rows: { nodes: number; untilMs: number; minRepeats: number; budgetMs: number }[] }) => {
  for (const r of job.rows) parentPort?.postMessage({ row: throughput(job.algorithm, r.nodes, r.untilMs, r.minRepeats, r.budgetMs) });
  parentPort?.postMessage({ done: true });
});
