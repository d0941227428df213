/**
 * Zab after the election (protocols.md §2.4, Z4–Z7): discovery (FollowerInfo / LeaderInfo / AckEpoch),
 * synchronization (Sync / NewLeader / AckNewLeader / UpToDate), broadcast (Request / Proposal / Ack /
 * Commit / Inform) and failure detection (Ping, the leader's synced-quorum check, the learners' read
 * timeout), after [ZK] Leader.java, LearnerHandler.java, Learner.java, Follower.java and Observer.java.
 *
 * Zab runs over TCP (the kernel's stream transport, protocols.md §0.2): packets of a connection arrive in order
 * and a loss is only a delay. A connection ends at once when its peer closes it or its peer process is killed
 * (Close / Reset, handled in `onConnectionEnd`); a silent one ends at its read timeout (a power-off, a lost
 * host, a partition).
 *
 * Commit indexes: `ctx.commit(index, value)` names the 1-based position of the transaction in the node's
 * history. A new leader's whole history becomes committed when a quorum acknowledged NEWLEADER (Zab's initial
 * history of the epoch); learners commit it on UPTODATE, later transactions on COMMIT (followers) or INFORM
 * (observers).
 *
 * Uncommitted proposals across leader changes: a proposal logged by some nodes but not committed survives if
 * the next established leader has it (it is then committed as part of that leader's initial history), and is
 * removed everywhere else by Sync in TRUNC mode. Committed transactions are never truncated (checked).
 */
import { CLOSE_KIND, RESET_KIND, type Envelope, type Fields } from '../../core/algorithm';
import type { NodeId, WriteValue } from '../../core/types';
import { goLooking, isQuorum, isVoter, type ZabCtx } from './fle';
import { cmpZxid, copyZxid, lastZxid, type Conn, type LeadState, type LearnerHandler, type Txn, type ZabState, type Zxid } from './types';

const tick = (ctx: ZabCtx) => ctx.options.tickTimeMs;
const initLimitMs = (ctx: ZabCtx) => ctx.options.initLimitTicks * ctx.options.tickTimeMs;
const syncLimitMs = (ctx: ZabCtx) => ctx.options.syncLimitTicks * ctx.options.tickTimeMs;

function copyTxns(txns: readonly Txn[]): Txn[] {
  return txns.map((t) => ({ zxid: copyZxid(t.zxid), value: t.value }));
}

function newConn(peer: NodeId, id: number): Conn {
  return { peer, id, accepted: false };
}

function sendOn(conn: Conn, ctx: ZabCtx, kind: string, fields: Fields): void {
  ctx.send(conn.peer, kind, { conn: conn.id, ...fields });
}

/** Right after the election decided: Z4a (leader) or Z4b (follower, observer). */
export function startZab(s: ZabState, ctx: ZabCtx): void {
  s.phase = 'discovery';
  s.commitTarget = s.committed;
  s.connectTries = 0;
  if (s.role === 'leading') {
    // Z4a: propose e′ = acceptedEpoch + 1, with ourselves connected ([ZK] Leader.lead, getEpochToPropose(self)).
    s.lead = {
      epoch: s.acceptedEpoch + 1,
      waitingForNewEpoch: true,
      connecting: [s.id],
      connectingEpochs: {},
      electing: [],
      electionFinished: false,
      newLeaderAcks: [],
      quorumFormed: false,
      summary: { currentEpoch: s.currentEpoch, lastZxid: lastZxid(s) },
      learners: {},
      outstanding: [],
      halfTicks: 0,
      tick: 0,
    };
    ctx.setTimer('initLimit', initLimitMs(ctx));
    checkConnecting(s, ctx);
    return;
  }
  // Z4b: connect to the leader and introduce ourselves with our acceptedEpoch.
  connectToLeader(s, ctx);
  ctx.setTimer('leaderTimeout', initLimitMs(ctx));
}

