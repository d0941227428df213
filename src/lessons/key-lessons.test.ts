/**
 * The lesson texts name nodes, times and counts. These tests check, at each step's pause, that the run shows
 * what the text claims — so an engine change that alters a story fails here rather than in front of a class.
 * Each lesson is run through the engine and the lesson runner (`runLesson`, `resolvePauses`: the pause points
 * the page stops at; src/store/lesson-walk.test.ts checks the page's session shows exactly that state there),
 * with no browser. Every lesson of LESSONS must have its observation here (issue 13): `everyLessonObserved`
 * fails for a lesson without one, so the browser suite can keep only a few walk-throughs.
 */
import { describe, expect } from 'vitest';
import type { AlgorithmName, TraceEvent } from '../engine/core/types';
import { observations } from '../engine/testing/observations';
import { LESSONS, lessonById, lessonPauseTimes, nodesInRole, resolvePauses, runLesson, snapshotAt, type Snapshot } from './index';

interface Run {
  times: number[];
  traces: TraceEvent[][];
  /** The snapshot of `pane` (default: the only one) at step `i`'s pause (0-based). */
  at(i: number, pane?: AlgorithmName): Snapshot;
  trace(pane?: AlgorithmName): TraceEvent[];
}

function run(id: string): Run {
  const lesson = lessonById(id);
  if (!lesson) throw new Error(`no lesson ${id}`);
  const traces = runLesson(lesson);
  const times = resolvePauses(lesson, traces).map((r, i) => {
    if (!r) throw new Error(`${id}: step ${i + 1} not reached`);
    return r.t;
  });
  const k = (pane?: AlgorithmName) => (pane ? lesson.algorithms.indexOf(pane) : 0);
  return { times, traces, at: (i, pane) => snapshotAt(traces[k(pane)], times[i]), trace: (pane) => traces[k(pane)] };
}

const { observe, everyLessonObserved } = observations();
// Every lesson of the library (LESSONS) has its observation below, or this fails: no lesson goes untested.
// The explorer lessons (issue 16); their figures against the explorer itself: explore-lessons.test.ts.
observe('explore-raft-safe-bully-not', "the explorer's split brain: the partition at 0 ms, node 2 leads beside node 3 at 100 ms", (id) => {
  const { traces, times } = lessonPauseTimes(lessonById(id)!);
  expect(times).toEqual([0, 100]);
  expect(traces[0].find((e) => e.type === 'anomaly')).toMatchObject({ t: 100, kind: 'split-brain' });
});
observe('raft-figure-8-explored', 'leaders 1, 2, 1 (committing index 1 by count at 450 ms), then 2 at 600 ms', (id) => {
  const { traces, times } = lessonPauseTimes(lessonById(id)!);
  expect(times).toEqual([150, 300, 450, 600]);
  expect(traces[0].find((e) => e.type === 'commit' && e.node === 1)).toMatchObject({ t: 450, index: 1 });
});

everyLessonObserved(LESSONS, 'the lesson library');

const node = (s: Snapshot, id: number) => s.nodes.get(id) as unknown as Record<string, unknown>;
const sends = (tr: TraceEvent[], from: number, to: number, kinds?: string[]) =>
  tr.filter((e): e is Extract<TraceEvent, { type: 'send' }> => e.type === 'send' && e.t >= from && e.t <= to && (!kinds || kinds.includes(e.kind)));
const commits = (tr: TraceEvent[], id: number) =>
  tr.filter((e): e is Extract<TraceEvent, { type: 'commit' }> => e.type === 'commit' && e.node === id && e.value !== null).map((e) => e.value);
const leaderEvents = (tr: TraceEvent[]) => tr.filter((e): e is Extract<TraceEvent, { type: 'leader' }> => e.type === 'leader');

