import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioText, resolveOptions, ScenarioError, validateAction } from './scenario-file';

const good = {
  version: 1,
  algorithm: 'bully',
  nodes: 5,
  observers: 0,
  seed: 42,
  network: { latency: { min: 10, max: 30 }, dropRate: 0 },
  options: { answerTimeoutMs: 120 },
  events: [
    { at: 3000, do: 'crashLeader' },
    { at: 6000, do: 'revive', node: 5 },
    { at: 7000, do: 'partition', groups: [[1, 2], [3, 4, 5]] },
    { at: 8000, do: 'cut', from: 1, to: 2, oneWay: true },
    { at: 8100, do: 'restore', from: 1, to: 2 },
    { at: 8200, do: 'setDropRate', rate: 0.1 },
    { at: 8300, do: 'setLatency', min: 1, max: 5 },
    { at: 8400, do: 'write', node: 1, value: 'x' },
    { at: 9000, do: 'heal' },
  ],
};

function refusal(input: unknown): string {
  try {
    parseScenario(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as Error).message;
  }
  throw new Error('the scenario was accepted');
}

function withChange(patch: (s: typeof good & Record<string, unknown>) => void): unknown {
  const s = structuredClone(good) as typeof good & Record<string, unknown>;
  patch(s);
  return s;
}

describe('scenario files', () => {
  it('accepts the contract example and fills defaults', () => {
    expect(parseScenario(good)).toEqual(good);
    expect(parseScenario({ version: 1 })).toEqual({
      version: 1,
      nodes: 5,
      observers: 0,
      seed: 1,
      network: { latency: { min: 10, max: 30 }, dropRate: 0 },
      options: {},
      events: [],
    });
  });

  it.each([
    ['a wrong version', (s: Record<string, unknown>) => (s.version = 2), /^version: must be 1/],
    ['an unknown algorithm', (s: Record<string, unknown>) => (s.algorithm = 'pbft'), /^algorithm: must be "bully", "raft", "zab" or "paxos"/],
    ['zero nodes', (s: Record<string, unknown>) => (s.nodes = 0), /^nodes: must be between 1 and 101/],
    ['too many nodes', (s: Record<string, unknown>) => (s.nodes = 102), /^nodes: must be between 1 and 101/],
    ['a fractional seed', (s: Record<string, unknown>) => (s.seed = 1.5), /^seed: must be a whole number/],
    ['a negative seed', (s: Record<string, unknown>) => (s.seed = -1), /^seed: must be between 0 and 4294967295/],
    ['min above max latency', (s: typeof good) => (s.network.latency = { min: 40, max: 10 }), /^network\.latency\.max: min must not exceed max/],
    ['a drop rate above 1', (s: typeof good) => (s.network.dropRate = 2), /^network\.dropRate: must be between 0 and 1/],
    ['an unknown top-level field', (s: Record<string, unknown>) => (s.colour = 'red'), /colour/],
    ['an unknown action', (s: typeof good) => ((s.events[1] as Record<string, unknown>).do = 'explode'), /^events\[1\]\.do: "do" must be one of crash, revive/],
    ['a missing node', (s: typeof good) => delete (s.events[1] as Record<string, unknown>).node, /^events\[1\]\.node: /],
    ['an unknown node id', (s: typeof good) => ((s.events[1] as Record<string, unknown>).node = 9), /^events\[1\]\.node: node 9 does not exist \(the cluster has nodes 1\.\.5\)$/],
    ['unsorted events', (s: typeof good) => (s.events[1].at = 1), /^events\[1\]\.at: events must be sorted by "at"/],
    ['a node in two groups', (s: typeof good) => ((s.events[2] as Record<string, unknown>).groups = [[1, 2], [2, 3]]), /^events\[2\]\.groups\[1\]\[0\]: node 2 is in more than one group/],
    ['a self link', (s: typeof good) => ((s.events[3] as Record<string, unknown>).to = 1), /^events\[3\]\.to: a link joins two different nodes/],
    ['an unknown crash kind', (s: typeof good) => ((s.events[0] as Record<string, unknown>).how = 'unplug'), /^events\[0\]\.how: must be "kill" .* or "powerOff"/],
    ['a crash kind on a revive', (s: typeof good) => ((s.events[1] as Record<string, unknown>).how = 'kill'), /^events\[1\]: .*how/],
  ])('refuses %s, naming the field', (_label, patch, message) => {
    expect(refusal(withChange(patch as (s: typeof good & Record<string, unknown>) => void))).toMatch(message);
  });

  it('accepts how a crash happens (an extension: "kill" or "powerOff") on crash and crashLeader', () => {
    const sc = { ...good, events: [{ at: 1, do: 'crash', node: 2, how: 'powerOff' }, { at: 2, do: 'crashLeader', how: 'kill' }, { at: 3, do: 'crash', node: 3 }] };
    expect(parseScenario(sc).events).toEqual(sc.events);
  });

  it('refuses text that is not JSON, and JSON that is not an object', () => {
    expect(() => parseScenarioText('{"version": 1,')).toThrow(/not valid JSON/);
    expect(() => parseScenario([1, 2])).toThrow(/must be a JSON object/);
  });
});

