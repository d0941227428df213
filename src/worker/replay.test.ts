/**
 * Replay (issue 6) at the host: seeking anywhere equals running straight there (state, trace, narration,
 * markers), over random runs and times; a step back is the exact inverse of a step forward; a fork (an action
 * in the past) truncates the future and its markers; the exported trace is byte for byte what `sim` prints;
 * every kind of bad scenario text is refused with the field and why.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main';
import type { AlgorithmName, Scenario, TimedAction } from '../engine/core/types';
import { defaultScenario, runTrace } from '../engine/run';
import { PROTOCOL_VERSION, type FromWorker, type ToWorker } from '../protocol';
import { fnv1a, SimHost } from './sim-host';

/** mulberry32: the test's own seeded random numbers (the runs it draws are reproducible). */
function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type WithoutV<T> = T extends unknown ? Omit<T, 'v'> : never;
type Snapshot = Extract<FromWorker, { type: 'snapshot' }>;
type Batch = Extract<FromWorker, { type: 'batch' }>;

/** The host called directly (synchronous): each request's last answer. */
function host() {
  const out: FromWorker[] = [];
  const h = new SimHost((m) => out.push(structuredClone(m)));
  const ask = <T extends FromWorker>(m: WithoutV<ToWorker>): T => {
    out.length = 0;
    h.handle({ ...m, v: PROTOCOL_VERSION } as ToWorker);
    return out[out.length - 1] as T;
  };
  return { ask };
}

const scenarioFor = (algorithm: AlgorithmName, seed: number, nodes = 5): Scenario => ({ ...defaultScenario({ nodes, seed }), algorithm });
const init = (sc: Scenario, log: TimedAction[] = [], to = 0) => ({ type: 'init' as const, run: 1, algorithm: sc.algorithm!, scenario: sc, log, to });

/** A random fault schedule (sorted), ids within the cluster. */
function randomLog(rand: () => number, nodes: number, until: number): TimedAction[] {
  const log: TimedAction[] = [];
  const k = Math.floor(rand() * 5);
  const pick = () => 1 + Math.floor(rand() * nodes);
  for (let i = 0; i < k; i++) {
    const at = Math.floor(rand() * until);
    const r = rand();
    if (r < 0.3) log.push({ at, do: 'crash', node: pick() });
    else if (r < 0.5) log.push({ at, do: 'revive', node: pick() });
    else if (r < 0.65) log.push({ at, do: 'crashLeader' });
    else if (r < 0.8) log.push({ at, do: 'partition', groups: [[pick()]] });
    else if (r < 0.9) log.push({ at, do: 'heal' });
    else log.push({ at, do: 'write', node: pick(), value: `v${i}` });
  }
  return log.sort((a, b) => a.at - b.at);
}

/** The FNV-1a hash the host keeps, of a trace (the `end` event left out). */
function hashOf(sc: Scenario, until: number): string {
  let h = 0x811c9dc5;
  for (const e of runTrace(sc, until, { check: true })) if (e.type !== 'end') h = fnv1a(h, JSON.stringify(e));
  return h.toString(16);
}

const comparable = (s: Snapshot) => ({
  now: s.now,
  nodes: s.nodes,
  leader: s.leader,
  inFlight: s.inFlight,
  network: s.network,
  traceHash: s.traceHash,
  stats: s.stats,
  nextAt: s.nextAt,
  lines: s.lines,
});

