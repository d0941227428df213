/** Raft's narration (protocols.md §1; plug-in interface: ../plugin.ts). */
import type { NodeId } from '../../../engine/core/types';
import type { Importance } from '../types';
import { num, roleLabel, type AlgorithmNarration, type Group, type Line, type NarrationContext, type Say, type Sent, type StateEvent, type Step } from '../plugin';

interface RaftMemory {
  /** Who granted a vote to each candidate in its current term (self included). */
  grants: Map<NodeId, Set<NodeId>>;
  /** Last time each node received an AppendEntries (for the PV2 "heard from a leader" reason). */
  leaderContact: Map<NodeId, number>;
  /** Highest entry index each leader sent each follower in a term ("leader>follower@term"). */
  aeSent: Map<string, number>;
}

/**
 * A Raft vote or pre-vote reply, with the refusal's reasons derived from the request and the voter's view
 * before this step (R3, PV2). Only reasons the fields show are given; none shown, none invented.
 */
function voteReply(ctx: NarrationContext, mem: RaftMemory, g: Group, cand: NodeId, req: Sent | null): Say {
  const voter = g.from;
  const reply = g.sends[0].fields;
  const pre = g.kind === 'PreVoteReply';
  const granted = reply.voteGranted === true;
  const reqF = req && req.kind === (pre ? 'PreVote' : 'RequestVote') ? req.fields : null;
  const term = reqF ? num(reqF.term) : num(reply.term);
  if (granted) {
    const l: Say = pre ? (d) => d.preVoteGranted(voter, cand, term) : (d) => d.voteGranted(voter, cand, term);
    return l;
  }
  const before = g.before;
  const reasons: Say[] = [];
  if (reqF && before) {
    const myTerm = num(before.term);
    const cli = num(reqF.lastLogIndex);
    const clt = num(reqF.lastLogTerm);
    const li = num(before.lastLogIndex);
    const lt = num(before.lastLogTerm);
    const logOk = clt > lt || (clt === lt && cli >= li); // §5.4.1 isUpToDate
    if (pre) {
      if (term <= myTerm) reasons.push((d) => d.whyTermNotAhead(myTerm));
      if (!logOk) reasons.push((d) => d.whyLog(li, lt, cli, clt));
      if (before.role === 'leader') reasons.push((d) => d.whyIsLeader);
      else {
        const tmin = num(ctx.options.electionTimeoutMsMin, 150);
        const contact = mem.leaderContact.get(voter);
        const leader = before.leader;
        if (typeof leader === 'number' && contact !== undefined && g.t - contact < tmin) reasons.push((d) => d.whyLeader(leader));
      }
    } else {
      if (term < myTerm) reasons.push((d) => d.whyTermOld(myTerm, term));
      const voted = before.votedFor;
      if (term === myTerm && typeof voted === 'number' && voted !== cand)
        reasons.push(voted === voter ? (d) => d.whyVotedSelf(myTerm) : (d) => d.whyVoted(voted, myTerm));
      if (!logOk) reasons.push((d) => d.whyLog(li, lt, cli, clt));
    }
  }
  if (reasons.length === 0) return pre ? (d) => d.preVoteRefusedPlain(voter, cand, term) : (d) => d.voteRefusedPlain(voter, cand, term);
  const why: Say = (d) => d.join(reasons.map((r) => r(d)));
  return pre ? (d) => d.preVoteRefused(voter, cand, term, why(d)) : (d) => d.voteRefused(voter, cand, term, why(d));
}

