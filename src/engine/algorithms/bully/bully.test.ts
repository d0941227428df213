import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario, TimedAction, TraceEvent } from '../../core/types';
import { createSimulation, defaultScenario, runTrace } from '../../run';
import { fuzzRuns, scheduleArb } from '../../testing/schedules';
import { defaultBullyOptions } from './options';

const O = defaultBullyOptions;

function violations(trace: TraceEvent[]) {
  return trace.filter((e) => e.type === 'violation');
}

/** Leader ids of live nodes (from the kernel, not the trace). */
function liveViews(sc: Scenario, until: number) {
  const sim = createSimulation(sc, { check: true });
  sim.runUntil(until);
  return sim;
}

describe('Bully safety B-S1…B-S4 over random fault schedules', () => {
  it('holds at every step', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 2, max: 7 }).chain((n) => fc.tuple(fc.constant(n), scheduleArb({ nodes: n, untilMs: 3000, writes: true }))),
        fc.constantFrom<'id' | 'lastOp'>('id', 'lastOp'),
        (seed, [nodes, events], priority) => {
          const trace = runTrace(defaultScenario({ algorithm: 'bully', seed, nodes, events, options: { priority } }), 3500, {
            check: true,
          });
          expect(violations(trace)).toEqual([]);
        },
      ),
      { numRuns: fuzzRuns(1000) },
    );
  });
});

/** Stability window W (protocols.md §3.4): no crash/revive, connected, no loss, bounded latency. */
const DELTA_MAX = 30;
const B_BULLY = O.leaderTimeoutMs + O.victoryTimeoutMs + O.answerTimeoutMs + 2 * DELTA_MAX;

describe('Bully liveness after stability (B-C1)', () => {
  it('has exactly one leader, the highest live id, that everyone names, once W has held for B_bully', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        scheduleArb({ nodes: 6, untilMs: 3000, maxDropRate: 0.3 }),
        (seed, chaos) => {
          // Chaos, then the network becomes stable at 3000 ms (the last in-flight message lands by 3040).
          const stabilize: TimedAction[] = [
            { at: 3000, do: 'heal' },
            { at: 3000, do: 'setDropRate', rate: 0 },
            { at: 3000, do: 'setLatency', min: 10, max: DELTA_MAX },
          ];
          const sc = defaultScenario({ algorithm: 'bully', seed, nodes: 6, events: [...chaos, ...stabilize] });
          const t0 = 3000 + 40; // every message sent before the window has landed
          const sim = liveViews(sc, t0 + B_BULLY);
          const check = (label: string) => {
            const live = sim.nodes.filter((n) => n.alive);
            if (live.length === 0) return;
            const max = Math.max(...live.map((n) => n.id));
            const leaders = live.filter((n) => n.lastView.role === 'leader').map((n) => n.id);
            expect(leaders, `${label}: leaders`).toEqual([max]); // G1, G2
            for (const n of live) {
              expect(n.lastView.leader, `${label}: node ${n.id} names`).toBe(max); // G1
              expect(['leader', 'follower'], `${label}: node ${n.id} role`).toContain(n.lastView.role); // G3
            }
            expect(sim.clusterLeader).toBe(max);
          };
          check('at t0 + B_bully');
          sim.runUntil(t0 + 3 * B_BULLY);
          check('later');
        },
      ),
      { numRuns: fuzzRuns(300) },
    );
  });
});

describe('Bully under a partition (N2, §3.6.3)', () => {
  const sc = defaultScenario({
    algorithm: 'bully',
    nodes: 6,
    events: [
      { at: 1000, do: 'partition', groups: [[1, 2, 3], [4, 5, 6]] },
      { at: 3000, do: 'heal' },
    ],
  });
  const trace = runTrace(sc, 4500, { check: true });

  it('elects one leader per component and reports split brain', () => {
    const sim = liveViews(sc, 2900);
    expect(sim.nodes.map((n) => n.lastView.leader)).toEqual([3, 3, 3, 6, 6, 6]);
    expect(sim.clusterLeader).toBeNull();
    const anomaly = trace.find((e) => e.type === 'anomaly');
    expect(anomaly).toMatchObject({ kind: 'split-brain' });
    expect(anomaly!.t).toBeGreaterThan(1000);
    expect(anomaly!.t).toBeLessThan(3000);
    expect(violations(trace)).toEqual([]);
  });

  it('converges to the global maximum after the heal (B11)', () => {
    const sim = liveViews(sc, 4500);
    expect(sim.nodes.map((n) => n.lastView.leader)).toEqual([6, 6, 6, 6, 6, 6]);
    expect(sim.clusterLeader).toBe(6);
  });
});

