/**
 * Is the checker (and the fuzz) strong enough? The teaching switch `ignorePromisedValues` breaks P6 (a new
 * leader ignores the accepted values its Promises report); other mutants below break one rule each. The real
 * engine must be clean where the mutant is caught: once on a directed scenario, once by random schedules.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnyAlgorithm, Ctx, Envelope } from '../../core/algorithm';
import type { Scenario } from '../../core/types';
import { defaultScenario } from '../../run';
import { scenarioArb } from '../../testing/schedules';
import type { PaxosOptions } from './options';
import { paxos, type PaxosState } from './paxos';
import { runChecked } from './test-helpers';

function invariants(sc: Scenario, untilMs: number, alg: AnyAlgorithm = paxos): string[] {
  return runChecked(sc, untilMs, false, alg).violations.map((v) => v.invariant);
}

const withSwitch = (sc: Scenario): Scenario => ({ ...sc, options: { ...sc.options, ignorePromisedValues: true } });

/**
 * Seed 1, five nodes: node 5 leads ballot 1.5 from 266 ms. The write "x" at 500 ms is accepted by all and chosen
 * at 542 ms, when the leader hears its third Accepted; its next Heartbeat (566 ms) would tell the followers, but
 * it crashes at 546 ms. The new leader (node 4, ballot 2.4) knows nothing chosen, so its Phase 1 covers slot 1
 * and every Promise reports "x" there. P6 re-proposes "x"; the switch skips that, and the write "y" at 1500 ms
 * lands in slot 1 and is chosen too.
 */
export const chosenThenLeaderCrash: Scenario = defaultScenario({
  algorithm: 'paxos',
  events: [
    { at: 500, do: 'write', node: 5, value: 'x' },
    { at: 546, do: 'crashLeader' },
    ...[1, 2, 3, 4].map((node) => ({ at: 1500, do: 'write' as const, node, value: 'y' })),
  ],
});

describe('the ignorePromisedValues switch (P6 skipped)', () => {
  it('is safe without the switch: "x" stays in slot 1, "y" goes to slot 2', () => {
    const run = runChecked(chosenThenLeaderCrash, 3000);
    expect(run.violations).toEqual([]);
    const byNode4 = run.events.filter((e) => e.type === 'commit' && e.node === 4).map((e) => e.type === 'commit' && [e.index, e.value]);
    expect(byNode4).toEqual([
      [1, 'x'],
      [2, 'y'],
    ]);
  });

  it('with the switch, the checker reports two values chosen in slot 1 (P-S1) and nodes learning the wrong one (P-S2)', () => {
    const run = runChecked(withSwitch(chosenThenLeaderCrash), 3000);
    const found = run.violations.map((v) => v.invariant);
    expect(found).toContain('P-S1');
    expect(found).toContain('P-S2');
    expect(run.violations.find((v) => v.invariant === 'P-S1')?.detail).toBe('slot 1: "x" was chosen in ballot 1.5, then "y" in ballot 2.4');
  });
});

/** A mutant acceptor that forgets its promise when it crashes (as if it were volatile). */
const forgetsPromiseOnCrash: AnyAlgorithm = {
  ...paxos,
  crash(s: PaxosState, env) {
    const fresh = paxos.crash(s, env);
    return { ...fresh, promised: Object.freeze([0, 0] as const), maxRound: 0 };
  },
};

/** A mutant acceptor that accepts whatever ballot an Accept carries (P7 without its promise check). */
const acceptsBelowPromise: AnyAlgorithm = {
  ...paxos,
  onMessage(s: PaxosState, msg: Envelope, ctx: Ctx<PaxosOptions>) {
    if (msg.kind === 'Accept') {
      const f = msg.fields as { ballot: readonly [number, number]; slot: number; value: string | number | null };
      if (f.ballot[0] < s.promised[0] || (f.ballot[0] === s.promised[0] && f.ballot[1] < s.promised[1])) {
        s.accepted = Object.freeze([...s.accepted.slice(0, f.slot - 1), ...Array(Math.max(0, f.slot - 1 - s.accepted.length)).fill(null), Object.freeze({ ballot: f.ballot, value: f.value }), ...s.accepted.slice(f.slot)]);
        return;
      }
    }
    paxos.onMessage(s, msg, ctx);
  },
};

describe('random fault schedules catch the broken engines', () => {
  // Three nodes, many actions: the shape that most often reaches "chosen, then the leader dies before its next
  // Heartbeat tells anyone" (measured: about 1 schedule in 600 for the switch; 5 nodes with 40 actions, 0 of 3,000).
  const arb = scenarioArb({ nodes: 3, untilMs: 2000, maxActions: 40, writes: true }, { algorithm: 'paxos' });
  const MUTANTS: { name: string; make: (sc: Scenario) => Scenario; alg: AnyAlgorithm; until: number }[] = [
    { name: 'ignorePromisedValues (P6 skipped)', make: withSwitch, alg: paxos, until: 2000 },
    { name: 'forgets its promise on a crash (P3 not persistent)', make: (sc) => sc, alg: forgetsPromiseOnCrash, until: 2000 },
    { name: 'accepts below its promise (P7 unchecked)', make: (sc) => sc, alg: acceptsBelowPromise, until: 2000 },
  ];
  it.each(MUTANTS.map((m) => [m.name, m] as const))('%s', (_name, m) => {
    const out = fc.check(
      fc.property(arb, (sc) => invariants(m.make(sc), m.until, m.alg).length === 0),
      { numRuns: 10_000, endOnFailure: true, seed: 1 },
    );
    expect(out.failed).toBe(true);
  }, 120_000);
});