describe('side-by-side lessons', () => {
  observe('compare-flapping', 'when node 5 is back, Bully switched to 5 while Raft and ZAB kept node 4; 4 changes vs 1 and 1', (id) => {
    const r = run(id);
    expect([r.at(0, 'bully').leader, r.at(0, 'raft').leader, r.at(0, 'zab').leader]).toEqual([5, 5, 5]);
    expect([r.at(2, 'bully').leader, r.at(2, 'raft').leader, r.at(2, 'zab').leader]).toEqual([4, 4, 4]);
    expect(r.at(3, 'bully').leader).toBe(5);
    expect(r.at(3, 'raft').leader).toBe(4);
    expect(node(r.at(3, 'raft'), 5)).toMatchObject({ role: 'follower', leader: 4, term: 2 });
    expect(r.at(3, 'zab').leader).toBe(4);
    expect(node(r.at(3, 'zab'), 5)).toMatchObject({ role: 'following', leader: 4 });
    expect(r.times[3] - 3000).toBeLessThan(100);
    const last = r.times.length - 1;
    expect([r.at(last, 'bully').leaderChanges, r.at(last, 'raft').leaderChanges, r.at(last, 'zab').leaderChanges]).toEqual([4, 1, 1]);
    // The times in the text: Raft 1.2 s, ZAB 1.4 s (a killed process's connections reset), Bully 1.45 s.
    const firstLeader4 = (pane: AlgorithmName) => leaderEvents(r.trace(pane)).find((e) => e.leader === 4)!.t;
    expect(Math.round(firstLeader4('raft') / 100)).toBe(12);
    expect(Math.round(firstLeader4('bully') / 50)).toBe(29);
    expect(Math.round(firstLeader4('zab') / 100)).toBe(14);
  });

  observe('compare-split-brain', 'Bully has leaders 3 and 5; Raft and ZAB only one leader that a majority follows', (id) => {
    const r = run(id);
    expect(r.at(1, 'raft').leader).toBe(3);
    expect(node(r.at(1, 'raft'), 5)).toMatchObject({ role: 'leader', term: 1 });
    expect(node(r.at(1, 'raft'), 3)).toMatchObject({ role: 'leader', term: 2 });
    const b = r.at(2, 'bully');
    expect(nodesInRole(b, 'leader')).toEqual([3, 5]);
    expect(b.anomalies).toContain('split-brain');
    expect(nodesInRole(r.at(3, 'zab'), 'leading')).toEqual([]);
    expect(nodesInRole(r.at(4, 'zab'), 'leading')).toEqual([3]);
    expect(r.at(4, 'zab').leader).toBe(3);
    for (const pane of ['raft', 'zab'] as const) expect(r.at(6, pane).anomalies).toEqual([]);
    expect([r.at(6, 'bully').leader, r.at(6, 'raft').leader, r.at(6, 'zab').leader]).toEqual([5, 3, 3]);
    expect(node(r.at(6, 'raft'), 5)).toMatchObject({ role: 'follower', leader: 3 });
    expect(node(r.at(7, 'zab'), 5)).toMatchObject({ role: 'following', leader: 3 });
  });

  observe('compare-messages', 'the counts and times named in the text', (id) => {
    const r = run(id);
    expect(r.times.slice(0, 3)).toEqual([54, 281, 341]);
    expect(r.at(0, 'bully').sentByKind).toEqual({ Election: 13, Alive: 12, Victory: 9 });
    expect(r.at(1, 'raft').sent).toBe(30);
    expect(r.at(1, 'raft').sentByKind).toMatchObject({ RequestVote: 12, RequestVoteReply: 12 });
    expect(r.at(2, 'zab').sent).toBe(77);
    expect(r.at(2, 'zab').sentByKind.Notification).toBe(52);
    expect([r.at(3, 'bully').sent, r.at(3, 'zab').sent, r.at(3, 'raft').sent]).toEqual([116, 208, 304]);
  });
});

