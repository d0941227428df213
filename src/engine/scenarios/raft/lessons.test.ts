/** Each Raft lesson shows what protocols.md §1.8 says it shows, and never breaks R-S1…R-S10. */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnyAlgorithm, Envelope } from '../../core/algorithm';
import { Simulation } from '../../core/kernel';
import type { TraceEvent } from '../../core/types';
import { raft, type RaftState } from '../../algorithms/raft/raft';
import { runChecked, raftState, statesOf } from '../../algorithms/raft/test-helpers';
import { parseScenarioText, resolveOptions } from '../../scenario-file';
import { observations } from '../../testing/observations';
import { RAFT_LESSONS, raftLesson } from '.';

const { observe, everyLessonObserved } = observations();

const FILES = new URL('./files/', import.meta.url);

function run(id: string, untilMs?: number) {
  const l = raftLesson(id);
  const r = runChecked(l.scenario, untilMs ?? l.untilMs);
  return { ...r, states: statesOf(r.events) };
}

function sends(events: TraceEvent[]) {
  return events.filter((e): e is Extract<TraceEvent, { type: 'send' }> => e.type === 'send');
}

describe('Raft lesson files', () => {
  it('has one lesson per JSON file, and each file parses to the lesson\'s scenario', () => {
    const files = readdirSync(FILES).filter((f) => f.endsWith('.json')).sort();
    expect(RAFT_LESSONS.map((l) => `${l.id}.json`).sort()).toEqual(files);
    for (const l of RAFT_LESSONS) {
      expect(parseScenarioText(readFileSync(new URL(`${l.id}.json`, FILES), 'utf8'))).toEqual(l.scenario);
      expect(l.scenario.algorithm).toBe('raft');
      expect(() => resolveOptions(l.scenario, 'raft')).not.toThrow();
    }
  });

  it.each(RAFT_LESSONS.map((l) => [l.id]))('%s runs 10 s (the CLI default) without a violation', (id) => {
    expect(run(id, 10_000).violations).toEqual([]);
  });
});

