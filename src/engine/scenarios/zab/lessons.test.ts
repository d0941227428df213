import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../core/types';
import { runTrace } from '../../run';
import { parseScenario } from '../../scenario-file';
import { observations } from '../../testing/observations';
import { zabLessons, type Lesson } from './index';

type Ev<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;
const { observe, everyLessonObserved } = observations();
const lesson = (id: string) => zabLessons.find((l) => l.id === id) as Lesson;
const run = (l: Lesson, overrides: Partial<Lesson['scenario']> = {}) => runTrace({ ...l.scenario, ...overrides }, l.untilMs, { check: true });
const of = <T extends TraceEvent['type']>(ev: TraceEvent[], type: T) => ev.filter((e) => e.type === type) as Ev<T>[];
const states = (ev: TraceEvent[], node?: number) => of(ev, 'state').filter((e) => node === undefined || e.node === node);
const leaders = (ev: TraceEvent[]) => of(ev, 'leader').map((e) => e.leader);
const commits = (ev: TraceEvent[], node: number) => of(ev, 'commit').filter((e) => e.node === node).map((e) => e.value);

describe('ZAB lessons (protocols.md §2.8)', () => {
  everyLessonObserved(zabLessons, 'the ZAB scenarios');

  it('every lesson is a valid scenario file, identical to its TS entry, and runs without violations (also as 5 voters + 2 observers)', () => {
    for (const l of zabLessons) {
      const file = parseScenario(JSON.parse(readFileSync(new URL(`./files/${l.id}.json`, import.meta.url), 'utf8')));
      expect(file).toEqual(parseScenario(l.scenario));
      expect(of(run(l), 'violation')).toEqual([]);
      expect(of(run(l, { nodes: 5, observers: 2 }), 'violation')).toEqual([]);
    }
  });

  observe('cold-start', 'at least N(N−1) notifications, the highest sid wins', (id) => {
    const ev = run(lesson(id));
    const n = of(ev, 'send').filter((e) => e.kind === 'Notification').length;
    expect(n).toBeGreaterThanOrEqual(20);
    expect(n).toBeLessThanOrEqual(60);
    expect(leaders(ev)).toEqual([5]);
  });

  observe('zxid-beats-sid', 'node 2 (zxid (1,7)) wins over node 4 (zxid (1,5)); node 4 overrides its own vote', (id) => {
    const ev = run(lesson(id));
    expect(leaders(ev)).toEqual([5, null, 2]);
    const votes4 = states(ev, 4).filter((e) => e.role === 'looking' && e.t > 1200).map((e) => (e.vote as { leader: number }).leader);
    expect(votes4).toContain(4);
    expect(votes4[votes4.length - 1]).toBe(2);
    for (const node of [1, 2, 3, 4]) expect(commits(ev, node)).toEqual(['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7']);
  });

  observe('epoch-beats-zxid', '(2, (1,9), 2) wins over (1, (1,12), 5); the uncommitted tail is truncated', (id) => {
    const ev = run(lesson(id));
    expect(leaders(ev)).toEqual([5, null, 3, null, 2]);
    const end = (node: number) => states(ev, node).at(-1) as Ev<'state'>;
    for (const node of [4, 5]) {
      expect(states(ev, node).some((e) => e.currentEpoch === 1 && (e.zxid as number[])[1] === 12)).toBe(true);
      expect(end(node).zxid).toEqual([1, 9]);
      expect(commits(ev, node)).not.toContain('b10');
    }
    expect(of(ev, 'send').some((e) => e.kind === 'Sync' && e.fields.mode === 'TRUNC')).toBe(true);
  });

  observe('leader-crash', 'FOLLOWING replies name the dead leader, checkLeader refuses them, a new leader serves writes', (id) => {
    const ev = run(lesson(id));
    expect(leaders(ev)).toEqual([5, null, 4]);
    const stale = of(ev, 'send').filter((e) => e.t > 1500 && e.kind === 'Notification' && e.fields.state === 'FOLLOWING' && e.fields.leader === 5);
    expect(stale.length).toBeGreaterThan(0);
    expect(states(ev).filter((e) => e.t > 1500 && e.node !== 5 && e.leader === 5)).toEqual([]);
    // A power-off closes nothing: detection takes syncLimit·tickTime (1000 ms) after the last packet, node 1
    // (cut off at 1200) first.
    const firstLook = (node: number) => (states(ev, node).find((e) => e.t > 1200 && e.role === 'looking') as Ev<'state'>).t;
    expect(firstLook(1)).toBeGreaterThanOrEqual(1200 + 900);
    expect(firstLook(1)).toBeLessThan(1500 + 900);
    for (const node of [2, 3, 4]) expect(firstLook(node)).toBeGreaterThanOrEqual(1500 + 900);
    for (const node of [1, 2, 3, 4]) expect(commits(ev, node)).toEqual(['before', 'after']);
  });

  observe('leader-minority', 'leader in a minority steps down within about syncLimit ticks; the majority elects epoch 2; two LEADING nodes for a while', (id) => {
    const ev = run(lesson(id));
    expect(leaders(ev)).toEqual([5, null, 4]);
    // This lesson uses tickTime 1000 ms and syncLimit 2: the leader's deadline is counted in whole ticks
    // (tick + syncLimit), so it outlives the followers' 2 s read timeout plus a 200 ms election.
    const down = states(ev, 5).find((e) => e.t > 1500 && e.role === 'looking') as Ev<'state'>;
    expect(down.t).toBeLessThanOrEqual(1500 + 3 * 1000 + 500);
    const up = states(ev, 4).find((e) => e.role === 'leading' && e.phase === 'broadcast') as Ev<'state'>;
    expect(up.acceptedEpoch).toBe(2);
    expect(up.t).toBeLessThan(down.t); // the dual-LEADING window: 5 (epoch 1) and 4 (epoch 2)
    expect(of(ev, 'commit').some((e) => e.value === 'lost')).toBe(false);
    for (const node of [1, 2, 3, 4, 5]) expect(commits(ev, node)).toEqual(['v1', 'v2']);
  });

  observe('restart-no-change', 'the revived highest sid and a revived observer join without a leader change, with 2(N−1) and 2N notifications', (id) => {
    const ev = run(lesson(id));
    expect(leaders(ev)).toEqual([5, null, 4]);
    expect(of(ev, 'end')[0].stats.leader).toBe(4);
    const joinMsgs = (node: number, from: number, to: number) =>
      of(ev, 'send').filter((e) => e.kind === 'Notification' && e.t >= from && e.t < to && (e.from === node || e.to === node)).length;
    expect(joinMsgs(5, 5000, 6000)).toBe(8);
    expect(joinMsgs(6, 7000, 8000)).toBe(10);
    expect(states(ev, 5).at(-1)).toMatchObject({ role: 'following', leader: 4, phase: 'broadcast' });
    expect(states(ev, 6).at(-1)).toMatchObject({ role: 'observing', leader: 4, phase: 'broadcast' });
  });

  observe('observers-no-quorum', 'observers cannot make a quorum; crashing them changes nothing', (id) => {
    const ev = run(lesson(id));
    expect(leaders(ev)).toEqual([3, null]);
    expect(of(ev, 'leader').find((e) => e.leader === null)!.t).toBe(3000); // not at the observers' crash (1000)
    expect(states(ev, 1).at(-1)).toMatchObject({ role: 'looking' });
    // Observers' notifications are answered at once and never tallied (checker: Z-S7).
    expect(of(ev, 'send').some((e) => e.t > 3000 && e.from === 1 && e.to >= 4 && e.kind === 'Notification')).toBe(true);
  });

  observe('late-vote-change', 'two LEADING nodes in round 1, only one established, the other returns after initLimit', (id) => {
    const ev = run(lesson(id));
    const leading = states(ev).filter((e) => e.role === 'leading' && e.electionEpoch === 1 && e.t < 1000);
    expect(new Set(leading.map((e) => e.node))).toEqual(new Set([4, 5]));
    expect(states(ev, 4).some((e) => e.role === 'leading' && e.phase !== 'discovery')).toBe(false);
    const gaveUp = states(ev, 4).find((e) => e.role === 'looking' && e.t > 1000) as Ev<'state'>;
    const led = states(ev, 4).find((e) => e.role === 'leading') as Ev<'state'>;
    expect(gaveUp.t - led.t).toBe(2000);
    expect(states(ev, 4).at(-1)).toMatchObject({ role: 'following', leader: 5, phase: 'broadcast' });
    expect(leaders(ev)).toEqual([5]);
  });

  observe('kill-vs-power-off', 'a killed leader\'s followers look within one message delay; a powered-off one\'s only at their read timeout', (id) => {
    const l = lesson(id);
    const ev = run(l);
    const [killed, powered] = of(ev, 'fault').map((e) => e as Ev<'fault'> & { node: number });
    expect([killed.node, powered.node]).toEqual([5, 4]);
    expect(leaders(ev)).toEqual([5, null, 4, null, 3]);
    const delta = l.scenario.network.latency.max;
    const firstLook = (node: number, after: number) => (states(ev, node).find((e) => e.t >= after && e.role === 'looking') as Ev<'state'>).t;
    // Kill: the dead process's operating system resets its connections; the Reset is one message delay away.
    expect(of(ev, 'send').filter((e) => e.t === 1000 && e.kind === 'Reset').map((e) => e.to)).toEqual([1, 2, 3, 4]);
    for (const node of [1, 2, 3, 4]) expect(firstLook(node, 1000) - 1000).toBeLessThanOrEqual(delta);
    // Power-off: nothing is sent; each follower waits syncLimit·tickTime (1 s) after the last packet it got.
    expect(of(ev, 'send').filter((e) => e.t >= 3000 && e.from === 4)).toEqual([]);
    const readTimeout = 5 * 200;
    for (const node of [1, 2, 3]) {
      const lastHeard = Math.max(...of(ev, 'deliver').filter((e) => e.from === 4 && e.to === node && e.t <= 3000 + delta).map((e) => e.t));
      expect(firstLook(node, 3000)).toBe(lastHeard + readTimeout);
    }
    const gap = (lostAt: number) => (of(ev, 'leader').find((e) => e.t > lostAt && e.leader !== null) as Ev<'leader'>).t - lostAt;
    expect(gap(1000)).toBeLessThan(500);
    expect(gap(3000)).toBeGreaterThan(readTimeout);
  });

  observe('long-partition', 'the isolated node rejoins only at its next re-broadcast, about a minute after the heal', (id) => {
    const ev = run(lesson(id));
    const back = states(ev, 1).find((e) => e.t > 110000 && e.role === 'following') as Ev<'state'>;
    expect(back.t).toBeGreaterThan(110000 + 30000);
    expect(back.t).toBeLessThan(110000 + 60000 + 200);
    const rebroadcasts = of(ev, 'send').filter((e) => e.from === 1 && e.to === 2 && e.kind === 'Notification' && e.t > 1000).map((e) => e.t);
    const gaps = rebroadcasts.slice(1).map((t, i) => t - rebroadcasts[i]);
    expect(gaps.slice(0, 5)).toEqual([200, 400, 800, 1600, 3200]);
    expect(Math.max(...gaps)).toBe(60000);
    expect(leaders(ev)).toEqual([5]);
  });
});
