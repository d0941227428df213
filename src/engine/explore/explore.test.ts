import { describe, expect, it } from 'vitest';
import type { AnyAlgorithm } from '../core/algorithm';
import { Simulation } from '../core/kernel';
import type { NodeView, TraceEvent } from '../core/types';
import { bully } from '../algorithms/bully/bully';
import { raft, type RaftState } from '../algorithms/raft/raft';
import type { ZabState } from '../algorithms/zab/types';
import { zab } from '../algorithms/zab/zab';
import { createSimulation } from '../run';
import { parseScenario, resolveOptions } from '../scenario-file';
import { parseExploreConfig } from './config';
import { explore, Explorer, type ExploreResult } from './explore';
import { S_CRASH, S_POWEROFF, stepCode, type XState } from './model';
import { figure8Config, RAFT_FIRST_ELECTION } from './presets';
import type { Counterexample } from './schedule';
import exploredFigure8 from '../../lessons/scenarios/explored-figure-8.json';

/**
 * Replays a counterexample through the ordinary kernel (createSimulation, or the given algorithm object)
 * after a JSON round trip and the scenario parser, as a file or share link would: returns what the trace
 * reports at the violation's instant, and the nodes' views there.
 */
function replay(cx: Counterexample, alg?: AnyAlgorithm) {
  const sc = parseScenario(JSON.parse(JSON.stringify(cx.scenario)));
  const events: TraceEvent[] = [];
  const sink = (e: TraceEvent) => events.push(e);
  const sim = alg ? Simulation.start({ algorithm: alg, scenario: sc, options: resolveOptions(sc, alg.name), check: true, sink }) : createSimulation(sc, { check: true, sink });
  sim.runUntil(cx.at);
  const reports = events.filter((e) => e.type === 'violation' || e.type === 'anomaly');
  const views = sim.nodes.map((n) => n.lastView);
  return { reports, views, events };
}

/** The explorer's own views at the end of its counterexample (re-run along the path). */
function finalViews(ex: Explorer, r: ExploreResult): NodeView[] {
  void r;
  const found = (ex as unknown as { found: { nodes: { lastView: NodeView }[] } }).found;
  return found.nodes.map((n) => n.lastView);
}

function expectReplays(ex: Explorer, r: ExploreResult, alg?: AnyAlgorithm) {
  const cx = r.counterexample!;
  const { reports, views, events } = replay(cx, alg);
  expect(views).toEqual(finalViews(ex, r));
  if (cx.invariant === 'preemption') {
    // The kernel has no preemption event: its leader events show it, at the same instant.
    const leaders = events.filter((e) => e.type === 'leader' && e.leader !== null) as Extract<TraceEvent, { type: 'leader' }>[];
    const last = leaders[leaders.length - 1];
    expect(last.t).toBe(cx.at);
    expect(leaders.length).toBeGreaterThanOrEqual(2);
    const before = leaders[leaders.length - 2].leader!;
    expect(last.leader).not.toBe(before);
    expect(views[before - 1].alive).toBe(true);
    return;
  }
  // The first report of the replay is the violation, at the same instant, and nothing was reported before it.
  expect(reports.length).toBeGreaterThan(0);
  const first = reports[0];
  expect(first.t).toBe(cx.at);
  if (first.type === 'violation') expect({ invariant: first.invariant, detail: first.detail }).toEqual({ invariant: cx.invariant, detail: cx.detail });
  else if (first.type === 'anomaly') expect({ invariant: first.kind, detail: first.detail }).toEqual({ invariant: cx.invariant, detail: cx.detail });
}

describe('the explorer finds the known counterexamples', () => {
  it("finds Bully's split brain under a partition at n = 3, and the kernel replays it", () => {
    const ex = new Explorer(parseExploreConfig({ algorithm: 'bully', nodes: 3, partitions: 1, maxDepth: 10 }));
    const r = ex.finish();
    const cx = r.counterexample!;
    expect(cx).not.toBeNull();
    expect(cx.invariant).toBe('split-brain');
    expect(cx.length).toBe(3);
    expect(cx.steps.some((s) => s.type === 'action' && s.do === 'partition')).toBe(true);
    expectReplays(ex, r);
  });

  it("finds Bully's flapping as preemption: the revived highest node takes over from a running leader", () => {
    const ex = new Explorer(parseExploreConfig({ algorithm: 'bully', nodes: 3, crashes: 1, revives: 1, preemption: true, splitBrain: false, maxDepth: 12 }));
    const r = ex.finish();
    const cx = r.counterexample!;
    expect(cx.invariant).toBe('preemption');
    expect(cx.steps.filter((s) => s.type === 'action').map((s) => (s as { do: string }).do)).toEqual(['crash', 'revive']);
    expectReplays(ex, r);
  });

  it('finds a Raft that forgets its vote on a crash (a bug random schedules do not reach)', () => {
    const forgetful: AnyAlgorithm = { ...raft, crash: (s: RaftState, env) => ({ ...raft.crash(s, env), votedFor: null }) };
    const cfg = parseExploreConfig({ algorithm: 'raft', nodes: 3, crashes: 1, revives: 1, draws: 1, maxDepth: 12, maxStates: 400_000 });
    const ex = new Explorer(cfg, forgetful);
    const r = ex.finish();
    expect(r.counterexample?.invariant).toMatch(/^R-S(1|6)$/);
    expectReplays(ex, r, forgetful);
    // The real Raft is clean on the same bounds.
    expect(explore({ ...cfg, maxDepth: r.counterexample!.length }).counterexample).toBeNull();
  });
});

