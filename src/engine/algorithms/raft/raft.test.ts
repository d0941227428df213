/** Raft handlers one rule at a time (protocols.md §1.4–1.5), on a recording context. */
import { describe, expect, it } from 'vitest';
import { recordingCtx, type Recorded } from '../../testing/recording-ctx';
import type { Ctx, Envelope, Fields } from '../../core/algorithm';
import type { NodeId } from '../../core/types';
import { resolveOptions, ScenarioError } from '../../scenario-file';
import { defaultScenario } from '../../run';
import { defaultRaftOptions, type RaftOptions } from './options';
import { raft, type LogEntry, type RaftState } from './raft';

function makeCtx(id: NodeId, now = 1000, options: Partial<RaftOptions> = {}, voters = [1, 2, 3, 4, 5]) {
  return recordingCtx<RaftOptions>(id, { ...defaultRaftOptions, ...options }, { now, voters });
}

/** A log as the engine makes them: immutable entries (see log.ts). */
function log(...terms: number[]): LogEntry[] {
  return terms.map((t, k) => Object.freeze({ term: t, value: `v${k + 1}`, id: `${t}.${k + 1}` }));
}

function st(id: NodeId, patch: Partial<RaftState> = {}): RaftState {
  return { ...raft.create(id, null as never), ...patch };
}

function msg(from: NodeId, to: NodeId, kind: string, fields: Fields): Envelope {
  return { from, to, kind, fields };
}

describe('Raft options', () => {
  it('has the contract defaults', () => {
    expect(resolveOptions(defaultScenario({ algorithm: 'raft' }), 'raft')).toEqual({
      preVote: false,
      checkQuorum: false,
      electionTimeoutMsMin: 150,
      electionTimeoutMsMax: 300,
      heartbeatMs: 50,
    });
  });
  it('refuses unknown keys and an empty timeout range', () => {
    expect(() => resolveOptions(defaultScenario({ options: { preVotes: true } }), 'raft')).toThrow(ScenarioError);
    expect(() => resolveOptions(defaultScenario({ options: { electionTimeoutMsMin: 300 } }), 'raft')).toThrow(/below/);
  });
});

describe('R1/R2/R10: timers, elections, crash', () => {
  it('boots as a follower with a random election timeout in [Tmin, Tmax)', () => {
    const s = st(1);
    const { ctx, rec } = makeCtx(1);
    raft.boot(s, ctx);
    expect(s.role).toBe('follower');
    expect(rec.timers.election).toBe(225);
  });

  it('R1: the election timer starts a candidacy in term+1 with RequestVote to every other node', () => {
    const s = st(1, { currentTerm: 3, log: log(1, 3) });
    const { ctx, rec } = makeCtx(1);
    raft.onTimer(s, 'election', ctx);
    expect(s).toMatchObject({ role: 'candidate', currentTerm: 4, votedFor: 1, votesGranted: [1], leaderId: null });
    expect(rec.sends.map((m) => [m.to, m.kind])).toEqual([2, 3, 4, 5].map((j) => [j, 'RequestVote']));
    expect(rec.sends[0].fields).toEqual({ term: 4, candidateId: 1, lastLogIndex: 2, lastLogTerm: 3 });
    expect(rec.timers.election).toBeGreaterThanOrEqual(150);
  });

  it('R10: a crash keeps term, vote and log, and forgets commitIndex and role', () => {
    const s = st(2, { currentTerm: 5, votedFor: 3, log: log(1, 5), commitIndex: 2, role: 'leader', leaderId: 2 });
    const after = raft.crash(s, makeCtx(2).ctx);
    expect(after).toMatchObject({ currentTerm: 5, votedFor: 3, log: log(1, 5), commitIndex: 0, role: 'follower', leaderId: null });
  });

  it('a one-node cluster elects itself and commits its writes at once', () => {
    const s = st(1);
    const { ctx, rec } = makeCtx(1, 0, {}, [1]);
    raft.onTimer(s, 'election', ctx);
    expect(s.role).toBe('leader');
    raft.onWrite(s, 'x', ctx);
    expect(rec.commits).toEqual([{ index: 1, value: null }, { index: 2, value: 'x' }]);
  });
});

