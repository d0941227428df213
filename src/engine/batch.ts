/**
 * Batch experiments: one scenario over many seeds, reduced to statistics. The `sim --batch` command and the
 * browser's batch runner share this module, so both report the same numbers for the same seeds.
 *
 * The browser splits a batch across Web Workers with `splitBatch` + `runBatchRange` and joins the pieces with
 * `mergeChunks`; `summarize(mergeChunks(chunks))` equals `summarize(runBatch(…))` exactly. `runSweep` runs a
 * batch per (algorithm, cluster size) for the "messages per election vs n" plot.
 */
import { paneScenario } from './compare';
import type { AlgorithmName, EndStats, NodeId, Scenario } from './core/types';
import { createSimulation } from './run';

/**
 * The first loss of the cluster leader at or after a given time, and what it took to get the next one
 * (the "leader crash" experiment; same definitions as the pane metrics' leader losses).
 */
export interface RecoverySummary {
  /** Time of the `leader` event that lost the cluster leader. */
  lostAt: number;
  lost: NodeId;
  /** Time of the next `leader` event naming a node (null: none before the end). A direct hand-over recovers at once. */
  recoveredAt: number | null;
  recoveryMs: number | null;
  /** Messages sent after the loss up to and including the instant the next leader appeared (null: never recovered). */
  messages: number | null;
}

export interface RunSummary {
  seed: number;
  stats: EndStats;
  /** Messages sent up to and including the instant the first cluster leader appeared (null: never). */
  messagesToElect: number | null;
  violations: number;
  anomalies: number;
  /** Only when asked for (`lossAfter`): the first leader loss at or after that time; null when there was none. */
  recovery?: RecoverySummary | null;
}

export interface RunOpts {
  algorithm?: AlgorithmName;
  check?: boolean;
  /** Measure the first cluster-leader loss at or after this virtual time (fills `recovery`). */
  lossAfter?: number;
}

/** Runs one scenario to `untilMs` without keeping its trace. */
export function runSummary(sc: Scenario, untilMs: number, opts: RunOpts = {}): RunSummary {
  let sent = 0;
  let messagesToElect: number | null = null;
  let violations = 0;
  let anomalies = 0;
  const lossAfter = opts.lossAfter;
  let leader: NodeId | null = null;
  let recovery: RecoverySummary | null = null;
  let lossBase = 0;
  const sim = createSimulation(sc, {
    algorithm: opts.algorithm,
    check: opts.check,
    sink: (e) => {
      switch (e.type) {
        case 'send':
          sent++;
          break;
        case 'leader':
          if (messagesToElect === null && e.leader !== null) messagesToElect = sent;
          if (lossAfter !== undefined) {
            if (recovery === null && leader !== null && e.leader !== leader && e.t >= lossAfter) {
              recovery = { lostAt: e.t, lost: leader, recoveredAt: null, recoveryMs: null, messages: null };
              lossBase = sent;
            }
            if (recovery !== null && recovery.recoveredAt === null && e.leader !== null) {
              recovery.recoveredAt = e.t;
              recovery.recoveryMs = e.t - recovery.lostAt;
              recovery.messages = sent - lossBase;
            }
            leader = e.leader;
          }
          break;
        case 'violation':
          violations++;
          break;
        case 'anomaly':
          anomalies++;
          break;
      }
    },
  });
  const stats = sim.finish(untilMs);
  const out: RunSummary = { seed: sc.seed, stats, messagesToElect, violations, anomalies };
  if (lossAfter !== undefined) out.recovery = recovery;
  return out;
}

export interface Distribution {
  /** How many runs had a value (e.g. elected a leader at all). */
  count: number;
  median: number | null;
  p95: number | null;
  max: number | null;
  mean: number | null;
}

export interface BatchStats {
  runs: number;
  firstSeed: number;
  /** Runs that never had a cluster leader. */
  noLeader: number;
  firstLeaderAt: Distribution;
  messagesToElect: Distribution;
  leaderChanges: Distribution;
  unavailableMs: Distribution;
  messagesSent: Distribution;
  violations: number;
}

