/**
 * Raft leader election with enough log replication for the up-to-date-log vote rule to matter, plus the
 * PreVote, CheckQuorum and leader-lease extensions. Rule ids (R0–R11, PV1–PV4, CQ1–CQ2, LQ1) refer to
 * ../shared/protocols.md §1; handlers are named after raft.tla's actions.
 *
 * Choices the protocol leaves open, and what this file does:
 * - Terms start at 0 (§1.1 allows 0 or 1): term 0 means "no election yet"; the first leader leads term 1.
 * - R2: the election timer is reset exactly at the paper's points (a), (b), (c): an AppendEntries of the
 *   current term, a granted vote, the start of an election or pre-vote round. Seeing a higher term does not
 *   reset it, except that a leader has no election timer, so a leader that steps down (R0a, CQ1) starts one.
 * - R4: no early step-down on a majority of rejections (etcd's VoteLost is optional); the timer retries.
 * - R5b: an AppendEntries of the leader's own term at a leader would mean two leaders in one term; the
 *   leader ignores it and the checker reports R-S1.
 * - R7: AppendEntries carries every entry from nextIndex[p], at most MAX_BATCH (option maxBatch) of them; it is sent on every
 *   heartbeat, at once after a client write, and at once after a failed AppendEntriesReply (R6).
 * - R11, etcd style: no RequestVote retry within a term; the next election timeout is the retry.
 * - PV2 uses the thesis's semantics: a pre-vote is refused by a node that heard from a leader less than Tmin
 *   ago (and by a leader), whether or not CheckQuorum is on. With CheckQuorum on, LQ1 also applies: such a
 *   node drops a higher-term RequestVote or PreVote before R0a (etcd's "inLease").
 * - Commits: a node emits `commit` for every index its commitIndex passes. commitIndex is volatile (§1.1), so
 *   a revived node starts at 0 and emits the commits again as it re-learns them from the leader.
 */
import type { Algorithm, Ctx, Envelope, NodeEnv } from '../../core/algorithm';
import type { NodeId, NodeView, WriteValue } from '../../core/types';
import { raftChecker, type RaftCheckerMemory } from '../../invariants/raft';
import { appended, copyEntry, EMPTY_LOG, entriesFrom, isUpToDate, lastIndex, lastTerm, loadLog, logLineage, newEntry, termAt, truncated, type Log, type LogEntry } from './log';
import { defaultRaftOptions, raftOptionsSchema, type RaftOptions } from './options';

export type { Log, LogEntry } from './log';

export type RaftRole = 'follower' | 'precandidate' | 'candidate' | 'leader';

export interface RaftState {
  id: NodeId;
  // --- persistent (§1.1): survive a crash ---
  currentTerm: number;
  votedFor: NodeId | null;
  /** Immutable: replaced, never changed (see log.ts). */
  log: Log;
  // --- volatile ---
  role: RaftRole;
  commitIndex: number;
  /** For display; cleared when the term changes ([TH] §6.2). */
  leaderId: NodeId | null;
  /** Candidate: who granted a vote this term (self included). Kept while leader, for the R-S10 check. */
  votesGranted: NodeId[];
  /** PreCandidate (PV3): who granted / refused this round's pre-vote. */
  preVotesGranted: NodeId[];
  preVotesRejected: NodeId[];
  /** Leader: next entry to send and highest entry known replicated, per peer (keys are node ids). */
  nextIndex: Record<number, number>;
  matchIndex: Record<number, number>;
  /** Leader (CQ2): peers heard from since the last CheckQuorum tick. */
  recentActive: Record<number, boolean>;
  /** Virtual time of the last AppendEntries of the current term (null: never, i.e. −∞). */
  lastLeaderContact: number | null;
}

