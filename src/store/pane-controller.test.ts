/**
 * The pane controller with the in-process host (structured-cloning transport) and a hand-driven frame
 * clock: playing elects a leader, actions are logged with the displayed time, and a worker that dies
 * mid-run is replaced and the page comes back to the same state.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runTrace } from '../engine/run';
import { snapshotAt } from '../lessons/snapshot';
import { InProcessTransport } from '../worker/in-process';
import type { Transport } from '../worker/transport';
import { PaneController } from './pane-controller';
import { scenarioOf, type RunConfig } from './pane-model';

const config: RunConfig = { algorithm: 'bully', nodes: 5, observers: 0, seed: 4, latency: { min: 10, max: 30 }, dropRate: 0, options: {} };
const settle = () => new Promise((r) => setTimeout(r, 0));

function harness(speed = 1000) {
  const frames: ((t: number) => void)[] = [];
  let wall = 0;
  const transports: InProcessTransport[] = [];
  const c = new PaneController(config, { speed, playing: false }, {
    transport: (): Transport => {
      const t = new InProcessTransport();
      transports.push(t);
      return t;
    },
    raf: (cb) => frames.push(cb),
    wallNow: () => wall,
    watchdogMs: 50,
    document: null,
  });
  /** Runs `n` frames of 16 ms each, letting the host answer between frames. */
  const run = async (n: number) => {
    for (let i = 0; i < n; i++) {
      wall += 16;
      const due = frames.splice(0);
      for (const f of due) f(wall);
      await settle();
      await settle();
    }
  };
  const until = async (pred: () => boolean, max = 2000) => {
    for (let i = 0; i < max && !pred(); i++) await run(1);
    expect(pred()).toBe(true);
  };
  const advanceWall = (ms: number) => (wall += ms);
  return { c, run, until, transports, advanceWall };
}

let disposers: (() => void)[] = [];
afterEach(() => {
  for (const d of disposers) d();
  disposers = [];
});

describe('PaneController', () => {
  it('plays: the displayed time advances with the frames and a leader is elected', async () => {
    const h = harness();
    disposers.push(() => h.c.dispose());
    await h.until(() => h.c.store.getState().status === 'running');
    h.c.play();
    await h.until(() => h.c.store.getState().leader !== null);
    const s = h.c.store.getState();
    expect(s.leader).toBe(5);
    expect(s.time).toBeGreaterThan(0);
    expect(s.engineTime).toBeLessThanOrEqual(h.c.time);
  });

  it('stamps user actions with the displayed time and logs them', async () => {
    const h = harness();
    disposers.push(() => h.c.dispose());
    await h.until(() => h.c.store.getState().status === 'running');
    h.c.play();
    await h.until(() => h.c.store.getState().leader === 5);
    h.c.pause();
    await h.run(2);
    const at = h.c.time;
    h.c.act({ do: 'crash', node: 5 });
    await h.run(2);
    const s = h.c.store.getState();
    expect(s.actions).toEqual([{ at, do: 'crash', node: 5 }]);
    expect(s.nodes[5].alive).toBe(false);
    h.c.play();
    await h.until(() => h.c.store.getState().leader === 4);
  });

  it('recovers from a worker that dies mid-run: new worker, log replayed, same state', async () => {
    const h = harness();
    disposers.push(() => h.c.dispose());
    await h.until(() => h.c.store.getState().status === 'running');
    h.c.play();
    await h.until(() => h.c.store.getState().leader === 5);
    h.c.act({ do: 'crash', node: 5 });
    await h.until(() => h.c.store.getState().leader === 4);
    h.c.pause();
    await h.run(3);
    const before = h.c.store.getState();
    const time = h.c.time;

    // The worker goes silent (killed): the next request is never answered.
    h.transports[0].kill();
    h.c.stepForward();
    await h.run(2);
    h.advanceWall(200);
    await new Promise((r) => setTimeout(r, 600)); // the watchdog's interval notices
    await h.until(() => h.c.store.getState().status === 'running' && h.transports.length === 2);
    const after = h.c.store.getState();
    expect(after.recoveries).toBe(1);
    expect(after.notice?.key).toBe('workerRestarted');
    expect(h.c.time).toBe(time);
    expect(after.traceHash).toBe(before.traceHash);
    expect(after.leader).toBe(before.leader);
    expect(after.actions).toEqual(before.actions);
    expect(Object.values(after.nodes).map((n) => [n.node, n.role, n.alive])).toEqual(
      Object.values(before.nodes).map((n) => [n.node, n.role, n.alive]),
    );
  });

  it('recovers from an engine exception the same way', async () => {
    const h = harness();
    disposers.push(() => h.c.dispose());
    await h.until(() => h.c.store.getState().status === 'running');
    h.c.play();
    await h.until(() => h.c.store.getState().leader === 5);
    h.c.pause();
    await h.run(3);
    const hash = h.c.store.getState().traceHash;
    h.c.crashWorker();
    await h.until(() => h.transports.length === 2 && h.c.store.getState().status === 'running');
    expect(h.c.store.getState().traceHash).toBe(hash);
  });
});