describe('why a leader', () => {
  observe('why-leader', 'x=1 everywhere; a write refused without a leader; node 3 elected ~440 ms later; x=3 after x=1', (id) => {
    const r = run(id);
    expect(r.at(0).leader).toBe(5);
    for (const id of [1, 2, 3, 4, 5]) expect(commits(r.trace().filter((e) => e.t <= r.times[1]), id)).toEqual(['x=1']);
    const refused = r.trace().find((e) => e.type === 'write' && !e.accepted);
    expect(refused).toMatchObject({ node: 3, value: 'x=2', leader: 5 });
    expect(r.at(4).leader).toBe(3);
    expect(r.times[4] - 1500).toBeGreaterThan(400);
    expect(r.times[4] - 1500).toBeLessThan(480);
    expect(sends(r.trace(), 1500, r.times[4], ['RequestVote']).some((e) => e.fields.term === 2)).toBe(true);
    for (const id of [1, 2, 3, 4]) expect(commits(r.trace(), id)).toEqual(['x=1', 'x=3']);
  });
});

describe('Bully lessons', () => {
  observe('bully-rule', 'node 3 asks 4 and 5, node 4 answers Alive and wins ~450 ms after the crash', (id) => {
    const r = run(id);
    expect(r.at(0).leader).toBe(5);
    const first = sends(r.trace(), r.times[2], r.times[2], ['Election']);
    expect(first.map((e) => [e.from, e.to])).toEqual([
      [3, 4],
      [3, 5],
    ]);
    expect(r.at(5).leader).toBe(4);
    expect(Math.round((r.times[5] - 1000) / 50) * 50).toBe(450);
  });

  const electionMessages = (id: string) => {
    const r = run(id);
    return sends(r.trace(), 1500, r.times.at(-1)!, ['Election', 'Alive', 'Victory']);
  };

  observe('bully-best-case', '5 election messages', (id) => {
    expect(electionMessages(id).length).toBe(5);
  });

  observe('bully-worst-case', '29 election messages: 15 Election, 10 Alive, 4 Victory', (id) => {
    const worst = electionMessages(id);
    const by = (k: string) => worst.filter((e) => e.kind === k).length;
    expect([by('Election'), by('Alive'), by('Victory')]).toEqual([15, 10, 4]);
  });

  observe('bully-void-victory', 'nodes 1 and 2 lead at once, then node 1 starts over and follows 2', (id) => {
    const r = run(id);
    expect(nodesInRole(r.at(2), 'leader')).toEqual([1, 2]);
    expect(node(r.at(3), 1)).toMatchObject({ role: 'electing' });
    expect(r.at(4).leader).toBe(2);
  });

  observe('bully-lost-alive', 'the Alive is dropped by the cut, and node 1 follows 2 on its Victory without a new Election', (id) => {
    const r = run(id);
    expect(nodesInRole(r.at(1), 'leader')).toEqual([1, 2]);
    expect(r.trace()[resolvePauses(lessonById(id)!, r.traces)[2]!.index!]).toMatchObject({ from: 2, to: 1, reason: 'cut' });
    expect(node(r.at(3), 1)).toMatchObject({ role: 'follower', leader: 2 });
    expect(sends(r.trace(), r.times[1], r.times[3], ['Election']).filter((e) => e.from === 1)).toEqual([]);
  });

  observe('bully-last-op', 'rank (500, 2) wins over ids 3 and 4; later (2500, 4) wins', (id) => {
    const r = run(id);
    expect(node(r.at(1), 2).rank).toEqual([500, 2]);
    expect(r.at(2).leader).toBe(2);
    expect(r.at(4).leader).toBe(4);
  });

  observe('bully-flapping', 'eight leader changes in four cycles, node 5 back 30 ms after each revival', (id) => {
    const r = run(id);
    expect(r.at(3).leaderChanges).toBe(8);
    expect(r.times[1]).toBe(2030);
  });

  observe('bully-split-brain', 'nodes 3 and 6 both lead, then 3 follows 6 after the heal', (id) => {
    const r = run(id);
    expect(nodesInRole(r.at(1), 'leader')).toEqual([3, 6]);
    expect(node(r.at(3), 3)).toMatchObject({ role: 'follower', leader: 6 });
  });
});

