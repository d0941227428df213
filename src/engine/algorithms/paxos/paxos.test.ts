/** Multi-Paxos one rule at a time (README.md P1–P11) on a recording context, then whole runs and their message counts. */
import { describe, expect, it } from 'vitest';
import { recordingCtx, type Recorded } from '../../testing/recording-ctx';
import type { Ctx, Envelope, Fields } from '../../core/algorithm';
import type { NodeId, WriteValue } from '../../core/types';
import { defaultScenario } from '../../run';
import { resolveOptions, ScenarioError } from '../../scenario-file';
import { ballot, NO_BALLOT, type AcceptedSlot } from './ballot';
import { defaultPaxosOptions, type PaxosOptions } from './options';
import { paxos, type PaxosState } from './paxos';
import { commitsOf, paxosState, runChecked, sendsOf } from './test-helpers';

function makeCtx(id: NodeId, options: Partial<PaxosOptions> = {}, voters = [1, 2, 3, 4, 5]) {
  return recordingCtx<PaxosOptions>(id, { ...defaultPaxosOptions, ...options }, { voters });
}

function st(id: NodeId, patch: Partial<PaxosState> = {}): PaxosState {
  return { ...paxos.create(id, null as never), ...patch };
}

function msg(from: NodeId, to: NodeId, kind: string, fields: object): Envelope {
  return { from, to, kind, fields: fields as Fields };
}

const acc = (round: number, node: NodeId, value: WriteValue | null): AcceptedSlot => Object.freeze({ ballot: ballot(round, node), value });

