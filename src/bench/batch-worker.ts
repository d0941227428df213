/** A worker thread of the batch benchmark: runs the seeds it is given and answers when done. */
import { parentPort } from 'node:worker_threads';
import { runBatch } from '../engine/batch';
import type { AlgorithmName } from '../engine/core/types';
import { leaderCrashScenario } from './engine-bench';

parentPort?.on('message', (job: { algorithm: AlgorithmName; first: number; count: number; nodes: number; untilMs: number }) => {
  const sc = leaderCrashScenario(job.algorithm, job.nodes, job.untilMs, job.first);
  const runs = runBatch(sc, job.count, job.untilMs);
  parentPort?.postMessage(runs.length);
});
