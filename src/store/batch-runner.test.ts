/**
 * The Experiments runner: chunks run by a pool of (stand-in) workers, joined and reduced, equal one
 * `runBatch` of the same seeds — the statistics `sim --batch` prints — and cancelling stops every worker.
 */
import { describe, expect, it } from 'vitest';
import { runBatch, summarize, summarizeRecovery } from '../engine/batch';
import { experiment } from '../engine/scenarios/experiments';
import { runChunk } from '../worker/batch-host';
import type { ChunkRequest, FromBatchWorker } from '../worker/batch-protocol';
import { chunkRequests, experimentPlan, ExperimentRunner, requestSizes, type ExperimentRequest, type WorkerLike } from './batch-runner';

function fakeFactory(log: { started: number; terminated: number }, delay = 0) {
  return (): WorkerLike => {
    log.started++;
    let dead = false;
    const w: WorkerLike = {
      onmessage: null,
      postMessage(m: ChunkRequest) {
        setTimeout(() => {
          if (dead) return;
          runChunk(structuredClone(m), (out: FromBatchWorker) => !dead && w.onmessage?.({ data: structuredClone(out) }));
        }, delay);
      },
      terminate() {
        dead = true;
        log.terminated++;
      },
    };
    return w;
  };
}

const req: ExperimentRequest = { experiment: 'leader-crash', algorithms: ['bully', 'raft', 'zab'], seeds: 30, firstSeed: 7, nodes: 5, sweep: { from: 3, to: 7, step: 2 } };

describe('ExperimentRunner', () => {
  it('plans the histogram size and the sweep, in chunks that cover every seed once', () => {
    expect(requestSizes(req)).toEqual([3, 5, 7]);
    expect(requestSizes({ ...req, nodes: 4 })).toEqual([3, 4, 5, 7]);
    const { plans, untilMs, lossAfter } = experimentPlan(req);
    expect(plans.map((p) => `${p.algorithm}${p.nodes}`)).toEqual(['bully3', 'bully5', 'bully7', 'raft3', 'raft5', 'raft7', 'zab3', 'zab5', 'zab7']);
    expect(lossAfter).toBe(1000);
    const chunks = chunkRequests(plans, 30, untilMs, lossAfter, 8);
    expect(chunks.filter((c) => c.point === 0).map((c) => [c.req.firstIndex, c.req.count])).toEqual([
      [0, 8],
      [8, 8],
      [16, 8],
      [24, 6],
    ]);
  });

  it('equals runBatch (sim --batch) for the same seeds, point by point', async () => {
    const log = { started: 0, terminated: 0 };
    const r = new ExperimentRunner(fakeFactory(log), 3);
    const progress: number[] = [];
    r.store.subscribe((s) => progress.push(s.done));
    const result = await r.run(req);
    expect(result).not.toBeNull();
    expect(r.store.getState().status).toBe('done');
    expect(log.started).toBe(3);
    expect(log.terminated).toBe(3);
    expect(progress[progress.length - 1]).toBe(9 * 30);
    const exp = experiment('leader-crash', { base: { seed: 7 } });
    for (const p of result!.points) {
      const runs = runBatch(exp.scenario(p.algorithm, p.nodes), 30, exp.untilMs, exp.runOpts);
      expect(p.runs).toEqual(runs);
      expect(p.stats).toEqual(summarize(runs));
      expect(p.recovery).toEqual(summarizeRecovery(runs));
    }
  }, 120_000);

  it('cancels: the workers are terminated and the run resolves with nothing', async () => {
    const log = { started: 0, terminated: 0 };
    const r = new ExperimentRunner(fakeFactory(log, 20), 2);
    const pending = r.run({ ...req, seeds: 200 });
    await new Promise((res) => setTimeout(res, 30));
    r.cancel();
    expect(await pending).toBeNull();
    expect(r.store.getState().status).toBe('cancelled');
    expect(log.terminated).toBe(2);
  });
});