describe('Raft lessons', () => {
  observe('raft-basics', '5, 4 and 1 stand in term 1; 2 and 3 vote 5; term 1 lasts', (id) => {
    const r = run(id);
    for (const id of [1, 4, 5]) expect(node(r.at(1), id)).toMatchObject({ role: 'candidate', term: 1, votedFor: id });
    expect(node(r.at(2), 5)).toMatchObject({ role: 'leader', term: 1 });
    for (const id of [2, 3]) expect(node(r.at(2), id)).toMatchObject({ votedFor: 5 });
    for (const id of [1, 4]) expect(node(r.at(2), id)).toMatchObject({ role: 'follower' });
    for (const id of [1, 2, 3, 4, 5]) expect(node(r.at(4), id)).toMatchObject({ term: 1, leader: 5 });
  });

  observe('raft-split-vote', 'five candidates in term 1, 40 messages wasted, node 4 wins term 2', (id) => {
    const r = run(id);
    expect(nodesInRole(r.at(1), 'candidate')).toEqual([1, 2, 3, 4, 5]);
    // Term 1: 5 candidates × 4 requests, and one reply each (the last, to node 3, leaves after node 4 started term 2).
    const requests = sends(r.trace(), 0, 2000, ['RequestVote']).filter((e) => e.fields.term === 1);
    const replies = sends(r.trace(), 0, 2000, ['RequestVoteReply']).filter((e) => e.fields.voteGranted === false && e.t < 440);
    expect(requests.length + replies.length).toBe(40);
    expect(node(r.at(4), 4)).toMatchObject({ role: 'leader', term: 2 });
  });

  observe('raft-livelock', 'term 20 and no leader at 3 s', (id) => {
    const r = run(id);
    expect(r.at(2).leader).toBeNull();
    for (const id of [1, 2, 3, 4, 5]) expect(node(r.at(2), id).term).toBe(20);
  });

  observe('raft-up-to-date-log', '2 and 3 refuse node 4, 5 grants; node 2 wins term 3 with x, y, z', (id) => {
    const r = run(id);
    const replies = sends(r.trace(), r.times[2], r.times[3], ['RequestVoteReply']).filter((e) => e.to === 4);
    expect(Object.fromEntries(replies.map((e) => [e.from, e.fields.voteGranted]))).toEqual({ 2: false, 3: false, 5: true });
    expect(node(r.at(4), 2)).toMatchObject({ role: 'leader', term: 3 });
    expect(commits(r.trace(), 5)).toEqual(['x', 'y', 'z']);
  });

  observe('raft-disruptive-rejoin', 'term 14 on node 5 deposes node 1, which wins term 15 ~0.23 s later', (id) => {
    const r = run(id);
    expect(node(r.at(3), 1)).toMatchObject({ role: 'follower', term: 14 });
    expect(node(r.at(4), 1)).toMatchObject({ role: 'leader', term: 15 });
    expect(Math.round((r.times[4] - r.times[3]) / 10) * 10).toBe(230);
  });

  observe('raft-prevote', 'node 5 stays in term 1 and the leader is never disturbed', (id) => {
    const r = run(id);
    expect(node(r.at(2), 5)).toMatchObject({ role: 'precandidate', term: 1 });
    expect(node(r.at(3), 5)).toMatchObject({ role: 'follower', term: 1, leader: 1 });
    expect(leaderEvents(r.trace()).map((e) => e.leader)).toEqual([1]);
  });

  observe('raft-minority-leader', 'two leaders in terms 1 and 2; lost-* never committed', (id) => {
    const r = run(id);
    expect(node(r.at(2), 1)).toMatchObject({ role: 'leader', term: 1 });
    expect(node(r.at(2), 3)).toMatchObject({ role: 'leader', term: 2 });
    for (const id of [1, 2, 3, 4, 5]) expect(commits(r.trace(), id)).not.toContain('lost-1');
    expect(node(r.at(4), 1)).toMatchObject({ role: 'follower', term: 2 });
  });

  observe('raft-checkquorum', 'node 1 steps down 241 ms after the split; terms reach 9; node 3 back in term 12', (id) => {
    const r = run(id);
    expect(r.times[2] - 1000).toBe(241);
    expect(node(r.at(3), 2).term).toBe(9);
    expect(node(r.at(4), 3)).toMatchObject({ role: 'leader', term: 12 });
  });

  observe('raft-failover', 'node 4 times out 194 ms after the crash and leads 265 ms after it', (id) => {
    const r = run(id);
    expect(r.times[2] - 2000).toBe(194);
    expect(r.times[3] - 2000).toBe(265);
    expect(node(r.at(4), 1)).toMatchObject({ role: 'follower', term: 2 });
  });

  observe('raft-figure-8', '(a) x1…x32 on nodes 1, 2; (b) node 5 leads 2; (c) 1 leads 4, x on 1–3 uncommitted; (d1) 5 leads 6', (id) => {
    const r = run(id);
    expect(node(r.at(0), 2)).toMatchObject({ lastLogIndex: 33, lastLogTerm: 1 });
    expect(node(r.at(0), 3)).toMatchObject({ alive: false, lastLogIndex: 1 });
    expect(node(r.at(1), 5)).toMatchObject({ alive: false, term: 2, lastLogIndex: 2, lastLogTerm: 2 });
    expect(node(r.at(1), 3)).toMatchObject({ lastLogIndex: 1 });
    expect(node(r.at(2), 1)).toMatchObject({ role: 'leader', term: 4, lastLogIndex: 34, lastLogTerm: 4 });
    expect(node(r.at(3), 3)).toMatchObject({ lastLogIndex: 33, lastLogTerm: 1 });
    expect(node(r.at(3), 1)).toMatchObject({ role: 'leader', commitIndex: 0 }); // volatile since its revive; R8 waits for a term-4 entry
    expect(node(r.at(4), 5)).toMatchObject({ role: 'leader', term: 6 });
    expect(node(r.at(5), 3)).toMatchObject({ lastLogIndex: 3, lastLogTerm: 6 });
    for (const id of [1, 2, 3, 4, 5]) expect(commits(r.trace(), id).some((v) => String(v).startsWith('x'))).toBe(false);
  });

  observe('raft-no-preemption', 'no leader change, term 1 throughout', (id) => {
    const r = run(id);
    expect(r.at(2).leaderChanges).toBe(0);
    expect(node(r.at(2), 1)).toMatchObject({ role: 'leader', term: 1 });
  });
});