export type RequestVoteFields = {
  term: number;
  candidateId: NodeId;
  lastLogIndex: number;
  lastLogTerm: number;
};
export type VoteReplyFields = {
  term: number;
  voteGranted: boolean;
};
export type AppendEntriesFields = {
  term: number;
  leaderId: NodeId;
  prevLogIndex: number;
  prevLogTerm: number;
  entries: LogEntry[];
  leaderCommit: number;
};
export type AppendEntriesReplyFields = {
  term: number;
  success: boolean;
  /** On success, prevLogIndex + len(entries) ([TLA-R] mmatchIndex); 0 on failure. */
  matchIndex: number;
};

export const RAFT_KINDS = [
  'RequestVote',
  'RequestVoteReply',
  'PreVote',
  'PreVoteReply',
  'AppendEntries',
  'AppendEntriesReply',
] as const;

/** R7: at most this many entries in one AppendEntries, unless the option `maxBatch` says otherwise. */
export const MAX_BATCH = 32;

export const TIMER_ELECTION = 'election';
export const TIMER_HEARTBEAT = 'heartbeat';
export const TIMER_CHECK_QUORUM = 'checkQuorum';

type RaftCtx = Ctx<RaftOptions>;

function quorum(count: number, voters: readonly NodeId[]): boolean {
  return count > voters.length / 2;
}

function peers(s: RaftState, ctx: RaftCtx): NodeId[] {
  return ctx.voters.filter((j) => j !== s.id);
}

/** R2: a fresh random value in [Tmin, Tmax) at every reset. */
function resetElectionTimer(ctx: RaftCtx): void {
  ctx.setTimer(TIMER_ELECTION, ctx.randomBetween(ctx.options.electionTimeoutMsMin, ctx.options.electionTimeoutMsMax));
}

function clearCandidacy(s: RaftState): void {
  s.votesGranted = [];
  s.preVotesGranted = [];
  s.preVotesRejected = [];
}

function stopLeading(s: RaftState, ctx: RaftCtx): void {
  s.nextIndex = {};
  s.matchIndex = {};
  s.recentActive = {};
  ctx.cancelTimer(TIMER_HEARTBEAT);
  ctx.cancelTimer(TIMER_CHECK_QUORUM);
}

/** R0a UpdateTerm: a higher term makes any node a follower of that term with no vote. */
function updateTerm(s: RaftState, term: number, ctx: RaftCtx): void {
  const wasLeader = s.role === 'leader';
  s.currentTerm = term;
  s.role = 'follower';
  s.votedFor = null;
  s.leaderId = null;
  clearCandidacy(s);
  if (wasLeader) {
    stopLeading(s, ctx);
    resetElectionTimer(ctx); // a leader has no election timer (R2 note in the header)
  }
}

/** Follower in the same term (R5b, PV3 majority refused, PV4, CQ1). */
function becomeFollower(s: RaftState, ctx: RaftCtx): void {
  if (s.role === 'leader') {
    stopLeading(s, ctx);
    resetElectionTimer(ctx);
  }
  s.role = 'follower';
  clearCandidacy(s);
}

/** Is this node within a leader's lease: it leads, or heard from its leader less than Tmin ago? */
function heardFromLeaderRecently(s: RaftState, ctx: RaftCtx): boolean {
  if (s.role === 'leader') return true;
  return s.lastLeaderContact !== null && ctx.now - s.lastLeaderContact < ctx.options.electionTimeoutMsMin;
}

/** LQ1 (paired with CheckQuorum, as in etcd): inside the lease, a higher-term vote request is dropped. */
function inLease(s: RaftState, ctx: RaftCtx): boolean {
  return ctx.options.checkQuorum && s.leaderId !== null && heardFromLeaderRecently(s, ctx);
}

function voteRequest(s: RaftState, term: number): RequestVoteFields {
  return { term, candidateId: s.id, lastLogIndex: lastIndex(s.log), lastLogTerm: lastTerm(s.log) };
}

/** PV1: the timer fired with PreVote on: ask for pre-votes for term+1 without changing term or vote. */
function startPreVote(s: RaftState, ctx: RaftCtx): void {
  s.role = 'precandidate';
  s.leaderId = null;
  s.preVotesGranted = [s.id];
  s.preVotesRejected = [];
  s.votesGranted = [];
  resetElectionTimer(ctx); // R2c
  for (const j of peers(s, ctx)) ctx.send(j, 'PreVote', voteRequest(s, s.currentTerm + 1));
  if (quorum(s.preVotesGranted.length, ctx.voters)) startElection(s, ctx); // a one-node cluster
}

