/**
 * P-S1…P-S4 after every step over random fault schedules (crash, revive, crashLeader, partitions, cuts, loss up
 * to 30 %, latency changes, client writes), with back-off on and off. fast-check shrinks a failing schedule;
 * every schedule that ever failed is kept below as a named regression test.
 *
 * Default size: 2 × 1,000 = 2,000 schedules of 4 s virtual time each. FUZZ_RUNS=N runs N in all.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../core/types';
import { fuzzRuns, scenarioArb } from '../../testing/schedules';
import { runChecked } from './test-helpers';

const UNTIL_MS = 4000;
const RUNS_PER_OPTION_SET = Math.ceil(fuzzRuns(2000) / 2);

const optionSets = [{ backoff: true }, { backoff: false }];

export function paxosScheduleArb(options: Record<string, unknown>): fc.Arbitrary<Scenario> {
  const shape = (nodes: number) => ({ nodes, untilMs: UNTIL_MS, maxActions: 16, maxDropRate: 0.3, writes: true });
  return fc.oneof(
    { weight: 4, arbitrary: scenarioArb(shape(5), { algorithm: 'paxos', options }) },
    { weight: 1, arbitrary: scenarioArb(shape(3), { algorithm: 'paxos', options }) },
  );
}

function violationsOf(sc: Scenario): string[] {
  return runChecked(sc, UNTIL_MS, false).violations.map((v) => `${v.t} ${v.invariant}: ${v.detail}`);
}

describe('Multi-Paxos safety under random faults (P-S1…P-S4 after every step)', () => {
  it.each(optionSets)('holds with backoff=$backoff', (options) => {
    fc.assert(
      fc.property(paxosScheduleArb(options), (sc) => {
        expect(violationsOf(sc)).toEqual([]);
      }),
      { numRuns: RUNS_PER_OPTION_SET },
    );
  }, 120_000);
});

/** Schedules that once failed (shrunk by fast-check), kept as named tests. */
const REGRESSIONS: { name: string; scenario: Scenario }[] = [];

describe('Multi-Paxos fuzz regressions', () => {
  it('has its regression list (empty until a schedule fails)', () => {
    expect(Array.isArray(REGRESSIONS)).toBe(true);
  });
  for (const r of REGRESSIONS) {
    it(r.name, () => {
      expect(violationsOf(r.scenario)).toEqual([]);
    });
  }
});