/**
 * [ZK] Learner.connectToLeader: a refused connect is tried again after leaderConnectDelayDuringRetryMs
 * (100 ms), at most 5 attempts, all within the connect timeout (initLimit·tickTime, the learner's
 * 'leaderTimeout' here); then the learner gives up and goes LOOKING.
 */
export const CONNECT_RETRY_MS = 100;
export const CONNECT_TRIES = 5;

function connectToLeader(s: ZabState, ctx: ZabCtx): void {
  s.connCounter += 1;
  s.connectTries += 1;
  s.conn = newConn(s.leader as NodeId, s.connCounter);
  const kind = s.role === 'observing' ? 'ObserverInfo' : 'FollowerInfo';
  sendOn(s.conn, ctx, kind, { acceptedEpoch: s.acceptedEpoch, zxid: [s.acceptedEpoch, 0] });
}

/** The 100 ms after a refused connect passed: try again on a new connection. */
export function onConnectRetry(s: ZabState, ctx: ZabCtx): void {
  if ((s.role !== 'following' && s.role !== 'observing') || s.conn) return;
  connectToLeader(s, ctx);
}

/**
 * The stream transport's Close (the peer closed connection `fields.conn`) or Reset (the peer process was
 * killed: all its connections are gone) reached this node. The side that is told reacts at once:
 * - a leader drops that learner's handler ([ZK] LearnerHandler's read fails; Z7);
 * - a learner goes LOOKING when its leader's process was killed (Reset), or when the leader closes a connection
 *   it had accepted (Z7: "if L closes the connection, at once");
 * - a learner whose connect was refused (closed before any packet came: the node is not leading, or not yet)
 *   tries again 100 ms later, at most 5 times ([ZK] Learner.connectToLeader), then goes LOOKING.
 * Anything about another connection (an older one between the same two nodes) is ignored.
 */
function onConnectionEnd(s: ZabState, msg: Envelope, ctx: ZabCtx): void {
  const reset = msg.kind === RESET_KIND;
  if (s.role === 'leading' && s.lead) {
    const h = s.lead.learners[String(msg.from)];
    if (h && (reset || msg.fields.conn === h.conn.id)) dropLearner(s.lead, h.sid, ctx, false);
    return;
  }
  if ((s.role !== 'following' && s.role !== 'observing') || s.leader !== msg.from) return;
  if (reset) {
    // The leader's process is dead: whatever the connection's stage, there is nothing left to follow.
    goLooking(s, ctx, 'Connection reset', true);
    return;
  }
  const conn = s.conn;
  if (!conn || msg.fields.conn !== conn.id) return;
  if (conn.accepted) {
    goLooking(s, ctx, 'Connection closed by the leader', true);
    return;
  }
  s.conn = null;
  if (s.connectTries >= CONNECT_TRIES) {
    goLooking(s, ctx, 'Failed to connect to the leader', true);
    return;
  }
  ctx.setTimer('connect', CONNECT_RETRY_MS);
}

// ----------------------------------------------------------------------------------------------------
// Leader side

function handlers(lead: LeadState): LearnerHandler[] {
  return Object.keys(lead.learners)
    .map(Number)
    .sort((a, b) => a - b)
    .map((k) => lead.learners[String(k)]);
}

/** Z4c: once we and a quorum of voters are connected, e′ is fixed: accept it and tell every learner. */
function checkConnecting(s: ZabState, ctx: ZabCtx): void {
  const lead = s.lead as LeadState;
  if (!lead.waitingForNewEpoch || !isQuorum(ctx, lead.connecting)) return;
  lead.waitingForNewEpoch = false;
  s.acceptedEpoch = lead.epoch;
  ctx.setTimer('initLimit', initLimitMs(ctx)); // waitForEpochAck has its own initLimit deadline
  for (const h of handlers(lead)) {
    if (h.stage === 'info') sendLeaderInfo(h, lead, ctx);
  }
  // The leader acks its own epoch with its own summary ([ZK] waitForEpochAck(self, leaderStateSummary)).
  lead.electing.push(s.id);
  checkElecting(s, ctx);
}