/** R1 Timeout: a new term, a vote for self, RequestVote to every other server. */
function startElection(s: RaftState, ctx: RaftCtx): void {
  s.currentTerm += 1;
  s.role = 'candidate';
  s.votedFor = s.id;
  s.leaderId = null;
  clearCandidacy(s);
  s.votesGranted = [s.id];
  resetElectionTimer(ctx); // R2c
  for (const j of peers(s, ctx)) ctx.send(j, 'RequestVote', voteRequest(s, s.currentTerm));
  if (quorum(s.votesGranted.length, ctx.voters)) becomeLeader(s, ctx); // a one-node cluster
}

/** R4L BecomeLeader: reset replication state, append a no-op, announce at once, start heartbeats. */
function becomeLeader(s: RaftState, ctx: RaftCtx): void {
  s.role = 'leader';
  s.leaderId = s.id;
  s.preVotesGranted = [];
  s.preVotesRejected = [];
  s.nextIndex = {};
  s.matchIndex = {};
  s.recentActive = {};
  for (const p of peers(s, ctx)) {
    s.nextIndex[p] = lastIndex(s.log) + 1;
    s.matchIndex[p] = 0;
  }
  // The no-op of the new term ([ETCD] becomeLeader): lets R8 commit the older entries under it.
  const index = lastIndex(s.log) + 1;
  s.log = appended(s.log, newEntry(s.currentTerm, null, index));
  ctx.cancelTimer(TIMER_ELECTION);
  broadcastAppendEntries(s, ctx);
  ctx.setTimer(TIMER_HEARTBEAT, ctx.options.heartbeatMs);
  if (ctx.options.checkQuorum) ctx.setTimer(TIMER_CHECK_QUORUM, ctx.options.electionTimeoutMsMin); // CQ1
  advanceCommitIndex(s, ctx);
}

/** R7 AppendEntries(i, p): the entries from nextIndex[p] (at most MAX_BATCH); entries are immutable, so shared. */
function sendAppendEntries(s: RaftState, p: NodeId, ctx: RaftCtx): void {
  const next = Math.min(s.nextIndex[p] ?? lastIndex(s.log) + 1, lastIndex(s.log) + 1);
  const prevLogIndex = next - 1;
  const fields: AppendEntriesFields = {
    term: s.currentTerm,
    leaderId: s.id,
    prevLogIndex,
    prevLogTerm: termAt(s.log, prevLogIndex) ?? 0,
    entries: entriesFrom(s.log, prevLogIndex + 1, ctx.options.maxBatch ?? MAX_BATCH),
    leaderCommit: s.commitIndex,
  };
  ctx.send(p, 'AppendEntries', fields);
}

function broadcastAppendEntries(s: RaftState, ctx: RaftCtx): void {
  // The voters but itself, in order, as `peers` lists them (without building the list: this runs on every heartbeat).
  for (const p of ctx.voters) if (p !== s.id) sendAppendEntries(s, p, ctx);
}

/** Moves commitIndex up to `n`, emitting a `commit` for every index it passes. */
function commitTo(s: RaftState, n: number, ctx: RaftCtx): void {
  for (let k = s.commitIndex + 1; k <= n; k++) ctx.commit(k, s.log[k - 1].value);
  s.commitIndex = Math.max(s.commitIndex, n);
}

/**
 * R8 AdvanceCommitIndex: the largest N > commitIndex replicated on a quorum *and of the current term*.
 * Never commit an old-term entry by counting replicas ([TH] Fig 3.7); terms along the log never decrease,
 * so the scan stops at the first entry of an older term. The teaching switch `commitOldTermByCount` drops
 * that term check on purpose (options.ts): the "Figure 8" lesson then breaks R-S4/R-S5.
 */
