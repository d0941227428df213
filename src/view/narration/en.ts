/**
 * English narration templates. `zh.ts` must provide exactly the same keys (`Dictionary` = the type of this
 * object). Templates take numbers and already-rendered fragments (from this same dictionary), never objects.
 * Rule ids in comments refer to /work/shared/protocols.md.
 */
import type { AlgorithmName } from '../../engine/core/types';
import { displayName, kindWords, onStream, roleWords } from './words';

type Id = number;
type Zxid = readonly [number, number];
interface VoteT {
  leader: number;
  zxid: Zxid;
  peerEpoch: number;
}

const N = (id: Id) => `Node ${id}`;
const list = (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
const zx = (z: Zxid) => `${z[0]}/${z[1]}`;
const q = (v: string | number) => `"${v}"`;

export const en = {
  // ---- building blocks ---------------------------------------------------------------------------------
  node: N,
  nodes: (ids: Id[]) => (ids.length === 1 ? N(ids[0]) : `Nodes ${list(ids.map(String))}`),
  everyone: 'all',
  join: (parts: string[]) => list(parts),
  zxid: zx,
  vote: (v: VoteT) => `(epoch ${v.peerEpoch}, zxid ${zx(v.zxid)}, server ${v.leader})`,
  value: q,
  algorithm: (a: AlgorithmName) => displayName(a),

  roles: roleWords('en'),
  unknownRole: (role: string) => role,
  phases: { election: 'election', discovery: 'discovery', synchronization: 'synchronization', broadcast: 'broadcast' } as Record<string, string>,

  /** Short labels of message kinds (the protocol's names are kept in both languages). */
  kinds: kindWords('en', 'kinds'),
  /** What a message of each kind is for, one short phrase (tooltips, legends). */
  kindPurpose: kindWords('en', 'kindPurpose'),
  unknownKind: (kind: string) => kind,

  // ---- run ---------------------------------------------------------------------------------------------
  init: (alg: AlgorithmName, voters: number, observers: number, min: number, max: number, lossPct: number) =>
    `A ${displayName(alg)} run starts with ${voters} nodes${observers > 0 ? ` and ${observers} observers` : ''}; messages take ${min}–${max} ms` +
    (lossPct > 0
      ? onStream(alg)
        ? ` and ${lossPct}% of the packets are lost; ${displayName(alg)} runs over TCP, which resends them, so a loss is a delay.`
        : ` and ${lossPct}% of them are lost.`
      : ' and none are lost.'),
  end: (t: number, sent: number, changes: number, unavailableMs: number, leader: Id | null) =>
    `The run ends at ${t} ms: ${sent} messages sent, ${changes} leader changes, ${unavailableMs} ms without a leader; ` +
    (leader === null ? 'no cluster leader at the end.' : `${N(leader)} leads at the end.`),

  // ---- generic -----------------------------------------------------------------------------------------
  send: (from: Id, to: string, kind: string) => `${N(from)} → ${to}: ${kind}.`,
  delivered: (to: Id, from: Id, kind: string) => `${N(to)} receives ${N(from)}'s ${kind}.`,
  deliveredVote: (to: Id, from: Id, granted: boolean) => `${N(to)} receives ${N(from)}'s vote: ${granted ? 'granted' : 'refused'}.`,
  dropLoss: (from: Id, to: Id, kind: string) => `${N(from)}'s ${kind} to ${N(to)} is lost in the network.`,
  dropPartition: (from: Id, to: Id, kind: string) => `${N(from)}'s ${kind} to ${N(to)} is stopped by the partition.`,
  dropCut: (from: Id, to: Id, kind: string) => `${N(from)}'s ${kind} to ${N(to)} is dropped: the link ${from}→${to} is cut.`,
  dropCrashed: (from: Id, to: Id, kind: string) => `${N(from)}'s ${kind} to ${N(to)} is dropped: ${N(to)} is down.`,
  stallLink: (from: Id, to: Id, kind: string) => `${N(from)}'s ${kind} to ${N(to)} is held: the link is down, and TCP resends it until it gets through.`,
  stallOrder: (from: Id, to: Id, kind: string) => `${N(from)}'s ${kind} to ${N(to)} waits behind an earlier packet that is held (TCP delivers in order).`,
  stateChange: (n: Id, role: string) => `${N(n)} is now ${role}.`,
  stateDetails: (n: Id) => `${N(n)}'s state changes.`,
  down: (n: Id) => `${N(n)} is down.`,
  restarts: (n: Id, role: string) => `${N(n)} restarts as ${role}.`,

  // ---- faults and client -------------------------------------------------------------------------------
  faultCrash: (n: Id, keeps: string) => `${N(n)} crashes: it stops and loses its timers and memory; ${keeps}.`,
  keepsBully: 'Bully keeps nothing on disk',
  /** A trace that does not name its algorithm. */
  keepsUnknown: 'what it keeps on disk survives',
  keepsRaft: 'its term, its vote and its log are on disk and survive',
  keepsZab: 'its epochs and its transaction log are on disk and survive',
  howKill: ' Its process was killed: the operating system resets its TCP connections, so its peers see it at once.',
  howPowerOff: ' It was powered off: nothing closes its connections, so its peers notice only when their read timeout runs out.',
  faultRevive: (n: Id) => `${N(n)} is restarted.`,
  faultCrashLeader: (n: Id, keeps: string) => `The leader, ${N(n)}, crashes: it stops and loses its timers and memory; ${keeps}.`,
  faultCrashLeaderNone: '"Crash the leader": no node believes it leads, so nothing is crashed.',
  faultPartition: (groups: string[]) => `The network is partitioned into ${groups.join(' | ')}: messages between the parts are dropped.`,
  group: (ids: Id[]) => `[${ids.join(', ')}]`,
  faultHeal: 'The partition heals: every node can reach every other again.',
  faultCut: (from: Id, to: Id, oneWay: boolean) =>
    oneWay ? `The link ${from}→${to} is cut (one way: ${to}→${from} still works).` : `The link between ${N(from)} and ${N(to)} is cut in both directions.`,
  faultRestore: (from: Id, to: Id) => `The link between ${N(from)} and ${N(to)} is restored.`,
  faultDropRate: (pct: number) => `From now on ${pct}% of messages are lost.`,
  faultLatency: (min: number, max: number) => `From now on messages take ${min}–${max} ms.`,
  faultWrite: (n: Id, v: string) => `A client sends the write ${v} to ${N(n)}.`,
  faultOther: (what: string) => `Action: ${what}.`,
  writeDown: (n: Id, v: string) => `The write ${v} fails: ${N(n)} is down.`,
  writeAcceptedRaft: (n: Id, v: string) => `${N(n)}, the leader, appends ${v} to its log and sends it to the followers; it is committed once a majority has it.`,
  /** A trace that does not name its algorithm. */
  writeAccepted: (n: Id, v: string) => `${N(n)} accepts ${v}.`,
  writeAcceptedBully: (n: Id, v: string) => `${N(n)} accepts ${v}. Bully has no log: the write only records the node's last-operation time (its rank when priority is last-op).`,
  writeAcceptedZab: (n: Id, v: string) => `${N(n)}, the leader, proposes ${v} as a new transaction; it commits once a quorum has acknowledged it.`,
  writeForwarded: (n: Id, v: string, leader: Id | null) => `${N(n)} forwards ${v} to its leader${leader === null ? '' : ` ${N(leader)}`} (Request).`,
  writeRefusedNotLeader: (n: Id, v: string, leader: Id | null) =>
    `${N(n)} refuses ${v}: it is not the leader${leader === null ? ' and knows of none' : `; the client should retry at ${N(leader)}`}.`,
  writeRefusedNoLeader: (n: Id, v: string) => `${N(n)} refuses ${v}: there is no leader right now.`,
  writeRefused: (n: Id, v: string) => `${N(n)} refuses ${v}.`,
  commit: (n: Id, index: number, v: string) => `${N(n)} learns that entry ${index} (${v}) is committed.`,
  commitNoop: (n: Id, index: number) => `${N(n)} learns that entry ${index} (the leader's empty no-op entry) is committed.`,

  // ---- cluster -----------------------------------------------------------------------------------------
  clusterLeaderQuorum: (n: Id) => `${N(n)} is now the cluster leader: a majority of the nodes name it as leader.`,
  clusterLeaderReach: (n: Id) => `${N(n)} is now the cluster leader: every node it can reach names it as leader.`,
  noClusterLeader: 'The cluster has no leader now.',
  violation: (invariant: string, detail: string) => `Safety violation ${invariant}: ${detail}.`,
  splitBrain: (ids: Id[]) => `Split brain: ${list(ids.map(N))} each lead their own part of the network.`,
  zabFollowerAhead: (f: Id, l: Id) => `${N(f)} is ahead of its prospective leader ${N(l)}: the leader closes the connection (Zab refuses a leader that would lose data).`,
  anomaly: (kind: string, detail: string) => `Anomaly (${kind}): ${detail}.`,

  // ---- Raft (protocols.md §1) --------------------------------------------------------------------------
  raftStart: (n: Id, term: number) => `${N(n)} starts as a follower in term ${term} and draws a random election timeout.`,
  raftRestart: (n: Id, term: number) => `${N(n)} restarts as a follower, still in term ${term}, with a fresh random election timeout.`,
  raftDown: (n: Id, term: number) => `${N(n)} is down (it keeps term ${term}, its vote and its log).`,
  raftCandidate: (n: Id, term: number) => `${N(n)}'s election timer fired: it becomes a candidate for term ${term}, votes for itself and asks the others for votes.`,
  raftCandidateAgain: (n: Id, old: number, term: number) =>
    `${N(n)}'s election for term ${old} found no winner in time (split votes or lost messages): its timer fired again and it becomes a candidate for term ${term}.`,
  raftPreVoteWon: (n: Id, term: number) => `${N(n)} got a majority of pre-votes: now it really becomes a candidate for term ${term}, votes for itself and asks for votes.`,
  raftPreCandidate: (n: Id, next: number, term: number) =>
    `${N(n)}'s election timer fired: with PreVote it first asks whether it could win term ${next}, staying in term ${term} meanwhile.`,
  raftLeader: (n: Id, term: number, votes: number, voters: number) =>
    `${N(n)} has ${votes} of ${voters} votes, a majority: it becomes leader for term ${term} and sends AppendEntries at once so nobody else starts an election.`,
  raftStepDownTerm: (n: Id, term: number, from: string) => `${N(n)} steps down from leader: ${from} carries the higher term ${term}, so a newer election has happened.`,
  raftStepDownQuorum: (n: Id, term: number) => `${N(n)} steps down from leader in term ${term}: it has not heard from a majority within an election timeout (CheckQuorum).`,
  raftFollowerHigherTerm: (n: Id, role: string, term: number, from: string) => `${N(n)} stops being a ${role}: ${from} carries the higher term ${term}; it becomes a follower.`,
  raftFollowerLeader: (n: Id, role: string, leader: Id, term: number) => `${N(n)} stops being a ${role}: ${N(leader)} already leads term ${term}; it becomes its follower.`,
  raftPreVoteLost: (n: Id, term: number) => `${N(n)}'s pre-vote was refused by a majority: it stays a follower in term ${term} and disturbs nobody.`,
  raftNewTerm: (n: Id, term: number, from: string) => `${N(n)} moves to term ${term} (seen on ${from}) and clears its vote.`,
  raftNewTermVoted: (n: Id, term: number, from: string, cand: Id) => `${N(n)} moves to term ${term} (seen on ${from}) and votes for ${N(cand)} in it.`,
  raftLearnsLeader: (n: Id, leader: Id, term: number) => `${N(n)} learns from its AppendEntries that ${N(leader)} leads term ${term}.`,
  raftLosesLeader: (n: Id) => `${N(n)} no longer knows a leader.`,
  raftRecordsVote: (n: Id, cand: Id, term: number) => `${N(n)} records its vote for ${N(cand)} in term ${term}.`,
  raftLog: (n: Id, last: number, lastTerm: number, commit: number) => `${N(n)}'s log: ${last} entries (last from term ${lastTerm}), ${commit} committed.`,
  aMessage: (kind: string, from: Id) => `${N(from)}'s ${kind}`,
  aMessageUnknown: 'a message',
  rvSend: (from: Id, to: string, term: number, li: number, lt: number) => `${N(from)} → ${to}: RequestVote for term ${term} (its log ends at entry ${li} of term ${lt}).`,
  pvSend: (from: Id, to: string, term: number) => `${N(from)} → ${to}: PreVote: "would you vote for me in term ${term}?"`,
  voteGranted: (from: Id, to: Id, term: number) => `${N(from)} grants its vote to ${N(to)} for term ${term}.`,
  voteRefused: (from: Id, to: Id, term: number, why: string) => `${N(from)} refuses its vote to ${N(to)} for term ${term}: ${why}.`,
  voteRefusedPlain: (from: Id, to: Id, term: number) => `${N(from)} refuses its vote to ${N(to)} for term ${term}.`,
  preVoteGranted: (from: Id, to: Id, term: number) => `${N(from)} would vote for ${N(to)} in term ${term} (pre-vote granted; its own term does not change).`,
  preVoteRefused: (from: Id, to: Id, term: number, why: string) => `${N(from)} refuses ${N(to)}'s pre-vote for term ${term}: ${why}.`,
  preVoteRefusedPlain: (from: Id, to: Id, term: number) => `${N(from)} refuses ${N(to)}'s pre-vote for term ${term}.`,
  whyTermOld: (mine: number, theirs: number) => `its own term ${mine} is newer than ${theirs}`,
  whyTermNotAhead: (mine: number) => `it is already in term ${mine}`,
  whyVoted: (cand: Id, term: number) => `it already voted for ${N(cand)} in term ${term}`,
  whyVotedSelf: (term: number) => `it is a candidate itself and voted for itself in term ${term}`,
  whyLog: (li: number, lt: number, cli: number, clt: number) =>
    `its own log is more up to date (it ends at entry ${li} of term ${lt}; the candidate's at entry ${cli} of term ${clt})`,
  whyLeader: (leader: Id) => `it heard from leader ${N(leader)} less than an election timeout ago`,
  whyIsLeader: 'it is the leader itself',
  heartbeat: (from: Id, to: string, term: number) => `${N(from)} → ${to}: heartbeat (term ${term}).`,
  appendEntries: (from: Id, to: string, term: number, count: number, first: number, commit: number) =>
    `${N(from)} → ${to}: AppendEntries with ${count === 1 ? `entry ${first}` : `${count} entries from ${first}`} (term ${term}, committed up to ${commit}).`,
  aeOk: (from: Id, to: Id, match: number) => `${N(from)} → ${N(to)}: its log matches up to entry ${match}.`,
  aeStale: (from: Id, to: Id, term: number) => `${N(from)} rejects ${N(to)}'s AppendEntries: it is already in term ${term}, so ${N(to)} is a stale leader.`,
  aeMismatch: (from: Id, to: Id, prev: number) => `${N(from)} rejects ${N(to)}'s AppendEntries: its log does not match at entry ${prev}; the leader will retry one entry earlier.`,

  // ---- Bully (protocols.md §3.3) ------------------------------------------------------------------------
  bullyStartFollower: (n: Id) => `${N(n)} starts as an ordinary node.`,
  bullyBoot: (n: Id, round: number) => `${N(n)} starts up and begins an election (round ${round}): Election to the higher nodes.`,
  bullyOnElection: (n: Id, from: Id, round: number) => `${N(n)} got an Election from the lower ${N(from)}: it answers Alive and starts its own election (round ${round}).`,
  bullyVoidVictory: (n: Id, from: Id, round: number) =>
    `${N(n)}'s victory is void: a late Alive from the higher ${N(from)} shows a higher node is alive, so it starts a new election (round ${round}).`,
  bullyBullies: (n: Id, from: Id, kind: string) => `${N(n)} will not obey the lower ${N(from)} (its ${kind}): it starts its own election to take over.`,
  bullyVictoryTimeout: (n: Id, round: number) => `${N(n)} got an Alive but no Victory arrived in time: the higher node may have died, so it starts again (round ${round}).`,
  bullyLeaderSilent: (n: Id, leader: Id, round: number) => `${N(n)} heard no heartbeat from its leader ${N(leader)} within the leader timeout: it starts an election (round ${round}).`,
  bullyElecting: (n: Id, round: number) => `${N(n)} starts an election (round ${round}).`,
  bullyGotAlive: (n: Id, from: Id) => `${N(n)} got Alive from the higher ${N(from)}: it stops and waits for a Victory.`,
  bullyNoAlive: (n: Id) => `${N(n)} hears no Alive within the answer timeout and declares itself leader (Victory to the lower nodes).`,
  bullyHighest: (n: Id) => `${N(n)} has the highest id: it declares itself leader at once, without an election (Victory to the lower nodes).`,
  bullyFollows: (n: Id, leader: Id, kind: string) => `${N(n)} accepts the higher ${N(leader)} as its leader (${kind}).`,
  bullyDeposed: (n: Id, leader: Id) => `${N(n)} stops leading: the higher ${N(leader)} has announced itself, and the higher id always wins.`,
  bullyElection: (from: Id, to: string, round: number) => `${N(from)} → ${to}: Election (round ${round}): "is any higher node alive?"`,
  bullyAlive: (from: Id, to: Id) => `${N(from)} → ${N(to)}: Alive: "I am higher and alive; I take over."`,
  bullyVictory: (from: Id, to: string) => `${N(from)} → ${to}: Victory: "I am the leader."`,
  bullyVictoryReassert: (from: Id, to: Id) => `${N(from)} → ${N(to)}: Victory: it is the leader already and reminds the lower node.`,
  bullyHeartbeat: (from: Id, to: string) => `${N(from)} → ${to}: heartbeat.`,

  // ---- ZAB (protocols.md §2.4) --------------------------------------------------------------------------
  zabStart: (n: Id, round: number, vote: string) => `${N(n)} starts looking for a leader: round ${round}, it votes for itself ${vote} and tells every voter.`,
  zabStartObserver: (n: Id, round: number) => `${N(n)}, an observer, starts looking for the leader (round ${round}); it has no vote of its own.`,
  zabNewRound: (n: Id, round: number, vote: string) => `${N(n)} starts election round ${round} and votes for itself ${vote}.`,
  zabJoinRound: (n: Id, round: number, vote: string) => `${N(n)} joins the newer round ${round} and now votes for ${vote}.`,
  zabVoteChange: (n: Id, vote: string, why: string) => `${N(n)} votes for ${vote}: ${why}.`,
  whyEpoch: 'a higher epoch wins',
  whyZxid: 'a newer zxid beats a higher id',
  whySid: 'same epoch and zxid, so the higher server id wins',
  whyOther: 'it adopts a better vote',
  whyObserver: 'an observer has no candidate of its own and adopts the voters\' choice',
  zabDecideFollow: (n: Id, leader: Id, wait: number) =>
    `${N(n)} decides: a majority votes for ${N(leader)} and no better vote came within ${wait} ms, so it follows ${N(leader)} and registers (FollowerInfo).`,
  zabDecideObserve: (n: Id, leader: Id) => `${N(n)} learns from the voters that ${N(leader)} leads, and observes it (ObserverInfo).`,
  zabDecideLead: (n: Id, wait: number) =>
    `${N(n)} decides it is the prospective leader: a majority votes for it and no better vote came within ${wait} ms. It must still get a quorum to accept a new epoch.`,
  zabJoin: (n: Id, leader: Id, observer: boolean) => `${N(n)} finds an established leader, ${N(leader)}, and joins it as ${observer ? 'an observer' : 'a follower'}.`,
  zabEstablished: (n: Id, epoch: number) => `${N(n)} is established as leader of epoch ${epoch}: a quorum accepted the new epoch (AckEpoch); it now synchronizes them.`,
  zabBroadcast: (n: Id, epoch: number) => `${N(n)} leads epoch ${epoch} for real: a quorum is synchronized (AckNewLeader), and it can take writes.`,
  zabLearnerPhase: (n: Id, phase: string) => `${N(n)} enters the ${phase} phase.`,
  zabLeaderLost: (n: Id, round: number) => `${N(n)} stops leading and looks for a leader again (round ${round}): it lost its quorum of followers or a Zab timeout expired.`,
  zabFollowerLost: (n: Id, leader: Id | null, round: number) =>
    `${N(n)} lost its leader${leader === null ? '' : ` ${N(leader)}`} (silent for too long, or the connection broke): it looks for a leader again (round ${round}).`,
  zabEpochs: (n: Id, accepted: number, current: number) => `${N(n)}: accepted epoch ${accepted}, current epoch ${current}.`,
  zabZxid: (n: Id, z: string) => `${N(n)}'s last transaction is now zxid ${z}.`,
  zabDown: (n: Id) => `${N(n)} is down (its epochs and transaction log survive).`,
  zabNotifyLooking: (from: Id, to: string, vote: string, round: number) => `${N(from)} → ${to}: Notification: votes for ${vote}, round ${round}.`,
  zabNotifyObserver: (from: Id, to: string, round: number) => `${N(from)} → ${to}: Notification from an observer (round ${round}): it asks who leads, it proposes nobody.`,
  zabNotifySettled: (from: Id, to: string, state: string, leader: Id) => `${N(from)} → ${to}: Notification: "I am ${state}; the leader is ${N(leader)}."`,
  zabFollowerInfo: (from: Id, to: Id, epoch: number) => `${N(from)} → ${N(to)}: FollowerInfo: registers as a follower (accepted epoch ${epoch}).`,
  zabObserverInfo: (from: Id, to: Id) => `${N(from)} → ${N(to)}: ObserverInfo: registers as an observer.`,
  zabLeaderInfo: (from: Id, to: string, epoch: number) => `${N(from)} → ${to}: LeaderInfo: proposes the new epoch ${epoch}.`,
  zabAckEpoch: (from: Id, to: Id, current: number, z: string) => `${N(from)} → ${N(to)}: AckEpoch: accepts the epoch (its current epoch ${current}, last zxid ${z}).`,
  zabAckEpochOld: (from: Id, to: Id) => `${N(from)} → ${N(to)}: AckEpoch: it had accepted this epoch already (does not count again).`,
  zabSync: (from: Id, to: string, mode: string, count: number) => `${N(from)} → ${to}: Sync (${mode}, ${count} transactions).`,
  syncDiff: 'difference',
  syncTrunc: 'truncate',
  syncSnap: 'snapshot',
  zabNewLeader: (from: Id, to: string) => `${N(from)} → ${to}: NewLeader: "confirm you hold my history".`,
  zabAckNewLeader: (from: Id, to: Id) => `${N(from)} → ${N(to)}: AckNewLeader: it is synchronized.`,
  zabUpToDate: (from: Id, to: string) => `${N(from)} → ${to}: UpToDate: start serving.`,
  zabRequest: (from: Id, to: Id, v: string) => `${N(from)} → ${N(to)}: Request: forwards the client write ${v} to the leader.`,
  zabProposal: (from: Id, to: string, z: string, v: string) => `${N(from)} → ${to}: Proposal ${z} (${v}).`,
  zabAck: (from: Id, to: Id, z: string) => `${N(from)} → ${N(to)}: Ack ${z}: logged.`,
  zabCommit: (from: Id, to: string, z: string) => `${N(from)} → ${to}: Commit ${z}.`,
  zabInform: (from: Id, to: string, z: string, v: string) => `${N(from)} → ${to}: Inform ${z} (${v}).`,
  zabPing: (from: Id, to: string) => `${N(from)} → ${to}: Ping.`,
  zabClose: (from: Id, to: string) => `${N(from)} → ${to}: Close: closes the TCP connection; the other side sees it one message delay later.`,
  zabReset: (from: Id, to: string) => `${N(from)}'s process is dead: its operating system resets its TCP connections (→ ${to}), and the other side sees it at once.`,

  // ---- where the seed text simplifies (first occurrence in a run) ----------------------------------------
  // ---- Multi-Paxos (src/engine/algorithms/paxos/README.md) ---------------------------------------------
  keepsPaxos: 'its promised ballot and every value it accepted are on disk and survive; what it learned is not',
  writeAcceptedPaxos: (n: Id, v: string) => `${N(n)}, the leader, proposes ${v} in its next free slot and sends Accept to every node; it is chosen once a majority accepts it.`,
  paxosCommit: (n: Id, slot: number, v: string) => `${N(n)} learns that ${v} was chosen in slot ${slot}.`,
  paxosCommitNoop: (n: Id, slot: number) => `${N(n)} learns that slot ${slot} holds a no-op, a gap a new leader filled.`,
  paxosStart: (n: Id) => `${N(n)} starts as a follower with no promise and draws a random leader timeout.`,
  paxosRestart: (n: Id, b: string) => `${N(n)} restarts as a follower; its promise (ballot ${b}) and what it accepted survived on disk.`,
  paxosDown: (n: Id, b: string) => `${N(n)} is down (it keeps its promise, ballot ${b}, and what it accepted).`,
  paxosProposer: (n: Id, b: string) => `${N(n)}'s leader timer fired: it starts Phase 1 with ballot ${b}, promises that ballot to itself and asks the others for Promises.`,
  paxosProposerAgain: (n: Id, old: string, b: string) => `${N(n)} got no majority for ballot ${old} in time: it tries again with ballot ${b}.`,
  paxosRetryAtOnce: (n: Id, b: string) => `${N(n)} was pre-empted and, with back-off off, tries again at once with the higher ballot ${b}.`,
  paxosLeader: (n: Id, b: string, q: number, voters: number) => `${N(n)} has Promises from ${q} of ${voters} nodes, a majority: it leads ballot ${b}, re-proposes what the Promises reported and sends its first Heartbeat.`,
  paxosPreempted: (n: Id, role: string, b: string, cause: string) => `${N(n)}, ${role}, learns of the higher ballot ${b} from ${cause}: it steps down and backs off for a random time.`,
  paxosFollows: (n: Id, leader: Id, b: string) => `${N(n)} follows ${N(leader)}, the leader of ballot ${b}.`,
  paxosDeposedFollows: (n: Id, leader: Id, b: string) => `${N(n)} stops leading: ${N(leader)} leads the higher ballot ${b}, and ${N(n)} follows it.`,
  paxosPromises: (n: Id, b: string) => `${N(n)} promises ballot ${b}: it will accept nothing below it, and forgets its old leader.`,
  paxosSlots: (n: Id, last: number, commit: number) => `${N(n)} has accepted up to slot ${last} and learned ${commit}.`,
  paxosPrepare: (from: Id, to: string, b: string, slot: number) => `${N(from)} → ${to}: Prepare, ballot ${b}, for the log from slot ${slot} on.`,
  paxosPromise: (from: Id, to: Id, b: string, reported: string[]) =>
    reported.length === 0
      ? `${N(from)} promises ballot ${b} to ${N(to)}; it has accepted nothing there.`
      : `${N(from)} promises ballot ${b} to ${N(to)} and reports what it accepted: ${list(reported)}.`,
  paxosReported: (slot: number, v: string, b: string) => `${v} in slot ${slot} (ballot ${b})`,
  paxosNack: (from: Id, to: Id, refused: string, promised: string) => `${N(from)} refuses ${N(to)}'s ballot ${refused} with a Nack: it promised ballot ${promised}.`,
  paxosAccept: (from: Id, to: string, b: string, slot: number, v: string) => `${N(from)} → ${to}: Accept ${v} for slot ${slot} in ballot ${b}.`,
  paxosAcceptSlots: (from: Id, to: string, b: string, first: number, last: number) => `${N(from)} → ${to}: Accept for slots ${first}–${last} in ballot ${b}.`,
  paxosAccepted: (from: Id, to: Id, b: string, slot: number) => `${N(from)} accepted slot ${slot} in ballot ${b} and tells ${N(to)}.`,
  paxosHeartbeat: (from: Id, to: string, b: string, commit: number) => `${N(from)} → ${to}: Heartbeat of ballot ${b}, chosen up to slot ${commit}.`,
  paxosCatchUp: (from: Id, to: Id, slot: number) => `${N(from)} is behind: it asks its leader ${N(to)} for the chosen values from slot ${slot} on (CatchUp).`,
  noop: 'a no-op',

  notes: {
    paxosBallots:
      'A Paxos ballot is a pair (round, node id), ordered by round and then by id, so two proposers never share one. Nobody keeps a vote per round as Raft does: an acceptor only promises the highest ballot it has seen, and a higher ballot always outranks a lower one. (P1, P3)',
    paxosReproposal:
      'The rule that makes Paxos safe: a new leader re-proposes, in every slot its Promises report, the value accepted with the highest ballot, and fills the gaps with no-ops. A value that a majority accepted is in at least one Promise of any later majority, so it can never be replaced. (P6)',
    raftRandomTimeouts:
      'The original text says that when an election starts all nodes turn from Follower to Candidate. In Raft each follower waits for its own random election timeout (150–300 ms by default); usually only the first to time out becomes a candidate, and the randomness is what keeps votes from splitting. (R1, R2)',
    raftTermDoesNotExpire:
      'The original text says a leader steps down "when its term is up". A Raft term does not expire: it is a number that only grows. The leader keeps its term as long as its heartbeats reach the followers; the term ends only when some node times out and starts an election with a higher term, or (with CheckQuorum) when the leader loses its majority. Elections are not periodic. (R0a, R1, CQ1)',
    raftVoteRules:
      'The original text says nodes vote in the order the requests arrive. That is half of it: a node gives one vote per term, first come first served, but it also refuses any candidate whose log is less up to date than its own, so a new leader always holds every committed entry. (R3, §5.4.1)',
    bullyHighestDirect:
      'The original text says a node that sees it has the highest id among the live nodes sends Victory directly. No node can see who is alive: here only the configured highest id skips the election; everyone else asks the higher nodes and waits for a timeout. (B1, B5)',
    bullyFailureDetection:
      'The original text does not say how nodes notice that the leader died. Real implementations need failure detection: the leader sends heartbeats, and a node that hears none within a timeout starts an election. (B9)',
    bullyFlapping:
      'The higher id always wins, even against a healthy leader: every time the highest node comes back it takes over again (Victory), and if it keeps crashing and returning the leadership flaps. Raft and ZAB do not preempt like this. (B10, N5)',
    bullySplitBrain:
      'Bully has no majority rule: when the network is partitioned, each part elects its own highest node, so there are two leaders at once. The original text assumes the network never splits. (N2, B-C2)',
    bullyVoidVictory:
      'This is the original text\'s rule: a Victory followed by an Alive from a higher node is void, and the node elects again. Until the higher node\'s Victory arrives, some nodes may still name the old one as leader. (B8)',
    zabVoteOrder:
      'The original text describes each vote as a triple (server_id, server_zxID, epoch) with the epoch as the election round. Real Fast Leader Election compares votes as (epoch, zxid, server id): the epoch of the data first, then the zxid, and the server id only breaks ties. The round is a separate logical clock. (Z3, totalOrderPredicate)',
    zabMessageCount: (sent: number, nn: number) =>
      `The original text says an election costs n(n−1) messages. That is only the first broadcast (${nn} here); every node that changes its vote broadcasts again, so this election sent ${sent} notifications. (§2.9)`,
    zabOverTcp:
      'ZooKeeper runs its election and its leader–follower traffic over TCP. A lost packet is resent by TCP, so loss only delays it; a closed connection, or the reset of a killed process, is seen by the other side at once. Only a silent peer (a power cut, a lost host, a cut cable) is left to the read timeout. Raft and Bully instead send single messages and retry them themselves. (§0.2, Z7)',
    zabProspective:
      'The original text says a node in the Leading state is the leader. Fast Leader Election only picks a prospective leader; it leads only after a quorum accepts its new epoch and synchronizes with it (discovery and synchronization). Until then it takes no writes. (Z4–Z6)',
  },
};

export type Dictionary = typeof en;
