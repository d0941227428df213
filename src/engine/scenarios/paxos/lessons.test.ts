/** Each Paxos lesson shows what its expectation says, and never breaks P-S1…P-S4. */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../core/types';
import { commitsOf, paxosState, runChecked, sendsOf } from '../../algorithms/paxos/test-helpers';
import { parseScenarioText, resolveOptions } from '../../scenario-file';
import { PAXOS_LESSONS, paxosLesson } from '.';

const FILES = new URL('./files/', import.meta.url);

function run(id: string, untilMs?: number, options: Record<string, unknown> = {}) {
  const l = paxosLesson(id);
  return runChecked({ ...l.scenario, options: { ...l.scenario.options, ...options } }, untilMs ?? l.untilMs);
}

const leaders = (events: TraceEvent[]) => events.filter((e): e is Extract<TraceEvent, { type: 'leader' }> => e.type === 'leader');
const count = (events: TraceEvent[], from: number, to: number) =>
  sendsOf(events)
    .filter((e) => e.t >= from && e.t <= to)
    .reduce<Record<string, number>>((o, e) => ((o[e.kind] = (o[e.kind] ?? 0) + 1), o), {});
const slot = (events: TraceEvent[], node: number, index: number) => commitsOf(events).filter((c) => c.node === node && c.index === index).map((c) => c.value);

describe('Paxos lesson files', () => {
  it('has one lesson per JSON file, and each file parses to the lesson\'s scenario', () => {
    const files = readdirSync(FILES).filter((f) => f.endsWith('.json')).sort();
    expect(PAXOS_LESSONS.map((l) => `${l.id}.json`).sort()).toEqual(files);
    for (const l of PAXOS_LESSONS) {
      expect(parseScenarioText(readFileSync(new URL(`${l.id}.json`, FILES), 'utf8'))).toEqual(l.scenario);
      expect(l.scenario.algorithm).toBe('paxos');
      expect(() => resolveOptions(l.scenario, 'paxos')).not.toThrow();
    }
  });

  it.each(PAXOS_LESSONS.map((l) => [l.id]))('%s runs 10 s (the CLI default) without a violation', (id) => {
    expect(run(id, 10_000).violations).toEqual([]);
  });
});

describe('Paxos lessons show their expected observation', () => {
  it('cold-start: ballot 1.5 wins with 3(N−1) = 12 messages; the write costs 2(N−1) = 8 and every node learns it', () => {
    const { events } = run('cold-start');
    const first = leaders(events).find((e) => e.leader !== null);
    expect(first).toMatchObject({ leader: 5 });
    expect(count(events, 0, first!.t)).toEqual({ Prepare: 4, Promise: 4, Heartbeat: 4 });
    const tick = sendsOf(events, 'Heartbeat').filter((e) => e.t >= 800).map((e) => e.t);
    expect(count(events, 800, tick[0] - 1)).toEqual({ Accept: 4, Accepted: 4 });
    for (let n = 1; n <= 5; n++) expect(slot(events, n, 1)).toEqual(['x']);
  });

  it('leader-crash: node 4 wins ballot 2.4; "a" stays in slot 1, "b" goes to slot 2; the revived node 5 catches up', () => {
    const { events, sim } = run('leader-crash');
    expect(leaders(events).map((e) => e.leader)).toEqual([5, null, 4]);
    // Node 4 had learned "a": its Phase 1 covers the log from slot 2 only, so the Promises report nothing.
    expect(sendsOf(events, 'Prepare').filter((e) => e.from === 4).every((e) => e.fields.from === 2)).toBe(true);
    const promises = sendsOf(events, 'Promise').filter((e) => (e.fields.ballot as number[]).join('.') === '2.4');
    expect(promises.length).toBeGreaterThanOrEqual(2);
    expect(promises.every((p) => (p.fields.accepted as unknown[]).length === 0)).toBe(true);
    expect(sendsOf(events, 'CatchUp').filter((e) => e.from === 5).length).toBeGreaterThan(0);
    for (let n = 1; n <= 5; n++) expect(paxosState(sim, n).learned).toEqual(['a', 'b']);
  });

  it('duel-livelock: without back-off nobody is ever named leader in 3 s and the round passes 100', () => {
    const { events, sim } = run('duel-livelock');
    expect(leaders(events).some((e) => e.leader !== null)).toBe(false);
    const rounds = events.flatMap((e) => (e.type === 'state' ? [e.round as number] : []));
    expect(Math.max(...rounds)).toBeGreaterThan(100);
    expect(sendsOf(events, 'Prepare').length).toBeGreaterThan(1000);
    expect(sim.clusterLeader).toBeNull();
  });

  it('duel-backoff: the same five proposers settle on one leader within 300 ms, and it stays', () => {
    const { events, sim } = run('duel-backoff');
    const proposers = new Set(events.flatMap((e) => (e.type === 'state' && e.role === 'proposer' && e.t < 160 ? [e.node] : [])));
    expect(proposers.size).toBe(5);
    const named = leaders(events).filter((e) => e.leader !== null);
    expect(named.at(-1)!.t).toBeLessThan(300);
    expect(sim.clusterLeader).toBe(named.at(-1)!.leader);
  });

  it('minority-accepted: "x" on 2 of 5 acceptors is re-proposed by the new leader and chosen in ballot 2', () => {
    const { events } = run('minority-accepted');
    const firstAccepts = sendsOf(events, 'Accepted').filter((e) => (e.fields.ballot as number[]).join('.') === '1.5');
    expect(firstAccepts.map((e) => e.from)).toEqual([4]); // only node 4 accepted "x" from node 5
    const reproposed = sendsOf(events, 'Accept').filter((e) => e.fields.value === 'x' && (e.fields.ballot as number[])[0] === 2);
    expect(reproposed.length).toBeGreaterThan(0);
    for (const n of [1, 2, 4]) expect(slot(events, n, 1)).toEqual(['x']);
    // With P6 switched off the value is simply lost (not a violation: it was never chosen).
    const broken = run('minority-accepted', undefined, { ignorePromisedValues: true });
    expect(broken.violations).toEqual([]);
    expect(commitsOf(broken.events).some((c) => c.value === 'x')).toBe(false);
  });

  it('partition: the minority leader takes "lost" but never commits it; after the heal slot 1 is "kept" everywhere', () => {
    const { events, sim } = run('partition');
    expect(commitsOf(events).some((c) => c.value === 'lost')).toBe(false);
    expect(leaders(events).filter((e) => e.leader !== null).map((e) => e.leader)).toEqual([5, 3]);
    const nacks = sendsOf(events, 'Nack').filter((e) => e.to === 5 && e.t >= 2000);
    expect(nacks.length).toBeGreaterThan(0);
    expect(nacks[0].fields.promised).toEqual([2, 3]);
    for (let n = 1; n <= 5; n++) expect(paxosState(sim, n).learned).toEqual(['kept']);
    expect(paxosState(sim, 5).role).toBe('follower');
  });
});