/** Nearest-rank percentile of sorted values (p in (0, 100]). */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function distribution(values: readonly (number | null)[]): Distribution {
  const v = values.filter((x): x is number => x !== null).sort((a, b) => a - b);
  const mean = v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
  return { count: v.length, median: percentile(v, 50), p95: percentile(v, 95), max: v.length ? v[v.length - 1] : null, mean };
}

export function summarize(runs: readonly RunSummary[]): BatchStats {
  return {
    runs: runs.length,
    firstSeed: runs.length ? runs[0].seed : 0,
    noLeader: runs.filter((r) => r.stats.firstLeaderAt === null).length,
    firstLeaderAt: distribution(runs.map((r) => r.stats.firstLeaderAt)),
    messagesToElect: distribution(runs.map((r) => r.messagesToElect)),
    leaderChanges: distribution(runs.map((r) => r.stats.leaderChanges)),
    unavailableMs: distribution(runs.map((r) => r.stats.unavailableMs)),
    messagesSent: distribution(runs.map((r) => r.stats.sent)),
    violations: runs.reduce((a, r) => a + r.violations, 0),
  };
}

/** The seed of run `index` of a batch that starts at `firstSeed` (wrapping at 2^32). */
export function seedAt(firstSeed: number, index: number): number {
  return (firstSeed + index) % 4294967296;
}

/** Runs seeds S, S+1, … S+K−1 (wrapping at 2^32) of one scenario. */
export function runBatch(
  sc: Scenario,
  runs: number,
  untilMs: number,
  opts: RunOpts & { onRun?: (r: RunSummary, i: number) => void } = {},
): RunSummary[] {
  return runBatchRange(sc, 0, runs, untilMs, opts).runs;
}

/** A contiguous piece of a batch: runs `firstIndex … firstIndex + runs.length − 1` (seeds S + index). */
export interface BatchChunk {
  firstIndex: number;
  runs: RunSummary[];
}

/** Runs `count` runs of a batch starting at run `firstIndex` (seed S + firstIndex, …): one worker's share. */
export function runBatchRange(
  sc: Scenario,
  firstIndex: number,
  count: number,
  untilMs: number,
  opts: RunOpts & { onRun?: (r: RunSummary, i: number) => void } = {},
): BatchChunk {
  if (!Number.isInteger(firstIndex) || firstIndex < 0) throw new RangeError(`firstIndex must be a whole number ≥ 0 (got ${firstIndex})`);
  const runOpts: RunOpts = { algorithm: opts.algorithm, check: opts.check };
  if (opts.lossAfter !== undefined) runOpts.lossAfter = opts.lossAfter;
  const out: RunSummary[] = [];
  for (let k = 0; k < count; k++) {
    const i = firstIndex + k;
    const r = runSummary({ ...sc, seed: seedAt(sc.seed, i) }, untilMs, runOpts);
    out.push(r);
    opts.onRun?.(r, i);
  }
  return { firstIndex, runs: out };
}

/** Splits K runs into at most `parts` contiguous ranges of nearly equal size (none empty). */
export function splitBatch(runs: number, parts: number): { firstIndex: number; count: number }[] {
  const p = Math.max(1, Math.min(Math.floor(parts), runs));
  const out: { firstIndex: number; count: number }[] = [];
  let first = 0;
  for (let i = 0; i < p; i++) {
    const count = Math.floor(runs / p) + (i < runs % p ? 1 : 0);
    if (count > 0) out.push({ firstIndex: first, count });
    first += count;
  }
  return out;
}

/**
 * Joins the chunks of one batch (in any order) into the run list `runBatch` would have returned. Throws when
 * the chunks leave a gap or overlap, or do not start at run 0.
 */
export function mergeChunks(chunks: readonly BatchChunk[]): RunSummary[] {
  const sorted = [...chunks].sort((a, b) => a.firstIndex - b.firstIndex);
  const out: RunSummary[] = [];
  for (const c of sorted) {
    if (c.runs.length === 0) continue;
    if (c.firstIndex !== out.length) {
      throw new Error(`batch chunks do not fit: a chunk starts at run ${c.firstIndex} but ${out.length} runs come before it`);
    }
    out.push(...c.runs);
  }
  return out;
}

export interface RecoveryStats {
  runs: number;
  /** Runs with a leader loss at or after the measuring time. */
  losses: number;
  /** Losses never followed by a new cluster leader. */
  unrecovered: number;
  recoveryMs: Distribution;
  messages: Distribution;
}