describe('Bully flapping (N5, §3.6.2)', () => {
  it('changes leader twice per crash/revive cycle of the highest node', () => {
    const cycles = 4;
    const events: TimedAction[] = [];
    for (let c = 0; c < cycles; c++) {
      events.push({ at: 1000 + c * 2000, do: 'crash', node: 5 });
      events.push({ at: 2000 + c * 2000, do: 'revive', node: 5 });
    }
    const trace = runTrace(defaultScenario({ algorithm: 'bully', nodes: 5, events }), 1000 + cycles * 2000, { check: true });
    const end = trace[trace.length - 1];
    expect(end.type === 'end' && end.stats.leaderChanges).toBe(2 * cycles);
    const leaders = trace.filter((e) => e.type === 'leader' && e.leader !== null).map((e) => (e as { leader: number }).leader);
    expect(leaders).toEqual([5, ...Array.from({ length: cycles }, () => [4, 5]).flat()]);
    expect(violations(trace)).toEqual([]);
  });
});

describe('Bully message count of one election (§3.7)', () => {
  /** Node `i` detects (it revives and runs B1) while the coordinator N is down. */
  function electionMessages(n: number, i: number): number {
    const sc = defaultScenario({
      algorithm: 'bully',
      nodes: n,
      network: { latency: { min: 10, max: 10 }, dropRate: 0 },
      // Followers never time out on their own, so node i is the only detector.
      options: { leaderTimeoutMs: 100_000, victoryTimeoutMs: 1000 },
      events: [
        { at: 1000, do: 'crash', node: n },
        { at: 1000, do: 'crash', node: i },
        { at: 1500, do: 'revive', node: i },
      ],
    });
    const trace = runTrace(sc, 3000, { check: true });
    expect(violations(trace)).toEqual([]);
    const sends = trace.filter((e) => e.type === 'send' && e.t >= 1500 && e.kind !== 'Heartbeat');
    const leaderEvents = trace.filter((e) => e.type === 'leader' && e.t >= 1500);
    expect(leaderEvents[leaderEvents.length - 1]).toMatchObject({ leader: n - 1 });
    return sends.length;
  }

  for (const n of [4, 6, 8]) {
    for (let i = 1; i < n; i++) {
      it(`N=${n}, detector ${i}: M(i) = (N−i)² + N − 2 = ${(n - i) ** 2 + n - 2}`, () => {
        expect(electionMessages(n, i)).toBe((n - i) ** 2 + n - 2);
      });
    }
  }
});

describe('Bully void victory (B8, the seed rule)', () => {
  it('voids a victory when a late Alive from a higher node arrives, without breaking B-S3', () => {
    // After the leader (3) crashes, Election + Alive take 120 ms, longer than the 100 ms answer timeout:
    // node 1 "wins" before node 2's Alive reaches it, then must void its victory.
    const sc = defaultScenario({
      algorithm: 'bully',
      nodes: 3,
      events: [
        { at: 1000, do: 'setLatency', min: 60, max: 60 },
        { at: 1000, do: 'crash', node: 3 },
      ],
    });
    const trace = runTrace(sc, 2000, { check: true });
    expect(violations(trace)).toEqual([]);
    const states = trace.filter((e) => e.type === 'state' && e.node === 1) as Extract<TraceEvent, { type: 'state' }>[];
    const voided = states.findIndex((s, k) => k > 0 && states[k - 1].role === 'leader' && s.role === 'electing');
    expect(voided).toBeGreaterThan(0);
    expect(states[voided].t).toBeGreaterThan(1000);
    expect(trace.filter((e) => e.type === 'leader').pop()).toMatchObject({ leader: 2 });
  });
});

describe('Bully rank by last-op time (B12)', () => {
  it('elects the freshest node, ties broken by id', () => {
    const sc = defaultScenario({
      algorithm: 'bully',
      nodes: 5,
      options: { priority: 'lastOp' },
      events: [
        { at: 500, do: 'write', node: 2, value: 'x' },
        { at: 1000, do: 'crashLeader' },
      ],
    });
    const trace = runTrace(sc, 3000, { check: true });
    expect(violations(trace)).toEqual([]);
    const leaders = trace.filter((e) => e.type === 'leader' && e.leader !== null).map((e) => (e as { leader: number }).leader);
    // Without writes the highest id (5) wins; after node 2's write and 5's crash, node 2 is the freshest.
    expect(leaders[0]).toBe(5);
    expect(leaders[leaders.length - 1]).toBe(2);
    expect(trace.find((e) => e.type === 'state' && e.node === 2 && e.t >= 500)).toMatchObject({ rank: [500, 2] });
  });
});
