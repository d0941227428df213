/**
 * Multi-Paxos leader election as practised: one Phase 1 for the whole log suffix elects a distinguished
 * proposer (the leader), which then runs only Phase 2 per client write and keeps its lease with Heartbeats.
 * Every node is proposer, acceptor and learner. Rule ids P1–P11 refer to README.md in this folder; the safety
 * checks P-S1–P-S4 are ../../invariants/paxos.ts.
 *
 * Choices the papers leave open, and what this file does:
 * - P2: a proposer retries Phase 1 when its randomized leader timer expires (the same draw as a follower's
 *   lease timer, so retries of two proposers do not stay in step); there is no separate Phase 1 timeout.
 * - P3: an acceptor that promises a new ballot forgets the leader it followed (that leader can no longer get
 *   its Accepts) and restarts its leader timer, as Raft's R2b does on a granted vote, so that it gives the
 *   proposer time to finish instead of starting a duel.
 * - P10: a proposer or leader is pre-empted when it learns of a higher ballot from a Nack or from a Prepare it
 *   promises itself ([PMMC] "preempted"). It steps down; with back-off it waits a random [0, backoffMaxMs)
 *   on its leader timer (a Heartbeat of the winner meanwhile makes it a follower with a fresh lease), without
 *   back-off it starts Phase 1 again at once. A higher ballot seen in a Heartbeat or an Accept means somebody
 *   already leads: the node follows it and does not fight.
 * - P8: learning needs the chosen value, which a follower has when it accepted the slot in the leader's
 *   ballot. A follower that cannot learn a slot up to the leader's commit point (it was down, or accepted
 *   the slot in an older ballot) answers that Heartbeat with `CatchUp {ballot, from}`; the leader sends the
 *   chosen values again as Accepts of its ballot (safe: for a chosen slot the leader proposes the chosen
 *   value). An up-to-date follower never answers a Heartbeat, so the steady state costs N−1 messages.
 * - Accepts are one slot each (no batching), so a write costs exactly 2(N−1) messages (README "Message
 *   counts"); an Accept also carries the leader's commit point so a follower learns as soon as it can.
 */
import type { Algorithm, Ctx, Envelope, NodeEnv } from '../../core/algorithm';
import type { NodeId, NodeView, WriteValue } from '../../core/types';
import { paxosChecker, type PaxosCheckerMemory } from '../../invariants/paxos';
import { ballot, ballotText, cmpBallot, EMPTY_ACCEPTED, NO_BALLOT, sameBallot, withSlot, type AcceptedLog, type Ballot } from './ballot';
import { defaultPaxosOptions, paxosOptionsSchema, type PaxosOptions } from './options';

export type { AcceptedLog, AcceptedSlot, Ballot } from './ballot';

export type PaxosRole = 'follower' | 'proposer' | 'leader';

export interface PaxosState {
  id: NodeId;
  // --- persistent: survive a crash (the acceptor's stable storage) ---
  /** The highest ballot this acceptor promised (P3; also raised by P7 and P9). */
  promised: Ballot;
  /** What it accepted, per slot (P7). Frozen, replaced on every change. */
  accepted: AcceptedLog;
  // --- volatile ---
  role: PaxosRole;
  /** The leader this node follows (or itself); null while it knows of none. */
  leaderId: NodeId | null;
  /** The ballot of this node's own Phase 1 or leadership; NO_BALLOT for a follower. */
  ballot: Ballot;
  /** P1: the highest round seen (promised, or carried by a Nack). */
  maxRound: number;
  /** P8: the chosen values learned, slots 1..length in order. Frozen, replaced. */
  learned: readonly (WriteValue | null)[];
  /** Proposer: the first slot its Phase 1 covers (its first slot not known chosen, P2). */
  from: number;
  /** Proposer and leader: who promised its ballot, itself included (kept while leading, for the P-S4 check). */
  promises: NodeId[];
  /** Proposer: per slot ≥ from, the highest-ballot accepted value the Promises reported, as [round, node, value] (P6). */
  reported: Record<number, [number, NodeId, WriteValue | null]>;
  /** Leader: per slot above its commit point, who accepted it in this ballot, itself included (P8). */
  acks: Record<number, NodeId[]>;
  /** Leader: when it last sent each unchosen slot's Accepts (P8's resend waits two heartbeats: no resend without loss). */
  sentAt: Record<number, number>;
  /** Leader: the next free slot (P11). */
  nextSlot: number;
}