describe('PaneController.fastForward (the test bridge\'s advanceTo)', () => {
  it('goes to a virtual time at once, paused, with the state a headless run has there', async () => {
    const h = harness();
    disposers.push(() => h.c.dispose());
    await h.until(() => h.c.store.getState().status === 'running');
    h.c.fastForward(1500);
    expect(h.c.time).toBe(1500);
    await h.until(() => h.c.settled);
    const s = h.c.store.getState();
    expect([s.engineTime, s.playing]).toEqual([1500, false]);
    const trace = runTrace(scenarioOf(config), 1500);
    const snap = snapshotAt(trace, 1500);
    expect(s.leader).toBe(snap.leader);
    expect(Object.values(s.nodes).map((n) => [n.node, n.role, n.leader])).toEqual([...snap.nodes.values()].map((n) => [n.node, n.role, n.leader]));
    // Backwards (or to the time shown) is not a fast-forward.
    h.c.fastForward(1000);
    expect(h.c.time).toBe(1500);
  });

  it('while playing: pauses at the time; a stop point on the way fires as when played across', async () => {
    const h = harness();
    disposers.push(() => h.c.dispose());
    await h.until(() => h.c.store.getState().status === 'running');
    const stops: number[] = [];
    h.c.setStopAt(800, () => stops.push(h.c.time));
    h.c.play();
    await h.run(1);
    h.c.fastForward(5000);
    expect([h.c.time, h.c.store.getState().playing, stops]).toEqual([800, false, [800]]);
    await h.until(() => h.c.settled);
    // Without an argument: to the armed stop point, and nothing when none is armed.
    h.c.setStopAt(1200, () => stops.push(h.c.time));
    h.c.fastForward();
    expect(stops).toEqual([800, 1200]);
    h.c.fastForward();
    expect(h.c.time).toBe(1200);
    await h.until(() => h.c.settled);
  });
});

describe('PaneController and the page', () => {
  it('pauses when the tab is hidden and plays again when it is back', async () => {
    const listeners: (() => void)[] = [];
    const doc = { hidden: false, addEventListener: (_: string, f: () => void) => listeners.push(f), removeEventListener: () => {} };
    const c = new PaneController(config, { speed: 100, playing: true }, {
      transport: () => new InProcessTransport(),
      raf: () => 0,
      document: doc as never,
    });
    disposers.push(() => c.dispose());
    await settle();
    doc.hidden = true;
    listeners.forEach((f) => f());
    expect(c.store.getState().playing).toBe(false);
    doc.hidden = false;
    listeners.forEach((f) => f());
    expect(c.store.getState().playing).toBe(true);
  });
});
