/**
 * Liveness after stability (R-L1, R-L3), the message counts of §1.9, and determinism (same scenario and seed
 * → byte-identical JSONL; a checkpoint restored mid-run continues identically, checker memory included).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../core/kernel';
import type { Scenario, TimedAction, TraceEvent } from '../../core/types';
import { createSimulation, defaultScenario, runTrace } from '../../run';
import { fuzzRuns, scenarioArb } from '../../testing/schedules';
import { toJsonl } from '../../testing/trace-model';
import { RAFT_LESSONS } from '../../scenarios/raft';
import { statesOf } from './test-helpers';
import { raft } from './raft';
import { resolveOptions } from '../../scenario-file';

const STABLE_AT = 3000;
const STABLE_FOR = 3000;

/** After the random faults: heal everything, no loss, normal latency, and a majority (1..⌈N/2⌉) revived. */
function stabilise(sc: Scenario): Scenario {
  const majority = Math.floor(sc.nodes / 2) + 1;
  const calm: TimedAction[] = [
    { at: STABLE_AT, do: 'heal' },
    { at: STABLE_AT, do: 'setDropRate', rate: 0 },
    { at: STABLE_AT, do: 'setLatency', min: 10, max: 30 },
    ...Array.from({ length: majority }, (_, k) => ({ at: STABLE_AT, do: 'revive', node: k + 1 }) as TimedAction),
  ];
  return { ...sc, events: [...sc.events, ...calm] };
}

describe('Raft liveness after stability (R-L1, R-L3)', () => {
  it.each([
    { preVote: false, checkQuorum: false },
    { preVote: true, checkQuorum: false },
    { preVote: false, checkQuorum: true },
    { preVote: true, checkQuorum: true },
  ])('elects a leader within 3 s of a connected, loss-free majority, and commits a write on a majority (preVote=$preVote checkQuorum=$checkQuorum)', (options) => {
    const arb = fc.oneof(
      scenarioArb({ nodes: 5, untilMs: STABLE_AT, maxActions: 14, writes: true }, { algorithm: 'raft', options }),
      scenarioArb({ nodes: 3, untilMs: STABLE_AT, maxActions: 10, writes: true }, { algorithm: 'raft', options }),
    );
    fc.assert(
      fc.property(arb, (raw) => {
        const sc = stabilise(raw);
        const commits: Extract<TraceEvent, { type: 'commit' }>[] = [];
        const sim = createSimulation(sc, { algorithm: 'raft', sink: (e) => e.type === 'commit' && commits.push(e) });
        sim.runUntil(STABLE_AT + STABLE_FOR);
        const leader = sim.clusterLeader;
        expect(leader).not.toBeNull();
        sim.schedule({ do: 'write', node: leader!, value: 'probe' });
        sim.runUntil(STABLE_AT + STABLE_FOR + 500);
        const on = new Set(commits.filter((c) => c.value === 'probe').map((c) => c.node));
        expect(on.size).toBeGreaterThan(sc.nodes / 2);
      }),
      { numRuns: Math.ceil(fuzzRuns(400) / 4) },
    );
  });
});

describe('Raft message counts of one uncontested election (§1.9)', () => {
  function electionCost(nodes: number, seed: number, preVote: boolean) {
    // A wide timeout range spreads the first timeouts apart, so most runs have a single (pre)candidate.
    const options = { preVote, electionTimeoutMsMin: 150, electionTimeoutMsMax: 1200 };
    const trace = runTrace(defaultScenario({ algorithm: 'raft', nodes, seed, options }), 3000);
    const states = statesOf(trace);
    const standing = new Set(states.filter((s) => s.role === 'candidate' || s.role === 'precandidate').map((s) => s.node));
    const kinds = ['RequestVote', 'RequestVoteReply', 'PreVote', 'PreVoteReply'];
    const cost = trace.filter((e) => e.type === 'send' && kinds.includes(e.kind)).length;
    return { uncontested: standing.size === 1, cost };
  }

  it.each([3, 5, 7])('costs 2(N−1) vote messages, 4(N−1) with PreVote (N = %i)', (n) => {
    for (const preVote of [false, true]) {
      let seen = 0;
      for (let seed = 1; seed <= 60; seed++) {
        const { uncontested, cost } = electionCost(n, seed, preVote);
        if (!uncontested) continue;
        seen++;
        expect(cost).toBe((preVote ? 4 : 2) * (n - 1));
      }
      expect(seen).toBeGreaterThanOrEqual(10);
    }
  });
});

describe('Raft determinism', () => {
  it.each(RAFT_LESSONS.map((l) => [l.id, l] as const))('%s gives byte-identical JSONL, checker on', (_id, l) => {
    const a = toJsonl(runTrace(l.scenario, l.untilMs, { check: true }));
    const b = toJsonl(runTrace(l.scenario, l.untilMs, { check: true }));
    expect(a).toBe(b);
  });

  it('continues identically after checkpoint() and Simulation.restore() mid-run', () => {
    const arb = fc.tuple(
      scenarioArb({ nodes: 5, untilMs: 3000, maxActions: 12, writes: true }, { algorithm: 'raft' }),
      fc.record({ preVote: fc.boolean(), checkQuorum: fc.boolean() }),
      fc.integer({ min: 0, max: 2999 }),
    );
    fc.assert(
      fc.property(arb, ([raw, options, cutAt]) => {
        const sc = { ...raw, options };
        const full: TraceEvent[] = [];
        const original = createSimulation(sc, { check: true, sink: (e) => full.push(e) });
        original.runUntil(cutAt);
        const prefix = full.length;
        const cp = original.checkpoint();
        original.finish(3000);
        const rest: TraceEvent[] = [];
        const restored = Simulation.restore(
          { algorithm: original.algorithm, scenario: sc, options: original.options, check: true, sink: (e) => rest.push(e) },
          cp,
        );
        restored.finish(3000);
        expect(toJsonl(rest)).toBe(toJsonl(full.slice(prefix)));
      }),
      { numRuns: 40 },
    );
  });
});

describe('Raft viewUnchanged (the kernel skips building views with it)', () => {
  it('agrees with comparing views: a run without it writes the same trace', () => {
    const { viewUnchanged: _skip, saveState: _save, loadState: _load, ...plain } = raft;
    const run = (algorithm: typeof raft, sc: Scenario) => {
      const events: TraceEvent[] = [];
      const sim = Simulation.start({ algorithm, scenario: sc, options: resolveOptions(sc, 'raft'), check: true, sink: (e) => events.push(e) });
      sim.finish(4000);
      return toJsonl(events);
    };
    fc.assert(
      fc.property(scenarioArb({ nodes: 5, untilMs: 4000, maxActions: 14, writes: true }, { algorithm: 'raft' }), (sc) => {
        expect(run(raft, sc)).toBe(run(plain as typeof raft, sc));
      }),
      { numRuns: fuzzRuns(40) },
    );
  });
});
