/**
 * Golden traces: the kernel may be rewritten for speed, but never so that a trace changes by one byte.
 *
 * Every lesson scenario, a leader-crash run per algorithm and cluster size, and a set of fuzz-like schedules
 * (loss, partitions, cuts, latency changes, writes; checker on) are run; the sha256 of each JSONL trace and
 * its `end` statistics are compared with golden.json, recorded from the kernel as it was before the
 * performance work. A checkpoint taken half-way and restored must continue with the identical trace.
 *
 * GOLDEN_UPDATE=1 rewrites golden.json (only for a deliberate change of behaviour, e.g. an algorithm fix,
 * never to make an optimisation pass).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BULLY_LESSONS } from '../scenarios/bully';
import { PAXOS_LESSONS } from '../scenarios/paxos';
import { RAFT_LESSONS } from '../scenarios/raft';
import { zabLessons } from '../scenarios/zab';
import { createSimulation, defaultScenario } from '../run';
import { Simulation } from './kernel';
import { nextUint32, seedRng, type RngState } from './rng';
import { ALGORITHM_NAMES, type Action, type AlgorithmName, type EndStats, type Scenario, type TimedAction, type TraceEvent } from './types';

const GOLDEN = new URL('./golden.json', import.meta.url);
const UPDATE = process.env.GOLDEN_UPDATE === '1';

interface Golden {
  events: number;
  sha256: string;
  end: EndStats;
}

interface Case {
  name: string;
  scenario: Scenario;
  algorithm: AlgorithmName;
  untilMs: number;
  check: boolean;
}

/** A leader crash every 2 s, every node revived 1 s later (the benchmark's scenario). */
function leaderCrash(algorithm: AlgorithmName, nodes: number, untilMs: number, seed: number): Scenario {
  const events: TimedAction[] = [];
  for (let t = 2000; t < untilMs; t += 2000) {
    events.push({ at: t, do: 'crashLeader' });
    for (let id = 1; id <= nodes; id++) events.push({ at: t + 1000, do: 'revive', node: id });
  }
  return defaultScenario({ algorithm, nodes, seed, events });
}

/**
 * A random fault schedule drawn with the engine's own PRNG (not fast-check), so the schedules themselves can
 * never change under a library upgrade.
 */
function fuzzSchedule(algorithm: AlgorithmName, seed: number, nodes: number, observers: number, untilMs: number): Scenario {
  const r: RngState = seedRng(seed ^ 0x5eed);
  const int = (lo: number, hi: number) => lo + (nextUint32(r) % (hi - lo + 1));
  const total = nodes + observers;
  const events: TimedAction[] = [];
  const count = int(8, 24);
  for (let i = 0; i < count; i++) {
    const at = int(0, untilMs - 1);
    const a = int(1, total);
    let b = int(1, total);
    if (b === a) b = (a % total) + 1;
    let action: Action;
    switch (int(0, 11)) {
      case 0:
        action = { do: 'crash', node: a };
        break;
      case 1:
      case 2:
        action = { do: 'revive', node: a };
        break;
      case 3:
        action = { do: 'crashLeader' };
        break;
      case 4: {
        const split = int(1, total - 1);
        const ids = Array.from({ length: total }, (_, k) => ((k + a) % total) + 1);
        action = { do: 'partition', groups: [ids.slice(0, split), ids.slice(split)] };
        break;
      }
      case 5:
        action = { do: 'heal' };
        break;
      case 6:
        action = { do: 'cut', from: a, to: b, oneWay: int(0, 1) === 1 };
        break;
      case 7:
        action = { do: 'restore', from: a, to: b };
        break;
      case 8:
        action = { do: 'setDropRate', rate: int(0, 30) / 100 };
        break;
      case 9:
        action = { do: 'setLatency', min: int(0, 20), max: int(20, 60) };
        break;
      default:
        action = { do: 'write', node: a, value: int(0, 1) ? int(1, 999) : `v${int(1, 99)}` };
    }
    events.push({ at, ...action } as TimedAction);
  }
  events.sort((x, y) => x.at - y.at);
  return {
    version: 1,
    algorithm,
    nodes,
    observers,
    seed,
    network: { latency: { min: 5, max: 40 }, dropRate: int(0, 1) ? 0.05 : 0 },
    options: {},
    events,
  };
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const l of BULLY_LESSONS) out.push({ name: `lesson/bully/${l.id}`, scenario: l.scenario, algorithm: 'bully', untilMs: l.untilMs, check: true });
  for (const l of RAFT_LESSONS) out.push({ name: `lesson/raft/${l.id}`, scenario: l.scenario, algorithm: 'raft', untilMs: l.untilMs, check: true });
  for (const l of zabLessons) out.push({ name: `lesson/zab/${l.id}`, scenario: l.scenario, algorithm: 'zab', untilMs: l.untilMs, check: true });
  for (const l of PAXOS_LESSONS) out.push({ name: `lesson/paxos/${l.id}`, scenario: l.scenario, algorithm: 'paxos', untilMs: l.untilMs, check: true });
  // Every registered algorithm: one more cannot land without its golden traces.
  for (const algorithm of ALGORITHM_NAMES) {
    out.push({ name: `crash/${algorithm}/n5`, scenario: leaderCrash(algorithm, 5, 30_000, 1), algorithm, untilMs: 30_000, check: false });
    out.push({ name: `crash/${algorithm}/n25`, scenario: leaderCrash(algorithm, 25, 10_000, 2), algorithm, untilMs: 10_000, check: true });
    for (let seed = 1; seed <= 8; seed++) {
      const nodes = seed % 3 === 0 ? 3 : seed % 4 === 0 ? 7 : 5;
      const observers = algorithm === 'zab' && seed % 2 === 0 ? 2 : 0;
      out.push({ name: `fuzz/${algorithm}/${seed}`, scenario: fuzzSchedule(algorithm, seed, nodes, observers, 6000), algorithm, untilMs: 6000, check: true });
    }
  }
  // Raft's options change its paths (pre-vote rounds, lease checks); run the fuzz schedules with each on.
  for (const options of [{ preVote: true }, { checkQuorum: true }, { preVote: true, checkQuorum: true }]) {
    for (let seed = 11; seed <= 13; seed++) {
      const scenario = { ...fuzzSchedule('raft', seed, 5, 0, 6000), options };
      out.push({ name: `fuzz/raft/${JSON.stringify(options)}/${seed}`, scenario, algorithm: 'raft', untilMs: 6000, check: true });
    }
  }
  // Multi-Paxos without its randomized back-off (P10): the duelling path, where Nacks and re-Prepares dominate.
  for (let seed = 21; seed <= 23; seed++) {
    const scenario = { ...fuzzSchedule('paxos', seed, 5, 0, 6000), options: { backoff: false } };
    out.push({ name: `fuzz/paxos/{"backoff":false}/${seed}`, scenario, algorithm: 'paxos', untilMs: 6000, check: true });
  }
  return out;
}

