/**
 * R-S1…R-S10 at every step over random fault schedules (crash, revive, crashLeader, partitions, cuts, loss up
 * to 30 %, latency changes, writes), with PreVote and CheckQuorum each on and off. fast-check shrinks a
 * failing schedule; every schedule that ever failed is kept below as a named regression test.
 *
 * Default size: 4 × 500 = 2,000 schedules of 4 s virtual time each. FUZZ_RUNS=N runs N per option set.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../core/types';
import { fuzzRuns, scenarioArb } from '../../testing/schedules';
import { runChecked } from './test-helpers';

const UNTIL_MS = 4000;
const RUNS_PER_OPTION_SET = Math.ceil(fuzzRuns(2000) / 4);

const optionSets = [
  { preVote: false, checkQuorum: false },
  { preVote: true, checkQuorum: false },
  { preVote: false, checkQuorum: true },
  { preVote: true, checkQuorum: true },
];

function arb(options: Record<string, unknown>): fc.Arbitrary<Scenario> {
  const shape = (nodes: number) => ({ nodes, untilMs: UNTIL_MS, maxActions: 16, maxDropRate: 0.3, writes: true });
  return fc.oneof(
    { weight: 4, arbitrary: scenarioArb(shape(5), { algorithm: 'raft', options }) },
    { weight: 1, arbitrary: scenarioArb(shape(3), { algorithm: 'raft', options }) },
  );
}

function violationsOf(sc: Scenario): string[] {
  return runChecked(sc, UNTIL_MS, false).violations.map((v) => `${v.t} ${v.invariant}: ${v.detail}`);
}

describe('Raft safety under random faults (R-S1…R-S10 after every step)', () => {
  it.each(optionSets)('holds with preVote=$preVote checkQuorum=$checkQuorum', (options) => {
    fc.assert(
      fc.property(arb(options), (sc) => {
        expect(violationsOf(sc)).toEqual([]);
      }),
      { numRuns: RUNS_PER_OPTION_SET },
    );
  });
});

/** Schedules that once failed (shrunk by fast-check), kept as named tests. */
const REGRESSIONS: { name: string; scenario: Scenario }[] = [];

describe('Raft fuzz regressions', () => {
  it('has its regression list (empty until a schedule fails)', () => {
    expect(Array.isArray(REGRESSIONS)).toBe(true);
  });
  for (const r of REGRESSIONS) {
    it(r.name, () => {
      expect(violationsOf(r.scenario)).toEqual([]);
    });
  }
});
