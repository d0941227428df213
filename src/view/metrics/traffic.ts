/**
 * Traffic classes and election starts, as data tables keyed by the trace's own words (message kinds, roles),
 * so a new algorithm adds rows, not branches. See README.md in this folder for the definitions.
 */
import type { AlgorithmName } from '../../engine/core/types';

/**
 * - `election`: traffic whose purpose is to choose (and, for ZAB, establish) a leader;
 * - `heartbeat`: liveness traffic of a steady leader (and the replies to it);
 * - `data`: client writes and their replication / commit traffic.
 * "Heartbeat/steady traffic" in the UI is `heartbeat + data`.
 */
export type TrafficClass = 'election' | 'heartbeat' | 'data';
export const TRAFFIC_CLASSES: readonly TrafficClass[] = ['election', 'heartbeat', 'data'];

/**
 * Message kind → class (contracts/sim-cli-and-trace.md's kinds). Raft's AppendEntries and its reply are
 * special-cased by the folder: an AppendEntries with no entries is a heartbeat (protocols.md §1.4 R7), one
 * with entries is `data`; an AppendEntriesReply takes the class of the AppendEntries it answers. A kind not in
 * this table counts as `data`.
 */
export const KIND_CLASS: Readonly<Record<string, TrafficClass>> = {
  // Bully (protocols.md §3.3): B1–B8 are election, B9 is the leader's heartbeat.
  Election: 'election',
  Alive: 'election',
  Victory: 'election',
  Heartbeat: 'heartbeat',
  // Raft (§1.2): votes and pre-votes are election traffic.
  RequestVote: 'election',
  RequestVoteReply: 'election',
  PreVote: 'election',
  PreVoteReply: 'election',
  AppendEntries: 'data',
  AppendEntriesReply: 'data',
  // ZAB (§2.2): FLE notifications and the discovery/synchronization handshake are election traffic, because
  // the cluster leader appears only when the leader reaches the broadcast phase (contracts' definition).
  Notification: 'election',
  FollowerInfo: 'election',
  ObserverInfo: 'election',
  LeaderInfo: 'election',
  AckEpoch: 'election',
  Sync: 'election',
  NewLeader: 'election',
  AckNewLeader: 'election',
  UpToDate: 'election',
  Ping: 'heartbeat',
  Request: 'data',
  Proposal: 'data',
  Ack: 'data',
  Commit: 'data',
  Inform: 'data',
};

/** How an algorithm names the numbers of its rounds on `state` events (the "terms / epochs" metric). */
export const ROUND_FIELDS: Readonly<Record<AlgorithmName, readonly string[]>> = {
  bully: ['round'],
  raft: ['term'],
  zab: ['acceptedEpoch', 'currentEpoch', 'electionEpoch'],
};

export const ALL_ROUND_FIELDS: readonly string[] = ['round', 'term', 'acceptedEpoch', 'currentEpoch', 'electionEpoch'];

/** The field shown as "terms / epochs reached" for each algorithm. */
export const PRIMARY_ROUND_FIELD: Readonly<Record<AlgorithmName, string>> = {
  bully: 'round',
  raft: 'term',
  zab: 'currentEpoch',
};

/**
 * The role that marks a node running an election (see README.md): Bully `electing` (B1), Raft `candidate`
 * (R3; a pre-vote round is not an election, the promotion precandidate → candidate is), ZAB `looking` (Z1)
 * for voters only. Entering the role starts an election; staying in it but moving to a higher round
 * (`renewField`) starts another one (a Raft candidate whose election timed out, R3 again).
 */
export const ELECTION_ROLE: Readonly<Record<AlgorithmName, { role: string; renewField: string | null; votersOnly: boolean }>> = {
  bully: { role: 'electing', renewField: 'round', votersOnly: false },
  raft: { role: 'candidate', renewField: 'term', votersOnly: false },
  zab: { role: 'looking', renewField: null, votersOnly: true },
};

/** The algorithm a trace belongs to when it has no `init` event: guessed from a role name. */
export function algorithmOfRole(role: string): AlgorithmName | null {
  switch (role) {
    case 'electing':
    case 'awaitingVictory':
      return 'bully';
    case 'precandidate':
    case 'candidate':
      return 'raft';
    case 'looking':
    case 'following':
    case 'leading':
    case 'observing':
      return 'zab';
    default:
      return null;
  }
}