export type PrepareFields = { ballot: Ballot; from: number };
/** `accepted` lists [slot, round, node, value] for every slot ≥ the Prepare's `from` this acceptor accepted. */
export type PromiseFields = { ballot: Ballot; accepted: [number, number, NodeId, WriteValue | null][] };
/** `ballot` is the refused one, `promised` the higher ballot the acceptor promised instead. */
export type NackFields = { ballot: Ballot; promised: Ballot };
export type AcceptFields = { ballot: Ballot; slot: number; value: WriteValue | null; commit: number };
export type AcceptedFields = { ballot: Ballot; slot: number };
export type HeartbeatFields = { ballot: Ballot; commit: number };
export type CatchUpFields = { ballot: Ballot; from: number };

export const PAXOS_KINDS = ['Prepare', 'Promise', 'Nack', 'Accept', 'Accepted', 'Heartbeat', 'CatchUp'] as const;

export const TIMER_LEADER = 'leader';
export const TIMER_HEARTBEAT = 'heartbeat';

/** At most this many chosen slots one CatchUp is answered with (the rest on the next one). */
export const MAX_CATCH_UP = 32;

type PaxosCtx = Ctx<PaxosOptions>;

function quorum(count: number, voters: readonly NodeId[]): boolean {
  return count > voters.length / 2;
}

function commitOf(s: PaxosState): number {
  return s.learned.length;
}

/** P9: a fresh random lease in [min, max) at every restart. */
function restartLeaderTimer(ctx: PaxosCtx): void {
  ctx.setTimer(TIMER_LEADER, ctx.randomBetween(ctx.options.leaderTimeoutMsMin, ctx.options.leaderTimeoutMsMax));
}

function sendToPeers(s: PaxosState, ctx: PaxosCtx, kind: string, fields: () => object): void {
  for (const p of ctx.voters) if (p !== s.id) ctx.send(p, kind, fields() as Record<string, unknown>);
}

function clearCampaign(s: PaxosState): void {
  s.ballot = NO_BALLOT;
  s.promises = [];
  s.reported = {};
  s.acks = {};
  s.sentAt = {};
  s.from = 0;
  s.nextSlot = 0;
}

/** Back to follower: no ballot of its own, no heartbeats. */
function stepDown(s: PaxosState, ctx: PaxosCtx): void {
  if (s.role === 'leader') ctx.cancelTimer(TIMER_HEARTBEAT);
  s.role = 'follower';
  clearCampaign(s);
}

/** P3/P7/P9: raise the promise (persistent); the round counts for P1. */
function promise(s: PaxosState, b: Ballot): void {
  if (cmpBallot(b, s.promised) > 0) s.promised = b;
  if (b[0] > s.maxRound) s.maxRound = b[0];
}

/** Records one reported acceptance, keeping the highest ballot per slot (P6). */
function report(s: PaxosState, slot: number, round: number, node: NodeId, value: WriteValue | null): void {
  const had = s.reported[slot];
  if (had === undefined || cmpBallot([round, node], [had[0], had[1]]) > 0) s.reported[slot] = [round, node, value];
}

/** P1 + P2: a ballot above everything seen, promised to itself, and a Prepare for the whole suffix. */
function startPhase1(s: PaxosState, ctx: PaxosCtx): void {
  if (s.role === 'leader') ctx.cancelTimer(TIMER_HEARTBEAT);
  const round = Math.max(s.maxRound, s.promised[0]) + 1;
  const b = ballot(round, s.id);
  clearCampaign(s);
  s.role = 'proposer';
  s.leaderId = null;
  s.ballot = b;
  promise(s, b);
  s.from = commitOf(s) + 1;
  s.promises = [s.id];
  // The proposer is an acceptor too: its own accepted values count as its Promise (P6).
  for (let k = s.from; k <= s.accepted.length; k++) {
    const a = s.accepted[k - 1];
    if (a) report(s, k, a.ballot[0], a.ballot[1], a.value);
  }
  restartLeaderTimer(ctx); // P2: no quorum before it fires → again with a higher ballot
  const from = s.from;
  sendToPeers(s, ctx, 'Prepare', (): PrepareFields => ({ ballot: b, from }));
  if (quorum(s.promises.length, ctx.voters)) becomeLeader(s, ctx); // a one-node cluster
}