describe('ZAB lessons', () => {
  observe('zab-cold-start', '20 notifications at once, 52 by 100 ms, node 5 established at 341 ms', (id) => {
    const r = run(id);
    expect(r.at(0).sent).toBe(20);
    expect(r.at(2).sentByKind).toEqual({ Notification: 52 });
    for (const id of [1, 2, 3, 4, 5]) expect((node(r.at(2), id).vote as { leader: number }).leader).toBe(5);
    expect(nodesInRole(r.at(3), 'following')).toEqual([1, 2, 3, 4]);
    expect(r.times[4]).toBe(341);
  });

  observe('zab-zxid-beats-sid', '3 and 4 first vote 4, then everyone votes 2; node 2 leads', (id) => {
    const r = run(id);
    expect(node(r.at(1), 2).zxid).toEqual([1, 7]);
    expect(node(r.at(1), 4).zxid).toEqual([1, 5]);
    expect((node(r.at(2), 4).vote as { leader: number }).leader).toBe(4);
    for (const id of [1, 2, 4]) expect((node(r.at(3), id).vote as { leader: number }).leader).toBe(2);
    expect(r.at(4).leader).toBe(2);
  });

  observe('zab-epoch-beats-zxid', 'node 5 adopts an epoch-2 vote over its own longer log; node 2 leads epoch 3', (id) => {
    const r = run(id);
    expect(node(r.at(2), 5)).toMatchObject({ currentEpoch: 1, zxid: [1, 12] });
    expect(node(r.at(2), 1)).toMatchObject({ currentEpoch: 2, zxid: [1, 9] });
    expect(node(r.at(3), 5).vote).toMatchObject({ leader: 2, peerEpoch: 2, zxid: [1, 9] });
    expect(r.at(4).leader).toBe(2);
    expect(node(r.at(4), 2)).toMatchObject({ currentEpoch: 3 });
  });

  observe('zab-leader-crash', 'FOLLOWING replies name the dead node 5; nobody follows it; node 4 leads', (id) => {
    const r = run(id);
    const reply = r.trace()[resolvePauses(lessonById(id)!, r.traces)[2]!.index!];
    expect(reply).toMatchObject({ type: 'send', kind: 'Notification', to: 1, fields: { state: 'FOLLOWING', leader: 5 } });
    const followDead = r.trace().filter((e) => e.type === 'state' && e.t > 1500 && e.node !== 5 && e.leader === 5);
    expect(followDead).toEqual([]);
    expect(r.at(4).leader).toBe(4);
  });

  observe('zab-minority-leader', '4 and 5 LEADING at once in epochs 2 and 1; then 5 LOOKING', (id) => {
    const r = run(id);
    expect(nodesInRole(r.at(2), 'leading')).toEqual([4, 5]);
    expect(node(r.at(2), 4).currentEpoch).toBe(2);
    expect(node(r.at(2), 5).currentEpoch).toBe(1);
    expect(nodesInRole(r.at(3), 'leading')).toEqual([4]);
    for (const id of [1, 2, 3, 4, 5]) expect(commits(r.trace(), id)).not.toContain('lost');
  });

  observe('zab-restart', 'node 5 joins with 8 notifications, observer 6 rejoins; one leader change in all', (id) => {
    const r = run(id);
    expect(nodesInRole(r.at(0), 'observing')).toEqual([6, 7]);
    const join = sends(r.trace(), 5000, r.times[3], ['Notification']).filter((e) => e.from === 5 || e.to === 5);
    expect(join.length).toBe(8);
    expect(r.at(4).leaderChanges).toBe(1);
    expect(r.at(4).leader).toBe(4);
  });

  observe('zab-observers', 'crashing observers changes nothing; one voter with two observers elects nobody', (id) => {
    const r = run(id);
    expect(r.at(1).leader).toBe(3);
    expect(r.at(1).leaderChanges).toBe(0);
    expect(r.at(3).leader).toBeNull();
    expect(node(r.at(3), 1)).toMatchObject({ role: 'looking' });
  });

  observe('zab-late-vote-change', 'two LEADING nodes, node 5 established, node 4 follows it later', (id) => {
    const r = run(id);
    expect(nodesInRole(r.at(3), 'leading')).toEqual([4, 5]);
    expect(r.at(4).leader).toBe(5);
    expect(node(r.at(5), 4)).toMatchObject({ role: 'following', leader: 5 });
  });

  observe('zab-long-partition', 'node 1 rejoins at its next re-broadcast, about 54 s after the heal', (id) => {
    const r = run(id);
    expect(Math.round((r.times[4] - 110_000) / 1000)).toBe(54);
  });
});

