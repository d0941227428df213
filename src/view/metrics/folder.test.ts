import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runSummary } from '../../engine/batch';
import { ALGORITHMS } from '../../engine/algorithms';
import type { AlgorithmName, TraceEvent } from '../../engine/core/types';
import { createSimulation, defaultScenario, runTrace } from '../../engine/run';
import { fuzzRuns, scenarioArb } from '../../engine/testing/schedules';
import { raftLesson } from '../../engine/scenarios/raft';
import { foldMetrics, MetricsFolder } from './folder';

const registered = Object.keys(ALGORITHMS) as AlgorithmName[];

function endOf(trace: TraceEvent[]) {
  const end = trace[trace.length - 1];
  if (end.type !== 'end') throw new Error('no end event');
  return end;
}

describe('metrics fold agrees with the kernel', () => {
  for (const algorithm of registered) {
    it(`${algorithm}: end statistics from the events equal the end event, over random fault schedules`, () => {
      const observers = ALGORITHMS[algorithm]?.supportsObservers ? 1 : 0;
      fc.assert(
        fc.property(scenarioArb({ nodes: 4, observers, untilMs: 1500, maxActions: 10, writes: true }), (sc) => {
          const trace = runTrace(sc, 1500, { algorithm });
          const end = endOf(trace);
          const folder = new MetricsFolder({ bucketMs: 50 });
          folder.pushAll(trace);
          expect(folder.endStats()).toEqual(end.stats);
          const m = folder.snapshot();
          expect(m.ended).toBe(true);
          expect(m.now).toBe(end.t);
          // Internal consistency of the extra numbers.
          expect(m.byClass.election + m.byClass.heartbeat + m.byClass.data).toBe(m.sent);
          const buckets = m.series.buckets;
          expect(buckets.reduce((a, b) => a + b.election + b.heartbeat + b.data, 0)).toBe(m.sent);
          expect(buckets.reduce((a, b) => a + b.dropped, 0)).toBe(m.dropped);
          expect(Object.values(m.droppedByReason).reduce((a, b) => a + b, 0)).toBe(m.dropped);
          expect(m.inFlight).toBeGreaterThanOrEqual(0);
          expect(m.violations).toBe(trace.filter((e) => e.type === 'violation').length);
          expect(m.anomalies).toBe(trace.filter((e) => e.type === 'anomaly').length);
          for (const l of m.leaderLosses) if (l.recoveryMs !== null) expect(l.recoveryMs).toBe((l.recoveredAt as number) - l.at);
          expect(m.messagesPerElection.length).toBe(m.episodes.filter((e) => e.resolvedAt !== null).length);
          expect(m.episodes.filter((e) => e.resolvedAt === null).length).toBeLessThanOrEqual(1);
          // The batch's per-run numbers agree with the fold.
          const r = runSummary(sc, 1500, { algorithm, lossAfter: 0 });
          expect(r.stats).toEqual(end.stats);
          const first = m.leaderLosses[0];
          if (!first) expect(r.recovery).toBeNull();
          else expect(r.recovery).toEqual({ lostAt: first.at, lost: first.lost, recoveredAt: first.recoveredAt, recoveryMs: first.recoveryMs, messages: first.recoveredAt === null ? null : first.messages });
        }),
        { numRuns: fuzzRuns(100) },
      );
    });
  }

  it('live: a snapshot part-way equals the kernel statistics at that instant', () => {
    for (const algorithm of registered) {
      const folder = new MetricsFolder();
      const sim = createSimulation(defaultScenario({ seed: 7, events: [{ at: 900, do: 'crashLeader' }, { at: 1600, do: 'partition', groups: [[1, 2], [3, 4, 5]] }] }), {
        algorithm,
        sink: (e) => folder.push(e),
      });
      for (const t of [100, 333, 900, 1250, 1999, 2600]) {
        sim.runUntil(t);
        expect(folder.endStats(sim.now)).toEqual(sim.stats());
        expect(folder.snapshot(sim.now).unavailableMs).toBe(sim.stats().unavailableMs);
      }
    }
  });
});

