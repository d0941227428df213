/**
 * Replay at the pane controller (in-process host, hand-driven frames): a step glides to the next event and
 * then shows it, a step back undoes it, acting in the past forks (the log and the timeline are cut), marker
 * jumps, and loading a scenario text (good: the run is replaced; bad: refused, the run stays).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { InProcessTransport } from '../worker/in-process';
import { PaneController } from './pane-controller';
import type { RunConfig } from './pane-model';

const config: RunConfig = { algorithm: 'raft', nodes: 5, observers: 0, seed: 4, latency: { min: 10, max: 30 }, dropRate: 0, options: {} };
const settle = () => new Promise((r) => setTimeout(r, 0));

function harness() {
  const frames: ((t: number) => void)[] = [];
  let wall = 0;
  const c = new PaneController(config, { speed: 1000, playing: false }, {
    transport: () => new InProcessTransport(),
    raf: (cb) => frames.push(cb),
    wallNow: () => wall,
    watchdogMs: 5000,
    document: null,
  });
  const run = async (n: number) => {
    for (let i = 0; i < n; i++) {
      wall += 16;
      for (const f of frames.splice(0)) f(wall);
      await settle();
      await settle();
    }
  };
  const until = async (pred: () => boolean, max = 3000) => {
    for (let i = 0; i < max && !pred(); i++) await run(1);
    expect(pred()).toBe(true);
  };
  return { c, run, until, s: () => c.store.getState() };
}

let disposers: (() => void)[] = [];
afterEach(() => {
  for (const d of disposers) d();
  disposers = [];
});

describe('replay at the controller', () => {
  it('steps forward with a glide, and back exactly', async () => {
    const h = harness();
    disposers.push(() => h.c.dispose());
    await h.until(() => h.s().status === 'running');
    const times = [h.c.time];
    for (let i = 0; i < 4; i++) {
      const before = h.s().stats.steps;
      h.c.stepForward();
      await h.run(2);
      // Mid-glide: the time moves toward the event, whose consequences are not shown yet.
      await h.until(() => h.s().stats.steps !== before && h.c.time > times[times.length - 1]);
      await h.run(30);
      times.push(h.c.time);
      expect(h.s().time).toBe(h.c.time);
      expect(h.s().lines.length).toBeGreaterThan(0);
    }
    expect(new Set(times).size).toBe(times.length);
    for (let i = times.length - 1; i > 0; i--) {
      h.c.stepBack();
      await h.until(() => h.c.time === times[i - 1]);
    }
  });

  it('acting in the past cuts the future: log, timeline end and markers', async () => {
    const h = harness();
    disposers.push(() => h.c.dispose());
    await h.until(() => h.s().status === 'running');
    h.c.play();
    await h.until(() => h.s().leader !== null && h.c.time > 1200);
    h.c.pause();
    await h.run(2);
    h.c.act({ do: 'crashLeader' });
    h.c.play();
    await h.until(() => h.c.time > 2500);
    h.c.pause();
    await h.run(3);
    const horizon = h.s().horizon;
    expect(h.s().markers.some((m) => m.kind === 'fault')).toBe(true);
    h.c.seek(600);
    await h.until(() => h.s().engineTime === 600);
    expect(h.s().horizon).toBe(horizon); // seeking back keeps the run's end
    h.c.act({ do: 'crash', node: 1 });
    await h.run(3);
    expect(h.s().actions).toEqual([{ at: 600, do: 'crash', node: 1 }]);
    expect(h.s().horizon).toBe(600);
    expect(h.s().markers.filter((m) => m.kind === 'fault').map((m) => m.t)).toEqual([600]);
  });

  it('jumps between markers', async () => {
    const h = harness();
    disposers.push(() => h.c.dispose());
    await h.until(() => h.s().status === 'running');
    h.c.play();
    await h.until(() => h.c.time > 2000);
    h.c.pause();
    await h.run(2);
    h.c.seek(0);
    await h.until(() => h.c.time === 0 && h.s().engineTime === 0);
    h.c.seekMarker(1);
    const first = h.s().markers[0];
    await h.until(() => h.s().engineTime === first.t);
    expect(h.s().leader).toBeNull();
    const leaderAt = h.s().markers.find((m) => m.kind === 'leader')!.t;
    for (let i = 0; i < 20 && h.c.time < leaderAt; i++) {
      h.c.seekMarker(1);
      await h.run(3);
    }
    expect(h.c.time).toBe(leaderAt);
    expect(h.s().leader).not.toBeNull();
    h.c.seekMarker(-1);
    await h.run(3);
    expect(h.c.time).toBeLessThan(leaderAt);
  });

  it('loads a scenario text, or refuses it and keeps the run', async () => {
    const h = harness();
    disposers.push(() => h.c.dispose());
    const results: unknown[] = [];
    h.c.onLoadResult = (r) => results.push(r);
    await h.until(() => h.s().status === 'running');
    h.c.play();
    await h.until(() => h.c.time > 500);
    h.c.pause();
    await h.run(2);
    const before = { run: h.s().run, hash: h.s().traceHash, time: h.c.time };
    h.c.loadText('{"version": 1, "nodes": 5, "events": [{"at": 5, "do": "crash", "node": 9}]}', 'bad.json');
    await h.until(() => h.s().notice !== null);
    expect(h.s().notice).toEqual({ key: 'loadRefused', detail: 'bad.json: events[0].node: node 9 does not exist (the cluster has nodes 1..5)' });
    expect({ run: h.s().run, hash: h.s().traceHash, time: h.c.time }).toEqual(before);
    h.c.loadText('{"version": 1, "algorithm": "bully", "nodes": 4, "seed": 9, "events": [{"at": 700, "do": "crashLeader"}]}', 'good.json', { time: 1000, playing: false });
    await h.until(() => h.s().config.algorithm === 'bully' && h.s().status === 'running' && h.s().engineTime === 1000);
    expect(h.s().actions).toEqual([{ at: 700, do: 'crashLeader' }]);
    expect(h.s().voters).toEqual([1, 2, 3, 4]);
    expect(h.c.scenarioFile()).toMatchObject({ algorithm: 'bully', nodes: 4, seed: 9, events: [{ at: 700, do: 'crashLeader' }] });
    expect(results).toEqual([{ ok: false, source: 'bad.json', detail: 'events[0].node: node 9 does not exist (the cluster has nodes 1..5)' }, { ok: true, source: 'good.json', actions: 1 }]);
  });
});