/** Statistics of the `recovery` measurements of a batch (runs made with `lossAfter`). */
export function summarizeRecovery(runs: readonly RunSummary[]): RecoveryStats {
  const rec = runs.map((r) => r.recovery ?? null).filter((x): x is RecoverySummary => x !== null);
  return {
    runs: runs.length,
    losses: rec.length,
    unrecovered: rec.filter((x) => x.recoveredAt === null).length,
    recoveryMs: distribution(rec.map((x) => x.recoveryMs)),
    messages: distribution(rec.map((x) => x.messages)),
  };
}

export type NodesRange = { from: number; to: number; step?: number } | readonly number[];

/** The cluster sizes of a range: `{from: 3, to: 25, step: 2}` → 3, 5, … 25; a list is taken as it is. */
export function nodeCounts(range: NodesRange): number[] {
  if (Array.isArray(range)) return [...(range as readonly number[])];
  const { from, to, step = 1 } = range as { from: number; to: number; step?: number };
  if (!(step > 0)) throw new RangeError(`step must be positive (got ${step})`);
  const out: number[] = [];
  for (let n = from; n <= to; n += step) out.push(n);
  return out;
}

/** Makes the scenario of one sweep point. The default: the pane scenario of `algorithm` with `nodes` voters. */
export type ScenarioFor = (base: Scenario, algorithm: AlgorithmName, nodes: number) => Scenario;

export const defaultScenarioFor: ScenarioFor = (base, algorithm, nodes) => paneScenario({ ...base, nodes }, algorithm);

export interface SweepPointPlan {
  algorithm: AlgorithmName;
  nodes: number;
  scenario: Scenario;
}

/** The points of a sweep, algorithm-major (for workers that run points or chunks of points themselves). */
export function sweepPlan(base: Scenario, algorithms: readonly AlgorithmName[], nodesRange: NodesRange, scenarioFor: ScenarioFor = defaultScenarioFor): SweepPointPlan[] {
  const ns = nodeCounts(nodesRange);
  return algorithms.flatMap((algorithm) => ns.map((nodes) => ({ algorithm, nodes, scenario: scenarioFor(base, algorithm, nodes) })));
}

export interface SweepPoint {
  algorithm: AlgorithmName;
  nodes: number;
  firstSeed: number;
  untilMs: number;
  stats: BatchStats;
  /** Present when the sweep measured leader losses (`lossAfter`). */
  recovery: RecoveryStats | null;
  /** Every run of the point (for histograms and CSV). */
  runs: RunSummary[];
}

/** Reduces the runs of one sweep point (from `runBatch` or merged chunks). */
export function summarizePoint(plan: SweepPointPlan, runs: RunSummary[], untilMs: number, lossAfter?: number): SweepPoint {
  return {
    algorithm: plan.algorithm,
    nodes: plan.nodes,
    firstSeed: plan.scenario.seed,
    untilMs,
    stats: summarize(runs),
    recovery: lossAfter !== undefined ? summarizeRecovery(runs) : null,
    runs,
  };
}

/**
 * A sweep over cluster sizes: for each algorithm and each n, `seedsPerPoint` runs (seeds S … S+K−1 of the
 * point's scenario), reduced as `sim --batch` reduces them.
 */
export function runSweep(
  scenario: Scenario,
  algorithms: readonly AlgorithmName[],
  nodesRange: NodesRange,
  seedsPerPoint: number,
  untilMs: number,
  scenarioFor: ScenarioFor = defaultScenarioFor,
  opts: { check?: boolean; lossAfter?: number; onPoint?: (p: SweepPoint, i: number) => void } = {},
): SweepPoint[] {
  return sweepPlan(scenario, algorithms, nodesRange, scenarioFor).map((plan, i) => {
    const runOpts: RunOpts = { algorithm: plan.algorithm, check: opts.check };
    if (opts.lossAfter !== undefined) runOpts.lossAfter = opts.lossAfter;
    const runs = runBatch(plan.scenario, seedsPerPoint, untilMs, runOpts);
    const point = summarizePoint(plan, runs, untilMs, opts.lossAfter);
    opts.onPoint?.(point, i);
    return point;
  });
}