describe('Raft lessons show their expected observation', () => {
  everyLessonObserved(RAFT_LESSONS, 'the Raft scenarios');

  observe('split-vote', 'all five stand in term 1, nobody wins it, term 2 elects one leader', (id) => {
    const { states, events, sim } = run(id);
    const term1Candidates = new Set(states.filter((s) => s.role === 'candidate' && s.term === 1).map((s) => s.node));
    expect(term1Candidates.size).toBe(5);
    expect(states.some((s) => s.role === 'leader' && s.term === 1)).toBe(false);
    const leaders = states.filter((s) => s.role === 'leader');
    expect(new Set(leaders.map((s) => `${s.node}@${s.term}`)).size).toBe(1);
    expect(leaders[0].term).toBe(2);
    expect(sim.clusterLeader).toBe(leaders[0].node);
    // the failed round costs 2·k·(N−1) messages (§1.9) with k = 5 candidates: k·(N−1) requests, each answered
    // once (a late request's answer may already carry term 2)
    const all = sends(events);
    expect(all.filter((m) => m.kind === 'RequestVote' && m.fields.term === 1)).toHaveLength(5 * 4);
    expect(all.filter((m) => m.kind === 'RequestVoteReply')).toHaveLength(all.filter((m) => m.kind === 'RequestVote').length);
  });

  observe('split-vote-livelock', 'with identical timeouts no leader is ever elected and the term keeps climbing', (id) => {
    const { states, sim } = run(id);
    expect(states.some((s) => s.role === 'leader')).toBe(false);
    expect(sim.clusterLeader).toBeNull();
    expect(raftState(sim, 1).currentTerm).toBeGreaterThanOrEqual(19);
  });

  observe('up-to-date-log', 'S2 and S3 refuse S4, S5 grants, S4 fails, S2 or S3 wins with every committed entry', (id) => {
    const { states, events, sim } = run(id);
    const firstCandidacy = states.find((s) => s.t > 1000 && s.role === 'candidate')!;
    expect(firstCandidacy.node).toBe(4);
    const t = firstCandidacy.term;
    const replies = sends(events).filter((m) => m.kind === 'RequestVoteReply' && m.to === 4 && m.fields.term === t);
    const verdict = Object.fromEntries(replies.map((m) => [m.from, m.fields.voteGranted]));
    expect(verdict).toEqual({ 2: false, 3: false, 5: true });
    expect(states.some((s) => s.node === 4 && s.role === 'leader')).toBe(false);
    const winner = states.find((s) => s.t > 1000 && s.role === 'leader')!;
    expect([2, 3]).toContain(winner.node);
    const values = raftState(sim, winner.node).log.map((e) => e.value);
    expect(values.slice(0, 4)).toEqual([null, 'x', 'y', 'z']);
  });

  it('up-to-date-log: with the log check disabled (teaching toggle), the checker reports lost commits', () => {
    // A mutant whose voters believe every candidate's log is up to date (R3 logOk always true).
    const lying: AnyAlgorithm = {
      ...raft,
      onMessage(s: RaftState, msg: Envelope, ctx) {
        const m = msg.kind === 'RequestVote' ? { ...msg, fields: { ...msg.fields, lastLogTerm: Number.MAX_SAFE_INTEGER } } : msg;
        raft.onMessage(s, m, ctx);
      },
    };
    const sc = raftLesson('up-to-date-log').scenario;
    const found: string[] = [];
    const sim = Simulation.start({
      algorithm: lying,
      scenario: sc,
      options: resolveOptions(sc, 'raft'),
      check: true,
      sink: (e) => e.type === 'violation' && found.push(e.invariant),
    });
    sim.runUntil(3000);
    expect(found).toEqual(expect.arrayContaining(['R-S4', 'R-S9']));
  });

  observe('disruptive-node', 'without PreVote the isolated term climbs and the leader is deposed on heal', (id) => {
    const { states } = run(id);
    const s5 = states.filter((s) => s.node === 5 && s.t < 4000);
    const s5Term = Math.max(...s5.map((s) => s.term as number));
    expect(s5Term).toBeGreaterThanOrEqual(10);
    const deposed = states.find((s) => s.node === 1 && s.t >= 4000 && s.role !== 'leader')!;
    expect(deposed).toBeDefined();
    expect(deposed.term).toBeGreaterThanOrEqual(s5Term);
    const nextLeader = states.find((s) => s.t > deposed.t && s.role === 'leader')!;
    expect(nextLeader.term).toBeGreaterThan(s5Term);
    expect(nextLeader.node).not.toBe(5);
  });

  observe('disruptive-node-prevote', 'with PreVote the term stays put and the leader is not disturbed', (id) => {
    const { states, events, sim } = run(id);
    const firstLeader = states.find((s) => s.role === 'leader')!;
    expect(firstLeader.node).toBe(1);
    expect(states.filter((s) => s.t > firstLeader.t).every((s) => s.term === firstLeader.term)).toBe(true);
    expect(states.some((s) => s.node === 5 && s.role === 'precandidate' && s.t > 1000)).toBe(true);
    expect(states.filter((s) => s.node === 1 && s.t > firstLeader.t).every((s) => s.role === 'leader')).toBe(true);
    const leaderEvents = events.filter((e) => e.type === 'leader');
    expect(leaderEvents).toHaveLength(1);
    expect(sim.stats().leaderChanges).toBe(0);
    expect(raftState(sim, 5)).toMatchObject({ role: 'follower', leaderId: 1, currentTerm: firstLeader.term });
  });

  observe('leader-minority', 'the stale leader cannot commit, coexists with the new one, and is overwritten on heal', (id) => {
    const { states, events, sim } = run(id);
    const at = (t: number, node: number) => states.filter((s) => s.node === node && s.t <= t).at(-1)!;
    // two leaders in different terms at once
    expect(at(2500, 1)).toMatchObject({ role: 'leader', term: 1 });
    expect(at(2500, 3)).toMatchObject({ role: 'leader', term: 2 });
    const commits = events.filter((e): e is Extract<TraceEvent, { type: 'commit' }> => e.type === 'commit');
    expect(commits.some((c) => String(c.value).startsWith('lost'))).toBe(false);
    expect(new Set(commits.filter((c) => c.value === 'kept-3').map((c) => c.node))).toEqual(new Set([1, 2, 3, 4, 5]));
    for (const id of [1, 2, 3, 4, 5]) {
      expect(raftState(sim, id).log.map((e) => e.value)).not.toContain('lost-1');
    }
    expect(states.find((s) => s.node === 1 && s.t >= 3000)).toMatchObject({ role: 'follower', term: 2 });
  });

  observe('leader-minority-checkquorum', 'the stale leader steps down before the heal', (id) => {
    const { states, events } = run(id);
    const down = states.find((s) => s.node === 1 && s.t > 1000 && s.role !== 'leader')!;
    expect(down.t).toBeLessThan(1000 + 2 * 150 + 1);
    expect(down.term).toBe(1);
    const commits = events.filter((e): e is Extract<TraceEvent, { type: 'commit' }> => e.type === 'commit');
    expect(commits.some((c) => String(c.value).startsWith('lost'))).toBe(false);
  });

  observe('leader-crash-failover', 'a new leader within about Tmax plus a round trip, with the committed write', (id) => {
    const { states, events, sim } = run(id);
    const crash = events.find((e) => e.type === 'fault' && e.do === 'crashLeader') as { t: number; node: number };
    const next = events.find((e): e is Extract<TraceEvent, { type: 'leader' }> => e.type === 'leader' && e.t > crash.t && e.leader !== null)!;
    expect(next.leader).not.toBe(crash.node);
    expect(next.t - crash.t).toBeGreaterThanOrEqual(150);
    expect(next.t - crash.t).toBeLessThan(300 + 30 + 4 * 30);
    expect(raftState(sim, next.leader!).log.map((e) => e.value)).toContain('before');
    expect(raftState(sim, 1)).toMatchObject({ role: 'follower', leaderId: next.leader });
    expect(states.filter((s) => s.node === 1 && s.t > 4000).at(-1)!.commitIndex).toBeGreaterThanOrEqual(2);
  });

  observe('no-preemption', 'the highest id comes back as a follower four times and the leader never changes', (id) => {
    const { states, sim } = run(id);
    const first = states.find((s) => s.role === 'leader')!;
    expect(first.node).not.toBe(5);
    expect(sim.stats().leaderChanges).toBe(0);
    expect(states.filter((s) => s.t > first.t).every((s) => s.term === first.term)).toBe(true);
    expect(states.some((s) => s.node === 5 && s.role !== 'follower')).toBe(false);
    expect(sim.clusterLeader).toBe(first.node);
  });

  observe('figure-8', '(a)→(b)→(c)→(d1) as staged, the old-term entries are never committed and S5 overwrites them', (id) => {
    const { states, events, sim } = run(id);
    const leaders = states.filter((s) => s.role === 'leader').map((s) => `S${s.node}@${s.term}`);
    expect([...new Set(leaders)]).toEqual(['S1@1', 'S5@2', 'S1@4', 'S5@6']); // (a), (b), (c), (d1)
    const s3 = (t: number) => states.filter((s) => s.node === 3 && s.t <= t).at(-1)!;
    // (c): at 1220 ms x1…x32 are on S1, S2, S3 (a majority), S3 does not have the term-4 no-op
    expect(s3(1225)).toMatchObject({ lastLogIndex: 33, lastLogTerm: 1, term: 4 });
    const commits = events.filter((e): e is Extract<TraceEvent, { type: 'commit' }> => e.type === 'commit');
    expect(commits.some((c) => String(c.value).startsWith('x'))).toBe(false);
    // (d1): S5's term-2 no-op replaced the x entries everywhere
    for (const id of [1, 2, 3, 4, 5]) {
      expect(raftState(sim, id).log.map((e) => e.id).slice(0, 3)).toEqual(['1.1', '2.2', '6.3']);
    }
  });

  it('figure-8 with commitOldTermByCount on: S1 commits x1…x32 by counting and the checker reports R-S4, R-S5', () => {
    const base = raftLesson('figure-8').scenario;
    const sc = { ...base, options: { ...base.options, commitOldTermByCount: true } };
    const { events, violations } = runChecked(sc, 3000);
    const byCount = events.filter((e): e is Extract<TraceEvent, { type: 'commit' }> => e.type === 'commit' && e.node === 1 && String(e.value).startsWith('x'));
    expect(byCount).toHaveLength(32);
    expect(byCount[0].t).toBe(1220);
    expect(violations[0]).toMatchObject({ t: 1460, invariant: 'R-S4' });
    expect(new Set(violations.map((v) => v.invariant))).toEqual(new Set(['R-S4', 'R-S5', 'R-S9']));
    // the same run with the switch off is clean (previous test), so the switch alone breaks it
  });

  observe('figure-8-d2', 'the term-4 no-op reaches a majority first, everything under it commits, S5 never leads', (id) => {
    const { states, events, sim } = run(id);
    const commit34 = events.find((e) => e.type === 'commit' && e.node === 1 && e.index === 34)!;
    expect(commit34.t).toBe(1280);
    expect(states.some((s) => s.node === 5 && s.role === 'leader' && s.t > 1300)).toBe(false);
    for (const id of [1, 2, 3, 4, 5]) expect(raftState(sim, id).log.slice(1, 33).map((e) => e.value)).toEqual(Array.from({ length: 32 }, (_, k) => `x${k + 1}`));
  });
});