class Hasher {
  private h = createHash('sha256');
  count = 0;
  end: EndStats | null = null;
  readonly sink = (e: TraceEvent) => {
    this.count++;
    this.h.update(JSON.stringify(e));
    this.h.update('\n');
    if (e.type === 'end') this.end = e.stats;
  };
  result(): Golden {
    return { events: this.count, sha256: this.h.digest('hex'), end: this.end as EndStats };
  }
}

function runCase(c: Case): Golden {
  const h = new Hasher();
  const sim = createSimulation(c.scenario, { algorithm: c.algorithm, check: c.check, sink: h.sink });
  sim.finish(c.untilMs);
  return h.result();
}

/** The same run, but checkpointed half-way and continued from a restored copy (the original is dropped). */
function runCaseRestored(c: Case): Golden {
  const h = new Hasher();
  const first = createSimulation(c.scenario, { algorithm: c.algorithm, check: c.check, sink: h.sink });
  first.runUntil(Math.floor(c.untilMs / 2));
  const cp = first.checkpoint();
  // Keep running the original a little: a checkpoint must not share mutable state with its source.
  first.setSink(() => {});
  first.runUntil(c.untilMs);
  const config = { algorithm: first.algorithm, scenario: first.scenario, options: first.options, check: c.check, sink: h.sink };
  const second = Simulation.restore(config, cp);
  second.finish(c.untilMs);
  return h.result();
}

const ALL = cases();
const stored: Record<string, Golden> = existsSync(GOLDEN) ? (JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, Golden>) : {};

describe('golden traces', () => {
  if (UPDATE) {
    it('records golden.json', () => {
      const out: Record<string, Golden> = {};
      for (const c of ALL) out[c.name] = runCase(c);
      writeFileSync(GOLDEN, JSON.stringify(out, null, 1) + '\n');
    });
    return;
  }

  it('has a stored trace for every case', () => {
    expect(Object.keys(stored).sort()).toEqual(ALL.map((c) => c.name).sort());
  });

  it.each(ALL.map((c) => [c.name, c] as const))('%s: the trace is byte-identical', (name, c) => {
    expect(runCase(c)).toEqual(stored[name]);
  });

  it.each(ALL.filter((c) => !c.name.startsWith('lesson/')).map((c) => [c.name, c] as const))(
    '%s: a restored checkpoint continues identically',
    (name, c) => {
      expect(runCaseRestored(c)).toEqual(stored[name]);
    },
  );
});