describe('options', () => {
  it('merges the scenario options over the defaults', () => {
    const sc = parseScenario(good);
    expect(resolveOptions(sc, 'bully')).toEqual({ priority: 'id', answerTimeoutMs: 120, victoryTimeoutMs: 200, heartbeatMs: 100, leaderTimeoutMs: 300 });
  });

  it('takes its own entry of side-by-side options', () => {
    const sc = parseScenario({ ...good, options: { bully: { heartbeatMs: 70 }, raft: { preVote: true } } });
    expect(resolveOptions(sc, 'bully').heartbeatMs).toBe(70);
  });

  it('refuses unknown option keys and bad values, naming them', () => {
    expect(() => resolveOptions(parseScenario({ ...good, options: { preVote: true } }), 'bully')).toThrow(
      /^options: unknown option "preVote" for bully \(known: priority, answerTimeoutMs/,
    );
    expect(() => resolveOptions(parseScenario({ ...good, options: { priority: 'age' } }), 'bully')).toThrow(/^options\.priority: /);
    expect(() => resolveOptions(parseScenario({ ...good, options: { bully: { heartbeatMs: -1 } } }), 'bully')).toThrow(
      /^options\.bully\.heartbeatMs: /,
    );
  });

  it('refuses observers for algorithms without them', () => {
    expect(() => resolveOptions(parseScenario({ ...good, observers: 2 }), 'bully')).toThrow(/^observers: only ZAB has observers/);
  });
});

describe('user actions', () => {
  it('accepts a valid action and refuses an unknown node, naming the field', () => {
    expect(() => validateAction({ do: 'crash', node: 3 }, 5, 0)).not.toThrow();
    expect(() => validateAction({ do: 'crash', node: 6 }, 5, 0)).toThrow(/^action\.node: node 6 does not exist/);
    expect(() => validateAction({ do: 'setDropRate', rate: 3 }, 5, 0)).toThrow(/^rate: must be between 0 and 1/);
    expect(() => validateAction({ do: 'crash', node: 3, how: 'powerOff' }, 5, 0)).not.toThrow();
    expect(() => validateAction({ do: 'crash', node: 3, how: 'melt' } as never, 5, 0)).toThrow(/^how: must be "kill"/);
  });
});

describe('pinned choices (the explorer\'s replay extension)', () => {
  const pinned = (p: unknown) => withChange((s) => (s.pinned = p));
  it('accepts a well-formed pinned block and keeps it', () => {
    const sc = parseScenario(pinned({ latencies: [1, 0, 40], lost: [1], draws: [150, 0.5], sendOrder: [3, 5, 9], timerOrder: [4, 7] }));
    expect(sc.pinned).toEqual({ latencies: [1, 0, 40], lost: [1], draws: [150, 0.5], sendOrder: [3, 5, 9], timerOrder: [4, 7] });
    expect(parseScenario(good).pinned).toBeUndefined();
  });
  it.each([
    [{}, /^pinned\.latencies: /],
    [{ latencies: [1, -2] }, /^pinned\.latencies\[1\]: must be 0 or more/],
    [{ latencies: [1, 2.5] }, /^pinned\.latencies\[1\]: must be a whole number/],
    [{ latencies: [1], lost: [3] }, /^pinned\.lost\[0\]: send 3 is not pinned/],
    [{ latencies: [1, 1, 1], lost: [2, 1] }, /^pinned\.lost\[1\]: send numbers must be in ascending order/],
    [{ latencies: [1], draws: ['x'] }, /^pinned\.draws\[0\]: must be a number/],
    [{ latencies: [1, 1], sendOrder: [4, 4] }, /^pinned\.sendOrder\[1\]: 4 is also pinned\.sendOrder\[0\]'s number/],
    [{ latencies: [1], sendOrder: [4], timerOrder: [4] }, /^pinned\.timerOrder\[0\]: 4 is also pinned\.sendOrder\[0\]'s number/],
    [{ latencies: [1], seeds: [] }, /^pinned: /],
    ['all', /^pinned: must be an object/],
  ])('refuses %j naming the field', (p, message) => {
    expect(refusal(pinned(p))).toMatch(message);
  });
});
