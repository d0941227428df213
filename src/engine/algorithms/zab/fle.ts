/**
 * ZooKeeper's Fast Leader Election (protocols.md §2.4, Z1–Z3, Z9), after [FLE] FastLeaderElection.java.
 *
 * The Java main loop polls a queue; here every queued notification runs the loop body at once:
 * - the poll timeout (Z3a) is the timer 'notify'. Each `recvqueue.poll(notTimeout)` starts a fresh wait, so
 *   the timer restarts after every notification the loop takes; its length (notTimeout) doubles only on an
 *   empty poll and is never reset to 200 ms within one election;
 * - the finalizeWait loop (Z3c.6) is the timer 'finalize', restarted by every notification that does not
 *   beat the proposal (that notification is discarded, as in the Java loop); a better one ends the wait and
 *   is processed;
 * - a notification to oneself is loop-back, not a network message: it is queued locally and processed right
 *   after the notification being handled (so, as in ZooKeeper, it can arrive during finalizeWait and be
 *   discarded there).
 */
import type { Ctx, Envelope } from '../../core/algorithm';
import type { NodeId } from '../../core/types';
import type { ZabOptions } from './options';
import { startZab } from './peer';
import { NO_VOTE, cmpVote, copyZxid, lastZxid, type PeerState, type TallyVote, type Vote, type ZabState, type Zxid } from './types';

export type ZabCtx = Ctx<ZabOptions>;

/** A notification as the receiver sees it ([FLE] Notification). */
interface Notification extends TallyVote {
  sid: NodeId;
}

export function isVoter(ctx: ZabCtx, id: NodeId): boolean {
  return id >= 1 && id <= ctx.voters.length;
}

export function peerState(s: ZabState): PeerState {
  switch (s.role) {
    case 'looking':
      return 'LOOKING';
    case 'following':
      return 'FOLLOWING';
    case 'leading':
      return 'LEADING';
    case 'observing':
      return 'OBSERVING';
  }
}

/** [FLE] getInitId / getInitLastLoggedZxid / getPeerEpoch: a voter's own vote; an observer's MIN vote (Z9). */
export function initVote(s: ZabState): Vote {
  if (s.observer) return { leader: NO_VOTE.leader, zxid: copyZxid(NO_VOTE.zxid), peerEpoch: NO_VOTE.peerEpoch };
  return { leader: s.id, zxid: lastZxid(s), peerEpoch: s.currentEpoch };
}

/** [FLE] totalOrderPredicate: `n` beats `cur` iff n names a voter and is greater on (peerEpoch, zxid, sid). */
function beats(ctx: ZabCtx, n: Vote, cur: Vote): boolean {
  if (!isVoter(ctx, n.leader)) return false; // weight(newId) = 0: observers never win (Z9)
  return cmpVote(n, cur) > 0;
}

/**
 * A tallied vote or a decision is never changed once stored (a newer one replaces it), so it is frozen:
 * checkpoints share frozen data instead of copying it (core/clone.ts), and the tallies are most of a node's state.
 */
function frozen<T extends { zxid: Zxid }>(v: T): T {
  Object.freeze(v.zxid);
  return Object.freeze(v);
}

/** [ZK] Vote.equals: full comparison if either side is LOOKING, else only (leader, peerEpoch) (ZOOKEEPER-1805). */
function sameVote(a: TallyVote, b: TallyVote): boolean {
  if (a.state === 'LOOKING' || b.state === 'LOOKING') {
    return a.leader === b.leader && a.zxid[0] === b.zxid[0] && a.zxid[1] === b.zxid[1] && a.electionEpoch === b.electionEpoch && a.peerEpoch === b.peerEpoch;
  }
  return a.leader === b.leader && a.peerEpoch === b.peerEpoch;
}

/** [FLE] getVoteTracker + QuorumMaj.containsQuorum: the voters whose tallied vote equals `target`. */
function agreeing(ctx: ZabCtx, votes: Record<string, TallyVote>, target: TallyVote): NodeId[] {
  const out: NodeId[] = [];
  // By voter id, ascending (the order of the tally's integer keys); this runs on every notification.
  for (const sid of ctx.voters) {
    const v = votes[sid];
    if (v !== undefined && sameVote(v, target)) out.push(sid);
  }
  return out;
}

export function isQuorum(ctx: ZabCtx, ids: readonly NodeId[]): boolean {
  let n = 0;
  for (const id of ids) if (isVoter(ctx, id)) n++;
  return n > ctx.voters.length / 2;
}