describe('Figure 8, found by the search (presets.ts)', () => {
  // Both runs search the same bounds; on a quiet machine each takes a few seconds.
  it('finds the old-term entry committed by count and then overwritten, with the teaching switch on', { timeout: 240_000 }, () => {
    const ex = new Explorer(parseExploreConfig(figure8Config(true)));
    const r = ex.finish();
    const cx = r.counterexample!;
    expect(cx).not.toBeNull();
    expect(cx.invariant).toBe('R-S4');
    expect(cx.detail).toMatch(/lacks entry .* committed in term/);
    // The search found everything after the scripted first election: two more elections, the replication
    // of the old-term entry and the election of a node whose log lacks it.
    const searched = cx.steps.filter((s) => s.type !== 'drop').slice(RAFT_FIRST_ELECTION.length);
    expect(searched.filter((s) => s.type === 'timer').length).toBe(3);
    expect(searched.some((s) => s.type === 'deliver' && s.kind === 'AppendEntriesReply')).toBe(true);
    expectReplays(ex, r);
    // The lesson "Figure 8 found by the explorer" plays exactly what the search writes.
    expect(cx.scenario).toEqual(exploredFigure8);
  });

  it('finds no violation in the same bounds with the switch off, searched to the end', { timeout: 240_000 }, () => {
    const r = explore(parseExploreConfig(figure8Config(false)));
    expect(r.counterexample).toBeNull();
    expect(r.hitStateBound).toBe(false);
    expect(r.completeDepth).toBeGreaterThanOrEqual(15);
    expect(r.states).toBeGreaterThan(10_000);
  });

  it('refuses a prefix step the search could not take, naming it', () => {
    const bad = { ...figure8Config(true), prefix: [{ type: 'deliver', from: 1, to: 2, kind: 'RequestVote' }] };
    expect(() => new Explorer(parseExploreConfig(bad))).toThrow(/^prefix\[0\]: deliver RequestVote 1→2 is not a step/);
    expect(() => parseExploreConfig({ algorithm: 'raft', prefix: [{ type: 'jump' }] })).toThrow(/^prefix\.0\.type:|^prefix\[0\]/);
  });
});

describe('the stream transport (Algorithm.transport)', () => {
  // Bully asking for TCP: messages of a pair in order, never lost, held by a partition; a killed process resets.
  const streamBully: AnyAlgorithm = { ...bully, transport: () => ({ kind: 'stream', rtoMs: 200 }) };

  it('explores kills and power-offs, delivers each pair in order, and the kernel replays it on its stream path', () => {
    const cfg = parseExploreConfig({ algorithm: 'bully', nodes: 3, crashes: 1, revives: 1, drops: 1, preemption: true, splitBrain: false, maxDepth: 12 });
    const ex = new Explorer(cfg, streamBully);
    const r = ex.finish();
    const cx = r.counterexample!;
    expect(cx.invariant).toBe('preemption');
    expect(cx.steps.some((s) => s.type === 'drop')).toBe(false); // a stream loses nothing
    const crash = cx.scenario.events.find((e) => e.do === 'crash');
    expect(crash && 'how' in crash && ['kill', 'powerOff'].includes(crash.how!)).toBe(true);
    expectReplays(ex, r, streamBully);
    // In order per pair: each pair's deliveries come in the order of its sends.
    const { events } = replay(cx, streamBully);
    const order = new Map<string, number>();
    for (const e of events) {
      if (e.type !== 'deliver') continue;
      const key = `${e.from}>${e.to}`;
      expect(e.msg).toBeGreaterThan(order.get(key) ?? 0);
      order.set(key, e.msg);
    }
    // A kill makes the dead process's system reset its connections to the live nodes; a power-off does not.
    const model = new Explorer(cfg, streamBully).model;
    let root: XState | null = null;
    model.roots((s) => (root ??= s));
    const resets = (s: XState) => s.msgs.filter((m) => m.env.kind === 'Reset').map((m) => `${m.env.from}>${m.env.to}`);
    expect(resets(model.apply(root, stepCode(S_CRASH, 3, 0)))).toEqual(['3>1', '3>2']);
    expect(resets(model.apply(root, stepCode(S_POWEROFF, 3, 0)))).toEqual([]);
  });
});