describe('R3/R0: RequestVote', () => {
  const rv = (term: number, lastLogIndex: number, lastLogTerm: number, candidateId = 2) =>
    msg(candidateId, 1, 'RequestVote', { term, candidateId, lastLogIndex, lastLogTerm });

  it('grants to an up-to-date candidate, adopting its term (R0a) and resetting the timer (R2b)', () => {
    const s = st(1, { currentTerm: 2, log: log(1, 2) });
    const { ctx, rec } = makeCtx(1);
    raft.onMessage(s, rv(3, 2, 2), ctx);
    expect(s).toMatchObject({ currentTerm: 3, votedFor: 2 });
    expect(rec.sends).toEqual([{ to: 2, kind: 'RequestVoteReply', fields: { term: 3, voteGranted: true } }]);
    expect(rec.timers.election).toBeDefined();
  });

  it('refuses a candidate whose log is behind, without resetting its timer (R2)', () => {
    for (const [idx, term] of [
      [1, 2],
      [5, 1],
    ]) {
      const s = st(1, { currentTerm: 2, log: log(1, 2) });
      const { ctx, rec } = makeCtx(1);
      raft.onMessage(s, rv(3, idx, term), ctx);
      expect(s.currentTerm).toBe(3);
      expect(s.votedFor).toBeNull();
      expect(rec.sends[0].fields).toEqual({ term: 3, voteGranted: false });
      expect(rec.timers.election).toBeUndefined();
    }
  });

  it('votes once per term, and refuses a stale term (R3a)', () => {
    const s = st(1, { currentTerm: 3, votedFor: 4 });
    const { ctx, rec } = makeCtx(1);
    raft.onMessage(s, rv(3, 9, 9), ctx);
    raft.onMessage(s, rv(2, 9, 9), ctx);
    raft.onMessage(s, rv(3, 9, 9, 4), ctx);
    expect(rec.sends.map((m) => m.fields.voteGranted)).toEqual([false, false, true]);
  });

  it('R4: a candidate becomes leader on a quorum, appends a no-op and sends AppendEntries', () => {
    const s = st(1, { currentTerm: 1, log: log(1) });
    const { ctx, rec } = makeCtx(1);
    raft.onTimer(s, 'election', ctx);
    rec.sends.length = 0;
    raft.onMessage(s, msg(2, 1, 'RequestVoteReply', { term: 2, voteGranted: true }), ctx);
    raft.onMessage(s, msg(2, 1, 'RequestVoteReply', { term: 2, voteGranted: true }), ctx); // a duplicate counts once
    raft.onMessage(s, msg(3, 1, 'RequestVoteReply', { term: 1, voteGranted: true }), ctx); // stale: dropped
    expect(s.role).toBe('candidate');
    raft.onMessage(s, msg(4, 1, 'RequestVoteReply', { term: 2, voteGranted: true }), ctx);
    expect(s.role).toBe('leader');
    expect(s.log.at(-1)).toEqual({ term: 2, value: null, id: '2.2' });
    expect(rec.sends.map((m) => m.kind)).toEqual(Array(4).fill('AppendEntries'));
    expect(rec.sends[0].fields).toMatchObject({ term: 2, leaderId: 1, prevLogIndex: 1, prevLogTerm: 1, leaderCommit: 0 });
    expect(rec.timers.heartbeat).toBe(50);
    expect(rec.timers.election).toBeNull();
  });
});

