/**
 * The host through a transport that structured-clones every message both ways (what a Worker does), with
 * every algorithm the registry has.
 */
import { describe, expect, it } from 'vitest';
import { ALGORITHMS } from '../engine/algorithms';
import type { AlgorithmName, TimedAction } from '../engine/core/types';
import { defaultScenario } from '../engine/run';
import { PROTOCOL_VERSION, type FromWorker, type ToWorker } from '../protocol';
import { InProcessTransport } from './in-process';
import { BATCH_EVENTS } from './sim-host';

type WithoutV<T> = T extends unknown ? Omit<T, 'v'> : never;
type Snapshot = Extract<FromWorker, { type: 'snapshot' }>;
type Batch = Extract<FromWorker, { type: 'batch' }>;

/** A little client: posts a message and resolves with the next reply. */
function client() {
  const t = new InProcessTransport();
  const inbox: FromWorker[] = [];
  let wake: (() => void) | null = null;
  t.onMessage = (m) => {
    inbox.push(m);
    wake?.();
  };
  const next = async (): Promise<FromWorker> => {
    while (inbox.length === 0) await new Promise<void>((r) => (wake = r));
    return inbox.shift()!;
  };
  const ask = async <T extends FromWorker>(m: WithoutV<ToWorker>): Promise<T> => {
    t.post({ ...m, v: PROTOCOL_VERSION } as ToWorker);
    return (await next()) as T;
  };
  return { t, next, ask };
}

const algorithms = Object.keys(ALGORITHMS) as AlgorithmName[];
const init = (algorithm: AlgorithmName, log: TimedAction[] = [], to = 0, nodes = 5) => ({
  type: 'init' as const,
  run: 1,
  algorithm,
  scenario: { ...defaultScenario({ nodes, seed: 7 }), algorithm },
  log,
  to,
});