function advanceCommitIndex(s: RaftState, ctx: RaftCtx): void {
  const byCount = ctx.options.commitOldTermByCount === true;
  for (let n = lastIndex(s.log); n > s.commitIndex; n--) {
    if (s.log[n - 1].term !== s.currentTerm && !byCount) return;
    let count = 1; // self
    for (const p of ctx.voters) if (p !== s.id && (s.matchIndex[p] ?? 0) >= n) count++; // the peers'
    if (quorum(count, ctx.voters)) {
      commitTo(s, n, ctx);
      return;
    }
  }
}

/** R3 HandleRequestVoteRequest (after LQ1 and R0). */
function onRequestVote(s: RaftState, msg: Envelope, ctx: RaftCtx): void {
  const m = msg.fields as unknown as RequestVoteFields;
  if (m.term > s.currentTerm && inLease(s, ctx)) return; // LQ1: dropped before R0a
  if (m.term > s.currentTerm) updateTerm(s, m.term, ctx); // R0a
  const logOk = isUpToDate(m.lastLogTerm, m.lastLogIndex, s.log);
  // R3a: a stale request (m.term < currentTerm) is refused.
  const grant = m.term === s.currentTerm && logOk && (s.votedFor === null || s.votedFor === m.candidateId);
  if (grant) {
    s.votedFor = m.candidateId;
    resetElectionTimer(ctx); // R2b
  }
  const reply: VoteReplyFields = { term: s.currentTerm, voteGranted: grant };
  ctx.send(msg.from, 'RequestVoteReply', reply);
}

/** R4 HandleRequestVoteResponse. */
function onRequestVoteReply(s: RaftState, msg: Envelope, ctx: RaftCtx): void {
  const m = msg.fields as unknown as VoteReplyFields;
  if (m.term > s.currentTerm) {
    updateTerm(s, m.term, ctx); // R0a
    return;
  }
  if (m.term < s.currentTerm || s.role !== 'candidate') return; // R0b: stale response dropped
  if (m.voteGranted && !s.votesGranted.includes(msg.from)) {
    s.votesGranted.push(msg.from);
    if (quorum(s.votesGranted.length, ctx.voters)) becomeLeader(s, ctx); // R4b
  }
}

/** PV2: grant a pre-vote iff term+1 is ahead of ours, the log is up-to-date and no leader is heard. */
function onPreVote(s: RaftState, msg: Envelope, ctx: RaftCtx): void {
  const m = msg.fields as unknown as RequestVoteFields;
  if (m.term > s.currentTerm && inLease(s, ctx)) return; // LQ1 (real or pre-vote)
  // PV2: never change our own term or vote for a pre-vote.
  const grant =
    m.term > s.currentTerm && isUpToDate(m.lastLogTerm, m.lastLogIndex, s.log) && !heardFromLeaderRecently(s, ctx);
  const reply: VoteReplyFields = grant ? { term: m.term, voteGranted: true } : { term: s.currentTerm, voteGranted: false };
  ctx.send(msg.from, 'PreVoteReply', reply);
}

/** PV3: count pre-votes; a quorum starts the real election (R1); a majority of refusals ends the round. */
function onPreVoteReply(s: RaftState, msg: Envelope, ctx: RaftCtx): void {
  const m = msg.fields as unknown as VoteReplyFields;
  if (!m.voteGranted && m.term > s.currentTerm) {
    updateTerm(s, m.term, ctx); // PV3: a refusal from a higher term is R0a; a grant never changes the term
    return;
  }
  if (s.role !== 'precandidate') return;
  if (m.voteGranted) {
    if (m.term !== s.currentTerm + 1 || s.preVotesGranted.includes(msg.from)) return;
    s.preVotesGranted.push(msg.from);
    if (quorum(s.preVotesGranted.length, ctx.voters)) startElection(s, ctx);
  } else if (!s.preVotesRejected.includes(msg.from)) {
    s.preVotesRejected.push(msg.from);
    if (quorum(s.preVotesRejected.length, ctx.voters)) becomeFollower(s, ctx);
  }
}