// ---- Multi-Paxos lessons (issue 15): the nodes, ballots, times and counts their texts name ----------------

function paxosRun(id: string) {
  const lesson = lessonById(id);
  if (!lesson) throw new Error(`no lesson ${id}`);
  const traces = runLesson(lesson);
  const times = resolvePauses(lesson, traces).map((r, i) => {
    if (!r) throw new Error(`${id}: step ${i + 1} not reached`);
    return r.t;
  });
  const k = (pane?: AlgorithmName) => (pane ? lesson.algorithms.indexOf(pane) : 0);
  return {
    times,
    at: (i: number, pane?: AlgorithmName): Snapshot => snapshotAt(traces[k(pane)], times[i]),
    trace: (pane?: AlgorithmName) => traces[k(pane)],
  };
}

const pnode = (s: Snapshot, id: number) => s.nodes.get(id) as unknown as Record<string, unknown>;
type Send = Extract<TraceEvent, { type: 'send' }>;
const psends = (tr: TraceEvent[], from: number, to: number) => tr.filter((e): e is Send => e.type === 'send' && e.t >= from && e.t <= to);
const byKind = (es: Send[]) => es.reduce<Record<string, number>>((o, e) => ((o[e.kind] = (o[e.kind] ?? 0) + 1), o), {});