describe('leader losses and recovery times', () => {
  for (const algorithm of registered) {
    it(`${algorithm}: crash the leader at t; recovery = next leader event − t`, () => {
      const crashAt = 1500;
      const trace = runTrace(defaultScenario({ algorithm, seed: 3, events: [{ at: crashAt, do: 'crashLeader' }] }), 6000);
      const m = foldMetrics(trace);
      const fault = trace.find((e) => e.type === 'fault' && e.do === 'crashLeader') as { node: number };
      const leaderEvents = trace.filter((e): e is Extract<TraceEvent, { type: 'leader' }> => e.type === 'leader');
      const lossEvent = leaderEvents.find((e) => e.t >= crashAt);
      expect(lossEvent).toMatchObject({ t: crashAt, leader: null });
      const next = leaderEvents.find((e) => e.t >= crashAt && e.leader !== null);
      expect(next).toBeDefined();
      const loss = m.leaderLosses.find((l) => l.at === crashAt);
      expect(loss).toBeDefined();
      expect(loss?.lost).toBe(fault.node);
      expect(loss?.recoveredAt).toBe(next?.t);
      expect(loss?.recoveryMs).toBe((next?.t as number) - crashAt);
      expect(loss?.newLeader).toBe(next?.leader);
      // Messages between the crash and the new leader, counted by hand in trace order.
      const iLoss = trace.indexOf(lossEvent as TraceEvent);
      const iNext = trace.indexOf(next as TraceEvent);
      expect(loss?.messages).toBe(trace.slice(iLoss, iNext).filter((e) => e.type === 'send').length);
      expect(m.recoveryTimes).toContain((next?.t as number) - crashAt);
      // The election that resolved the loss started after the crash and ended with the new leader.
      const ep = m.episodes.find((e) => e.resolvedAt === next?.t);
      expect(ep).toBeDefined();
      expect(ep?.startedAt).toBeGreaterThan(crashAt);
      expect(ep?.leader).toBe(next?.leader);
    });
  }

  for (const algorithm of ['raft', 'zab'] as const) {
    it(`${algorithm}: an isolated node's futile election does not swallow the election after a later crash`, () => {
      const trace = runTrace(
        defaultScenario({ algorithm, seed: 3, events: [{ at: 500, do: 'partition', groups: [[1], [2, 3, 4, 5]] }, { at: 3000, do: 'crashLeader' }] }),
        6000,
      );
      const m = foldMetrics(trace);
      const loss = m.leaderLosses.find((l) => l.at === 3000);
      const ep = m.episodes.find((e) => e.resolvedAt === loss?.recoveredAt);
      expect(loss?.recoveredAt).not.toBeNull();
      expect(ep?.startedAt).toBe(3000);
      expect(ep?.messages).toBe(loss?.messages);
    });
  }

  it('an unrecovered loss stays open and counts its messages so far', () => {
    // Raft, 3 nodes: crash the leader and another node; no majority is left.
    const trace = runTrace(defaultScenario({ algorithm: 'raft', nodes: 3, seed: 2, events: [{ at: 1000, do: 'crashLeader' }, { at: 1000, do: 'crash', node: 1 }, { at: 1000, do: 'crash', node: 2 }, { at: 1000, do: 'crash', node: 3 }, { at: 1100, do: 'revive', node: 1 }] }), 3000);
    const m = foldMetrics(trace);
    const last = m.leaderLosses[m.leaderLosses.length - 1];
    expect(last.recoveredAt).toBeNull();
    expect(last.recoveryMs).toBeNull();
    const i = trace.findIndex((e) => e.type === 'leader' && e.t === last.at);
    expect(last.messages).toBe(trace.slice(i).filter((e) => e.type === 'send').length);
    expect(m.unavailableMs).toBe(endOf(trace).stats.unavailableMs);
  });
});