/** P10: a higher ballot exists; step down, then back off (or, with back-off off, try again at once). */
function preempted(s: PaxosState, ctx: PaxosCtx): void {
  stepDown(s, ctx);
  s.leaderId = null;
  if (ctx.options.backoff) ctx.setTimer(TIMER_LEADER, ctx.randomBetween(0, ctx.options.backoffMaxMs));
  else startPhase1(s, ctx);
}

/** P5 + P6: a quorum promised; re-propose what the Promises reported (highest ballot per slot), fill gaps with no-ops. */
function becomeLeader(s: PaxosState, ctx: PaxosCtx): void {
  s.role = 'leader';
  s.leaderId = s.id;
  ctx.cancelTimer(TIMER_LEADER);
  let last = s.from - 1;
  // The teaching switch skips P6: the new leader starts at `from` as if nothing had been accepted there.
  if (ctx.options.ignorePromisedValues !== true) for (const k in s.reported) last = Math.max(last, Number(k));
  const b = s.ballot;
  const commit = commitOf(s);
  sendToPeers(s, ctx, 'Heartbeat', (): HeartbeatFields => ({ ballot: b, commit })); // P5: announce at once
  for (let slot = s.from; slot <= last; slot++) {
    const r = s.reported[slot];
    propose(s, slot, r === undefined ? null : r[2], ctx); // P6: a gap gets a no-op
  }
  s.reported = {};
  s.nextSlot = last + 1;
  ctx.setTimer(TIMER_HEARTBEAT, ctx.options.heartbeatMs);
}

/** P7: the leader accepts its own proposal and sends Accept to every other node. */
function propose(s: PaxosState, slot: number, value: WriteValue | null, ctx: PaxosCtx): void {
  const b = s.ballot;
  s.accepted = withSlot(s.accepted, slot, Object.freeze({ ballot: b, value }));
  s.acks[slot] = [s.id];
  s.sentAt[slot] = ctx.now;
  const commit = commitOf(s);
  sendToPeers(s, ctx, 'Accept', (): AcceptFields => ({ ballot: b, slot, value, commit }));
  advanceCommit(s, ctx); // a one-node cluster
}

/** P8: commit, in slot order, every slot a quorum accepted in this ballot. */
function advanceCommit(s: PaxosState, ctx: PaxosCtx): void {
  let learned: (WriteValue | null)[] | null = null;
  for (let k = commitOf(s) + 1; ; k++) {
    const acks = s.acks[k];
    if (acks === undefined || !quorum(acks.length, ctx.voters)) break;
    const value = (s.accepted[k - 1] as NonNullable<AcceptedLog[number]>).value;
    (learned ??= s.learned.slice()).push(value);
    delete s.acks[k];
    delete s.sentAt[k];
    ctx.commit(k, value);
  }
  if (learned) s.learned = Object.freeze(learned);
}

/** P8 (follower): learn every slot up to `commit` accepted in the leader's ballot; the first it cannot, or 0. */
function learnUpTo(s: PaxosState, b: Ballot, commit: number, ctx: PaxosCtx): number {
  let learned: (WriteValue | null)[] | null = null;
  let k = commitOf(s) + 1;
  for (; k <= commit; k++) {
    const a = s.accepted[k - 1];
    if (!a || !sameBallot(a.ballot, b)) break;
    (learned ??= s.learned.slice()).push(a.value);
    ctx.commit(k, a.value);
  }
  if (learned) s.learned = Object.freeze(learned);
  return k <= commit ? k : 0;
}

/** P4: refuse a message of a ballot below the promise, naming the promise. */
function nack(s: PaxosState, to: NodeId, refused: Ballot, ctx: PaxosCtx): void {
  const f: NackFields = { ballot: refused, promised: s.promised };
  ctx.send(to, 'Nack', f as unknown as Record<string, unknown>);
}

/** P7/P9: a Heartbeat or Accept with ballot ≥ promised: follow its sender (no fight: it already leads). */
function follow(s: PaxosState, b: Ballot, leader: NodeId, ctx: PaxosCtx): void {
  promise(s, b);
  if (s.role !== 'follower') stepDown(s, ctx);
  s.leaderId = leader;
  restartLeaderTimer(ctx);
}