describe('replay: seek', () => {
  const algorithms: AlgorithmName[] = ['bully', 'raft', 'zab'];
  const runs = Number(process.env.REPLAY_RUNS ?? 12);
  it(`seeking to any time equals running straight there (${runs} random runs × 3 times)`, () => {
    const rand = createRng(20240611);
    for (let r = 0; r < runs; r++) {
      const algorithm = algorithms[r % 3];
      const nodes = 3 + Math.floor(rand() * 4);
      const sc = scenarioFor(algorithm, 1 + Math.floor(rand() * 1000), nodes);
      const until = 4000 + Math.floor(rand() * 4000);
      const log = randomLog(rand, nodes, until);
      const live = host();
      live.ask(init(sc, log));
      // Play in frame-sized batches to the end, as the page does.
      for (let t = 0; t < until; t += 16 + Math.floor(rand() * 40)) live.ask({ type: 'advance', run: 1, to: t });
      const head = live.ask<Batch>({ type: 'advance', run: 1, to: until });
      for (let k = 0; k < 3; k++) {
        const to = Math.floor(rand() * until) + (k === 2 ? 0.5 : 0);
        const seeked = live.ask<Snapshot>({ type: 'seek', run: 1, to, log });
        const straight = host().ask<Snapshot>(init(sc, log, to));
        const label = `${algorithm} seed ${sc.seed} n=${nodes} log=${JSON.stringify(log)} to=${to}`;
        expect(comparable(seeked), label).toEqual(comparable(straight));
        // The same trace prefix as the engine run straight from the scenario file (the CLI's way).
        expect(seeked.traceHash, label).toBe(hashOf({ ...sc, events: log.filter((a) => a.at <= to) }, to));
        // Markers of the whole run reached so far stay (beyond `to` too), and those up to `to` are the straight run's.
        expect(seeked.markers!.filter((m) => m.t <= to)).toEqual(straight.markers);
        expect(seeked.markers!.length).toBeGreaterThanOrEqual(straight.markers!.length);
      }
      // Forward again to the head: the same trace as before.
      const again = live.ask<Snapshot>({ type: 'seek', run: 1, to: until, log });
      expect(again.traceHash).toBe(head.traceHash);
    }
  });

  it('a step back is the exact inverse of a step forward (time, state, picture)', () => {
    for (const algorithm of ['bully', 'raft', 'zab'] as AlgorithmName[]) {
      const h = host();
      const first = h.ask<Snapshot>(init(scenarioFor(algorithm, 5)));
      const states: { now: number; hash: string; inFlight: number[] }[] = [{ now: first.now, hash: first.traceHash, inFlight: first.inFlight.map((m) => m.msg) }];
      const sent = new Set(first.inFlight.map((m) => m.msg));
      for (let i = 0; i < 25; i++) {
        const b = h.ask<Batch>({ type: 'step', run: 1 });
        expect(b.now).toBeGreaterThan(states[states.length - 1].now); // every step moves the timeline
        expect(b.events.length).toBeGreaterThan(0); // and shows something
        for (const e of b.events) {
          if (e.type === 'send') sent.add(e.msg);
          if (e.type === 'deliver' || e.type === 'drop') sent.delete(e.msg);
        }
        states.push({ now: b.now, hash: b.traceHash, inFlight: [...sent].sort((a, b) => a - b) });
      }
      for (let i = states.length - 1; i > 0; i--) {
        const back = h.ask<Snapshot>({ type: 'stepBack', run: 1, log: [], from: states[i].now });
        expect(back.now).toBe(states[i - 1].now);
        expect(back.traceHash).toBe(states[i - 1].hash);
        expect(back.inFlight.map((m) => m.msg).sort((a, b) => a - b)).toEqual(states[i - 1].inFlight);
      }
    }
  });
});

describe('replay: fork', () => {
  it('an action in the past truncates the future, its markers, and continues as a run with that log', () => {
    const sc = scenarioFor('raft', 3);
    const h = host();
    h.ask(init(sc));
    const crash: TimedAction = { at: 2500, do: 'crashLeader' };
    h.ask({ type: 'advance', run: 1, to: 2500 });
    const acted = h.ask<Batch>({ type: 'act', run: 1, action: crash });
    expect(acted.markers!.some((m) => m.kind === 'fault' && m.t === 2500)).toBe(true);
    h.ask<Batch>({ type: 'advance', run: 1, to: 6000 });
    // Back to 1200 (the old future still on the timeline), then crash node 2 there.
    const back = h.ask<Snapshot>({ type: 'seek', run: 1, to: 1200, log: [crash] });
    expect(back.markers!.some((m) => m.t > 1200)).toBe(true);
    const fork: TimedAction = { at: 1200, do: 'crash', node: 2 };
    const forked = h.ask<Batch>({ type: 'act', run: 1, action: fork });
    // The markers after the fork point are cut; the new fault is the first new one.
    expect(forked.markersFrom).toBeDefined();
    expect(forked.markers!.map((m) => [m.kind, m.t])).toContainEqual(['fault', 1200]);
    const end = h.ask<Batch>({ type: 'advance', run: 1, to: 6000 });
    const straight = host().ask<Snapshot>(init(sc, [fork], 6000));
    expect(end.traceHash).toBe(straight.traceHash);
    expect(end.leader).toBe(straight.leader);
    // A page-side copy of the markers (as pane-model folds them) equals the straight run's.
    let markers = back.markers!;
    for (const b of [forked, end]) {
      if (b.markersFrom !== undefined) markers = markers.filter((m) => m.index < b.markersFrom!);
      markers = markers.concat(b.markers ?? []);
    }
    expect(markers).toEqual(straight.markers);
    // The old crash at 2500 is gone from the new future.
    expect(markers.some((m) => m.kind === 'fault' && m.t === 2500)).toBe(false);
  });
});