function sendLeaderInfo(h: LearnerHandler, lead: LeadState, ctx: ZabCtx): void {
  h.stage = 'leaderInfo';
  sendOn(h.conn, ctx, 'LeaderInfo', { epoch: lead.epoch });
}

/** Z5: a quorum acknowledged e′: we are established for it and synchronize the learners. */
function checkElecting(s: ZabState, ctx: ZabCtx): void {
  const lead = s.lead as LeadState;
  if (lead.electionFinished || !lead.electing.includes(s.id) || !isQuorum(ctx, lead.electing)) return;
  lead.electionFinished = true;
  s.currentEpoch = lead.epoch;
  s.phase = 'synchronization';
  ctx.setTimer('initLimit', initLimitMs(ctx)); // waitForNewLeaderAck's deadline
  for (const h of handlers(lead)) {
    if (h.stage === 'ackEpoch') syncLearner(s, h, ctx);
  }
  lead.newLeaderAcks.push(s.id);
  checkNewLeaderAcks(s, ctx);
}

/**
 * Z6: Sync, then NewLeader. The learner's last zxid decides the mode ([ZK] LearnerHandler.syncFollower):
 * DIFF when it is in our history (send what follows); TRUNC when it is not: cut back to our largest zxid
 * below it, then send what follows; SNAP when none of our zxids is below it (replace its whole history).
 * Before broadcast our whole history goes (it will be committed with NEWLEADER); during broadcast an observer
 * gets only the committed prefix, as [ZK] startForwarding queues outstanding proposals to followers only.
 */
function syncLearner(s: ZabState, h: LearnerHandler, ctx: ZabCtx): void {
  const lead = s.lead as LeadState;
  const peerLast = h.ackEpochZxid;
  const broadcasting = s.phase === 'broadcast';
  const src = broadcasting && h.observer ? s.history.slice(0, s.committed) : s.history;
  const commit = broadcasting ? s.committed : s.history.length;
  let mode: 'DIFF' | 'TRUNC' | 'SNAP';
  let truncTo: Zxid | null = null;
  let from: number;
  const exact = src.findIndex((t) => cmpZxid(t.zxid, peerLast) === 0);
  if (exact >= 0 || (peerLast[0] === 0 && peerLast[1] === 0)) {
    mode = 'DIFF';
    from = exact + 1;
  } else {
    let below = -1;
    for (let i = src.length - 1; i >= 0; i--) {
      if (cmpZxid(src[i].zxid, peerLast) < 0) {
        below = i;
        break;
      }
    }
    if (below >= 0) {
      mode = 'TRUNC';
      truncTo = copyZxid(src[below].zxid);
      from = below + 1;
    } else {
      mode = 'SNAP';
      from = 0;
    }
  }
  const entries = copyTxns(src.slice(from));
  sendOn(h.conn, ctx, 'Sync', { mode, truncTo, entries, commit });
  sendOn(h.conn, ctx, 'NewLeader', { zxid: [lead.epoch, 0] });
  h.stage = 'newLeader';
  h.syncedTo = src.length > 0 ? copyZxid(src[src.length - 1].zxid) : [0, 0];
}

/** Z6: a quorum acknowledged NEWLEADER: the epoch's initial history is committed; broadcast begins. */
function checkNewLeaderAcks(s: ZabState, ctx: ZabCtx): void {
  const lead = s.lead as LeadState;
  if (lead.quorumFormed || !isQuorum(ctx, lead.newLeaderAcks)) return;
  lead.quorumFormed = true;
  s.phase = 'broadcast';
  updateElectionVote(s);
  ctx.cancelTimer('initLimit');
  applyCommits(s, s.history.length, ctx);
  for (const h of handlers(lead)) {
    if (h.stage === 'newLeader' && h.ackedNewLeader) sendUpToDate(h, ctx);
  }
  lead.halfTicks = 0;
  lead.tick = 0;
  for (const h of handlers(lead)) h.deadlineTick = ctx.options.syncLimitTicks;
  ctx.setTimer('tick', Math.floor(tick(ctx) / 2));
}