describe('R5: AppendEntries', () => {
  const ae = (f: Partial<{ term: number; prevLogIndex: number; prevLogTerm: number; entries: LogEntry[]; leaderCommit: number }>) =>
    msg(2, 1, 'AppendEntries', { term: 2, leaderId: 2, prevLogIndex: 0, prevLogTerm: 0, entries: [], leaderCommit: 0, ...f });

  it('R5a: refuses a stale term with its own term', () => {
    const s = st(1, { currentTerm: 3 });
    const { ctx, rec } = makeCtx(1);
    raft.onMessage(s, ae({ term: 2 }), ctx);
    expect(rec.sends[0]).toMatchObject({ kind: 'AppendEntriesReply', fields: { term: 3, success: false } });
    expect(s.leaderId).toBeNull();
  });

  it('R5b/PV4: a candidate or precandidate of that term follows the leader', () => {
    for (const role of ['candidate', 'precandidate'] as const) {
      const s = st(1, { currentTerm: 2, role, votedFor: 1 });
      const { ctx } = makeCtx(1);
      raft.onMessage(s, ae({}), ctx);
      expect(s).toMatchObject({ role: 'follower', leaderId: 2, lastLeaderContact: 1000 });
    }
  });

  it('R5c: refuses when the entry before the new ones does not match', () => {
    const s = st(1, { currentTerm: 2, log: log(1, 1) });
    const { ctx, rec } = makeCtx(1);
    raft.onMessage(s, ae({ prevLogIndex: 2, prevLogTerm: 2 }), ctx);
    raft.onMessage(s, ae({ prevLogIndex: 3, prevLogTerm: 1 }), ctx);
    expect(rec.sends.map((m) => m.fields.success)).toEqual([false, false]);
    expect(s.log).toEqual(log(1, 1));
  });

  it('R5d: truncates at the first conflict, appends the rest, and is idempotent', () => {
    const s = st(1, { currentTerm: 2, log: log(1, 1, 1) });
    const { ctx, rec } = makeCtx(1);
    const incoming = [
      { term: 1, value: 'v2', id: '1.2' },
      { term: 2, value: 'n', id: '2.3' },
    ];
    raft.onMessage(s, ae({ prevLogIndex: 1, prevLogTerm: 1, entries: incoming }), ctx);
    expect(s.log.map((e) => e.id)).toEqual(['1.1', '1.2', '2.3']);
    // the same message again, and an older shorter one: nothing is lost
    raft.onMessage(s, ae({ prevLogIndex: 1, prevLogTerm: 1, entries: incoming }), ctx);
    raft.onMessage(s, ae({ prevLogIndex: 1, prevLogTerm: 1, entries: incoming.slice(0, 1) }), ctx);
    expect(s.log.map((e) => e.id)).toEqual(['1.1', '1.2', '2.3']);
    expect(rec.sends.map((m) => m.fields)).toEqual([
      { term: 2, success: true, matchIndex: 3 },
      { term: 2, success: true, matchIndex: 3 },
      { term: 2, success: true, matchIndex: 2 },
    ]);
    // the stored entries are copies, not the message's objects
    expect(s.log[2]).not.toBe(incoming[1]);
  });

  it('R5e: commits up to min(leaderCommit, last new entry), never lowering commitIndex', () => {
    const s = st(1, { currentTerm: 2, log: log(1, 1, 2) });
    const { ctx, rec } = makeCtx(1);
    raft.onMessage(s, ae({ prevLogIndex: 1, prevLogTerm: 1, leaderCommit: 3 }), ctx);
    expect(s.commitIndex).toBe(1);
    raft.onMessage(s, ae({ prevLogIndex: 3, prevLogTerm: 2, leaderCommit: 3 }), ctx);
    expect(s.commitIndex).toBe(3);
    raft.onMessage(s, ae({ prevLogIndex: 0, leaderCommit: 1 }), ctx);
    expect(s.commitIndex).toBe(3);
    expect(rec.commits).toEqual([
      { index: 1, value: 'v1' },
      { index: 2, value: 'v2' },
      { index: 3, value: 'v3' },
    ]);
  });
});

