/**
 * ZAB node state and the small value types it is made of (protocols.md §2.1). Everything here is plain data:
 * the kernel deep-copies it for checkpoints.
 */
import type { NodeId, WriteValue } from '../../core/types';

/** zxid = (epoch, counter), ZooKeeper's `(epoch << 32) | counter`, compared lexicographically. */
export type Zxid = [number, number];

export type PeerState = 'LOOKING' | 'FOLLOWING' | 'LEADING' | 'OBSERVING';
export type ZabRole = 'looking' | 'following' | 'leading' | 'observing';
export type ZabPhase = 'election' | 'discovery' | 'synchronization' | 'broadcast';

/** An FLE vote: (leader, zxid, peerEpoch). Observers start from (MIN, MIN, MIN), written 0 / [-1,-1] / -1. */
export interface Vote {
  leader: NodeId;
  zxid: Zxid;
  peerEpoch: number;
}

/** A vote as kept in recvset / outofelection ([ZK] Vote.java: with its electionEpoch and sender state). */
export interface TallyVote extends Vote {
  electionEpoch: number;
  state: PeerState;
}

/** The settled vote ([ZK] QuorumPeer.currentVote): what a non-LOOKING node answers with (Z2a, Z2c). */
export interface SettledVote extends Vote {
  electionEpoch: number;
}

export interface Txn {
  zxid: Zxid;
  value: WriteValue;
}

/**
 * One side of a TCP connection between a learner and its leader. ZooKeeper runs Zab over TCP, and so does the
 * simulator (the kernel's stream transport, protocols.md §0.2): packets arrive in order and a loss is only a
 * resend one RTO later. Each packet carries the connection id (`conn`), so that packets, Close and Reset of an
 * older connection between the same two nodes are told apart from the current one's.
 */
export interface Conn {
  peer: NodeId;
  id: number;
  /** Learner side: a packet came from the leader on it, so the leader accepted it. A close before that is a
   * refused connect ([ZK] Learner.connectToLeader retries it). */
  accepted: boolean;
}

/** The leader's LearnerHandler for one learner ([ZK] LearnerHandler.java). */
export interface LearnerHandler {
  sid: NodeId;
  observer: boolean;
  conn: Conn;
  /** acceptedEpoch the learner reported in FollowerInfo/ObserverInfo (Z4c). */
  acceptedEpoch: number;
  /** 'info': waits for the epoch (Z4c); 'leaderInfo': LeaderInfo sent; 'ackEpoch': waits for the quorum (Z5);
   * 'newLeader': Sync + NewLeader sent (Z6); 'upToDate': UpToDate sent, broadcasting. */
  stage: 'info' | 'leaderInfo' | 'ackEpoch' | 'newLeader' | 'upToDate';
  ackedNewLeader: boolean;
  /** The learner's last zxid, from its AckEpoch (chooses DIFF / TRUNC / SNAP). */
  ackEpochZxid: Zxid;
  /** Last zxid handed to the learner by Sync (its outstanding proposals count as acked by AckNewLeader). */
  syncedTo: Zxid;
  /** Virtual time of the last in-order packet from the learner (its read timeout). */
  lastHeard: number;
  /** [ZK] LearnerHandler.tickOfNextAckDeadline: leader tick + syncLimit at the last packet; synced while tick ≤ it (Z7). */
  deadlineTick: number;
}

/** The leader's Zab state ([ZK] Leader.java); gone when it stops leading. */
export interface LeadState {
  /** e′, the epoch being proposed (Z4a, Z4c). */
  epoch: number;
  waitingForNewEpoch: boolean;
  connecting: NodeId[];
  /** acceptedEpoch of each learner counted in `connecting`, as reported (checker: Z-S5). */
  connectingEpochs: Record<string, number>;
  electing: NodeId[];
  electionFinished: boolean;
  newLeaderAcks: NodeId[];
  quorumFormed: boolean;
  /** (currentEpoch, lastZxid) of the leader at discovery start ([ZK] leaderStateSummary, Z5). */
  summary: { currentEpoch: number; lastZxid: Zxid };
  learners: Record<string, LearnerHandler>;
  /** Outstanding proposals, oldest first, with the voters that logged them. */
  outstanding: { zxid: Zxid; acks: NodeId[] }[];
  /** Half-ticks since broadcast began; the synced-quorum check runs on every second one (Z7). */
  halfTicks: number;
  /** [ZK] self.tick: whole ticks since broadcast began. */
  tick: number;
}

/** How the last LOOKING → decided transition happened (for the checker and the curious). */
export interface Decision {
  via: 'Z3c' | 'Z3e-recvset' | 'Z3e-outofelection';
  round: number;
  vote: SettledVote;
  /** The voters whose tallied votes formed the quorum. */
  quorum: NodeId[];
}

export interface ZabState {
  id: NodeId;
  observer: boolean;
  role: ZabRole;
  phase: ZabPhase;

  // --- persistent (Z8) ---
  acceptedEpoch: number;
  currentEpoch: number;
  history: Txn[];
  /** How many entries of `history` this node knows are committed (its commit events' last index). */
  committed: number;
  /** Source of unique connection ids; survives crashes like the OS's ephemeral ports do. */
  connCounter: number;

  // --- FLE (volatile) ---
  logicalclock: number;
  proposal: Vote;
  currentVote: SettledVote;
  recvset: Record<string, TallyVote>;
  outofelection: Record<string, TallyVote>;
  notTimeoutMs: number;
  /** In the finalizeWait loop of Z3c.6; `finalizeQuorum` is the voter set that agreed. */
  finalizing: boolean;
  finalizeQuorum: NodeId[];
  /** An observer between losing its leader and its next lookForLeader (observerElectionDelayMs). */
  delayed: boolean;
  lastDecision: Decision | null;

  // --- Zab (volatile) ---
  /** The settled leader; null while LOOKING. */
  leader: NodeId | null;
  lead: LeadState | null;
  /** A learner's connection to its leader. */
  conn: Conn | null;
  /** A learner's connect attempts to the current leader so far ([ZK] Learner.connectToLeader: at most 5). */
  connectTries: number;
  /** Highest history index the leader said is committed and this learner has not applied yet. */
  commitTarget: number;
}

export const NO_VOTE: Vote = { leader: 0, zxid: [-1, -1], peerEpoch: -1 };

export function cmpZxid(a: Zxid, b: Zxid): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  return 0;
}

export function lastZxid(s: { history: Txn[] }): Zxid {
  const h = s.history;
  return h.length === 0 ? [0, 0] : [h[h.length - 1].zxid[0], h[h.length - 1].zxid[1]];
}

export function copyZxid(z: Zxid): Zxid {
  return [z[0], z[1]];
}

/** Order of votes, lexicographic on (peerEpoch, zxid, sid); [FLE] totalOrderPredicate without the weight test. */
export function cmpVote(a: Vote, b: Vote): number {
  if (a.peerEpoch !== b.peerEpoch) return a.peerEpoch < b.peerEpoch ? -1 : 1;
  const z = cmpZxid(a.zxid, b.zxid);
  if (z !== 0) return z;
  if (a.leader !== b.leader) return a.leader < b.leader ? -1 : 1;
  return 0;
}
