/**
 * Compare mode's wiring: the clock group drives every pane (play, pause, step, seek at one time), the panes of
 * one scenario get identical fault scripts and shared actions, a pane-only action stays in its pane, and the
 * live metrics the worker sends equal the `end` statistics of the same run under `sim`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulation } from '../engine/run';
import { paneScenarios } from '../engine/compare';
import type { Scenario } from '../engine/core/types';
import { InProcessTransport } from '../worker/in-process';
import type { Transport } from '../worker/transport';
import { nextStepTime, prevStepTime } from './clock-group';
import { createCompareSession, paneConfigs, parseCompare, type CompareSession } from './compare-session';

const settle = () => new Promise((r) => setTimeout(r, 0));

const flapping: Scenario = {
  version: 1,
  nodes: 5,
  observers: 0,
  seed: 1,
  network: { latency: { min: 10, max: 30 }, dropRate: 0 },
  options: {},
  events: [
    { at: 1000, do: 'crash', node: 5 },
    { at: 3000, do: 'revive', node: 5 },
    { at: 4000, do: 'crash', node: 5 },
    { at: 6000, do: 'revive', node: 5 },
  ],
};

function harness(sc: Scenario, algorithms = ['bully', 'raft', 'zab'] as const, speed = 2000) {
  const frames: ((t: number) => void)[] = [];
  let wall = 0;
  const s: CompareSession = createCompareSession([...algorithms], sc, { speed, playing: false }, {
    transport: (): Transport => new InProcessTransport(),
    raf: (cb) => frames.push(cb),
    wallNow: () => wall,
    watchdogMs: 10_000,
    document: null,
  }, paneScenarios);
  const run = async (n: number) => {
    for (let i = 0; i < n; i++) {
      wall += 16;
      const due = frames.splice(0);
      for (const f of due) f(wall);
      await settle();
      await settle();
    }
  };
  const until = async (pred: () => boolean, max = 4000) => {
    for (let i = 0; i < max && !pred(); i++) await run(1);
    expect(pred()).toBe(true);
  };
  const times = () => s.panes.map((c) => c.time);
  const idle = () => s.panes.every((c) => c.store.getState().engineTime === c.time);
  return { s, run, until, times, idle };
}

let disposers: (() => void)[] = [];
afterEach(() => {
  for (const d of disposers) d();
  disposers = [];
});

describe('compare panes of one scenario', () => {
  it('get identical fault scripts, each with its own algorithm', () => {
    const cfgs = paneConfigs(paneScenarios, flapping, ['bully', 'raft', 'zab']);
    expect(cfgs.map((c) => c.algorithm)).toEqual(['bully', 'raft', 'zab']);
    for (const c of cfgs) {
      expect(c.events).toEqual(flapping.events);
      expect([c.nodes, c.seed, c.latency, c.dropRate]).toEqual([5, 1, { min: 10, max: 30 }, 0]);
    }
  });

  it('parses ?compare=', () => {
    expect(parseCompare('bully,raft,zab')).toEqual(['bully', 'raft', 'zab']);
    expect(parseCompare('raft, zab')).toEqual(['raft', 'zab']);
    expect(parseCompare('raft')).toBeNull();
    expect(parseCompare('raft,raft')).toBeNull();
    expect(parseCompare('raft,pbft')).toBeNull();
  });

  it('step helpers: earliest next event; back to before the latest change', () => {
    expect(nextStepTime(10, [30, 12, null, 5])).toBe(12);
    expect(nextStepTime(10, [null])).toBeNull();
    // Pane A changed at 50 (before that at 40), pane B last at 45: back to 45 undoes A's change at 50 only.
    expect(prevStepTime([{ lastAt: 50, prevAt: 40 }, { lastAt: 45, prevAt: 30 }])).toBe(45);
    expect(prevStepTime([{ lastAt: 50, prevAt: 40 }, { lastAt: 50, prevAt: 42 }])).toBe(42);
    expect(prevStepTime([{ lastAt: null, prevAt: null }])).toBe(0);
  });
});

describe('the clock group', () => {
  it('plays all panes on one time, and their metrics equal the end statistics of sim at that time', async () => {
    const h = harness(flapping);
    disposers.push(() => h.s.dispose());
    await h.until(() => h.s.panes.every((c) => c.store.getState().status === 'running'));
    h.s.clock.play();
    await h.until(() => h.s.clock.now > 7000);
    h.s.clock.pause();
    await h.until(h.idle);
    const t = h.s.clock.now;
    expect(new Set(h.times()).size).toBe(1);
    for (const c of h.s.panes) {
      const st = c.store.getState();
      const m = st.metrics!;
      expect(m).not.toBeNull();
      const sim = createSimulation({ ...flapping, algorithm: st.config.algorithm, events: flapping.events }, { check: true });
      sim.runUntil(t);
      const end = sim.stats();
      expect({ sent: m.sent, delivered: m.delivered, dropped: m.dropped, leaderChanges: m.leaderChanges, firstLeaderAt: m.firstLeaderAt, leader: m.leader }).toEqual({
        sent: end.sent,
        delivered: end.delivered,
        dropped: end.dropped,
        leaderChanges: end.leaderChanges,
        firstLeaderAt: end.firstLeaderAt,
        leader: end.leader,
      });
      expect(m.byKind).toEqual(end.byKind);
      expect(m.unavailableMs).toBe(end.unavailableMs);
    }
    // The seed text's claim: Bully changes leader twice per crash/revive cycle, Raft and ZAB once per crash only.
    const changes = Object.fromEntries(h.s.panes.map((c) => [c.store.getState().config.algorithm, c.store.getState().metrics!.leaderChanges]));
    expect(changes.bully).toBe(4);
    expect(changes.raft).toBeLessThan(changes.bully);
    expect(changes.zab).toBeLessThan(changes.bully);
  }, 60_000);

  it('steps all panes together to the earliest next event, and back; seeks them together', async () => {
    const h = harness(flapping);
    disposers.push(() => h.s.dispose());
    await h.until(() => h.s.panes.every((c) => c.store.getState().status === 'running'));
    const seen = [0];
    for (let i = 0; i < 8; i++) {
      const expected = nextStepTime(h.s.clock.now, h.s.panes.map((c) => c.store.getState().nextAt));
      h.s.clock.stepForward();
      await h.until(h.idle);
      expect(new Set(h.times()).size).toBe(1);
      expect(h.s.clock.now).toBe(expected);
      expect(h.s.clock.now).toBeGreaterThan(seen[seen.length - 1]);
      seen.push(h.s.clock.now);
    }
    h.s.clock.stepBack();
    await h.until(() => h.s.panes.every((c) => c.store.getState().engineTime === h.s.clock.now));
    expect(new Set(h.times()).size).toBe(1);
    expect(h.s.clock.now).toBe(seen[seen.length - 2]);
    h.s.clock.seek(5);
    await h.until(() => h.s.panes.every((c) => c.store.getState().engineTime === 5));
    expect(h.times()).toEqual([5, 5, 5]);
  }, 60_000);

  it('fast-forwards every pane at once; a stop point on the way stops them all there and fires', async () => {
    const h = harness(flapping);
    disposers.push(() => h.s.dispose());
    await h.until(() => h.s.panes.every((c) => c.store.getState().status === 'running'));
    h.s.clock.fastForward(2500);
    expect(h.times()).toEqual([2500, 2500, 2500]);
    await h.until(() => h.s.panes.every((c) => c.settled));
    for (const c of h.s.panes) expect(c.store.getState().engineTime).toBe(2500);
    const stops: number[] = [];
    h.s.clock.setStopAt(3100, () => stops.push(h.s.clock.now));
    h.s.clock.play();
    h.s.panes[1].fastForward(9000); // from a pane: the group's
    expect([h.times(), stops, h.s.clock.store.getState().playing]).toEqual([[3100, 3100, 3100], [3100], false]);
    await h.until(() => h.s.panes.every((c) => c.settled));
  }, 60_000);

  it('applies a node action in every pane at one time; "only" keeps it in one pane', async () => {
    const h = harness({ ...flapping, events: [] }, ['bully', 'raft'] as unknown as readonly ['bully', 'raft', 'zab']);
    disposers.push(() => h.s.dispose());
    await h.until(() => h.s.panes.every((c) => c.store.getState().status === 'running'));
    h.s.clock.seek(0);
    h.s.clock.stepForward();
    await h.until(h.idle);
    const [a, b] = h.s.panes;
    a.act({ do: 'crash', node: 2 });
    h.s.clock.only(() => b.act({ do: 'crash', node: 3 }));
    await h.until(h.idle);
    const at = h.s.clock.now;
    expect(a.store.getState().actions).toEqual([{ at, do: 'crash', node: 2 }]);
    expect(b.store.getState().actions).toEqual([
      { at, do: 'crash', node: 2 },
      { at, do: 'crash', node: 3 },
    ]);
    expect(h.s.clock.store.getState().shared).toEqual([{ at, do: 'crash', node: 2 }]);
    // A controller's own time commands hand over to the group.
    b.play();
    expect(h.s.clock.store.getState().playing).toBe(true);
    expect(a.store.getState().playing).toBe(true);
    a.pause();
    expect(h.s.panes.every((c) => !c.store.getState().playing)).toBe(true);
  }, 60_000);
});