describe('R6–R9: the leader', () => {
  function leader(l: LogEntry[], term: number): { s: RaftState; ctx: Ctx<RaftOptions>; rec: Recorded } {
    const s = st(1, { currentTerm: term, role: 'leader', leaderId: 1, votedFor: 1, log: l });
    for (const p of [2, 3, 4, 5]) {
      s.nextIndex[p] = l.length + 1;
      s.matchIndex[p] = 0;
    }
    const { ctx, rec } = makeCtx(1);
    return { s, ctx, rec };
  }
  const ok = (from: number, term: number, matchIndex: number) =>
    msg(from, 1, 'AppendEntriesReply', { term, success: true, matchIndex });

  it('R8: commits a current-term entry once a majority holds it', () => {
    const { s, ctx, rec } = leader(log(1, 2, 2), 2);
    raft.onMessage(s, ok(2, 2, 3), ctx);
    expect(s.commitIndex).toBe(0);
    raft.onMessage(s, ok(3, 2, 3), ctx);
    expect(s.commitIndex).toBe(3);
    expect(rec.commits.map((c) => c.index)).toEqual([1, 2, 3]);
  });

  it('R8: never commits an old-term entry by counting replicas (Figure 8)', () => {
    const { s, ctx } = leader(log(1, 2), 3); // the term-2 entry is on a majority, but it is not of term 3
    for (const p of [2, 3, 4, 5]) raft.onMessage(s, ok(p, 3, 2), ctx);
    expect(s.commitIndex).toBe(0);
    s.log = [...s.log, { term: 3, value: null, id: '3.3' }];
    raft.onMessage(s, ok(2, 3, 3), ctx);
    raft.onMessage(s, ok(3, 3, 3), ctx);
    expect(s.commitIndex).toBe(3); // committing the term-3 entry commits those under it
  });

  it('R6: a refusal backs nextIndex off by one and resends', () => {
    const { s, ctx, rec } = leader(log(1, 1, 2), 2);
    raft.onMessage(s, msg(2, 1, 'AppendEntriesReply', { term: 2, success: false, matchIndex: 0 }), ctx);
    expect(s.nextIndex[2]).toBe(3);
    expect(rec.sends).toHaveLength(1);
    expect(rec.sends[0].fields).toMatchObject({ prevLogIndex: 2, prevLogTerm: 1, entries: [log(1, 1, 2)[2]] });
  });

  it('R0a: a reply with a higher term deposes the leader, which starts an election timer', () => {
    const { s, ctx, rec } = leader(log(1), 1);
    raft.onMessage(s, msg(5, 1, 'AppendEntriesReply', { term: 9, success: false, matchIndex: 0 }), ctx);
    expect(s).toMatchObject({ role: 'follower', currentTerm: 9, votedFor: null, leaderId: null });
    expect(rec.timers.heartbeat).toBeNull();
    expect(typeof rec.timers.election).toBe('number');
  });

  it('R9: a write is appended and sent by the leader, refused elsewhere with the known leader', () => {
    const { s, ctx, rec } = leader(log(1), 1);
    raft.onWrite(s, 'hello', ctx);
    expect(rec.write).toEqual({ accepted: true, reason: undefined, leader: undefined });
    expect(s.log.at(-1)).toEqual({ term: 1, value: 'hello', id: '1.2' });
    expect(rec.sends.filter((m) => m.kind === 'AppendEntries')).toHaveLength(4);
    const f = st(3, { leaderId: 1 });
    const c = makeCtx(3);
    raft.onWrite(f, 'no', c.ctx);
    expect(c.rec.write).toEqual({ accepted: false, reason: 'not leader', leader: 1 });
  });

  it('R7: heartbeats carry the entries from nextIndex, immutable', () => {
    const { s, ctx, rec } = leader(log(1, 1), 1);
    s.nextIndex[2] = 2;
    raft.onTimer(s, 'heartbeat', ctx);
    const to2 = rec.sends.find((m) => m.to === 2)!;
    expect(to2.fields).toMatchObject({ prevLogIndex: 1, prevLogTerm: 1, entries: [log(1, 1)[1]] });
    // The message may share the entry with the log because neither can change it; its array is its own.
    expect(Object.isFrozen((to2.fields.entries as LogEntry[])[0])).toBe(true);
    expect(to2.fields.entries).not.toBe(s.log);
    expect(rec.timers.heartbeat).toBe(50);
  });
});

