/**
 * The Experiments screen's runner (issue 7): K seeds of an experiment for each algorithm at one cluster size
 * (histograms) and a sweep over cluster sizes (messages per election vs n), split into chunks of seeds and run
 * by a pool of Web Workers (`src/worker/batch.worker.ts`), with progress and cancellation (the workers are
 * terminated). Chunks are joined with `mergeChunks` and reduced with `summarizePoint`, so every point's
 * statistics equal `summarize(runBatch(…))` — those of `sim --batch` — for the same seeds.
 */
import { createStore } from 'zustand/vanilla';
import { mergeChunks, nodeCounts, summarizePoint, sweepPlan, type BatchChunk, type SweepPoint, type SweepPointPlan } from '../engine/batch';
import { ALGORITHM_NAMES, type AlgorithmName } from '../engine/core/types';
import { experiment, type ExperimentId } from '../engine/scenarios/experiments';
import { BATCH_PROTOCOL_VERSION, type ChunkRequest, type FromBatchWorker } from '../worker/batch-protocol';

export interface ExperimentRequest {
  experiment: ExperimentId;
  algorithms: AlgorithmName[];
  /** Seeds per point (K). */
  seeds: number;
  firstSeed: number;
  /** The cluster size of the histograms. */
  nodes: number;
  /** The sweep's cluster sizes (null: no sweep). */
  sweep: { from: number; to: number; step: number } | null;
}

export interface ExperimentResult {
  request: ExperimentRequest;
  untilMs: number;
  lossAfter: number | null;
  /** Every point, algorithm-major, n ascending (the histogram size included). */
  points: SweepPoint[];
  elapsedMs: number;
}

export type RunnerStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export interface RunnerState {
  status: RunnerStatus;
  done: number;
  total: number;
  workers: number;
  result: ExperimentResult | null;
  error: string | null;
}

/** What the runner needs of a Worker (a real one, or an in-process stand-in in tests). */
export interface WorkerLike {
  postMessage(m: ChunkRequest): void;
  onmessage: ((e: { data: FromBatchWorker }) => void) | null;
  onerror?: ((e: { message?: string; preventDefault?: () => void }) => void) | null;
  terminate(): void;
}

export type WorkerFactory = () => WorkerLike;

export const DEFAULT_SEEDS = 200;
export const MAX_WORKERS = 4;
/** Runs per chunk at most: small enough for a smooth progress bar and an even load. */
export const CHUNK_RUNS = 25;

export const DEFAULT_REQUEST: ExperimentRequest = {
  experiment: 'leader-crash',
  algorithms: [...ALGORITHM_NAMES],
  seeds: DEFAULT_SEEDS,
  firstSeed: 1,
  nodes: 5,
  sweep: { from: 3, to: 25, step: 2 },
};

/** The cluster sizes a request runs (sweep ∪ {histogram size}), ascending. */
export function requestSizes(req: ExperimentRequest): number[] {
  const ns = new Set(req.sweep ? nodeCounts(req.sweep) : []);
  ns.add(req.nodes);
  return [...ns].sort((a, b) => a - b);
}

/** The points of a request (algorithm-major) and the experiment's window. */
export function experimentPlan(req: ExperimentRequest): { plans: SweepPointPlan[]; untilMs: number; lossAfter: number | null } {
  const exp = experiment(req.experiment, { base: { seed: req.firstSeed } });
  const plans = sweepPlan({ ...exp.scenario('raft', req.nodes) }, req.algorithms, requestSizes(req), (_base, a, n) => exp.scenario(a, n));
  return { plans, untilMs: exp.untilMs, lossAfter: exp.runOpts.lossAfter ?? null };
}

/** The chunk requests of a plan: each point's K runs in pieces of at most `chunkRuns`. */
export function chunkRequests(plans: readonly SweepPointPlan[], seeds: number, untilMs: number, lossAfter: number | null, chunkRuns = CHUNK_RUNS): { point: number; req: ChunkRequest }[] {
  const out: { point: number; req: ChunkRequest }[] = [];
  let id = 0;
  plans.forEach((p, point) => {
    for (let first = 0; first < seeds; first += chunkRuns) {
      const req: ChunkRequest = { type: 'chunk', v: BATCH_PROTOCOL_VERSION, id: id++, scenario: p.scenario, firstIndex: first, count: Math.min(chunkRuns, seeds - first), untilMs };
      if (lossAfter !== null) req.lossAfter = lossAfter;
      out.push({ point, req });
    }
  });
  return out;
}