describe('replay: export and files', () => {
  it('the exported trace is byte for byte what `sim --scenario F --format jsonl --until T` prints', () => {
    const sc = scenarioFor('zab', 11);
    const log: TimedAction[] = [
      { at: 900, do: 'write', node: 2, value: 'x' },
      { at: 1500, do: 'crashLeader' },
      { at: 2600, do: 'revive', node: 5 },
    ];
    const h = host();
    h.ask(init(sc, log));
    for (let t = 0; t <= 3200; t += 33) h.ask({ type: 'advance', run: 1, to: t });
    const live = h.ask<Batch>({ type: 'advance', run: 1, to: 3200.7 });
    const exported = h.ask<Extract<FromWorker, { type: 'trace' }>>({ type: 'exportTrace', run: 1, to: 3200.7 });
    let stdout = '';
    const code = main(['--scenario', 'run.json', '--format', 'jsonl', '--until', '3200'], {
      stdout: (s) => (stdout += s),
      stderr: () => {},
      readFile: () => JSON.stringify({ ...sc, events: log }),
    });
    expect(code).toBe(0);
    expect(exported.to).toBe(3200);
    expect(exported.jsonl).toBe(stdout);
    expect(exported.hash).toBe(live.traceHash);
    expect(stdout.trim().split('\n').pop()).toMatch(/^\{"t":3200,"type":"end"/);
  });

  const bad: [string, string, RegExp][] = [
    ['not JSON', '{"version": 1,', /^not valid JSON/],
    ['not an object', '[1, 2]', /must be a JSON object/],
    ['wrong version', '{"version": 2}', /^version: must be 1/],
    ['unknown field', '{"version": 1, "colour": "red"}', /colour/],
    ['unknown algorithm', '{"version": 1, "algorithm": "pbft"}', /^algorithm: must be "bully", "raft", "zab" or "paxos"/],
    ['too many nodes', '{"version": 1, "nodes": 500}', /^nodes: must be between 1 and 101/],
    ['bad seed', '{"version": 1, "seed": -3}', /^seed: /],
    ['latency min > max', '{"version": 1, "network": {"latency": {"min": 30, "max": 10}}}', /^network\.latency\.max: min must not exceed max/],
    ['drop rate', '{"version": 1, "network": {"dropRate": 2}}', /^network\.dropRate: must be between 0 and 1/],
    ['unknown option', '{"version": 1, "algorithm": "raft", "options": {"fast": true}}', /^options: unknown option "fast" for raft/],
    ['observers outside ZAB', '{"version": 1, "algorithm": "raft", "observers": 2}', /^observers: only ZAB has observers/],
    ['unknown action', '{"version": 1, "events": [{"at": 5, "do": "explode"}]}', /^events\[0\]\.do: "do" must be one of/],
    ['node that does not exist', '{"version": 1, "nodes": 5, "events": [{"at": 5, "do": "crash", "node": 9}]}', /^events\[0\]\.node: node 9 does not exist \(the cluster has nodes 1\.\.5\)/],
    ['events out of order', '{"version": 1, "events": [{"at": 50, "do": "heal"}, {"at": 5, "do": "heal"}]}', /^events\[1\]\.at: events must be sorted/],
    ['negative time', '{"version": 1, "events": [{"at": -1, "do": "heal"}]}', /^events\[0\]\.at: must be 0 or more/],
    ['overlapping groups', '{"version": 1, "events": [{"at": 1, "do": "partition", "groups": [[1, 2], [2, 3]]}]}', /^events\[0\]\.groups\[1\]\[0\]: node 2 is in more than one group/],
  ];
  for (const [what, text, message] of bad) {
    it(`refuses a scenario with ${what}, naming the field and why`, () => {
      const r = host().ask<Extract<FromWorker, { type: 'parsed' }>>({ type: 'parse', run: 0, text });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.path ? `${r.path}: ${r.reason}` : r.reason).toMatch(message);
    });
  }

  it('accepts a good scenario with its defaults filled in', () => {
    const r = host().ask<Extract<FromWorker, { type: 'parsed' }>>({ type: 'parse', run: 0, text: '{"version": 1, "algorithm": "bully", "events": [{"at": 10, "do": "crashLeader"}]}' });
    expect(r).toMatchObject({ ok: true, scenario: { nodes: 5, seed: 1, network: { latency: { min: 10, max: 30 }, dropRate: 0 }, events: [{ at: 10, do: 'crashLeader' }] } });
  });
});