describe('SimHost through a structured-cloning transport', () => {
  it('says hello with the registered algorithms', async () => {
    const c = client();
    const hello = await c.next();
    expect(hello.type).toBe('hello');
    if (hello.type === 'hello') expect(hello.algorithms.map((a) => a.name).sort()).toEqual([...algorithms].sort());
  });

  for (const algorithm of algorithms) {
    it(`${algorithm}: runs to the asked time in batches and elects a leader`, async () => {
      const c = client();
      await c.next();
      const snap = await c.ask<Snapshot>(init(algorithm));
      expect(snap.type).toBe('snapshot');
      expect(snap.nodes).toHaveLength(5);
      let sends = 0;
      let last: Batch | null = null;
      for (let t = 16; t <= 3000; t += 16) {
        last = await c.ask<Batch>({ type: 'advance', run: 1, to: t });
        expect(last.now).toBe(t);
        sends += last.events.filter((e) => e.type === 'send').length;
      }
      expect(last!.leader).not.toBeNull();
      expect(sends).toBeGreaterThan(0);
    });

    it(`${algorithm}: a run rebuilt from the action log has the identical trace (the replay promise)`, async () => {
      const live = client();
      await live.next();
      await live.ask(init(algorithm));
      for (let t = 10; t <= 1200; t += 37) await live.ask({ type: 'advance', run: 1, to: t });
      const now = 1196;
      const acts: TimedAction[] = [{ at: now, do: 'crashLeader' }];
      await live.ask({ type: 'act', run: 1, action: acts[0] });
      for (let t = 1210; t <= 2400; t += 29) await live.ask({ type: 'advance', run: 1, to: t });
      acts.push({ at: 2399, do: 'partition', groups: [[1, 2]] }); // the last advance went to 2399
      await live.ask({ type: 'act', run: 1, action: acts[1] });
      const end = await live.ask<Batch>({ type: 'advance', run: 1, to: 3000 });

      const replay = client();
      await replay.next();
      const snap = await replay.ask<Snapshot>(init(algorithm, acts, 3000));
      expect(snap.traceHash).toBe(end.traceHash);
      expect(snap.leader).toBe(end.leader);
    });
  }

  it('seeks back and forward to the same trace, and steps', async () => {
    const c = client();
    await c.next();
    await c.ask(init('bully'));
    const at2000 = await c.ask<Batch>({ type: 'advance', run: 1, to: 2000 });
    const at3500 = await c.ask<Batch>({ type: 'advance', run: 1, to: 3500 });
    const back = await c.ask<Snapshot>({ type: 'seek', run: 1, to: 2000, log: [] });
    expect(back.type).toBe('snapshot');
    expect(back.traceHash).toBe(at2000.traceHash);
    const fwd = await c.ask<Snapshot>({ type: 'seek', run: 1, to: 3500, log: [] });
    expect(fwd.traceHash).toBe(at3500.traceHash);
    const step = await c.ask<Batch>({ type: 'step', run: 1 });
    expect(step.now).toBeGreaterThan(3500);
    const stepBack = await c.ask<Snapshot>({ type: 'stepBack', run: 1, log: [] });
    expect(stepBack.now).toBeLessThan(step.now);
  });

  it('a jump at 101 nodes still sends the page its telling lines, not only the flood of deliveries', async () => {
    const c = client();
    await c.next();
    await c.ask(init('raft', [], 0, 101));
    let jump = await c.ask<Batch>({ type: 'advance', run: 1, to: 215 });
    while (jump.partial) jump = (await c.next()) as Batch;
    const lines = jump.lines ?? [];
    expect(lines.filter((l) => l.importance === 0).length).toBeGreaterThan(0);
    // Seed 7 by 215 ms: votes granted and refused for term 1 (before: only the newest 400 lines, all deliveries).
    expect(lines.filter((l) => l.importance >= 1 && l.t > 0).length).toBeGreaterThanOrEqual(100);
    expect(lines.map((l) => l.t)).toEqual([...lines.map((l) => l.t)].sort((a, b) => a - b));
  });

  it('sends a long advance in pieces (ZAB cold start at 101 nodes), with the same trace as one run to that time', async () => {
    const c = client();
    await c.next();
    await c.ask(init('zab', [], 0, 101));
    const pieces: Batch[] = [await c.ask<Batch>({ type: 'advance', run: 1, to: 15 })];
    while (pieces.at(-1)!.partial) pieces.push((await c.next()) as Batch);
    expect(pieces.length).toBeGreaterThan(5);
    // At t = 10 ms the first notifications arrive and a hundred nodes change their votes: pieces are cut within
    // an instant too.
    expect(pieces.filter((p) => p.now === 10).length).toBeGreaterThan(1);
    for (const p of pieces.slice(0, -1)) {
      expect(p.events.length).toBeLessThanOrEqual(BATCH_EVENTS + 200); // the limit, plus what the last step added (a broadcast)
      expect(p.lines).toBeUndefined(); // the narration comes whole with the last piece
    }
    const last = pieces.at(-1)!;
    expect(last.now).toBe(15);
    expect(last.lines!.length).toBeGreaterThan(0);
    const whole = client();
    await whole.next();
    const snap = await whole.ask<Snapshot>(init('zab', [], 15, 101));
    expect(snap.traceHash).toBe(last.traceHash);
  });

  it('refuses a bad action with its path, and keeps running', async () => {
    const c = client();
    await c.next();
    await c.ask(init('bully'));
    const r = await c.ask<FromWorker>({ type: 'act', run: 1, action: { at: 0, do: 'crash', node: 42 } });
    expect(r.type).toBe('rejected');
    if (r.type === 'rejected') expect(r.path).toContain('node');
    const b = await c.ask<Batch>({ type: 'advance', run: 1, to: 100 });
    expect(b.type).toBe('batch');
  });

  it('reports an engine exception as failed instead of dying silently', async () => {
    const c = client();
    await c.next();
    await c.ask(init('bully'));
    const r = await c.ask<FromWorker>({ type: 'crash', run: 1 });
    expect(r.type).toBe('failed');
  });

  it('streams the inspected node state', async () => {
    const c = client();
    await c.next();
    await c.ask(init('bully'));
    const b = await c.ask<Batch>({ type: 'inspect', run: 1, node: 3 });
    expect(b.inspected?.node).toBe(3);
    expect(b.inspected?.state).toMatchObject({ id: 3 });
  });
});
