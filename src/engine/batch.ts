/**
 * Batch experiments: one scenario over many seeds, reduced to statistics. The `sim --batch` command and the
 * browser's batch runner share this module, so both report the same numbers for the same seeds.
 */
import type { AlgorithmName, EndStats, Scenario } from './core/types';
import { createSimulation } from './run';

export interface RunSummary {
  seed: number;
  stats: EndStats;
  /** Messages sent up to and including the instant the first cluster leader appeared (null: never). */
  messagesToElect: number | null;
  violations: number;
  anomalies: number;
}

/** Runs one scenario to `untilMs` without keeping its trace. */
export function runSummary(sc: Scenario, untilMs: number, opts: { algorithm?: AlgorithmName; check?: boolean } = {}): RunSummary {
  let sent = 0;
  let messagesToElect: number | null = null;
  let violations = 0;
  let anomalies = 0;
  const sim = createSimulation(sc, {
    ...opts,
    sink: (e) => {
      switch (e.type) {
        case 'send':
          sent++;
          break;
        case 'leader':
          if (messagesToElect === null && e.leader !== null) messagesToElect = sent;
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
  return { seed: sc.seed, stats, messagesToElect, violations, anomalies };
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

/** Runs seeds S, S+1, … S+K−1 (wrapping at 2^32) of one scenario. */
export function runBatch(
  sc: Scenario,
  runs: number,
  untilMs: number,
  opts: { algorithm?: AlgorithmName; check?: boolean; onRun?: (r: RunSummary, i: number) => void } = {},
): RunSummary[] {
  const out: RunSummary[] = [];
  for (let i = 0; i < runs; i++) {
    const seed = (sc.seed + i) % 4294967296;
    const r = runSummary({ ...sc, seed }, untilMs, { algorithm: opts.algorithm, check: opts.check });
    out.push(r);
    opts.onRun?.(r, i);
  }
  return out;
}