describe('ZAB on the stream transport in the explorer', () => {
  // Marks the moment a follower goes LOOKING because the Reset of its killed leader arrived (an anomaly the
  // config counts as a violation), so that the explorer has to find a kill and deliver its Reset.
  const resetSeen: AnyAlgorithm = {
    ...zab,
    onMessage(s: ZabState, msg, ctx) {
      const following = s.role === 'following' && s.leader === msg.from;
      zab.onMessage(s, msg, ctx);
      if (msg.kind === 'Reset' && following && s.role === 'looking') ctx.anomaly('reset-seen', `node ${s.id} saw its leader ${msg.from} reset`);
    },
  };

  it('models a killed leader\'s Reset: the follower goes LOOKING when it arrives, and the kernel replays it', () => {
    const cfg = parseExploreConfig({ algorithm: 'zab', nodes: 3, crashes: 1, draws: 1, anomalies: ['reset-seen'], maxDepth: 10 });
    const ex = new Explorer(cfg, resetSeen);
    expect(ex.model.stream).toBe(true);
    const r = ex.finish();
    const cx = r.counterexample!;
    expect(cx.invariant).toBe('reset-seen');
    expect(cx.scenario.events.find((e) => e.do === 'crash')).toMatchObject({ how: 'kill' });
    expect(cx.steps.at(-1)).toMatchObject({ type: 'deliver', kind: 'Reset' });
    const { reports } = replay(cx, resetSeen);
    expect(reports.some((e) => e.type === 'anomaly' && e.kind === 'reset-seen')).toBe(true);
  });
});

describe('the explorer reports its figures and is deterministic', () => {
  it('finds nothing in Raft or ZAB at n = 3 with one crash up to a small depth, and says how far it looked', () => {
    // The bounds of the full claims (README "Explore") are larger; these keep the suite quick.
    for (const algorithm of ['raft', 'zab'] as const) {
      const cfg = parseExploreConfig({ algorithm, nodes: 3, crashes: 1, draws: 1, maxDepth: 6 });
      const r = explore(cfg);
      expect(r.counterexample).toBeNull();
      expect(r.completeDepth).toBe(6);
      expect(r.hitStateBound).toBe(false);
      expect(r.states).toBeGreaterThan(1000);
      const again = explore(cfg);
      expect({ states: again.states, transitions: again.transitions }).toEqual({ states: r.states, transitions: r.transitions });
    }
  });

  it('stops at the state bound and then claims only the levels it completed', () => {
    const r = explore(parseExploreConfig({ algorithm: 'raft', nodes: 3, maxDepth: 30, maxStates: 500 }));
    expect(r.hitStateBound).toBe(true);
    expect(r.states).toBe(500);
    expect(r.completeDepth).toBeLessThan(30);
    expect(r.exhausted).toBe(false);
  });

  it('knows when a bounded space is exhausted', () => {
    // Two Bully nodes, no faults: node 2 leads at once and the heartbeats are the only thing that happens.
    const r = explore(parseExploreConfig({ algorithm: 'bully', nodes: 2, timeouts: 3, maxDepth: 50 }));
    expect(r.counterexample).toBeNull();
    expect(r.exhausted).toBe(true);
    expect(r.completeDepth).toBeLessThan(50);
  });
});

describe('exploration configs are validated like scenarios', () => {
  it('names the bad field', () => {
    expect(() => parseExploreConfig({ algorithm: 'raft', nodes: 9 })).toThrow(/^nodes: must be between 1 and 5/);
    expect(() => parseExploreConfig({ algorithm: 'paxos?' })).toThrow(/^algorithm: must be one of/);
    expect(() => parseExploreConfig({ algorithm: 'raft', crashes: -1 })).toThrow(/^crashes:/);
    expect(() => parseExploreConfig({ algorithm: 'raft', options: { preVote: 3 } })).toThrow(/^options\.preVote:/);
    expect(() => parseExploreConfig({ algorithm: 'raft', depth: 3 })).toThrow(/unrecognized|depth/i);
  });
});