function sendUpToDate(h: LearnerHandler, ctx: ZabCtx): void {
  h.stage = 'upToDate';
  sendOn(h.conn, ctx, 'UpToDate', {});
}

/** Leader: a packet from a learner (its first one opens a LearnerHandler). */
function leaderReceive(s: ZabState, msg: Envelope, ctx: ZabCtx): void {
  const lead = s.lead as LeadState;
  let h = lead.learners[String(msg.from)];
  const conn = msg.fields.conn as number;
  const isInfo = msg.kind === 'FollowerInfo' || msg.kind === 'ObserverInfo';
  if (isInfo && (!h || conn > h.conn.id)) {
    // A new connection from this learner replaces the old one ([ZK] a new LearnerHandler per socket).
    if (h) dropLearner(lead, msg.from, ctx, true);
    h = {
      sid: msg.from,
      observer: msg.kind === 'ObserverInfo' || !isVoter(ctx, msg.from),
      conn: newConn(msg.from, conn),
      acceptedEpoch: -1,
      stage: 'info',
      ackedNewLeader: false,
      syncedTo: [0, 0],
      ackEpochZxid: [0, 0],
      lastHeard: ctx.now,
      deadlineTick: 0,
    };
    lead.learners[String(msg.from)] = h;
  }
  if (!h || conn !== h.conn.id) return; // a packet of an older connection
  h.lastHeard = ctx.now;
  h.deadlineTick = lead.tick + ctx.options.syncLimitTicks;
  handleLearnerPacket(s, h, msg, ctx);
}

/**
 * The learner's handler ends ([ZK] LearnerHandler.shutdown). `close`: the leader ends it (read timeout,
 * "follower ahead", a newer connection) and closes the socket, which the learner sees at once; false when the
 * learner closed or reset it first. Like ZooKeeper's sets, connecting, electing and the NEWLEADER acks keep
 * the sid.
 */
function dropLearner(lead: LeadState, sid: NodeId, ctx: ZabCtx, close: boolean): void {
  const h = lead.learners[String(sid)];
  if (!h) return;
  delete lead.learners[String(sid)];
  if (close) ctx.close(sid, h.conn.id);
}

function handleLearnerPacket(s: ZabState, h: LearnerHandler, p: Envelope, ctx: ZabCtx): void {
  const lead = s.lead as LeadState;
  switch (p.kind) {
    case 'FollowerInfo':
    case 'ObserverInfo': {
      // Z4c ([ZK] getEpochToPropose): a learner's accepted epoch may raise e′; only voters count.
      h.acceptedEpoch = p.fields.acceptedEpoch as number;
      if (!lead.waitingForNewEpoch) {
        sendLeaderInfo(h, lead, ctx);
        return;
      }
      if (h.acceptedEpoch >= lead.epoch) lead.epoch = h.acceptedEpoch + 1;
      if (!h.observer && !lead.connecting.includes(h.sid)) {
        lead.connecting.push(h.sid);
        lead.connectingEpochs[String(h.sid)] = h.acceptedEpoch;
      }
      checkConnecting(s, ctx);
      return;
    }
    case 'AckEpoch': {
      // Z5 ([ZK] waitForEpochAck): a follower ahead of us loses its connection; −1 never counts.
      const ce = p.fields.currentEpoch as number;
      const lz = copyZxid(p.fields.lastZxid as Zxid);
      h.ackEpochZxid = lz;
      h.stage = 'ackEpoch';
      if (lead.electionFinished) {
        syncLearner(s, h, ctx);
        return;
      }
      if (ce !== -1) {
        const sum = lead.summary;
        const ahead = ce > sum.currentEpoch || (ce === sum.currentEpoch && cmpZxid(lz, sum.lastZxid) > 0);
        if (ahead) {
          // Z5 (corrected): the exception ends only this learner's handler; the leader closes its socket and
          // carries on, and the learner sees the close at once and goes LOOKING.
          ctx.anomaly('zab-follower-ahead', `node ${h.sid} is ahead of leader ${s.id} (epoch ${ce}, zxid ${lz.join(':')}); its connection is closed`);
          dropLearner(lead, h.sid, ctx, true);
          return;
        }
        if (!h.observer && !lead.electing.includes(h.sid)) lead.electing.push(h.sid);
      }
      checkElecting(s, ctx);
      return;
    }
    case 'AckNewLeader': {
      if (h.stage !== 'newLeader' && h.stage !== 'upToDate') return;
      h.ackedNewLeader = true;
      if (lead.quorumFormed) {
        // A learner joining during broadcast: its NEWLEADER ack covers the proposals its Sync carried.
        if (!h.observer) for (const o of lead.outstanding) if (cmpZxid(o.zxid, h.syncedTo) <= 0 && !o.acks.includes(h.sid)) o.acks.push(h.sid);
        if (h.stage === 'newLeader') sendUpToDate(h, ctx);
        tryCommit(s, ctx);
        return;
      }
      if (!h.observer && !lead.newLeaderAcks.includes(h.sid)) lead.newLeaderAcks.push(h.sid);
      checkNewLeaderAcks(s, ctx);
      return;
    }
    case 'Ack': {
      if (h.observer) return; // observers are never asked to ACK (Z9)
      const z = p.fields.zxid as Zxid;
      const o = lead.outstanding.find((x) => cmpZxid(x.zxid, z) === 0);
      if (o && !o.acks.includes(h.sid)) o.acks.push(h.sid);
      tryCommit(s, ctx);
      return;
    }
    case 'Request':
      if (s.phase === 'broadcast') propose(s, p.fields.value as WriteValue, ctx);
      return;
    case 'Ping':
      return; // lastHeard is already updated
  }
}