/** P3 (and P4). */
function onPrepare(s: PaxosState, msg: Envelope, ctx: PaxosCtx): void {
  const m = msg.fields as unknown as PrepareFields;
  if (cmpBallot(m.ballot, s.promised) < 0) return nack(s, msg.from, m.ballot, ctx);
  promise(s, m.ballot);
  const accepted: PromiseFields['accepted'] = [];
  for (let k = Math.max(1, m.from); k <= s.accepted.length; k++) {
    const a = s.accepted[k - 1];
    if (a) accepted.push([k, a.ballot[0], a.ballot[1], a.value]);
  }
  const reply: PromiseFields = { ballot: m.ballot, accepted };
  ctx.send(msg.from, 'Promise', reply as unknown as Record<string, unknown>);
  if (s.role !== 'follower' && cmpBallot(s.ballot, m.ballot) < 0) return preempted(s, ctx); // P10
  s.leaderId = null; // its old leader's ballot is now below the promise (header, P3)
  restartLeaderTimer(ctx);
}

/** P5: count Promises for the current ballot. */
function onPromise(s: PaxosState, msg: Envelope, ctx: PaxosCtx): void {
  const m = msg.fields as unknown as PromiseFields;
  if (s.role !== 'proposer' || !sameBallot(m.ballot, s.ballot) || s.promises.includes(msg.from)) return;
  s.promises.push(msg.from);
  for (const [slot, round, node, value] of m.accepted) if (slot >= s.from) report(s, slot, round, node, value);
  if (quorum(s.promises.length, ctx.voters)) becomeLeader(s, ctx);
}

/** P10. */
function onNack(s: PaxosState, msg: Envelope, ctx: PaxosCtx): void {
  const m = msg.fields as unknown as NackFields;
  if (m.promised[0] > s.maxRound) s.maxRound = m.promised[0]; // P1: the Nack's round counts
  if (s.role === 'follower' || !sameBallot(m.ballot, s.ballot) || cmpBallot(m.promised, s.ballot) <= 0) return;
  preempted(s, ctx);
}

/** P7 (acceptor) and P8 (learning from the Accept's commit point). */
function onAccept(s: PaxosState, msg: Envelope, ctx: PaxosCtx): void {
  const m = msg.fields as unknown as AcceptFields;
  if (cmpBallot(m.ballot, s.promised) < 0) return nack(s, msg.from, m.ballot, ctx);
  follow(s, m.ballot, msg.from, ctx);
  s.accepted = withSlot(s.accepted, m.slot, Object.freeze({ ballot: m.ballot, value: m.value }));
  const reply: AcceptedFields = { ballot: m.ballot, slot: m.slot };
  ctx.send(msg.from, 'Accepted', reply as unknown as Record<string, unknown>);
  learnUpTo(s, m.ballot, m.commit, ctx);
}

/** P8 (leader). */
function onAccepted(s: PaxosState, msg: Envelope, ctx: PaxosCtx): void {
  const m = msg.fields as unknown as AcceptedFields;
  if (s.role !== 'leader' || !sameBallot(m.ballot, s.ballot)) return;
  const acks = s.acks[m.slot];
  if (acks === undefined || acks.includes(msg.from)) return; // already committed, or a repeat
  acks.push(msg.from);
  advanceCommit(s, ctx);
}

/** P9 (and P8: the commit point). */
function onHeartbeat(s: PaxosState, msg: Envelope, ctx: PaxosCtx): void {
  const m = msg.fields as unknown as HeartbeatFields;
  if (cmpBallot(m.ballot, s.promised) < 0) return nack(s, msg.from, m.ballot, ctx); // tells a deposed leader
  follow(s, m.ballot, msg.from, ctx);
  const gap = learnUpTo(s, m.ballot, m.commit, ctx);
  if (gap > 0) {
    const f: CatchUpFields = { ballot: m.ballot, from: gap };
    ctx.send(msg.from, 'CatchUp', f as unknown as Record<string, unknown>);
  }
}

/** P8 catch-up (header): the chosen values again, as Accepts of the leader's ballot. */
function onCatchUp(s: PaxosState, msg: Envelope, ctx: PaxosCtx): void {
  const m = msg.fields as unknown as CatchUpFields;
  if (s.role !== 'leader' || !sameBallot(m.ballot, s.ballot)) return;
  const commit = commitOf(s);
  for (let k = m.from; k <= commit && k < m.from + MAX_CATCH_UP; k++) {
    const f: AcceptFields = { ballot: s.ballot, slot: k, value: s.learned[k - 1], commit };
    ctx.send(msg.from, 'Accept', f as unknown as Record<string, unknown>);
  }
}