export function defaultWorkerCount(): number {
  const hc = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(MAX_WORKERS, hc));
}

export const browserWorkerFactory: WorkerFactory = () =>
  new Worker(new URL('../worker/batch.worker.ts', import.meta.url), { type: 'module', name: 'election-lab-batch' }) as unknown as WorkerLike;

export class ExperimentRunner {
  readonly store = createStore<RunnerState>(() => ({ status: 'idle', done: 0, total: 0, workers: 0, result: null, error: null }));
  private workers: WorkerLike[] = [];
  private generation = 0;

  constructor(
    private readonly factory: WorkerFactory = browserWorkerFactory,
    private readonly workerCount: number = defaultWorkerCount(),
    private readonly now: () => number = () => (typeof performance !== 'undefined' ? performance.now() : Date.now()),
  ) {}

  /** Starts a run (cancelling any running one). Resolves with the result, or null when cancelled or failed. */
  run(req: ExperimentRequest): Promise<ExperimentResult | null> {
    this.cancel();
    const gen = ++this.generation;
    const started = this.now();
    const { plans, untilMs, lossAfter } = experimentPlan(req);
    const queue = chunkRequests(plans, req.seeds, untilMs, lossAfter);
    const total = plans.length * req.seeds;
    const chunks: BatchChunk[][] = plans.map(() => []);
    const progress = new Map<number, number>();
    let finished = 0;
    let doneRuns = 0;
    const nWorkers = Math.max(1, Math.min(this.workerCount, queue.length));
    this.store.setState({ status: 'running', done: 0, total, workers: nWorkers, result: null, error: null });

    return new Promise((resolve) => {
      const pointOf = new Map(queue.map((q) => [q.req.id, q.point]));
      let next = 0;
      const fail = (message: string) => {
        if (gen !== this.generation) return;
        this.stopWorkers();
        this.store.setState({ status: 'failed', error: message });
        resolve(null);
      };
      const feed = (w: WorkerLike) => {
        if (next < queue.length) w.postMessage(queue[next++].req);
      };
      const publish = () => {
        let partial = 0;
        for (const v of progress.values()) partial += v;
        this.store.setState({ done: Math.min(total, doneRuns + partial) });
      };
      for (let i = 0; i < nWorkers; i++) {
        const w = this.factory();
        this.workers.push(w);
        w.onerror = (e) => {
          e.preventDefault?.();
          fail(e.message || 'a batch worker stopped');
        };
        w.onmessage = (e) => {
          if (gen !== this.generation) return;
          const m = e.data;
          if (m.type === 'progress') {
            progress.set(m.id, m.done);
            publish();
          } else if (m.type === 'error') {
            fail(m.message);
          } else {
            progress.delete(m.id);
            doneRuns += m.chunk.runs.length;
            chunks[pointOf.get(m.id)!].push(m.chunk);
            finished++;
            publish();
            if (finished === queue.length) {
              this.stopWorkers();
              const points = plans.map((p, i) => summarizePoint(p, mergeChunks(chunks[i]), untilMs, lossAfter ?? undefined));
              const result: ExperimentResult = { request: structuredClone(req), untilMs, lossAfter, points, elapsedMs: this.now() - started };
              this.store.setState({ status: 'done', done: total, result });
              resolve(result);
            } else feed(w);
          }
        };
        feed(w);
      }
      this.cancelPending = () => resolve(null);
    });
  }

  private cancelPending: (() => void) | null = null;

  cancel(): void {
    if (this.store.getState().status !== 'running') return;
    this.generation++;
    this.stopWorkers();
    this.store.setState({ status: 'cancelled' });
    this.cancelPending?.();
    this.cancelPending = null;
  }

  dispose(): void {
    this.cancel();
    this.stopWorkers();
  }

  private stopWorkers(): void {
    for (const w of this.workers) w.terminate();
    this.workers = [];
  }
}