describe('elections, rounds, traffic classes', () => {
  it('cold start: the first episode starts with the first election and costs messagesToElect', () => {
    for (const algorithm of registered) {
      const sc = defaultScenario({ algorithm, seed: 11 });
      const trace = runTrace(sc, 3000);
      const m = foldMetrics(trace);
      const r = runSummary(sc, 3000);
      expect(m.episodes[0].resolvedAt).toBe(r.stats.firstLeaderAt);
      expect(m.messagesPerElection[0]).toBe(r.messagesToElect);
      expect(m.elections).toBeGreaterThanOrEqual(1);
      expect(m.maxRound).toBeGreaterThanOrEqual(1);
    }
  });

  it('Raft: elections are candidacies (a new term while candidate counts again); heartbeats are empty AppendEntries and their replies', () => {
    const trace = runTrace(defaultScenario({ algorithm: 'raft', seed: 4, events: [{ at: 500, do: 'write', node: 1, value: 'x' }] }), 2000);
    const m = foldMetrics(trace);
    let starts = 0;
    const last = new Map<number, { role: string; term: unknown; alive: boolean }>();
    let hb = 0;
    const hbMsgs = new Set<number>();
    let lastHbDeliver: { to: number; t: number } | null = null;
    for (const e of trace) {
      if (e.type === 'state') {
        const p = last.get(e.node);
        if (e.alive && e.role === 'candidate' && (!p || !p.alive || p.role !== 'candidate' || p.term !== e.term)) starts++;
        last.set(e.node, { role: e.role, term: e.term, alive: e.alive });
      }
      if (e.type === 'send' && e.kind === 'AppendEntries' && (e.fields.entries as unknown[]).length === 0) {
        hb++;
        hbMsgs.add(e.msg);
      }
      if (e.type === 'deliver') lastHbDeliver = hbMsgs.has(e.msg) ? { to: e.to, t: e.t } : null;
      if (e.type === 'send' && e.kind === 'AppendEntriesReply' && lastHbDeliver && lastHbDeliver.to === e.from && lastHbDeliver.t === e.t) hb++;
    }
    expect(m.elections).toBe(starts);
    expect(m.byClass.heartbeat).toBe(hb);
    expect(m.byClass.data).toBeGreaterThan(0); // the no-op entry and the write
    expect(m.byClass.election).toBe((m.byKind.RequestVote ?? 0) + (m.byKind.RequestVoteReply ?? 0));
    expect(m.rounds.term).toBe(m.maxRound);
  });

  it('Bully: elections are entries into electing; Heartbeat is heartbeat traffic; rounds are Bully rounds', () => {
    const trace = runTrace(defaultScenario({ algorithm: 'bully', seed: 5, events: [{ at: 800, do: 'crashLeader' }] }), 3000);
    const m = foldMetrics(trace);
    expect(m.byClass.heartbeat).toBe(m.byKind.Heartbeat);
    expect(m.byClass.election).toBe((m.byKind.Election ?? 0) + (m.byKind.Alive ?? 0) + (m.byKind.Victory ?? 0));
    // Independent count: entries into electing, or a new round (B1 again) while electing.
    const last = new Map<number, { role: string; round: unknown; alive: boolean }>();
    let starts = 0;
    for (const e of trace) {
      if (e.type !== 'state') continue;
      const p = last.get(e.node);
      if (e.alive && e.role === 'electing' && (!p || !p.alive || p.role !== 'electing' || p.round !== e.round)) starts++;
      last.set(e.node, { role: e.role, round: e.round, alive: e.alive });
    }
    expect(m.elections).toBe(starts);
    // 1..4 elect at boot (5, the highest, leads at once; some re-run B1 on a late Election); after the crash 1..4 again.
    expect(m.elections).toBeGreaterThanOrEqual(8);
    expect(m.episodes.filter((e) => e.resolvedAt !== null)).toHaveLength(2);
    expect(m.messagesPerElection[1]).toBe(5 * 5 - 5 - 1);
    expect(m.maxRound).toBe(m.rounds.round);
  });

  it('ZAB: elections are voters entering looking; epochs are tracked; Ping is heartbeat traffic', () => {
    const trace = runTrace(defaultScenario({ algorithm: 'zab', seed: 6, observers: 1, events: [{ at: 1000, do: 'crashLeader' }] }), 5000);
    const m = foldMetrics(trace);
    expect(m.elections).toBeGreaterThanOrEqual(5 + 4); // 5 voters at boot, the 4 survivors after the crash
    expect(m.rounds.currentEpoch).toBeGreaterThanOrEqual(2);
    expect(m.maxRound).toBe(m.rounds.currentEpoch);
    expect(m.byClass.heartbeat).toBe(m.byKind.Ping);
    expect(m.leaderLosses[0].recoveredAt).not.toBeNull();
  });

  it('the chart buckets sends by time and class', () => {
    const trace = runTrace(defaultScenario({ algorithm: 'bully', seed: 1 }), 1000);
    const m = foldMetrics(trace, { bucketMs: 250 });
    expect(m.series.bucketMs).toBe(250);
    expect(m.series.buckets.map((b) => b.t)).toEqual([0, 250, 500, 750, 1000]);
    const sends = trace.filter((e): e is Extract<TraceEvent, { type: 'send' }> => e.type === 'send');
    expect(m.series.buckets[1].heartbeat).toBe(sends.filter((e) => e.t >= 250 && e.t < 500 && e.kind === 'Heartbeat').length);
    expect(() => new MetricsFolder({ bucketMs: 0 })).toThrow();
  });
});

