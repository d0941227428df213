/**
 * The Paxos lesson texts name nodes, ballots, times and counts: at each step's pause the run must show them
 * (the pattern of key-lessons.test.ts), so an engine change that alters a story fails here.
 */
import { describe, expect, it } from 'vitest';
import type { AlgorithmName, TraceEvent } from '../engine/core/types';
import { lessonById, resolvePauses, runLesson, snapshotAt, type Snapshot } from './index';

function run(id: string) {
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

const node = (s: Snapshot, id: number) => s.nodes.get(id) as unknown as Record<string, unknown>;
type Send = Extract<TraceEvent, { type: 'send' }>;
const sends = (tr: TraceEvent[], from: number, to: number) => tr.filter((e): e is Send => e.type === 'send' && e.t >= from && e.t <= to);
const byKind = (es: Send[]) => es.reduce<Record<string, number>>((o, e) => ((o[e.kind] = (o[e.kind] ?? 0) + 1), o), {});

describe('Paxos lessons say what the run shows', () => {
  it('paxos-cold-start: ballot 1.5, 12 messages to elect, 8 per write, followers learn from the Heartbeat', () => {
    const r = run('paxos-cold-start');
    expect(node(r.at(0), 5)).toMatchObject({ role: 'proposer', ballot: '1.5' });
    expect(node(r.at(2), 5)).toMatchObject({ role: 'leader', ballot: '1.5' });
    const leaderAt = r.trace().find((e) => e.type === 'leader' && e.leader === 5)!.t;
    expect(byKind(sends(r.trace(), 0, leaderAt))).toEqual({ Prepare: 4, Promise: 4, Heartbeat: 4 });
    expect(byKind(sends(r.trace(), 800, r.times[3]))).toEqual({ Accept: 4, Accepted: 4 });
    expect(node(r.at(4), 4)).toMatchObject({ commit: 1 });
    const hbAfterCommit = sends(r.trace(), r.times[3], r.times[4]).filter((e) => e.kind === 'Heartbeat');
    expect(hbAfterCommit.length).toBeGreaterThan(0); // learned from a Heartbeat, not a new message kind
  });

  it('paxos-leader-crash: node 4 takes ballot 2.4 from slot 2; node 5 catches up with CatchUp and learns a, b', () => {
    const r = run('paxos-leader-crash');
    expect(r.at(0).leader).toBe(5);
    expect(node(r.at(2), 4)).toMatchObject({ role: 'proposer', ballot: '2.4' });
    const prepare = r.trace().find((e): e is Send => e.type === 'send' && e.kind === 'Prepare' && e.from === 4)!;
    expect(prepare.fields.from).toBe(2);
    expect(r.at(3).leader).toBe(4);
    const catchUp = r.trace().find((e): e is Send => e.type === 'send' && e.kind === 'CatchUp')!;
    expect(catchUp).toMatchObject({ from: 5, to: 4 });
    expect(node(r.at(5), 5)).toMatchObject({ commit: 2, leader: 4 });
  });

  it('paxos-duel-livelock: no cluster leader at 1 s or 3 s; the round passes 200; thousands of Prepares and Nacks', () => {
    const r = run('paxos-duel-livelock');
    expect(r.at(2).leader).toBeNull();
    const end = r.at(3);
    expect(end.leader).toBeNull();
    expect(Math.max(...[...end.nodes.values()].map((n) => n.round as number))).toBeGreaterThan(200);
    expect((end.sentByKind.Prepare ?? 0) + (end.sentByKind.Nack ?? 0)).toBeGreaterThan(2000);
    expect([...end.nodes.values()].every((n) => n.commit === 0)).toBe(true);
  });

  it('paxos-duel-backoff: five proposers within 6 ms, node 5 wins, node 4 takes over with 2.4 and keeps it', () => {
    const r = run('paxos-duel-backoff');
    const starts = r.trace().filter((e) => e.type === 'state' && e.role === 'proposer' && e.round === 1).map((e) => e.t);
    expect(starts).toHaveLength(5);
    expect(Math.max(...starts) - Math.min(...starts)).toBeLessThanOrEqual(6);
    expect(node(r.at(1), 5)).toMatchObject({ role: 'leader', ballot: '1.5' });
    expect(node(r.at(2), 4)).toMatchObject({ role: 'leader', ballot: '2.4' });
    expect(r.at(3).leader).toBe(4);
    expect(r.at(3).leaderChanges).toBe(1);
  });

  it('paxos-minority-accepted: only node 4 accepted x; nodes 1, 2, 4 alive; node 1 re-proposes x in ballot 2.1', () => {
    const r = run('paxos-minority-accepted');
    const accepted1 = sends(r.trace(), 1000, 1040).filter((e) => e.kind === 'Accepted');
    expect(accepted1.map((e) => e.from)).toEqual([4]);
    const alive = [...r.at(1).nodes.values()].filter((n) => n.alive).map((n) => n.node);
    expect(alive).toEqual([1, 2, 4]);
    expect(node(r.at(2), 1)).toMatchObject({ role: 'leader', ballot: '2.1' });
    const promise4 = r.trace().find((e): e is Send => e.type === 'send' && e.kind === 'Promise' && e.from === 4 && e.to === 1)!;
    expect(promise4.fields.accepted).toEqual([[1, 1, 5, 'x']]);
    const reproposal = r.trace().find((e): e is Send => e.type === 'send' && e.kind === 'Accept' && e.from === 1)!;
    expect(reproposal.fields).toMatchObject({ ballot: [2, 1], slot: 1, value: 'x' });
  });

  it('paxos-partition: 5 takes "lost" but never commits it; 3 leads 2.3 and commits "kept"; 5 gets a Nack of 2.3 and follows', () => {
    const r = run('paxos-partition');
    expect(node(r.at(1), 5)).toMatchObject({ role: 'leader', lastSlot: 1, commit: 0 });
    expect(node(r.at(2), 3)).toMatchObject({ role: 'leader', ballot: '2.3' });
    expect(node(r.at(2), 5)).toMatchObject({ role: 'leader' }); // two claim to lead
    const nack = r.trace().find((e): e is Send => e.type === 'send' && e.kind === 'Nack' && e.to === 5 && e.t >= 2000)!;
    expect(nack.fields.promised).toEqual([2, 3]);
    expect(node(r.at(5), 5)).toMatchObject({ role: 'follower', leader: 3, commit: 1 });
    expect(r.trace().some((e) => e.type === 'commit' && e.value === 'lost')).toBe(false);
  });

  it('compare-paxos-raft: both elect node 5 at once; 14 vs 12 messages to elect; 8 per write; 80 vs 40 in 1.0–1.5 s', () => {
    const r = run('compare-paxos-raft');
    const leaderAt = (p: AlgorithmName) => r.trace(p).find((e) => e.type === 'leader' && e.leader !== null) as Extract<TraceEvent, { type: 'leader' }>;
    expect(leaderAt('raft')).toMatchObject({ leader: 5 });
    expect(leaderAt('paxos')).toMatchObject({ leader: 5, t: leaderAt('raft').t });
    expect(sends(r.trace('raft'), 0, leaderAt('raft').t)).toHaveLength(14);
    expect(byKind(sends(r.trace('paxos'), 0, leaderAt('paxos').t))).toEqual({ Prepare: 4, Promise: 4, Heartbeat: 4 });
    const writeMsgs = (p: AlgorithmName, kinds: string[]) => sends(r.trace(p), 800, 800).filter((e) => kinds.includes(e.kind)).length;
    expect(writeMsgs('raft', ['AppendEntries'])).toBe(4);
    expect(writeMsgs('paxos', ['Accept'])).toBe(4);
    const replies = (p: AlgorithmName, kind: string) =>
      r.trace(p).filter((e) => e.type === 'send' && e.kind === kind && e.t > 800 && e.t <= r.times[1]).length;
    expect(replies('paxos', 'Accepted')).toBe(4);
    expect(replies('raft', 'AppendEntriesReply')).toBeGreaterThanOrEqual(4);
    expect(sends(r.trace('raft'), 1000, 1499)).toHaveLength(80);
    expect(sends(r.trace('paxos'), 1000, 1499)).toHaveLength(40);
  });
});