/** R5 HandleAppendEntriesRequest (after R0). */
function onAppendEntries(s: RaftState, msg: Envelope, ctx: RaftCtx): void {
  const m = msg.fields as unknown as AppendEntriesFields;
  const refuse = () => {
    const r: AppendEntriesReplyFields = { term: s.currentTerm, success: false, matchIndex: 0 };
    ctx.send(msg.from, 'AppendEntriesReply', r);
  };
  if (m.term > s.currentTerm) updateTerm(s, m.term, ctx); // R0a
  if (m.term < s.currentTerm) return refuse(); // R5a: the reply's higher term makes a stale leader step down
  if (s.role === 'leader') return; // R5b: impossible while R-S1 holds (the checker would report it)
  if (s.role !== 'follower') becomeFollower(s, ctx); // R5b (candidate), PV4 (precandidate)
  s.leaderId = m.leaderId;
  s.lastLeaderContact = ctx.now;
  resetElectionTimer(ctx); // R2a
  // R5c: the consistency check.
  const logOk = m.prevLogIndex === 0 || (m.prevLogIndex <= lastIndex(s.log) && termAt(s.log, m.prevLogIndex) === m.prevLogTerm);
  if (!logOk) return refuse();
  // R5d: truncate at the first conflict, append what is missing; matching entries are left alone, so a
  // duplicated or reordered AppendEntries is idempotent.
  for (let k = 0; k < m.entries.length; k++) {
    const idx = m.prevLogIndex + 1 + k;
    const e = m.entries[k];
    const mine = s.log[idx - 1];
    if (mine !== undefined && mine.term === e.term) continue;
    if (mine !== undefined) s.log = truncated(s.log, idx - 1); // conflict: delete it and all that follow
    s.log = appended(s.log, copyEntry(e));
  }
  // R5e, with [SCOPE]'s outer max so a reordered old message never lowers commitIndex.
  const lastNew = m.prevLogIndex + m.entries.length;
  if (m.leaderCommit > s.commitIndex) commitTo(s, Math.min(m.leaderCommit, lastNew), ctx);
  const r: AppendEntriesReplyFields = { term: s.currentTerm, success: true, matchIndex: lastNew };
  ctx.send(msg.from, 'AppendEntriesReply', r);
}

/** R6 HandleAppendEntriesResponse. */
function onAppendEntriesReply(s: RaftState, msg: Envelope, ctx: RaftCtx): void {
  const m = msg.fields as unknown as AppendEntriesReplyFields;
  if (m.term > s.currentTerm) {
    updateTerm(s, m.term, ctx); // R0a: e.g. a rejoining node's higher term deposes this leader
    return;
  }
  if (m.term < s.currentTerm || s.role !== 'leader') return; // R0b
  const j = msg.from;
  s.recentActive[j] = true; // CQ2
  if (m.success) {
    s.matchIndex[j] = Math.max(s.matchIndex[j] ?? 0, m.matchIndex);
    s.nextIndex[j] = m.matchIndex + 1;
    advanceCommitIndex(s, ctx); // R8
  } else {
    s.nextIndex[j] = Math.max(1, (s.nextIndex[j] ?? 1) - 1);
    sendAppendEntries(s, j, ctx);
  }
}

/** CQ1: every Tmin, a leader that has not heard from a quorum since the last check steps down. */
function checkQuorum(s: RaftState, ctx: RaftCtx): void {
  let active = 1;
  for (const p of peers(s, ctx)) if (s.recentActive[p]) active++;
  if (!quorum(active, ctx.voters)) {
    s.leaderId = null;
    becomeFollower(s, ctx);
    return;
  }
  s.recentActive = {};
  ctx.setTimer(TIMER_CHECK_QUORUM, ctx.options.electionTimeoutMsMin);
}

function freshState(id: NodeId, currentTerm: number, votedFor: NodeId | null, log: Log): RaftState {
  return {
    id,
    currentTerm,
    votedFor,
    log,
    role: 'follower',
    commitIndex: 0,
    leaderId: null,
    votesGranted: [],
    preVotesGranted: [],
    preVotesRejected: [],
    nextIndex: {},
    matchIndex: {},
    recentActive: {},
    lastLeaderContact: null,
  };
}