function state(ctx: NarrationContext, mem: RaftMemory, c: StateEvent, p: StateEvent | undefined, step: Step | null): Line | null {
  const n = c.node;
  const term = num(c.term);
  const S = (imp: Importance, say: Say, nodes: NodeId[] = [n]) => ctx.line(c, 'state', imp, n, nodes, say);
  if (!p) return S(0, (d) => d.raftStart(n, term));
  const pTerm = num(p.term);
  const revived = !p.alive && c.alive;
  if (c.role === 'candidate' && (p.role !== 'candidate' || term > pTerm)) {
    mem.grants.set(n, new Set([n]));
    let l: Line;
    if (p.role === 'precandidate') l = S(1, (d) => d.raftPreVoteWon(n, term));
    else if (p.role === 'candidate') l = S(1, (d) => d.raftCandidateAgain(n, pTerm, term));
    else l = S(1, (d) => d.raftCandidate(n, term));
    l.note = ctx.note('raftRandomTimeouts');
    return l;
  }
  if (c.role === 'precandidate' && p.role !== 'precandidate') return S(1, (d) => d.raftPreCandidate(n, term + 1, term));
  if (c.role === 'leader' && p.role !== 'leader') {
    const votes = mem.grants.get(n)?.size ?? 0;
    const voters = ctx.voters.length;
    const l = S(2, votes > voters / 2 ? (d) => d.raftLeader(n, term, votes, voters) : (d) => d.raftLeader(n, term, Math.floor(voters / 2) + 1, voters));
    l.note = ctx.note('raftTermDoesNotExpire');
    return l;
  }
  if (revived) return S(1, (d) => d.raftRestart(n, term));
  const from = ctx.cause(step);
  const nodesWithSender = step?.msg ? [n, step.msg.from] : [n];
  if (p.role === 'leader' && c.role !== 'leader') {
    if (term > pTerm) return S(2, (d) => d.raftStepDownTerm(n, term, from(d)), nodesWithSender);
    return S(2, (d) => d.raftStepDownQuorum(n, term));
  }
  if ((p.role === 'candidate' || p.role === 'precandidate') && c.role === 'follower') {
    const prole = p.role;
    if (term > pTerm) return S(1, (d) => d.raftFollowerHigherTerm(n, roleLabel(d, 'raft', prole), term, from(d)), nodesWithSender);
    const leader = c.leader;
    if (typeof leader === 'number') return S(1, (d) => d.raftFollowerLeader(n, roleLabel(d, 'raft', prole), leader, term), [n, leader]);
    if (prole === 'precandidate') return S(1, (d) => d.raftPreVoteLost(n, term));
  }
  if (term > pTerm && typeof c.leader === 'number') {
    const leader = c.leader;
    return S(1, (d) => d.raftLearnsLeader(n, leader, term), [n, leader]);
  }
  if (term > pTerm) {
    // A follower that adopts a higher term; when the cause is a RequestVote, the reply line says the rest.
    const imp: Importance = step?.msg?.kind === 'RequestVote' ? 0 : 1;
    const voted = c.votedFor;
    if (typeof voted === 'number') return S(imp, (d) => d.raftNewTermVoted(n, term, from(d), voted), [...nodesWithSender, voted]);
    return S(imp, (d) => d.raftNewTerm(n, term, from(d)), nodesWithSender);
  }
  const leader = c.leader;
  if (leader !== p.leader) {
    if (typeof leader === 'number') return S(1, (d) => d.raftLearnsLeader(n, leader, term), [n, leader]);
    return S(1, (d) => d.raftLosesLeader(n));
  }
  const voted = c.votedFor;
  if (voted !== p.votedFor && typeof voted === 'number') return S(0, (d) => d.raftRecordsVote(n, voted, term), [n, voted]);
  if (c.role === p.role) return S(0, (d) => d.raftLog(n, num(c.lastLogIndex), num(c.lastLogTerm), num(c.commitIndex)));
  return null;
}

