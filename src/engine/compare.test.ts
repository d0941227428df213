import { describe, expect, it } from 'vitest';
import { paneScenario, paneScenarios } from './compare';
import type { Scenario, TraceEvent } from './core/types';
import { defaultScenario, runTrace } from './run';
import { ScenarioError } from './scenario-file';

const script: Scenario['events'] = [
  { at: 300, do: 'write', node: 2, value: 'a' },
  { at: 800, do: 'crashLeader' },
  { at: 1200, do: 'partition', groups: [[1, 2], [3, 4, 5]] },
  { at: 1500, do: 'setDropRate', rate: 0.1 },
  { at: 1800, do: 'heal' },
  { at: 2000, do: 'cut', from: 1, to: 3, oneWay: true },
];

describe('paneScenarios: identical fault scripts', () => {
  it('every pane has the same nodes, seed, network and deep-equal events, and its own options', () => {
    const sc = defaultScenario({
      seed: 42,
      network: { latency: { min: 5, max: 25 }, dropRate: 0.01 },
      options: { raft: { preVote: true }, bully: { heartbeatMs: 80 } },
      events: script,
    });
    const panes = paneScenarios(sc, ['bully', 'raft', 'zab']);
    expect(panes.map((p) => p.algorithm)).toEqual(['bully', 'raft', 'zab']);
    for (const p of panes) {
      expect(p.events).toEqual(panes[0].events);
      expect(p.events).toEqual(sc.events);
      expect(p.events).not.toBe(sc.events);
      expect({ nodes: p.nodes, seed: p.seed, network: p.network }).toEqual({ nodes: 5, seed: 42, network: sc.network });
    }
    expect(panes.map((p) => p.options)).toEqual([{ heartbeatMs: 80 }, { preVote: true }, {}]);
    // The runs see the same script: identical fault events at identical times (crashLeader picks each
    // algorithm's own leader, so its `node` may differ).
    const faults = panes.map((p) =>
      runTrace(p, 2500)
        .filter((e): e is Extract<TraceEvent, { type: 'fault' }> => e.type === 'fault')
        .map(({ node, ...rest }) => (rest.do === 'crashLeader' ? rest : { ...rest, node })),
    );
    expect(faults[1]).toEqual(faults[0]);
    expect(faults[2]).toEqual(faults[0]);
    expect(faults[0]).toHaveLength(script.length);
  });

  it('plain options belong to the scenario algorithm; the other panes get defaults', () => {
    const sc = defaultScenario({ algorithm: 'raft', options: { checkQuorum: true } });
    expect(paneScenarios(sc, ['raft', 'bully']).map((p) => p.options)).toEqual([{ checkQuorum: true }, {}]);
    expect(() => paneScenarios({ ...sc, algorithm: undefined }, ['raft'])).toThrow(ScenarioError);
    expect(() => paneScenario(defaultScenario({ options: { raft: { nope: 1 } } }), 'raft')).toThrow(/unknown option/);
  });

  it('observers: only the ZAB pane has them; a script naming an observer is refused for the others', () => {
    const sc = defaultScenario({ nodes: 3, observers: 2, events: [{ at: 100, do: 'crash', node: 2 }] });
    const [bully, raft, zab] = paneScenarios(sc, ['bully', 'raft', 'zab']);
    expect([bully.observers, raft.observers, zab.observers]).toEqual([0, 0, 2]);
    expect(bully.events).toEqual(zab.events);
    const naming = { ...sc, events: [{ at: 100, do: 'partition' as const, groups: [[1, 2], [3, 4]] }] };
    expect(() => paneScenario(naming, 'raft')).toThrow(/events\[0\].*observer 4/);
    expect(paneScenario(naming, 'zab').events).toEqual(naming.events);
  });
});