describe('Paxos options', () => {
  it('has its defaults (the teaching switch has none)', () => {
    expect(resolveOptions(defaultScenario({ algorithm: 'paxos' }), 'paxos')).toEqual({
      heartbeatMs: 50,
      leaderTimeoutMsMin: 150,
      leaderTimeoutMsMax: 300,
      backoff: true,
      backoffMaxMs: 150,
    });
  });
  it('refuses unknown keys, naming the known ones, and an empty timeout range', () => {
    expect(() => resolveOptions(defaultScenario({ algorithm: 'paxos', options: { backOff: true } }), 'paxos')).toThrow(/unknown option "backOff" for paxos \(known: .*ignorePromisedValues/);
    expect(() => resolveOptions(defaultScenario({ algorithm: 'paxos', options: { leaderTimeoutMsMin: 300 } }), 'paxos')).toThrow(ScenarioError);
  });
});

describe('P1/P2 Phase 1', () => {
  it('the leader timer starts Phase 1 with ballot [highest round seen + 1, self], promised to itself, Prepare from the first unlearned slot', () => {
    const s = st(2, { promised: ballot(3, 4), maxRound: 5, learned: Object.freeze(['a']) });
    const { ctx, rec } = makeCtx(2);
    paxos.onTimer(s, 'leader', ctx);
    expect(s).toMatchObject({ role: 'proposer', ballot: [6, 2], promised: [6, 2], from: 2, promises: [2] });
    expect(rec.sends.map((m) => [m.to, m.kind])).toEqual([
      [1, 'Prepare'],
      [3, 'Prepare'],
      [4, 'Prepare'],
      [5, 'Prepare'],
    ]);
    expect(rec.sends[0].fields).toEqual({ ballot: [6, 2], from: 2 });
    expect(rec.timers.leader).toBe(225); // P2: retried on the randomized leader timer
  });

  it('a one-node cluster elects itself at once', () => {
    const s = st(1);
    const { ctx, rec } = makeCtx(1, {}, [1]);
    paxos.onTimer(s, 'leader', ctx);
    expect(s.role).toBe('leader');
    expect(rec.timers.heartbeat).toBe(50);
  });
});

describe('P3/P4 acceptor', () => {
  it('P3: a higher Prepare is promised; the Promise carries every accepted slot ≥ from; the old leader is forgotten', () => {
    const s = st(3, { promised: ballot(1, 5), leaderId: 5, accepted: Object.freeze([acc(1, 5, 'a'), null, acc(1, 5, 'c')]) });
    const { ctx, rec } = makeCtx(3);
    paxos.onMessage(s, msg(4, 3, 'Prepare', { ballot: [2, 4], from: 2 }), ctx);
    expect(s.promised).toEqual([2, 4]);
    expect(s.leaderId).toBeNull();
    expect(rec.sends).toEqual([{ to: 4, kind: 'Promise', fields: { ballot: [2, 4], accepted: [[3, 1, 5, 'c']] } }]);
    expect(rec.timers.leader).toBe(225);
  });

  it('P4: a Prepare, Accept or Heartbeat below the promise gets a Nack naming the promise', () => {
    for (const kind of ['Prepare', 'Accept', 'Heartbeat']) {
      const s = st(3, { promised: ballot(2, 4) });
      const { ctx, rec } = makeCtx(3);
      paxos.onMessage(s, msg(5, 3, kind, { ballot: [1, 5], from: 1, slot: 1, value: 'v', commit: 0 }), ctx);
      expect(rec.sends).toEqual([{ to: 5, kind: 'Nack', fields: { ballot: [1, 5], promised: [2, 4] } }]);
      expect(s.accepted).toEqual([]);
    }
  });

  it('P4 vs P1: two proposers never share a ballot: equal rounds are ordered by node id', () => {
    const s = st(3, { promised: ballot(1, 4) });
    const { ctx, rec } = makeCtx(3);
    paxos.onMessage(s, msg(2, 3, 'Prepare', { ballot: [1, 2], from: 1 }), ctx);
    expect(rec.sends[0].kind).toBe('Nack');
    paxos.onMessage(s, msg(5, 3, 'Prepare', { ballot: [1, 5], from: 1 }), ctx);
    expect(rec.sends[1].kind).toBe('Promise');
  });
});

describe('P5/P6 becoming leader', () => {
  it('a quorum of Promises makes the leader; it re-proposes the highest-ballot value per slot and fills gaps with no-ops', () => {
    const s = st(1);
    const { ctx, rec } = makeCtx(1);
    paxos.onTimer(s, 'leader', ctx); // ballot 1.1 … pretend rounds were higher: use what it sent
    rec.sends.length = 0;
    const b = s.ballot;
    // Node 2 accepted "old" at slot 1 in ballot 0.9 … and node 3 "new" at slot 1 in a higher ballot, and slot 3.
    paxos.onMessage(s, msg(2, 1, 'Promise', { ballot: b, accepted: [[1, 0, 2, 'old']] }), ctx);
    expect(s.role).toBe('proposer');
    paxos.onMessage(s, msg(3, 1, 'Promise', { ballot: b, accepted: [[1, 0, 3, 'new'], [3, 0, 3, 'c']] }), ctx);
    expect(s.role).toBe('leader');
    expect(s.leaderId).toBe(1);
    const kinds = rec.sends.map((m) => m.kind);
    expect(kinds.slice(0, 4)).toEqual(['Heartbeat', 'Heartbeat', 'Heartbeat', 'Heartbeat']); // P5: announce at once
    const accepts = rec.sends.filter((m) => m.kind === 'Accept' && m.to === 2).map((m) => [m.fields.slot, m.fields.value]);
    expect(accepts).toEqual([
      [1, 'new'], // P6: the highest ballot wins
      [2, null], // the gap: a no-op
      [3, 'c'],
    ]);
    expect(s.accepted.map((a) => a?.value)).toEqual(['new', null, 'c']);
    expect(s.nextSlot).toBe(4);
    expect(rec.timers.leader).toBeNull();
    expect(rec.timers.heartbeat).toBe(50);
  });

  it('ignores Promises of another ballot and repeated Promises', () => {
    const s = st(1);
    const { ctx } = makeCtx(1);
    paxos.onTimer(s, 'leader', ctx);
    paxos.onMessage(s, msg(2, 1, 'Promise', { ballot: [9, 9], accepted: [] }), ctx);
    paxos.onMessage(s, msg(3, 1, 'Promise', { ballot: s.ballot, accepted: [] }), ctx);
    paxos.onMessage(s, msg(3, 1, 'Promise', { ballot: s.ballot, accepted: [] }), ctx);
    expect(s.promises).toEqual([1, 3]);
    expect(s.role).toBe('proposer');
  });
});

function leaderState(): { s: PaxosState; ctx: Ctx<PaxosOptions>; rec: Recorded } {
  const s = st(1);
  const { ctx, rec } = makeCtx(1);
  paxos.onTimer(s, 'leader', ctx);
  paxos.onMessage(s, msg(2, 1, 'Promise', { ballot: s.ballot, accepted: [] }), ctx);
  paxos.onMessage(s, msg(3, 1, 'Promise', { ballot: s.ballot, accepted: [] }), ctx);
  rec.sends.length = 0;
  return { s, ctx, rec };
}

describe('P7/P8/P11 writes', () => {
  it('P11: a follower refuses a write, naming the leader it knows', () => {
    const s = st(2, { leaderId: 4 });
    const { ctx, rec } = makeCtx(2);
    paxos.onWrite(s, 'v', ctx);
    expect(rec.write).toEqual({ accepted: false, reason: 'not leader', leader: 4 });
  });

  it('P11 + P7 + P8: the leader proposes in its next slot; a quorum of Accepted commits it, in slot order', () => {
    const { s, ctx, rec } = leaderState();
    paxos.onWrite(s, 'a', ctx);
    paxos.onWrite(s, 'b', ctx);
    expect(rec.write).toMatchObject({ accepted: true });
    expect(rec.sends.filter((m) => m.kind === 'Accept').map((m) => [m.to, m.fields.slot])).toEqual([
      [2, 1], [3, 1], [4, 1], [5, 1],
      [2, 2], [3, 2], [4, 2], [5, 2],
    ]);
    const b = s.ballot;
    paxos.onMessage(s, msg(2, 1, 'Accepted', { ballot: b, slot: 2 }), ctx);
    paxos.onMessage(s, msg(3, 1, 'Accepted', { ballot: b, slot: 2 }), ctx);
    expect(rec.commits).toEqual([]); // slot 2 is chosen but slot 1 is not: commits go in order
    paxos.onMessage(s, msg(4, 1, 'Accepted', { ballot: b, slot: 1 }), ctx);
    paxos.onMessage(s, msg(4, 1, 'Accepted', { ballot: b, slot: 1 }), ctx); // a repeat counts once
    expect(rec.commits).toEqual([]);
    paxos.onMessage(s, msg(5, 1, 'Accepted', { ballot: b, slot: 1 }), ctx);
    expect(rec.commits).toEqual([
      { index: 1, value: 'a' },
      { index: 2, value: 'b' },
    ]);
    expect(s.learned).toEqual(['a', 'b']);
  });

  it('P7: an acceptor accepts at or above its promise, answers Accepted and follows the sender; P8: learns up to commit in that ballot', () => {
    const s = st(3, { promised: ballot(1, 1) });
    const { ctx, rec } = makeCtx(3);
    paxos.onMessage(s, msg(1, 3, 'Accept', { ballot: [1, 1], slot: 1, value: 'a', commit: 0 }), ctx);
    expect(s.accepted).toEqual([{ ballot: [1, 1], value: 'a' }]);
    expect(s.leaderId).toBe(1);
    expect(rec.sends).toEqual([{ to: 1, kind: 'Accepted', fields: { ballot: [1, 1], slot: 1 } }]);
    paxos.onMessage(s, msg(1, 3, 'Heartbeat', { ballot: [1, 1], commit: 1 }), ctx);
    expect(rec.commits).toEqual([{ index: 1, value: 'a' }]);
    expect(rec.sends).toHaveLength(1); // an up-to-date follower never answers a Heartbeat
  });

  it('P8 catch-up: a follower that accepted a committed slot in another ballot asks, and the leader resends the chosen values', () => {
    const f = st(3, { promised: ballot(2, 1), accepted: Object.freeze([acc(1, 5, 'a')]) });
    const { ctx, rec } = makeCtx(3);
    paxos.onMessage(f, msg(1, 3, 'Heartbeat', { ballot: [2, 1], commit: 1 }), ctx);
    expect(rec.commits).toEqual([]); // accepted in ballot 1.5, not the leader's 2.1: it cannot know it was chosen
    expect(rec.sends).toEqual([{ to: 1, kind: 'CatchUp', fields: { ballot: [2, 1], from: 1 } }]);

    const { s, ctx: lctx, rec: lrec } = leaderState();
    s.learned = Object.freeze(['a']);
    paxos.onMessage(s, msg(3, 1, 'CatchUp', { ballot: s.ballot, from: 1 }), lctx);
    expect(lrec.sends).toEqual([{ to: 3, kind: 'Accept', fields: { ballot: s.ballot, slot: 1, value: 'a', commit: 1 } }]);
  });

  it('P8: unacknowledged Accepts are resent on a heartbeat tick once two heartbeats have passed, to those who did not answer', () => {
    const { s, ctx, rec } = leaderState();
    paxos.onWrite(s, 'a', ctx);
    paxos.onMessage(s, msg(2, 1, 'Accepted', { ballot: s.ballot, slot: 1 }), ctx);
    rec.sends.length = 0;
    paxos.onTimer(s, 'heartbeat', ctx);
    expect(rec.sends.map((m) => m.kind)).toEqual(['Heartbeat', 'Heartbeat', 'Heartbeat', 'Heartbeat']);
    rec.sends.length = 0;
    paxos.onTimer(s, 'heartbeat', { ...ctx, now: 1100 });
    expect(rec.sends.filter((m) => m.kind === 'Accept').map((m) => m.to)).toEqual([3, 4, 5]);
  });
});

describe('P9/P10 lease and back-off', () => {
  it('P9: a Heartbeat at or above the promise makes any node a follower of its sender and restarts the lease', () => {
    const s = st(2);
    const { ctx, rec } = makeCtx(2);
    paxos.onTimer(s, 'leader', ctx); // a proposer of 1.2
    paxos.onMessage(s, msg(5, 2, 'Heartbeat', { ballot: [1, 5], commit: 0 }), ctx);
    expect(s).toMatchObject({ role: 'follower', leaderId: 5, promised: [1, 5], ballot: NO_BALLOT });
    expect(rec.timers.leader).toBe(225);
  });

  it('P10 with back-off: a Nack of its ballot steps the proposer down; it waits a random [0, backoffMaxMs)', () => {
    const s = st(2);
    const { ctx, rec } = makeCtx(2);
    paxos.onTimer(s, 'leader', ctx);
    rec.sends.length = 0;
    paxos.onMessage(s, msg(3, 2, 'Nack', { ballot: s.ballot, promised: [4, 5] }), ctx);
    expect(s).toMatchObject({ role: 'follower', maxRound: 4 });
    expect(rec.timers.leader).toBe(75);
    expect(rec.sends).toEqual([]);
  });

  it('P10 without back-off: it tries again at once with a higher ballot (the livelock lesson)', () => {
    const s = st(2);
    const { ctx, rec } = makeCtx(2, { backoff: false });
    paxos.onTimer(s, 'leader', ctx);
    rec.sends.length = 0;
    paxos.onMessage(s, msg(3, 2, 'Nack', { ballot: s.ballot, promised: [4, 5] }), ctx);
    expect(s).toMatchObject({ role: 'proposer', ballot: [5, 2] });
    expect(rec.sends.map((m) => m.kind)).toEqual(['Prepare', 'Prepare', 'Prepare', 'Prepare']);
  });

  it('P10: a leader pre-empted by a higher Prepare promises it, then steps down', () => {
    const { s, ctx, rec } = leaderState();
    paxos.onMessage(s, msg(4, 1, 'Prepare', { ballot: [7, 4], from: 1 }), ctx);
    expect(rec.sends[0]).toEqual({ to: 4, kind: 'Promise', fields: { ballot: [7, 4], accepted: [] } });
    expect(s.role).toBe('follower');
    expect(rec.timers.heartbeat).toBeNull();
  });

  it('stale Nacks (another ballot, or not higher) change nothing but the highest round seen', () => {
    const { s, ctx } = leaderState();
    paxos.onMessage(s, msg(4, 1, 'Nack', { ballot: [0, 1], promised: [3, 3] }), ctx);
    expect(s.role).toBe('leader');
    expect(s.maxRound).toBe(3);
  });
});

describe('crash and revive', () => {
  it('the promise and the accepted slots survive; role, leader and what was learned do not', () => {
    const s = st(3, { promised: ballot(4, 2), accepted: Object.freeze([acc(4, 2, 'a')]), learned: Object.freeze(['a']), role: 'leader', leaderId: 3 });
    const c = paxos.crash(s, null as never);
    expect(c).toMatchObject({ promised: [4, 2], accepted: [{ ballot: [4, 2], value: 'a' }], learned: [], role: 'follower', leaderId: null, maxRound: 4 });
  });
});

describe('whole runs (README "Message counts")', () => {
  it('a cold start costs 3(N−1): Prepare, Promise and the first Heartbeat; a write 2(N−1): Accept and Accepted', () => {
    for (const nodes of [3, 5, 7]) {
      // The write goes to every node; only the leader takes it (P11), the others refuse without a message.
      const writes = Array.from({ length: nodes }, (_, i) => ({ at: 1000, do: 'write' as const, node: i + 1, value: 'w' }));
      const sc = defaultScenario({ algorithm: 'paxos', nodes, seed: 2, events: writes });
      const run = runChecked(sc, 2000);
      expect(run.violations).toEqual([]);
      const leaderAt = run.events.find((e) => e.type === 'leader' && e.leader !== null)?.t as number;
      const beforeLeader = sendsOf(run.events).filter((e) => e.t <= leaderAt);
      const counts = (es: typeof beforeLeader) => es.reduce<Record<string, number>>((o, e) => ((o[e.kind] = (o[e.kind] ?? 0) + 1), o), {});
      expect(counts(beforeLeader)).toEqual({ Prepare: nodes - 1, Promise: nodes - 1, Heartbeat: nodes - 1 });
      const data = sendsOf(run.events).filter((e) => e.kind !== 'Heartbeat' && e.t >= 1000);
      expect(counts(data)).toEqual({ Accept: nodes - 1, Accepted: nodes - 1 });
      // Followers learn it from the Heartbeat that follows the commit: everyone ends with slot 1 = "w".
      expect(commitsOf(run.events).map((c) => c.node).sort()).toEqual(Array.from({ length: nodes }, (_, i) => i + 1));
    }
  });

  it('steady state: N−1 Heartbeats per heartbeat interval, nothing else', () => {
    const run = runChecked(defaultScenario({ algorithm: 'paxos', seed: 2 }), 3000);
    const late = sendsOf(run.events).filter((e) => e.t >= 1000 && e.t < 2000);
    expect(late.every((e) => e.kind === 'Heartbeat')).toBe(true);
    expect(late.length).toBe(4 * (1000 / 50));
  });

  it('a leader crash: a new leader by Phase 1 re-proposes the committed value; the revived node catches up', () => {
    const sc = defaultScenario({
      algorithm: 'paxos',
      seed: 2,
      events: [
        { at: 600, do: 'write', node: 1, value: 'a' },
        { at: 600, do: 'write', node: 2, value: 'a' },
        { at: 600, do: 'write', node: 3, value: 'a' },
        { at: 600, do: 'write', node: 4, value: 'a' },
        { at: 600, do: 'write', node: 5, value: 'a' },
        { at: 800, do: 'crashLeader' },
        { at: 1500, do: 'revive', node: 1 },
        { at: 1500, do: 'revive', node: 2 },
        { at: 1500, do: 'revive', node: 3 },
        { at: 1500, do: 'revive', node: 4 },
        { at: 1500, do: 'revive', node: 5 },
      ],
    });
    const run = runChecked(sc, 3000);
    expect(run.violations).toEqual([]);
    const leaders = run.events.filter((e) => e.type === 'leader' && e.leader !== null).map((e) => e.type === 'leader' && e.leader);
    expect(new Set(leaders).size).toBe(2);
    for (let id = 1; id <= 5; id++) expect(paxosState(run.sim, id).learned).toEqual(['a']);
  });
});
