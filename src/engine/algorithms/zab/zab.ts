/**
 * ZAB: ZooKeeper's Fast Leader Election, Zab discovery / synchronization / broadcast, and observers.
 * Rule ids Z1–Z9 refer to ../shared/protocols.md §2.4; fle.ts holds the election, peer.ts the rest.
 *
 * Transport: TCP (the kernel's stream transport, protocols.md §0.2), as in ZooKeeper: loss is delay, each pair
 * of nodes is in order, a Close (Plan.close) or a killed process's Reset is seen by the peer at once, and only
 * a power-off, a lost host or a partition is left to the read timeouts.
 *
 * Timers: 'notify' (Z3a poll timeout), 'finalize' (Z3c.6 finalizeWait), 'observerDelay' (Z7 observer),
 * 'initLimit' (leader's discovery/sync deadline), 'tick' (leader ping loop, tickTime/2), 'leaderTimeout'
 * (a learner's read timeout: initLimit·tickTime until UPTODATE, then syncLimit·tickTime), 'connect'
 * (a learner's next connect attempt, 100 ms after a refused one, at most 5 attempts).
 */
import { CLOSE_KIND, RESET_KIND, type Algorithm, type NodeEnv } from '../../core/algorithm';
import type { NodeId, NodeView } from '../../core/types';
import { zabChecker, type ZabCheckerMemory } from '../../invariants/zab';
import { initVote, lookForLeader, onFinalizeTimeout, onNotification, onNotifyTimeout } from './fle';
import { defaultZabOptions, zabOptionsSchema, type ZabOptions } from './options';
import { onClientWrite, onConnectRetry, onTick, onZabPacket, onZabTimeout } from './peer';
import { copyZxid, lastZxid, type ZabState } from './types';

export const ZAB_KINDS = [
  'Notification',
  'FollowerInfo',
  'ObserverInfo',
  'LeaderInfo',
  'AckEpoch',
  'Sync',
  'NewLeader',
  'AckNewLeader',
  'UpToDate',
  'Request',
  'Proposal',
  'Ack',
  'Commit',
  'Inform',
  'Ping',
  // The stream transport's own kinds: a connection closed (FIN) and a killed process's connections reset (RST).
  CLOSE_KIND,
  RESET_KIND,
] as const;

/** Volatile state as a (re)started peer has it; `p` carries what survives (Z8). */
function freshState(id: NodeId, observer: boolean, p: Pick<ZabState, 'acceptedEpoch' | 'currentEpoch' | 'history' | 'committed' | 'connCounter'>): ZabState {
  const s: ZabState = {
    id,
    observer,
    role: 'looking',
    phase: 'election',
    acceptedEpoch: p.acceptedEpoch,
    currentEpoch: p.currentEpoch,
    history: p.history,
    committed: p.committed,
    connCounter: p.connCounter,
    logicalclock: 0,
    proposal: { leader: 0, zxid: [-1, -1], peerEpoch: -1 },
    currentVote: { leader: 0, zxid: [-1, -1], peerEpoch: -1, electionEpoch: 0 },
    recvset: {},
    outofelection: {},
    notTimeoutMs: 0,
    finalizing: false,
    finalizeQuorum: [],
    delayed: false,
    lastDecision: null,
    leader: null,
    lead: null,
    conn: null,
    connectTries: 0,
    commitTarget: p.committed,
  };
  s.proposal = initVote(s);
  // [ZK] QuorumPeer.startLeaderElection: the settled vote starts as (myid, lastLoggedZxid, currentEpoch).
  s.currentVote = { leader: id, zxid: lastZxid(s), peerEpoch: s.currentEpoch, electionEpoch: 0 };
  return s;
}

export const zab: Algorithm<ZabState, ZabOptions, ZabCheckerMemory> = {
  name: 'zab',
  messageKinds: ZAB_KINDS,
  defaultOptions: defaultZabOptions,
  optionsSchema: zabOptionsSchema,
  supportsObservers: true,
  leaderRule: 'quorum',
  // ZooKeeper's election (QuorumCnxManager) and leader–learner traffic run over TCP (protocols.md §0.2).
  transport: (options) => ({ kind: 'stream', rtoMs: options.rtoMs }),

  create(id: NodeId, env: NodeEnv<ZabOptions>): ZabState {
    return freshState(id, id > env.voters.length, { acceptedEpoch: 0, currentEpoch: 0, history: [], committed: 0, connCounter: 0 });
  },

  // Z1 at start, and Z8 at every revive: LOOKING, from the persistent state.
  boot(s, ctx) {
    lookForLeader(s, ctx);
  },

  // Z8: acceptedEpoch, currentEpoch and the log survive (with the commit mark); everything else is lost.
  crash(s) {
    return freshState(s.id, s.observer, s);
  },

  onMessage(s, msg, ctx) {
    if (msg.kind === 'Notification') onNotification(s, msg, ctx);
    else onZabPacket(s, msg, ctx);
  },

  onTimer(s, name, ctx) {
    switch (name) {
      case 'notify':
        return onNotifyTimeout(s, ctx);
      case 'finalize':
        return onFinalizeTimeout(s, ctx);
      case 'observerDelay':
        if (s.role === 'looking' && s.delayed) lookForLeader(s, ctx);
        return;
      case 'tick':
        return onTick(s, ctx);
      case 'connect':
        return onConnectRetry(s, ctx);
      case 'initLimit':
      case 'leaderTimeout':
        return onZabTimeout(s, name, ctx);
    }
  },

  onWrite(s, value, ctx) {
    onClientWrite(s, value, ctx);
  },

  view(s): NodeView {
    const v = s.role === 'looking' ? s.proposal : s.currentVote;
    return {
      role: s.role,
      leader: s.leader,
      phase: s.phase,
      acceptedEpoch: s.acceptedEpoch,
      currentEpoch: s.currentEpoch,
      electionEpoch: s.logicalclock,
      zxid: lastZxid(s),
      vote: { leader: v.leader, zxid: copyZxid(v.zxid), peerEpoch: v.peerEpoch },
    };
  },

  // The cluster leader is a LEADING node that finished synchronization (contracts/sim-cli-and-trace.md).
  claimsLeadership(view) {
    return view.role === 'leading' && view.phase === 'broadcast';
  },

  checker: zabChecker,
};

