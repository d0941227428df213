/**
 * Does the ZAB checker catch anything? Its fuzz (fuzz.test.ts) has only ever passed. Each mutant below breaks
 * one ZAB rule on purpose, built by wrapping the real algorithm object (the real engine is unchanged), and a
 * directed scenario must make the named Z-S check (invariants/zab.ts, protocols.md §2.6) report it, while the
 * real engine runs the same scenario clean.
 *
 * The quorum tests of fle.ts and peer.ts count `ctx.voters`; a mutant that hands one handler a context with a
 * different voter list changes exactly that handler's notion of a quorum or of a voter, and nothing else.
 *
 * Not here: a follower that accepts a LEADERINFO with an epoch below its acceptedEpoch (Z4d). The mutant is
 * easy (lower acceptedEpoch, which Z-S6 reports), but its precondition is not: a follower must have accepted
 * an epoch proposal that the new leader's connecting quorum never heard of, and 0 of 400 random 5-node
 * schedules (scenarioArb, 20 actions) reached it; no script of crashes and partitions stages it reliably yet.
 */
import { describe, expect, it } from 'vitest';
import type { AnyAlgorithm, Ctx, Envelope } from '../../core/algorithm';
import { Simulation } from '../../core/kernel';
import type { NodeId, Scenario } from '../../core/types';
import { resolveOptions } from '../../scenario-file';
import { zabLessons } from '../../scenarios/zab';
import type { ZabOptions } from './options';
import type { ZabState } from './types';
import { zab } from './zab';

function violations(alg: AnyAlgorithm, sc: Scenario, untilMs: number): string[] {
  const found: string[] = [];
  const sim = Simulation.start({
    algorithm: alg,
    scenario: sc,
    options: resolveOptions(sc, 'zab'),
    check: true,
    sink: (e) => e.type === 'violation' && found.push(e.invariant),
  });
  sim.runUntil(untilMs);
  return found;
}

function lesson(id: string): { scenario: Scenario; untilMs: number } {
  const l = zabLessons.find((x) => x.id === id);
  if (!l) throw new Error(`no ZAB lesson ${id}`);
  return { scenario: l.scenario, untilMs: l.untilMs };
}

/** The same context, seen with another voter list (the kernel's context methods are closures, so delegation works). */
function withVoters(ctx: Ctx<ZabOptions>, voters: readonly NodeId[]): Ctx<ZabOptions> {
  return Object.create(ctx, { voters: { value: voters } }) as Ctx<ZabOptions>;
}

/** A mutant that runs the real message handler for `kinds` with the voter list `voters(ctx)`. */
function votersFor(kinds: readonly string[], voters: (ctx: Ctx<ZabOptions>) => readonly NodeId[]): AnyAlgorithm {
  return {
    ...zab,
    onMessage(s: ZabState, msg: Envelope, ctx: Ctx<ZabOptions>) {
      zab.onMessage(s, msg, kinds.includes(msg.kind) ? withVoters(ctx, voters(ctx)) : ctx);
    },
  };
}

/**
 * Vote order without the epoch: FLE compares (peerEpoch, zxid, sid); this mutant makes every peerEpoch it
 * compares 0 (its own proposal's and every incoming notification's), so only (zxid, sid) order the votes.
 */
const voteOrderIgnoresEpoch: AnyAlgorithm = {
  ...zab,
  onMessage(s: ZabState, msg: Envelope, ctx: Ctx<ZabOptions>) {
    if (msg.kind !== 'Notification') return zab.onMessage(s, msg, ctx);
    if (s.role === 'looking') s.proposal = { ...s.proposal, peerEpoch: 0 };
    zab.onMessage(s, { ...msg, fields: { ...msg.fields, peerEpoch: 0 } }, ctx);
  },
};

/**
 * Z5 without its quorum: at the first ACKEPOCH the leader counts every voter as if it had acknowledged the new
 * epoch, so it is established on one real acknowledgement.
 */
const establishesWithoutAckEpochQuorum: AnyAlgorithm = {
  ...zab,
  onMessage(s: ZabState, msg: Envelope, ctx: Ctx<ZabOptions>) {
    const lead = s.lead;
    if (msg.kind === 'AckEpoch' && lead && !lead.electionFinished) {
      for (const id of ctx.voters) if (!lead.electing.includes(id)) lead.electing.push(id);
    }
    zab.onMessage(s, msg, ctx);
  },
};

/** Z2a/Z9 broken: notifications are handled as if observers were voters, so they enter the tallies. */
const observerInTally = votersFor(['Notification'], (ctx) => [...ctx.voters, ...ctx.observers]);

/** Broadcast without its quorum: proposal ACKs are counted as if node 1 alone were the ensemble. */
const commitsWithoutAckQuorum = votersFor(['Ack'], () => [1]);

const DIRECTED: { name: string; mutant: AnyAlgorithm; scenario: Scenario; untilMs: number; caughtBy: string }[] = [
  { name: 'vote order ignores the epoch (epoch-beats-zxid)', mutant: voteOrderIgnoresEpoch, ...lesson('epoch-beats-zxid'), caughtBy: 'Z-S3' },
  { name: 'a leader is established without a quorum of ACKEPOCH (cold-start)', mutant: establishesWithoutAckEpochQuorum, ...lesson('cold-start'), caughtBy: 'Z-S5' },
  { name: 'an observer is counted in a tally (observers-no-quorum)', mutant: observerInTally, ...lesson('observers-no-quorum'), caughtBy: 'Z-S7' },
  { name: 'the leader commits without a quorum of ACKs (leader-minority)', mutant: commitsWithoutAckQuorum, scenario: lesson('leader-minority').scenario, untilMs: 10_000, caughtBy: 'Z-S9' },
];

describe('the ZAB checker catches deliberately broken engines', () => {
  it.each(DIRECTED.map((d) => [d.name, d] as const))('%s', (_name, d) => {
    expect(violations(zab, d.scenario, d.untilMs)).toEqual([]);
    expect(violations(d.mutant, d.scenario, d.untilMs)).toContain(d.caughtBy);
  });
});