/** Broadcast: the leader logs a new transaction and proposes it to the followers that are synced or syncing. */
export function propose(s: ZabState, value: WriteValue, ctx: ZabCtx): void {
  const lead = s.lead as LeadState;
  const last = lastZxid(s);
  const zxid: Zxid = last[0] === s.currentEpoch ? [s.currentEpoch, last[1] + 1] : [s.currentEpoch, 1];
  s.history.push({ zxid: copyZxid(zxid), value });
  lead.outstanding.push({ zxid: copyZxid(zxid), acks: [s.id] });
  for (const h of handlers(lead)) {
    if (!h.observer && (h.stage === 'newLeader' || h.stage === 'upToDate')) sendOn(h.conn, ctx, 'Proposal', { zxid: copyZxid(zxid), value });
  }
  tryCommit(s, ctx);
}

/** Commit outstanding proposals in zxid order while the oldest has a quorum of ACKs ([ZK] Leader.tryToCommit). */
function tryCommit(s: ZabState, ctx: ZabCtx): void {
  const lead = s.lead as LeadState;
  while (lead.outstanding.length > 0 && isQuorum(ctx, lead.outstanding[0].acks)) {
    const o = lead.outstanding.shift() as { zxid: Zxid; acks: NodeId[] };
    const idx = s.history.findIndex((t) => cmpZxid(t.zxid, o.zxid) === 0);
    const txn = s.history[idx];
    applyCommits(s, idx + 1, ctx);
    for (const h of handlers(lead)) {
      if (h.stage !== 'newLeader' && h.stage !== 'upToDate') continue;
      if (h.observer) sendOn(h.conn, ctx, 'Inform', { zxid: copyZxid(o.zxid), value: txn.value });
      else sendOn(h.conn, ctx, 'Commit', { zxid: copyZxid(o.zxid) });
    }
  }
}

/** The node learns that its history up to `upTo` is committed. */
function applyCommits(s: ZabState, upTo: number, ctx: ZabCtx): void {
  const to = Math.min(upTo, s.history.length);
  while (s.committed < to) {
    s.committed += 1;
    ctx.commit(s.committed, s.history[s.committed - 1].value);
  }
}