/**
 * A node's state as a checkpoint keeps it (Algorithm.saveState): one array, with the log as its lineage and
 * length (log.ts), the candidate's lists only when not empty, and the leader's maps (peer id → value) as
 * flat [id, value, id, value, …] arrays only when not empty (a follower's lists and maps are). Few objects:
 * a kept checkpoint's every object is copied by each young-generation collection it survives. Nothing in it
 * is changed afterwards; `loadRaft` builds fresh mutable parts from it.
 */
type SavedRaft = [
  id: NodeId,
  currentTerm: number,
  votedFor: NodeId | null,
  logLineage: readonly LogEntry[],
  logLength: number,
  role: RaftRole,
  commitIndex: number,
  leaderId: NodeId | null,
  votesGranted: NodeId[] | null,
  preVotesGranted: NodeId[] | null,
  preVotesRejected: NodeId[] | null,
  nextIndex: number[] | null,
  matchIndex: number[] | null,
  recentActive: (number | boolean)[] | null,
  lastLeaderContact: number | null,
];

/** A map keyed by node id as [id, value, …] in key order (ascending: integer keys), or null when empty. */
function flatMap<V>(o: Record<number, V>): (number | V)[] | null {
  let out: (number | V)[] | null = null;
  for (const k in o) (out ??= []).push(Number(k), o[k]);
  return out;
}

function unflatMap<V>(flat: (number | V)[] | null): Record<number, V> {
  const o: Record<number, V> = {};
  if (flat) for (let i = 0; i < flat.length; i += 2) o[flat[i] as number] = flat[i + 1] as V;
  return o;
}

function saveRaft(s: RaftState): SavedRaft {
  return [
    s.id,
    s.currentTerm,
    s.votedFor,
    logLineage(s.log),
    s.log.length,
    s.role,
    s.commitIndex,
    s.leaderId,
    s.votesGranted.length > 0 ? s.votesGranted.slice() : null,
    s.preVotesGranted.length > 0 ? s.preVotesGranted.slice() : null,
    s.preVotesRejected.length > 0 ? s.preVotesRejected.slice() : null,
    flatMap(s.nextIndex),
    flatMap(s.matchIndex),
    flatMap(s.recentActive),
    s.lastLeaderContact,
  ];
}

/** The fields in `freshState`'s order (the inspector shows a state's fields in order). */
function loadRaft(v: SavedRaft): RaftState {
  return {
    id: v[0],
    currentTerm: v[1],
    votedFor: v[2],
    log: loadLog(v[3], v[4]),
    role: v[5],
    commitIndex: v[6],
    leaderId: v[7],
    votesGranted: v[8] ? v[8].slice() : [],
    preVotesGranted: v[9] ? v[9].slice() : [],
    preVotesRejected: v[10] ? v[10].slice() : [],
    nextIndex: unflatMap(v[11]),
    matchIndex: unflatMap(v[12]),
    recentActive: unflatMap(v[13]),
    lastLeaderContact: v[14],
  };
}

