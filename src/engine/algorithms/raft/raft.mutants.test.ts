/**
 * Is the fuzz strong enough? Each mutant below breaks one Raft rule on purpose; the same random schedules
 * and checker as raft.fuzz.test.ts must catch it (fast-check finds a failing schedule).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnyAlgorithm, Ctx, Envelope } from '../../core/algorithm';
import { Simulation } from '../../core/kernel';
import type { Scenario } from '../../core/types';
import { resolveOptions } from '../../scenario-file';
import { scenarioArb } from '../../testing/schedules';
import type { RaftOptions } from './options';
import { raft, type RaftState } from './raft';

function violations(alg: AnyAlgorithm, sc: Scenario): string[] {
  const found: string[] = [];
  const sim = Simulation.start({
    algorithm: alg,
    scenario: sc,
    options: resolveOptions(sc, 'raft'),
    check: true,
    sink: (e) => e.type === 'violation' && found.push(e.invariant),
  });
  sim.runUntil(4000);
  return found;
}

/** A mutant that rewrites one incoming message kind before the real handler sees it. */
function rewriting(kind: string, f: (fields: Record<string, unknown>, s: RaftState) => Record<string, unknown>): AnyAlgorithm {
  return {
    ...raft,
    onMessage(s: RaftState, msg: Envelope, ctx: Ctx<RaftOptions>) {
      raft.onMessage(s, msg.kind === kind ? { ...msg, fields: f(msg.fields, s) } : msg, ctx);
    },
  };
}

/*
 * Three classic bugs are *not* in this list because random schedules almost never reach them (measured: none
 * of 2,000–4,000 schedules did): forgetting votedFor on a crash (needs a crash and revive inside one term,
 * between a vote and a second candidate's single RequestVote, R11), R8 without its term check (needs the
 * 5-step "Figure 8" sequence), and a follower committing past a failed consistency check (needs a divergent
 * follower log under a higher leaderCommit). The checker reports each when it happens (invariants/raft.test.ts:
 * R-S6, R-S5); a directed scenario for each is future work.
 */
const MUTANTS: { name: string; alg: AnyAlgorithm }[] = [
  {
    name: 'votes without the up-to-date-log check (R3 logOk)',
    alg: rewriting('RequestVote', (f) => ({ ...f, lastLogTerm: Number.MAX_SAFE_INTEGER })),
  },
  {
    name: 'votes again in a term it already voted in (R3 votedFor)',
    alg: rewriting('RequestVote', (f, s) => {
      if (f.term === s.currentTerm) s.votedFor = null;
      return f;
    }),
  },
  {
    name: 'truncates after prevLogIndex even when the entries match (R5d not idempotent)',
    alg: rewriting('AppendEntries', (f, s) => {
      const prev = f.prevLogIndex as number;
      if (prev <= s.log.length && (prev === 0 || s.log[prev - 1].term === f.prevLogTerm)) s.log = s.log.slice(0, prev);
      return f;
    }),
  },
];

describe('the Raft fuzz catches deliberately broken engines', () => {
  const arb = fc.tuple(
    fc.oneof(
      scenarioArb({ nodes: 5, untilMs: 4000, maxActions: 16, writes: true }, { algorithm: 'raft' }),
      scenarioArb({ nodes: 3, untilMs: 1500, maxActions: 40, writes: true }, { algorithm: 'raft' }),
    ),
    fc.record({ preVote: fc.boolean(), checkQuorum: fc.boolean() }),
  );
  it.each(MUTANTS.map((m) => [m.name, m.alg] as const))('%s', (_name, alg) => {
    const out = fc.check(
      fc.property(arb, ([sc, options]) => violations(alg, { ...sc, options }).length === 0),
      { numRuns: 2000, endOnFailure: true, seed: 1 },
    );
    expect(out.failed).toBe(true);
  });
});