/** Z7 (leader): the ping loop, every tickTime/2; every tick, the synced-quorum check. */
export function onTick(s: ZabState, ctx: ZabCtx): void {
  const lead = s.lead;
  if (s.role !== 'leading' || !lead || s.phase !== 'broadcast') return;
  lead.halfTicks += 1;
  for (const h of handlers(lead)) {
    // A learner silent longer than its read timeout has lost its connection ([ZK] LearnerHandler's socket timeout).
    const limit = h.ackedNewLeader ? syncLimitMs(ctx) : initLimitMs(ctx);
    if (ctx.now - h.lastHeard > limit) {
      dropLearner(lead, h.sid, ctx, true);
      continue;
    }
    if (h.stage === 'newLeader' || h.stage === 'upToDate') sendOn(h.conn, ctx, 'Ping', {});
  }
  // [ZK] Leader.lead: the loop alternates; one half advances the tick, the other checks the synced quorum.
  if (lead.halfTicks % 2 === 1) {
    lead.tick += 1;
  } else {
    const synced: NodeId[] = [s.id];
    for (const h of handlers(lead)) {
      if (!h.observer && h.ackedNewLeader && lead.tick <= h.deadlineTick) synced.push(h.sid);
    }
    if (!isQuorum(ctx, synced)) {
      goLooking(s, ctx, 'Not sufficient followers synced, only synced with sids: ' + synced.join(','));
      return;
    }
  }
  ctx.setTimer('tick', Math.floor(tick(ctx) / 2));
}

/** A Zab deadline passed: the leader's initLimit (Z4c/Z5/Z6) or a learner's read timeout (Z7). */
export function onZabTimeout(s: ZabState, name: string, ctx: ZabCtx): void {
  if (name === 'initLimit' && s.role === 'leading' && s.phase !== 'broadcast') goLooking(s, ctx, 'Timeout while waiting for a quorum');
  if (name === 'leaderTimeout' && (s.role === 'following' || s.role === 'observing')) goLooking(s, ctx, 'Read timed out');
}

// ----------------------------------------------------------------------------------------------------
// Learner side

/**
 * [ZK] QuorumPeer.updateElectionVote (ZOOKEEPER-1732): once the epoch is established and broadcast begins
 * (Leader.startZkServer; Learner.syncWithLeader after UPTODATE), the settled vote carries the new epoch, so
 * the replies a joining node gets (Z2c) name the epoch the ensemble is in, not the one it was elected in.
 */
function updateElectionVote(s: ZabState): void {
  s.currentVote = { ...s.currentVote, zxid: copyZxid(s.currentVote.zxid), peerEpoch: s.currentEpoch };
}

/** Leader or learner: a Zab packet, or the transport's Close / Reset, arrived. */
export function onZabPacket(s: ZabState, msg: Envelope, ctx: ZabCtx): void {
  if (msg.kind === CLOSE_KIND || msg.kind === RESET_KIND) {
    onConnectionEnd(s, msg, ctx);
    return;
  }
  if (s.role === 'leading' && s.lead) {
    leaderReceive(s, msg, ctx);
    return;
  }
  const isInfo = msg.kind === 'FollowerInfo' || msg.kind === 'ObserverInfo';
  if (isInfo) {
    // Nobody listens for learners on a node that is not leading: the connect is refused.
    ctx.close(msg.from, msg.fields.conn as number);
    return;
  }
  const conn = s.conn;
  if ((s.role !== 'following' && s.role !== 'observing') || !conn || msg.from !== conn.peer || msg.fields.conn !== conn.id) return;
  conn.accepted = true;
  ctx.setTimer('leaderTimeout', learnerTimeout(s, ctx));
  handleLeaderPacket(s, conn, msg, ctx);
}

function learnerTimeout(s: ZabState, ctx: ZabCtx): number {
  // initLimit until synchronization ends, then syncLimit: [ZK] Learner.connectToLeader sets the socket timeout
  // to tickTime·initLimit, and syncWithLeader sets tickTime·syncLimit only after UPTODATE.
  return s.phase === 'broadcast' ? syncLimitMs(ctx) : initLimitMs(ctx);
}