describe('Paxos lessons say what the run shows', () => {
  observe('paxos-cold-start', 'ballot 1.5, 12 messages to elect, 8 per write, followers learn from the Heartbeat', (id) => {
    const r = paxosRun(id);
    expect(pnode(r.at(0), 5)).toMatchObject({ role: 'proposer', ballot: '1.5' });
    expect(pnode(r.at(2), 5)).toMatchObject({ role: 'leader', ballot: '1.5' });
    const leaderAt = r.trace().find((e) => e.type === 'leader' && e.leader === 5)!.t;
    expect(byKind(psends(r.trace(), 0, leaderAt))).toEqual({ Prepare: 4, Promise: 4, Heartbeat: 4 });
    expect(byKind(psends(r.trace(), 800, r.times[3]))).toEqual({ Accept: 4, Accepted: 4 });
    expect(pnode(r.at(4), 4)).toMatchObject({ commit: 1 });
    const hbAfterCommit = psends(r.trace(), r.times[3], r.times[4]).filter((e) => e.kind === 'Heartbeat');
    expect(hbAfterCommit.length).toBeGreaterThan(0); // learned from a Heartbeat, not a new message kind
  });

  observe('paxos-leader-crash', 'node 4 takes ballot 2.4 from slot 2; node 5 catches up with CatchUp and learns a, b', (id) => {
    const r = paxosRun(id);
    expect(r.at(0).leader).toBe(5);
    expect(pnode(r.at(2), 4)).toMatchObject({ role: 'proposer', ballot: '2.4' });
    const prepare = r.trace().find((e): e is Send => e.type === 'send' && e.kind === 'Prepare' && e.from === 4)!;
    expect(prepare.fields.from).toBe(2);
    expect(r.at(3).leader).toBe(4);
    const catchUp = r.trace().find((e): e is Send => e.type === 'send' && e.kind === 'CatchUp')!;
    expect(catchUp).toMatchObject({ from: 5, to: 4 });
    expect(pnode(r.at(5), 5)).toMatchObject({ commit: 2, leader: 4 });
  });

  observe('paxos-duel-livelock', 'no cluster leader at 1 s or 3 s; the round passes 200; thousands of Prepares and Nacks', (id) => {
    const r = paxosRun(id);
    expect(r.at(2).leader).toBeNull();
    const end = r.at(3);
    expect(end.leader).toBeNull();
    expect(Math.max(...[...end.nodes.values()].map((n) => n.round as number))).toBeGreaterThan(200);
    expect((end.sentByKind.Prepare ?? 0) + (end.sentByKind.Nack ?? 0)).toBeGreaterThan(2000);
    expect([...end.nodes.values()].every((n) => n.commit === 0)).toBe(true);
  });

  observe('paxos-duel-backoff', 'five proposers within 6 ms, node 5 wins, node 4 takes over with 2.4 and keeps it', (id) => {
    const r = paxosRun(id);
    const starts = r.trace().filter((e) => e.type === 'state' && e.role === 'proposer' && e.round === 1).map((e) => e.t);
    expect(starts).toHaveLength(5);
    expect(Math.max(...starts) - Math.min(...starts)).toBeLessThanOrEqual(6);
    expect(pnode(r.at(1), 5)).toMatchObject({ role: 'leader', ballot: '1.5' });
    expect(pnode(r.at(2), 4)).toMatchObject({ role: 'leader', ballot: '2.4' });
    expect(r.at(3).leader).toBe(4);
    expect(r.at(3).leaderChanges).toBe(1);
  });

  observe('paxos-minority-accepted', 'only node 4 accepted x; nodes 1, 2, 4 alive; node 1 re-proposes x in ballot 2.1', (id) => {
    const r = paxosRun(id);
    const accepted1 = psends(r.trace(), 1000, 1040).filter((e) => e.kind === 'Accepted');
    expect(accepted1.map((e) => e.from)).toEqual([4]);
    const alive = [...r.at(1).nodes.values()].filter((n) => n.alive).map((n) => n.node);
    expect(alive).toEqual([1, 2, 4]);
    expect(pnode(r.at(2), 1)).toMatchObject({ role: 'leader', ballot: '2.1' });
    const promise4 = r.trace().find((e): e is Send => e.type === 'send' && e.kind === 'Promise' && e.from === 4 && e.to === 1)!;
    expect(promise4.fields.accepted).toEqual([[1, 1, 5, 'x']]);
    const reproposal = r.trace().find((e): e is Send => e.type === 'send' && e.kind === 'Accept' && e.from === 1)!;
    expect(reproposal.fields).toMatchObject({ ballot: [2, 1], slot: 1, value: 'x' });
  });

  observe('paxos-partition', '5 takes "lost" but never commits it; 3 leads 2.3 and commits "kept"; 5 gets a Nack of 2.3 and follows', (id) => {
    const r = paxosRun(id);
    expect(pnode(r.at(1), 5)).toMatchObject({ role: 'leader', lastSlot: 1, commit: 0 });
    expect(pnode(r.at(2), 3)).toMatchObject({ role: 'leader', ballot: '2.3' });
    expect(pnode(r.at(2), 5)).toMatchObject({ role: 'leader' }); // two claim to lead
    const nack = r.trace().find((e): e is Send => e.type === 'send' && e.kind === 'Nack' && e.to === 5 && e.t >= 2000)!;
    expect(nack.fields.promised).toEqual([2, 3]);
    expect(pnode(r.at(5), 5)).toMatchObject({ role: 'follower', leader: 3, commit: 1 });
    expect(r.trace().some((e) => e.type === 'commit' && e.value === 'lost')).toBe(false);
  });

  observe('compare-paxos-raft', 'both elect node 5 at once; 14 vs 12 messages to elect; 8 per write; 80 vs 40 in 1.0–1.5 s', (id) => {
    const r = paxosRun(id);
    const leaderAt = (p: AlgorithmName) => r.trace(p).find((e) => e.type === 'leader' && e.leader !== null) as Extract<TraceEvent, { type: 'leader' }>;
    expect(leaderAt('raft')).toMatchObject({ leader: 5 });
    expect(leaderAt('paxos')).toMatchObject({ leader: 5, t: leaderAt('raft').t });
    expect(psends(r.trace('raft'), 0, leaderAt('raft').t)).toHaveLength(14);
    expect(byKind(psends(r.trace('paxos'), 0, leaderAt('paxos').t))).toEqual({ Prepare: 4, Promise: 4, Heartbeat: 4 });
    const writeMsgs = (p: AlgorithmName, kinds: string[]) => psends(r.trace(p), 800, 800).filter((e) => kinds.includes(e.kind)).length;
    expect(writeMsgs('raft', ['AppendEntries'])).toBe(4);
    expect(writeMsgs('paxos', ['Accept'])).toBe(4);
    const replies = (p: AlgorithmName, kind: string) =>
      r.trace(p).filter((e) => e.type === 'send' && e.kind === kind && e.t > 800 && e.t <= r.times[1]).length;
    expect(replies('paxos', 'Accepted')).toBe(4);
    expect(replies('raft', 'AppendEntriesReply')).toBeGreaterThanOrEqual(4);
    expect(psends(r.trace('raft'), 1000, 1499)).toHaveLength(80);
    expect(psends(r.trace('paxos'), 1000, 1499)).toHaveLength(40);
  });
});