export const raft: Algorithm<RaftState, RaftOptions, RaftCheckerMemory> = {
  name: 'raft',
  messageKinds: RAFT_KINDS,
  defaultOptions: defaultRaftOptions,
  optionsSchema: raftOptionsSchema,
  supportsObservers: false,
  leaderRule: 'quorum',

  create(id: NodeId, _env: NodeEnv<RaftOptions>): RaftState {
    return freshState(id, 0, null, EMPTY_LOG);
  },

  // R10: (re)start as a follower with a fresh random election timer ([SCOPE] raft.resume).
  boot(s, ctx) {
    s.role = 'follower';
    resetElectionTimer(ctx);
  },

  // §1.1 / R10: currentTerm, votedFor and the log survive; everything else is re-initialised.
  crash(s) {
    return freshState(s.id, s.currentTerm, s.votedFor, s.log);
  },

  onMessage(s, msg, ctx) {
    switch (msg.kind) {
      case 'RequestVote':
        return onRequestVote(s, msg, ctx);
      case 'RequestVoteReply':
        return onRequestVoteReply(s, msg, ctx);
      case 'PreVote':
        return onPreVote(s, msg, ctx);
      case 'PreVoteReply':
        return onPreVoteReply(s, msg, ctx);
      case 'AppendEntries':
        return onAppendEntries(s, msg, ctx);
      case 'AppendEntriesReply':
        return onAppendEntriesReply(s, msg, ctx);
    }
  },

  onTimer(s, name, ctx) {
    switch (name) {
      case TIMER_ELECTION: // R1 / PV1 (followers, precandidates and candidates)
        if (s.role === 'leader') return;
        if (ctx.options.preVote) startPreVote(s, ctx);
        else startElection(s, ctx);
        return;
      case TIMER_HEARTBEAT: // R7
        if (s.role !== 'leader') return;
        broadcastAppendEntries(s, ctx);
        ctx.setTimer(TIMER_HEARTBEAT, ctx.options.heartbeatMs);
        return;
      case TIMER_CHECK_QUORUM: // CQ1
        if (s.role === 'leader') checkQuorum(s, ctx);
        return;
    }
  },

  // R9 ClientRequest: the leader appends and replicates at once; anyone else refuses and names the leader
  // it knows of (a client would redirect there).
  onWrite(s, value: WriteValue, ctx) {
    if (s.role !== 'leader') {
      ctx.writeResult(false, 'not leader', s.leaderId);
      return;
    }
    const index = lastIndex(s.log) + 1;
    s.log = appended(s.log, newEntry(s.currentTerm, value, index));
    broadcastAppendEntries(s, ctx);
    advanceCommitIndex(s, ctx); // a one-node cluster commits at once
    ctx.writeResult(true);
  },

  view(s): NodeView {
    return {
      role: s.role,
      leader: s.leaderId,
      term: s.currentTerm,
      votedFor: s.votedFor,
      lastLogIndex: lastIndex(s.log),
      lastLogTerm: lastTerm(s.log),
      commitIndex: s.commitIndex,
    };
  },

  saveState: saveRaft,
  loadState: (saved) => loadRaft(saved as SavedRaft),

  // `view` field by field, without building it (the kernel asks after every handler run).
  viewUnchanged(s, v) {
    return (
      v.role === s.role &&
      v.leader === s.leaderId &&
      v.term === s.currentTerm &&
      v.votedFor === s.votedFor &&
      v.lastLogIndex === lastIndex(s.log) &&
      v.lastLogTerm === lastTerm(s.log) &&
      v.commitIndex === s.commitIndex
    );
  },

  claimsLeadership(view) {
    return view.role === 'leader';
  },

  checker: raftChecker,

  explore: {
    // lastLeaderContact is read only by PV2 and LQ1 (PreVote, CheckQuorum), as `now - it < Tmin`: without
    // them it decides nothing; with them, only its age up to Tmin does.
    clockKeys: () => ['lastLeaderContact'],
    clock(s, now, o) {
      if (!o.preVote && !o.checkQuorum) return 0;
      return s.lastLeaderContact === null ? -1 : Math.min(now - s.lastLeaderContact, o.electionTimeoutMsMin);
    },
    // R0b: a reply of an older term is dropped, and a node's term never goes down (it survives crashes).
    // A reply of the current term matters only to the candidate (votes) or the leader (AppendEntries) of
    // that term, and a node that is neither now never becomes one in that term (a candidacy starts a new one).
    inert(s, msg) {
      const term = (msg.fields as { term: number }).term;
      switch (msg.kind) {
        case 'RequestVoteReply':
          return term < s.currentTerm || (term === s.currentTerm && s.role !== 'candidate');
        case 'AppendEntriesReply':
          return term < s.currentTerm || (term === s.currentTerm && s.role !== 'leader' && s.role !== 'candidate');
        default:
          return false;
      }
    },
  },
};