function notificationFields(state: PeerState, v: Vote, electionEpoch: number): Record<string, unknown> {
  return { state, leader: v.leader, zxid: copyZxid(v.zxid), electionEpoch, peerEpoch: v.peerEpoch };
}

/**
 * [FLE] sendNotifications: our proposal, round and LOOKING to every voter. The copy to ourselves is
 * loop-back, pushed on `loop` for the caller to process (an observer is no voter and sends itself nothing).
 */
function sendNotifications(s: ZabState, ctx: ZabCtx, loop: Notification[]): void {
  for (const v of ctx.voters) {
    if (v === s.id) {
      loop.push({ sid: s.id, state: 'LOOKING', leader: s.proposal.leader, zxid: copyZxid(s.proposal.zxid), electionEpoch: s.logicalclock, peerEpoch: s.proposal.peerEpoch });
    } else {
      ctx.send(v, 'Notification', notificationFields('LOOKING', s.proposal, s.logicalclock));
    }
  }
}

/**
 * Clears every timer and the Zab state of a node that stops leading or following, and closes its connections
 * (the stream transport carries the Close in order after what was sent before, so the peer sees it one
 * message delay later): a leader closes every learner's socket ([ZK] Leader.shutdown → LearnerHandler.shutdown),
 * a learner its socket to the leader ([ZK] Learner.shutdown). `peerClosed`: the peer closed or reset it first.
 */
function leaveZab(s: ZabState, ctx: ZabCtx, peerClosed: boolean): void {
  ctx.cancelTimer('tick');
  ctx.cancelTimer('initLimit');
  ctx.cancelTimer('leaderTimeout');
  ctx.cancelTimer('connect');
  if (s.lead) {
    for (const key of Object.keys(s.lead.learners).sort((a, b) => Number(a) - Number(b))) {
      const h = s.lead.learners[key];
      ctx.close(h.sid, h.conn.id);
    }
  }
  if (s.conn && !peerClosed) ctx.close(s.conn.peer, s.conn.id);
  s.lead = null;
  s.conn = null;
  s.connectTries = 0;
  s.commitTarget = s.committed;
}

/**
 * The peer goes LOOKING (Z7, Z8 and every Zab error): a voter runs Z1 at once; an observer first waits a
 * random [0, observerElectionDelayMs) ([ZK] QuorumPeer.run case OBSERVING, Observer.waitForObserverElectionDelay).
 * `peerClosed`: a learner whose leader closed or reset the connection does not close it again.
 */
export function goLooking(s: ZabState, ctx: ZabCtx, reason: string, peerClosed = false): void {
  void reason;
  const wasObserving = s.role === 'observing';
  leaveZab(s, ctx, peerClosed);
  s.role = 'looking';
  s.phase = 'election';
  s.leader = null;
  if (wasObserving && ctx.options.observerElectionDelayMs > 0) {
    s.delayed = true;
    ctx.setTimer('observerDelay', ctx.randomBetween(0, ctx.options.observerElectionDelayMs));
    return;
  }
  lookForLeader(s, ctx);
}

/** Z1 – lookForLeader(): a new round with our own vote, sent to every voter. */
export function lookForLeader(s: ZabState, ctx: ZabCtx): void {
  s.delayed = false;
  s.role = 'looking';
  s.phase = 'election';
  s.leader = null;
  s.logicalclock += 1;
  s.proposal = initVote(s);
  s.recvset = {};
  s.outofelection = {};
  s.notTimeoutMs = ctx.options.finalizeWaitMs; // minNotificationInterval = finalizeWait
  s.finalizing = false;
  s.finalizeQuorum = [];
  ctx.cancelTimer('finalize');
  const loop: Notification[] = [];
  sendNotifications(s, ctx, loop);
  runLoop(s, ctx, loop);
}

/** Z3a – the poll timed out: re-broadcast and double the timeout (200, 400, … 60 000 ms). */
export function onNotifyTimeout(s: ZabState, ctx: ZabCtx): void {
  if (s.role !== 'looking' || s.delayed || s.finalizing) return;
  const loop: Notification[] = [];
  sendNotifications(s, ctx, loop);
  s.notTimeoutMs = Math.min(s.notTimeoutMs * 2, ctx.options.maxNotificationIntervalMs);
  runLoop(s, ctx, loop);
}