describe('dual-leader window (protocols.md §1.6)', () => {
  const windowOf = (id: string) => {
    const l = raftLesson(id);
    return foldMetrics(runTrace(l.scenario, l.untilMs, {}));
  };

  it('leader-minority without CheckQuorum: S1 (term 1) and S3 (term 2) both lead from S3\'s election until the heal', () => {
    const m = windowOf('leader-minority');
    expect(m.dualLeaderWindows).toHaveLength(1);
    const [w] = m.dualLeaderWindows;
    expect(w.nodes).toEqual([1, 3]);
    expect(w.from).toBeGreaterThan(1000); // the partition
    expect(w.to).toBeGreaterThanOrEqual(3000); // the heal, plus one message for S1 to see term 2
    expect(w.to).toBeLessThanOrEqual(3000 + 30 + 50);
    expect(m.dualLeaderMs).toBe(w.to! - w.from);
    expect(m.maxDualLeaderMs).toBe(m.dualLeaderMs);
  });

  it('leader-minority with CheckQuorum: the stale leader steps down within about Tmin, long before the heal', () => {
    const m = windowOf('leader-minority-checkquorum');
    const tMin = 150;
    for (const w of m.dualLeaderWindows) {
      expect(w.nodes).toEqual([1, 3]);
      expect(w.to).not.toBeNull();
      expect(w.to!).toBeLessThanOrEqual(1000 + 2 * tMin); // CQ1 checks every Tmin: down at most 2·Tmin after the split
    }
    expect(m.dualLeaderMs).toBeLessThanOrEqual(tMin);
    expect(m.dualLeaderMs).toBeLessThan(windowOf('leader-minority').dualLeaderMs / 10);
  });

  it('an open window counts up to now, and a one-leader run has none', () => {
    const l = raftLesson('leader-minority');
    const prefix = runTrace(l.scenario, l.untilMs, {}).filter((e) => e.t <= 2000 && e.type !== 'end');
    const m = foldMetrics(prefix, { now: 2500 });
    expect(m.dualLeaderWindows[0].to).toBeNull();
    expect(m.dualLeaderWindows[0].durationMs).toBe(2500 - m.dualLeaderWindows[0].from);
    expect(windowOf('no-preemption').dualLeaderWindows).toEqual([]);
  });
});
