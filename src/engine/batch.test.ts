import { describe, expect, it } from 'vitest';
import {
  mergeChunks,
  nodeCounts,
  runBatch,
  runBatchRange,
  runSummary,
  runSweep,
  seedAt,
  splitBatch,
  summarize,
  summarizeRecovery,
  sweepPlan,
  type RunSummary,
} from './batch';
import type { AlgorithmName } from './core/types';
import { defaultScenario } from './run';

describe('chunked batches (Web Workers)', () => {
  it('splitBatch covers 0..K−1 with contiguous, nearly equal, non-empty ranges', () => {
    expect(splitBatch(10, 3)).toEqual([
      { firstIndex: 0, count: 4 },
      { firstIndex: 4, count: 3 },
      { firstIndex: 7, count: 3 },
    ]);
    expect(splitBatch(2, 8)).toEqual([
      { firstIndex: 0, count: 1 },
      { firstIndex: 1, count: 1 },
    ]);
    expect(splitBatch(5, 1)).toEqual([{ firstIndex: 0, count: 5 }]);
  });

  for (const algorithm of ['bully', 'raft', 'zab'] as AlgorithmName[]) {
    it(`${algorithm}: merged chunks (in any order) summarize exactly like one runBatch over all seeds`, () => {
      const sc = defaultScenario({ seed: 4294967290, events: [{ at: 1200, do: 'crashLeader' }] }); // wraps past 2^32
      const whole = runBatch(sc, 13, 2500, { algorithm, lossAfter: 1200 });
      const chunks = splitBatch(13, 4).map((r) => runBatchRange(sc, r.firstIndex, r.count, 2500, { algorithm, lossAfter: 1200 }));
      const merged = mergeChunks([chunks[2], chunks[0], chunks[3], chunks[1]]);
      expect(merged).toEqual(whole);
      expect(summarize(merged)).toEqual(summarize(whole));
      expect(summarizeRecovery(merged)).toEqual(summarizeRecovery(whole));
      expect(merged.map((r) => r.seed)).toEqual(Array.from({ length: 13 }, (_, i) => seedAt(4294967290, i)));
      expect(merged[6].seed).toBe(0);
    });
  }

  it('mergeChunks refuses gaps and overlaps', () => {
    const sc = defaultScenario({ algorithm: 'bully' });
    const a = runBatchRange(sc, 0, 2, 500);
    const b = runBatchRange(sc, 3, 2, 500);
    expect(() => mergeChunks([a, b])).toThrow(/do not fit/);
    expect(() => mergeChunks([a, runBatchRange(sc, 1, 2, 500)])).toThrow(/do not fit/);
  });

  it('runBatch is unchanged by the extension: same runs as runSummary seed by seed, no recovery field unless asked', () => {
    const sc = defaultScenario({ algorithm: 'raft', seed: 9 });
    const seen: number[] = [];
    const runs = runBatch(sc, 3, 1500, { onRun: (_r, i) => seen.push(i) });
    expect(seen).toEqual([0, 1, 2]);
    runs.forEach((r, i) => {
      expect(r).toEqual(runSummary({ ...sc, seed: 9 + i }, 1500));
      expect('recovery' in r).toBe(false);
    });
  });
});

describe('recovery measurement', () => {
  it('a leader crash at T: recovery from the crash to the next cluster leader', () => {
    const sc = defaultScenario({ algorithm: 'bully', nodes: 6, seed: 2, events: [{ at: 1000, do: 'crashLeader' }] });
    const r = runSummary(sc, 4000, { lossAfter: 1000 });
    expect(r.recovery).toMatchObject({ lostAt: 1000, lost: 6 });
    expect(r.recovery?.recoveryMs).toBe((r.recovery?.recoveredAt as number) - 1000);
    expect(r.recovery?.messages).toBe(29); // protocols.md §3.7: N² − N − 1 with N = 6 (see experiments.test.ts)
    expect(runSummary({ ...sc, events: [] }, 4000, { lossAfter: 1000 }).recovery).toBeNull();
  });

  it('summarizeRecovery counts losses, unrecovered losses and distributions', () => {
    const mk = (recovery: RunSummary['recovery']): RunSummary => ({
      seed: 1,
      stats: { sent: 0, delivered: 0, dropped: 0, byKind: {}, leaderChanges: 0, firstLeaderAt: null, unavailableMs: 0, leader: null },
      messagesToElect: null,
      violations: 0,
      anomalies: 0,
      recovery,
    });
    const s = summarizeRecovery([
      mk(null),
      mk({ lostAt: 10, lost: 3, recoveredAt: 30, recoveryMs: 20, messages: 7 }),
      mk({ lostAt: 10, lost: 3, recoveredAt: null, recoveryMs: null, messages: null }),
    ]);
    expect(s).toMatchObject({ runs: 3, losses: 2, unrecovered: 1 });
    expect(s.recoveryMs).toEqual({ count: 1, median: 20, p95: 20, max: 20, mean: 20 });
  });
});

describe('sweeps over cluster size', () => {
  it('nodeCounts', () => {
    expect(nodeCounts({ from: 3, to: 9, step: 3 })).toEqual([3, 6, 9]);
    expect(nodeCounts([7, 3])).toEqual([7, 3]);
  });

  it('runSweep gives, per (algorithm, n), the batch statistics of that point', () => {
    const base = defaultScenario({ seed: 20, observers: 1, options: { raft: { preVote: true } }, events: [{ at: 1000, do: 'crashLeader' }] });
    const points = runSweep(base, ['bully', 'raft', 'zab'], { from: 3, to: 5, step: 2 }, 4, 3000, undefined, { lossAfter: 1000 });
    expect(points.map((p) => [p.algorithm, p.nodes])).toEqual([
      ['bully', 3],
      ['bully', 5],
      ['raft', 3],
      ['raft', 5],
      ['zab', 3],
      ['zab', 5],
    ]);
    const plan = sweepPlan(base, ['bully', 'raft', 'zab'], { from: 3, to: 5, step: 2 });
    points.forEach((p, i) => {
      const sc = plan[i].scenario;
      expect(sc).toMatchObject({ algorithm: p.algorithm, nodes: p.nodes, seed: 20, events: base.events });
      expect(sc.observers).toBe(p.algorithm === 'zab' ? 1 : 0);
      expect(sc.options).toEqual(p.algorithm === 'raft' ? { preVote: true } : {});
      const runs = runBatch(sc, 4, 3000, { algorithm: p.algorithm, lossAfter: 1000 });
      expect(p.stats).toEqual(summarize(runs));
      expect(p.recovery).toEqual(summarizeRecovery(runs));
      expect(p.runs).toEqual(runs);
      expect(p.stats.noLeader).toBe(0);
      expect(p.recovery?.losses).toBe(4);
    });
    // Raft with PreVote: every election costs at least the pre-vote and vote rounds to the survivors.
    const raft5 = points.find((p) => p.algorithm === 'raft' && p.nodes === 5);
    expect(raft5?.recovery?.messages.median).toBeGreaterThanOrEqual(4 * 3);
  });

  it('a custom scenarioFor decides each point', () => {
    const points = runSweep(defaultScenario(), ['raft'], [3], 2, 1000, (b, a, n) => ({ ...b, algorithm: a, nodes: n, seed: 77 }));
    expect(points[0].firstSeed).toBe(77);
    expect(points[0].runs.map((r) => r.seed)).toEqual([77, 78]);
  });
});