/** Z3c.6 – finalizeWait passed with nothing better: decide. */
export function onFinalizeTimeout(s: ZabState, ctx: ZabCtx): void {
  if (s.role !== 'looking' || !s.finalizing) return;
  s.finalizing = false;
  decide(s, ctx, s.proposal.leader, { ...s.proposal, zxid: copyZxid(s.proposal.zxid), electionEpoch: s.logicalclock }, 'Z3c', s.finalizeQuorum);
}

/** Processes queued notifications (the main loop), then re-arms the poll timeout. */
function runLoop(s: ZabState, ctx: ZabCtx, loop: Notification[]): void {
  while (loop.length > 0 && s.role === 'looking') {
    const n = loop.shift() as Notification;
    handleQueued(s, n, ctx, loop);
  }
  if (s.role === 'looking' && !s.finalizing) ctx.setTimer('notify', s.notTimeoutMs);
}

/** Z2 – WorkerReceiver: what every node does with a notification, in any state. */
export function onNotification(s: ZabState, msg: Envelope, ctx: ZabCtx): void {
  const f = msg.fields;
  const n: Notification = {
    sid: msg.from,
    state: f.state as PeerState,
    leader: f.leader as NodeId,
    zxid: copyZxid(f.zxid as Zxid),
    electionEpoch: f.electionEpoch as number,
    peerEpoch: f.peerEpoch as number,
  };
  // Z2a: from a non-voter (an observer): answer at once with our settled vote; never queued, never tallied.
  if (!isVoter(ctx, n.sid)) {
    ctx.send(n.sid, 'Notification', notificationFields(peerState(s), s.currentVote, s.logicalclock));
    return;
  }
  if (s.role === 'looking') {
    // An observer waiting out its election delay has no election running yet: the notification is dropped.
    if (s.delayed) return;
    // Z2b: a LOOKING sender in an older round gets our proposal so that it catches up.
    if (n.state === 'LOOKING' && n.electionEpoch < s.logicalclock) {
      ctx.send(n.sid, 'Notification', notificationFields('LOOKING', s.proposal, s.logicalclock));
    }
    runLoop(s, ctx, [n]);
    return;
  }
  // Z2c: we have settled; a LOOKING sender learns our vote, its round and our state. Z2d: else ignore.
  if (n.state === 'LOOKING') {
    ctx.send(n.sid, 'Notification', notificationFields(peerState(s), s.currentVote, s.currentVote.electionEpoch));
  }
}

/** Z3 – one iteration of lookForLeader's loop with a polled notification `n`. */
function handleQueued(s: ZabState, n: Notification, ctx: ZabCtx, loop: Notification[]): void {
  if (s.finalizing) {
    // Z3c.6: inside the finalizeWait loop. A better vote goes back to the main loop; anything else is discarded
    // and the 200 ms wait starts again.
    if (!beats(ctx, n, s.proposal)) {
      ctx.setTimer('finalize', ctx.options.finalizeWaitMs);
      return;
    }
    s.finalizing = false;
    s.finalizeQuorum = [];
    ctx.cancelTimer('finalize');
  }
  // Z3b: only votes from voters for voters.
  if (!isVoter(ctx, n.sid) || !isVoter(ctx, n.leader)) return;
  switch (n.state) {
    case 'LOOKING':
      return handleLooking(s, n, ctx, loop);
    case 'OBSERVING':
      return; // Z3d
    case 'FOLLOWING':
    case 'LEADING':
      return handleSettled(s, n, ctx);
  }
}

/** Z3c – a LOOKING notification. */
function handleLooking(s: ZabState, n: Notification, ctx: ZabCtx, loop: Notification[]): void {
  if (n.electionEpoch > s.logicalclock) {
    // Z3c.2: a higher round: join it; adopt n's vote only if it beats our *initial* vote; always re-broadcast.
    s.logicalclock = n.electionEpoch;
    s.recvset = {};
    s.proposal = beats(ctx, n, initVote(s)) ? { leader: n.leader, zxid: copyZxid(n.zxid), peerEpoch: n.peerEpoch } : initVote(s);
    sendNotifications(s, ctx, loop);
  } else if (n.electionEpoch < s.logicalclock) {
    return; // Z3c.3: an older round is dropped (Z2b already answered it)
  } else if (beats(ctx, n, s.proposal)) {
    // Z3c.4: same round, better vote: adopt it and tell everyone.
    s.proposal = { leader: n.leader, zxid: copyZxid(n.zxid), peerEpoch: n.peerEpoch };
    sendNotifications(s, ctx, loop);
  }
  // Z3c.5: tally (stored as a LOOKING vote, as [FLE] does).
  s.recvset[n.sid] = frozen({ leader: n.leader, zxid: copyZxid(n.zxid), electionEpoch: n.electionEpoch, peerEpoch: n.peerEpoch, state: 'LOOKING' });
  // Z3c.6: a quorum agrees with our proposal: enter finalizeWait.
  const p = s.proposal;
  const target: TallyVote = { leader: p.leader, zxid: p.zxid, peerEpoch: p.peerEpoch, electionEpoch: s.logicalclock, state: 'LOOKING' };
  const q = agreeing(ctx, s.recvset, target);
  if (isQuorum(ctx, q)) {
    s.finalizing = true;
    s.finalizeQuorum = q;
    ctx.cancelTimer('notify');
    ctx.setTimer('finalize', ctx.options.finalizeWaitMs);
  }
}