/** P9 + P8: Heartbeats, and the Accepts of unchosen slots again to whoever has not acknowledged them (loss). */
function heartbeat(s: PaxosState, ctx: PaxosCtx): void {
  const b = s.ballot;
  const commit = commitOf(s);
  sendToPeers(s, ctx, 'Heartbeat', (): HeartbeatFields => ({ ballot: b, commit }));
  for (let slot = commit + 1; slot < s.nextSlot; slot++) {
    const acks = s.acks[slot];
    // Only Accepts unanswered for two heartbeats: a round trip fits in that (the timing verdict's rule), so
    // without loss nothing is resent and a write costs exactly 2(N−1) messages.
    if (acks === undefined || ctx.now - (s.sentAt[slot] ?? 0) < 2 * ctx.options.heartbeatMs) continue;
    s.sentAt[slot] = ctx.now;
    const value = (s.accepted[slot - 1] as NonNullable<AcceptedLog[number]>).value;
    for (const p of ctx.voters) {
      if (p === s.id || acks.includes(p)) continue;
      const f: AcceptFields = { ballot: b, slot, value, commit };
      ctx.send(p, 'Accept', f as unknown as Record<string, unknown>);
    }
  }
  ctx.setTimer(TIMER_HEARTBEAT, ctx.options.heartbeatMs);
}

function freshState(id: NodeId, promised: Ballot, accepted: AcceptedLog): PaxosState {
  return {
    id,
    promised,
    accepted,
    role: 'follower',
    leaderId: null,
    ballot: NO_BALLOT,
    maxRound: promised[0],
    learned: EMPTY_LEARNED,
    from: 0,
    promises: [],
    reported: {},
    acks: {},
    sentAt: {},
    nextSlot: 0,
  };
}

const EMPTY_LEARNED: readonly (WriteValue | null)[] = Object.freeze([]);

export const paxos: Algorithm<PaxosState, PaxosOptions, PaxosCheckerMemory> = {
  name: 'paxos',
  messageKinds: PAXOS_KINDS,
  defaultOptions: defaultPaxosOptions,
  optionsSchema: paxosOptionsSchema,
  supportsObservers: false,
  leaderRule: 'quorum',

  create(id: NodeId, _env: NodeEnv<PaxosOptions>): PaxosState {
    return freshState(id, NO_BALLOT, EMPTY_ACCEPTED);
  },

  // P9: every node starts as a follower with a random lease timer; only its expiry starts Phase 1.
  boot(s, ctx) {
    s.role = 'follower';
    restartLeaderTimer(ctx);
  },

  // The acceptor's promise and accepted values survive (stable storage, [PML] §4); what it learned is re-learned.
  crash(s) {
    return freshState(s.id, s.promised, s.accepted);
  },

  onMessage(s, msg, ctx) {
    switch (msg.kind) {
      case 'Prepare':
        return onPrepare(s, msg, ctx);
      case 'Promise':
        return onPromise(s, msg, ctx);
      case 'Nack':
        return onNack(s, msg, ctx);
      case 'Accept':
        return onAccept(s, msg, ctx);
      case 'Accepted':
        return onAccepted(s, msg, ctx);
      case 'Heartbeat':
        return onHeartbeat(s, msg, ctx);
      case 'CatchUp':
        return onCatchUp(s, msg, ctx);
    }
  },

  onTimer(s, name, ctx) {
    switch (name) {
      case TIMER_LEADER: // P9 lease expired, P2 retry, or P10 back-off over
        if (s.role !== 'leader') startPhase1(s, ctx);
        return;
      case TIMER_HEARTBEAT:
        if (s.role === 'leader') heartbeat(s, ctx);
        return;
    }
  },

  // P11: the leader proposes the write in its next free slot; anyone else refuses, naming the leader it knows.
  onWrite(s, value: WriteValue, ctx) {
    if (s.role !== 'leader') {
      ctx.writeResult(false, 'not leader', s.leaderId);
      return;
    }
    const slot = s.nextSlot++;
    propose(s, slot, value, ctx);
    ctx.writeResult(true);
  },

  view(s): NodeView {
    return {
      role: s.role,
      leader: s.leaderId,
      round: s.promised[0],
      ballot: ballotText(s.promised),
      commit: s.learned.length,
      lastSlot: s.accepted.length,
    };
  },

  viewUnchanged(s, v) {
    return (
      v.role === s.role &&
      v.leader === s.leaderId &&
      v.commit === s.learned.length &&
      v.round === s.promised[0] &&
      v.lastSlot === s.accepted.length &&
      v.ballot === ballotText(s.promised)
    );
  },

  claimsLeadership(view) {
    return view.role === 'leader';
  },

  checker: paxosChecker,
};