describe('PreVote (PV1–PV4), CheckQuorum (CQ1–CQ2) and the lease (LQ1)', () => {
  it('PV1: a precandidate asks for term+1 without changing its term or vote', () => {
    const s = st(1, { currentTerm: 4, votedFor: 3, log: log(4) });
    const { ctx, rec } = makeCtx(1, 1000, { preVote: true });
    raft.onTimer(s, 'election', ctx);
    expect(s).toMatchObject({ role: 'precandidate', currentTerm: 4, votedFor: 3 });
    expect(rec.sends[0]).toEqual({ to: 2, kind: 'PreVote', fields: { term: 5, candidateId: 1, lastLogIndex: 1, lastLogTerm: 4 } });
  });

  it('PV2: grants without changing its own state, refuses while it hears from a leader', () => {
    const pv = msg(2, 1, 'PreVote', { term: 5, candidateId: 2, lastLogIndex: 1, lastLogTerm: 4 });
    const s = st(1, { currentTerm: 4, log: log(4) });
    const a = makeCtx(1, 1000, { preVote: true });
    raft.onMessage(s, pv, a.ctx);
    expect(a.rec.sends[0].fields).toEqual({ term: 5, voteGranted: true });
    expect(s).toMatchObject({ currentTerm: 4, votedFor: null });
    expect(a.rec.timers).toEqual({});
    const heard = st(1, { currentTerm: 4, log: log(4), leaderId: 3, lastLeaderContact: 900 });
    const b = makeCtx(1, 1000, { preVote: true });
    raft.onMessage(heard, pv, b.ctx);
    expect(b.rec.sends[0].fields).toEqual({ term: 4, voteGranted: false });
  });

  it('PV3: a quorum of pre-votes starts the real election; a majority of refusals ends the round', () => {
    const s = st(1, { currentTerm: 4 });
    const { ctx } = makeCtx(1, 1000, { preVote: true });
    raft.onTimer(s, 'election', ctx);
    raft.onMessage(s, msg(2, 1, 'PreVoteReply', { term: 5, voteGranted: true }), ctx);
    expect(s.role).toBe('precandidate');
    raft.onMessage(s, msg(3, 1, 'PreVoteReply', { term: 5, voteGranted: true }), ctx);
    expect(s).toMatchObject({ role: 'candidate', currentTerm: 5, votedFor: 1 });

    const r = st(1, { currentTerm: 4 });
    const c = makeCtx(1, 1000, { preVote: true });
    raft.onTimer(r, 'election', c.ctx);
    for (const j of [2, 3, 4]) raft.onMessage(r, msg(j, 1, 'PreVoteReply', { term: 4, voteGranted: false }), c.ctx);
    expect(r).toMatchObject({ role: 'follower', currentTerm: 4 });
    raft.onTimer(r, 'election', c.ctx);
    raft.onMessage(r, msg(5, 1, 'PreVoteReply', { term: 7, voteGranted: false }), c.ctx);
    expect(r).toMatchObject({ role: 'follower', currentTerm: 7 });
  });

  it('CQ1: a leader that heard from no quorum during Tmin steps down in its term', () => {
    const s = st(1, { currentTerm: 2, role: 'leader', leaderId: 1, votedFor: 1 });
    const { ctx, rec } = makeCtx(1, 1000, { checkQuorum: true });
    raft.onMessage(s, msg(2, 1, 'AppendEntriesReply', { term: 2, success: true, matchIndex: 0 }), ctx);
    raft.onMessage(s, msg(3, 1, 'AppendEntriesReply', { term: 2, success: true, matchIndex: 0 }), ctx);
    raft.onTimer(s, 'checkQuorum', ctx);
    expect(s.role).toBe('leader');
    expect(s.recentActive).toEqual({});
    expect(rec.timers.checkQuorum).toBe(150);
    raft.onMessage(s, msg(2, 1, 'AppendEntriesReply', { term: 2, success: true, matchIndex: 0 }), ctx);
    raft.onTimer(s, 'checkQuorum', ctx);
    expect(s).toMatchObject({ role: 'follower', currentTerm: 2, leaderId: null });
  });

  it('LQ1: with CheckQuorum, a node inside the lease drops a higher-term vote request', () => {
    const rv = msg(2, 1, 'RequestVote', { term: 9, candidateId: 2, lastLogIndex: 5, lastLogTerm: 5 });
    const s = st(1, { currentTerm: 2, leaderId: 3, lastLeaderContact: 950 });
    const a = makeCtx(1, 1000, { checkQuorum: true });
    raft.onMessage(s, rv, a.ctx);
    expect(a.rec.sends).toEqual([]);
    expect(s.currentTerm).toBe(2);
    const b = makeCtx(1, 1200, { checkQuorum: true }); // lease over
    raft.onMessage(s, rv, b.ctx);
    expect(s.currentTerm).toBe(9);
    expect(b.rec.sends[0].fields).toEqual({ term: 9, voteGranted: true });
  });
});

describe('view', () => {
  it('is exactly the contract fields, fresh', () => {
    const s = st(1, { currentTerm: 3, votedFor: 2, log: log(1, 3), commitIndex: 1, leaderId: 2 });
    const v = raft.view(s);
    expect(v).toEqual({ role: 'follower', leader: 2, term: 3, votedFor: 2, lastLogIndex: 2, lastLogTerm: 3, commitIndex: 1 });
    expect(raft.view(s)).not.toBe(v);
    expect(raft.claimsLeadership(v)).toBe(false);
    expect(raft.claimsLeadership({ ...v, role: 'leader' })).toBe(true);
  });
});