/** Z3e – a FOLLOWING or LEADING notification: how a node joins an established ensemble. */
function handleSettled(s: ZabState, n: Notification, ctx: ZabCtx): void {
  const vote: TallyVote = { leader: n.leader, zxid: copyZxid(n.zxid), electionEpoch: n.electionEpoch, peerEpoch: n.peerEpoch, state: n.state };
  const settled = { leader: n.leader, zxid: copyZxid(n.zxid), peerEpoch: n.peerEpoch, electionEpoch: n.electionEpoch };
  if (n.electionEpoch === s.logicalclock) {
    // Z3e.1: same round: tally in recvset; decide on a quorum with checkLeader.
    s.recvset[n.sid] = frozen({ ...vote, zxid: copyZxid(vote.zxid) });
    const q = agreeing(ctx, s.recvset, vote);
    if (isQuorum(ctx, q) && checkLeader(s, s.recvset, n.leader, n.electionEpoch)) {
      decide(s, ctx, n.leader, settled, 'Z3e-recvset', q);
      return;
    }
  }
  // Z3e.2: any round: tally in outofelection; a quorum there with checkLeader lets us join, adopting its round.
  s.outofelection[n.sid] = frozen({ ...vote, zxid: copyZxid(vote.zxid) });
  const q = agreeing(ctx, s.outofelection, vote);
  if (isQuorum(ctx, q) && checkLeader(s, s.outofelection, n.leader, n.electionEpoch)) {
    s.logicalclock = n.electionEpoch; // [FLE] l.1170; this may lower the round (see invariants/zab.ts, Z-S6)
    decide(s, ctx, n.leader, settled, 'Z3e-outofelection', q);
  }
}

/**
 * Z3e.3 – checkLeader: we only follow a leader that told us itself that it is LEADING, so nobody elects a
 * crashed leader again from stale FOLLOWING replies; if we are the named leader, the round must be ours.
 */
function checkLeader(s: ZabState, votes: Record<string, TallyVote>, leader: NodeId, electionEpoch: number): boolean {
  if (leader !== s.id) {
    const v = votes[leader];
    return v !== undefined && v.state === 'LEADING';
  }
  return s.logicalclock === electionEpoch;
}

/** End of lookForLeader: LEADING if we are the leader, else FOLLOWING or OBSERVING ([FLE] setPeerState). */
function decide(s: ZabState, ctx: ZabCtx, leader: NodeId, vote: { leader: NodeId; zxid: Zxid; peerEpoch: number; electionEpoch: number }, via: 'Z3c' | 'Z3e-recvset' | 'Z3e-outofelection', quorum: NodeId[]): void {
  ctx.cancelTimer('notify');
  ctx.cancelTimer('finalize');
  s.finalizing = false;
  s.finalizeQuorum = [];
  s.currentVote = { leader: vote.leader, zxid: copyZxid(vote.zxid), peerEpoch: vote.peerEpoch, electionEpoch: vote.electionEpoch };
  s.proposal = { leader: vote.leader, zxid: copyZxid(vote.zxid), peerEpoch: vote.peerEpoch };
  const members = Object.freeze([...quorum].sort((a, b) => a - b)) as NodeId[];
  s.lastDecision = Object.freeze({ via, round: s.logicalclock, vote: frozen({ ...s.currentVote, zxid: copyZxid(s.currentVote.zxid) }), quorum: members });
  s.leader = leader;
  s.role = leader === s.id ? 'leading' : s.observer ? 'observing' : 'following';
  startZab(s, ctx);
}