export const raftNarration: AlgorithmNarration<RaftMemory> = {
  init: () => ({ grants: new Map(), leaderContact: new Map(), aeSent: new Map() }),
  leaderRule: 'quorum',
  routineKinds: ['AppendEntriesReply'],
  routine: (m) => m.kind === 'AppendEntries' && Array.isArray(m.fields.entries) && m.fields.entries.length === 0,
  explainedByState: ['RequestVote', 'PreVote'],
  keeps: (d) => d.keepsRaft,
  writeAccepted: (n, v) => (d) => d.writeAcceptedRaft(n, v),
  down: (c) => (d) => d.raftDown(c.node, num(c.term)),
  onDeliver(ctx, mem, ev, m) {
    if (ev.kind === 'AppendEntries') mem.leaderContact.set(ev.to, ev.t);
    // A granted RequestVoteReply delivered to its candidate counts for the leader line.
    if (m.kind === 'RequestVoteReply' && m.fields.voteGranted === true) {
      const cand = ctx.views.get(m.to);
      if (cand && num(cand.term) === num(m.fields.term)) mem.grants.get(m.to)?.add(m.from);
    }
    // Deliveries are routine: what matters is the receiver's reaction, narrated by its reply or state line.
    if ((m.kind === 'RequestVoteReply' || m.kind === 'PreVoteReply') && typeof m.fields.voteGranted === 'boolean') {
      const g = m.fields.voteGranted;
      return (d) => d.deliveredVote(ev.to, ev.from, g);
    }
    return null;
  },
  // §1.2
  sends: {
    RequestVote: (_ctx, _mem, { from, to, fields: f }) => {
      const term = num(f.term);
      return { say: (d) => d.rvSend(from, to(d), term, num(f.lastLogIndex), num(f.lastLogTerm)) };
    },
    PreVote: (_ctx, _mem, { from, to, fields: f }) => {
      const term = num(f.term);
      return { say: (d) => d.pvSend(from, to(d), term) };
    },
    RequestVoteReply: (ctx, mem, { group, single, msg }) => ({ say: single !== null ? voteReply(ctx, mem, group, single, msg) : undefined, note: 'raftVoteRules' }),
    PreVoteReply: (ctx, mem, { group, single, msg }) => (single !== null ? { say: voteReply(ctx, mem, group, single, msg) } : null),
    AppendEntries: (_ctx, mem, { group: g, from, to, fields: f }) => {
      const term = num(f.term);
      const entries = g.sends.map((s) => (Array.isArray(s.fields.entries) ? s.fields.entries.length : 0));
      const most = Math.max(...entries);
      if (most === 0) return { importance: 0, say: (d) => d.heartbeat(from, to(d), term) };
      // A resend of entries a target was already sent (it lags or is down) is routine (R7 resends every heartbeat).
      let fresh = false;
      for (const s of g.sends) {
        const es = Array.isArray(s.fields.entries) ? s.fields.entries.length : 0;
        const last = num(s.fields.prevLogIndex) + es;
        const key = `${from}>${s.to}@${term}`;
        if (es > 0 && last > (mem.aeSent.get(key) ?? 0)) fresh = true;
        mem.aeSent.set(key, Math.max(last, mem.aeSent.get(key) ?? 0));
      }
      const withMost = g.sends[entries.indexOf(most)].fields;
      const firstIdx = num(withMost.prevLogIndex) + 1;
      return { importance: fresh ? undefined : 0, say: (d) => d.appendEntries(from, to(d), term, most, firstIdx, num(withMost.leaderCommit)) };
    },
    AppendEntriesReply: (_ctx, _mem, { from, single, fields: f, msg }) => {
      if (single === null) return null;
      if (f.success === true) return { say: (d) => d.aeOk(from, single, num(f.matchIndex)) };
      const reqTerm = msg && msg.kind === 'AppendEntries' ? num(msg.fields.term) : null;
      const prev = msg && msg.kind === 'AppendEntries' ? num(msg.fields.prevLogIndex) : 0;
      const term = num(f.term);
      return { importance: 1, say: reqTerm !== null && term > reqTerm ? (d) => d.aeStale(from, single, term) : (d) => d.aeMismatch(from, single, prev) };
    },
  },
  state,
};