function handleLeaderPacket(s: ZabState, conn: Conn, p: Envelope, ctx: ZabCtx): void {
  const f = p.fields;
  switch (p.kind) {
    case 'LeaderInfo': {
      // Z4d: accept a newer epoch and report our summary; the same epoch acks with −1; an older one is an error.
      const e = f.epoch as number;
      let ce: number;
      if (e > s.acceptedEpoch) {
        ce = s.currentEpoch;
        s.acceptedEpoch = e;
      } else if (e === s.acceptedEpoch) {
        ce = -1;
      } else {
        goLooking(s, ctx, `Leaders epoch, ${e} is less than accepted epoch, ${s.acceptedEpoch}`);
        return;
      }
      sendOn(conn, ctx, 'AckEpoch', { currentEpoch: ce, lastZxid: lastZxid(s) });
      s.phase = 'synchronization';
      return;
    }
    case 'Sync': {
      const mode = f.mode as 'DIFF' | 'TRUNC' | 'SNAP';
      const entries = f.entries as Txn[];
      if (mode === 'SNAP') {
        s.history = copyTxns(entries);
      } else {
        if (mode === 'TRUNC') {
          const to = f.truncTo as Zxid;
          const keep = s.history.findIndex((t) => cmpZxid(t.zxid, to) > 0);
          if (keep >= 0) s.history.length = keep;
        }
        s.history.push(...copyTxns(entries));
      }
      s.commitTarget = Math.max(s.commitTarget, f.commit as number);
      return;
    }
    case 'NewLeader': {
      // Z6: the synced history now belongs to epoch e′.
      s.currentEpoch = (f.zxid as Zxid)[0];
      sendOn(conn, ctx, 'AckNewLeader', { zxid: copyZxid(f.zxid as Zxid) });
      return;
    }
    case 'UpToDate':
      // Synchronization is over: broadcast, the read timeout is now syncLimit, the vote names the new epoch.
      s.phase = 'broadcast';
      ctx.setTimer('leaderTimeout', syncLimitMs(ctx));
      updateElectionVote(s);
      applyCommits(s, s.commitTarget, ctx);
      return;
    case 'Proposal': {
      const z = f.zxid as Zxid;
      if (cmpZxid(z, lastZxid(s)) > 0) s.history.push({ zxid: copyZxid(z), value: f.value as WriteValue });
      sendOn(conn, ctx, 'Ack', { zxid: copyZxid(z) });
      return;
    }
    case 'Commit':
    case 'Inform': {
      const z = f.zxid as Zxid;
      if (p.kind === 'Inform' && cmpZxid(z, lastZxid(s)) > 0) s.history.push({ zxid: copyZxid(z), value: f.value as WriteValue });
      const idx = s.history.findIndex((t) => cmpZxid(t.zxid, z) === 0);
      if (idx >= 0) s.commitTarget = Math.max(s.commitTarget, idx + 1);
      if (s.phase === 'broadcast') applyCommits(s, s.commitTarget, ctx);
      return;
    }
    case 'Ping':
      sendOn(conn, ctx, 'Ping', {});
      return;
  }
}

/**
 * A client write. At the established leader: propose. At a follower or observer in broadcast: forward it to
 * the leader as a Request and answer accepted with reason "forwarded" (the leader proposes it; the commit
 * events show whether it made it). Anywhere else: refused, "no leader".
 */
export function onClientWrite(s: ZabState, value: WriteValue, ctx: ZabCtx): void {
  if (s.role === 'leading' && s.phase === 'broadcast' && s.lead) {
    propose(s, value, ctx);
    ctx.writeResult(true);
    return;
  }
  if ((s.role === 'following' || s.role === 'observing') && s.phase === 'broadcast' && s.conn) {
    sendOn(s.conn, ctx, 'Request', { value });
    ctx.writeResult(true, 'forwarded', s.leader);
    return;
  }
  ctx.writeResult(false, 'no leader', null);
}
