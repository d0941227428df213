import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALGORITHMS } from '../algorithms';
import { createSimulation, defaultScenario, runTrace } from '../run';
import { scenarioArb, fuzzRuns } from '../testing/schedules';
import { auditTrace, toJsonl } from '../testing/trace-model';
import { Simulation } from './kernel';
import type { AlgorithmName, Scenario, TraceEvent } from './types';

const algorithms = Object.keys(ALGORITHMS) as AlgorithmName[];
const isStream = (name: AlgorithmName) => ALGORITHMS[name]?.transport?.(ALGORITHMS[name].defaultOptions).kind === 'stream';

function busyScenario(algorithm: AlgorithmName): Scenario {
  return defaultScenario({
    algorithm,
    nodes: 5,
    observers: algorithm === 'zab' ? 1 : 0,
    seed: 7,
    network: { latency: { min: 5, max: 40 }, dropRate: 0.05 },
    events: [
      { at: 800, do: 'write', node: 2, value: 'a' },
      { at: 1000, do: 'crashLeader' },
      { at: 1500, do: 'partition', groups: [[1, 2], [3, 4, 5]] },
      { at: 1600, do: 'write', node: 4, value: 'b' },
      { at: 2500, do: 'heal' },
      { at: 2600, do: 'revive', node: 5 },
      { at: 2700, do: 'cut', from: 1, to: 3, oneWay: true },
      { at: 3000, do: 'setLatency', min: 1, max: 9 },
      { at: 3200, do: 'restore', from: 1, to: 3 },
      { at: 3300, do: 'setDropRate', rate: 0 },
    ],
  });
}

describe.each(algorithms)('kernel determinism with %s', (algorithm) => {
  it('gives byte-identical JSONL for the same scenario and seed', () => {
    const a = toJsonl(runTrace(busyScenario(algorithm), 5000));
    const b = toJsonl(runTrace(busyScenario(algorithm), 5000));
    expect(a.length).toBeGreaterThan(1000);
    expect(a).toBe(b);
  });

  it('gives a different run for a different seed', () => {
    const a = toJsonl(runTrace(busyScenario(algorithm), 3000));
    const b = toJsonl(runTrace({ ...busyScenario(algorithm), seed: 8 }, 3000));
    expect(a).not.toBe(b);
  });

  it('continues identically after a checkpoint and restore', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4999 }), (cutAt) => {
        const full: TraceEvent[] = [];
        const original = createSimulation(busyScenario(algorithm), { sink: (e) => full.push(e) });
        original.runUntil(cutAt);
        const prefixLength = full.length;
        const cp = original.checkpoint();
        original.finish(5000);

        const rest: TraceEvent[] = [];
        const restored = Simulation.restore(
          { algorithm: original.algorithm, scenario: original.scenario, options: original.options, sink: (e) => rest.push(e) },
          cp,
        );
        restored.finish(5000);
        expect(toJsonl(rest)).toBe(toJsonl(full.slice(prefixLength)));
      }),
      { numRuns: 15 },
    );
  });

  it('applies a live action exactly as the same action scripted in the scenario', () => {
    const scripted = busyScenario(algorithm);
    const expected = toJsonl(runTrace(scripted, 4000));
    const live: TraceEvent[] = [];
    const sim = createSimulation({ ...scripted, events: [] }, { sink: (e) => live.push(e) });
    for (const ev of scripted.events) {
      // A user stepping event by event up to the instant, then clicking.
      while (sim.peekTime() !== null && (sim.peekTime() as number) <= ev.at) sim.step();
      const { at, ...action } = ev;
      sim.schedule(action, at);
    }
    sim.finish(4000);
    expect(toJsonl(live)).toBe(expected);
  });
});

describe.each(algorithms)('kernel properties over random fault schedules (%s)', (algorithm) => {
  it('delivers or drops each message at most once, never to a crashed node or across a partition or cut, time never goes back, and end stats match the events', () => {
    fc.assert(
      fc.property(scenarioArb({ nodes: 5, observers: algorithm === 'zab' ? 2 : 0, untilMs: 3000, writes: true }, { algorithm }), (sc) => {
        const trace = runTrace(sc, 3000);
        const { problems, recomputed } = auditTrace(trace, { stream: isStream(algorithm) });
        expect(problems).toEqual([]);
        const end = trace[trace.length - 1];
        expect(end.type).toBe('end');
        if (end.type === 'end') expect(end.stats).toEqual(recomputed);
      }),
      { numRuns: fuzzRuns(150) },
    );
  });
});

describe('kernel basics', () => {
  it('starts every trace with init and ends with end, times in order', () => {
    const trace = runTrace(defaultScenario({ algorithm: 'bully' }), 1000);
    expect(trace[0]).toMatchObject({ t: 0, type: 'init', algorithm: 'bully', nodes: [1, 2, 3, 4, 5], observers: [], seed: 1 });
    expect(trace[trace.length - 1]).toMatchObject({ t: 1000, type: 'end' });
  });

  it('records crashLeader with the node it crashed, and null when nobody leads', () => {
    const trace = runTrace(
      defaultScenario({
        algorithm: 'bully',
        events: [
          { at: 100, do: 'crash', node: 5 },
          { at: 100, do: 'crashLeader' },
          { at: 1000, do: 'crashLeader' },
        ],
      }),
      1500,
    );
    const faults = trace.filter((e) => e.type === 'fault');
    expect(faults[1]).toMatchObject({ t: 100, do: 'crashLeader', node: null });
    expect(faults[2]).toMatchObject({ t: 1000, do: 'crashLeader', node: 4 });
  });

  it('treats acting on a node already in the asked state as a recorded no-op', () => {
    const trace = runTrace(
      defaultScenario({ algorithm: 'bully', events: [{ at: 500, do: 'revive', node: 2 }, { at: 600, do: 'heal' }] }),
      700,
    );
    expect(trace.filter((e) => e.type === 'fault').map((e) => (e as unknown as { do: string }).do)).toEqual(['revive', 'heal']);
    expect(trace.some((e) => e.type === 'state' && e.t === 500)).toBe(false);
  });

  it('refuses a write to a crashed node as a write event', () => {
    const trace = runTrace(
      defaultScenario({ algorithm: 'bully', events: [{ at: 100, do: 'crash', node: 3 }, { at: 200, do: 'write', node: 3, value: 'x' }] }),
      300,
    );
    expect(trace.find((e) => e.type === 'write')).toEqual({ t: 200, type: 'write', node: 3, value: 'x', accepted: false, reason: 'crashed' });
  });

  it('drops a lost message half-way with reason loss', () => {
    const trace = runTrace(defaultScenario({ algorithm: 'bully', network: { latency: { min: 20, max: 20 }, dropRate: 1 } }), 200);
    const drops = trace.filter((e) => e.type === 'drop');
    expect(drops.length).toBeGreaterThan(0);
    for (const d of drops) if (d.type === 'drop') expect(d.reason).toBe('loss');
    const firstSend = trace.find((e) => e.type === 'send');
    const itsDrop = drops.find((d) => d.type === 'drop' && firstSend?.type === 'send' && d.msg === firstSend.msg);
    expect(itsDrop?.t).toBe(10);
  });
});

describe('violation reports', () => {
  it('reports each distinct broken fact once, also across a checkpoint', async () => {
    const { parseScenario } = await import('../scenario-file');
    const { readFileSync } = await import('node:fs');
    const sc = parseScenario(JSON.parse(readFileSync('src/engine/scenarios/raft/files/figure-8.json', 'utf8')));
    const broken = { ...sc, options: { ...sc.options, commitOldTermByCount: true } };
    const trace = runTrace(broken, 3000, { check: true });
    const violations = trace.filter((e) => e.type === 'violation').map((e) => JSON.stringify([(e as { invariant: string }).invariant, (e as { detail: string }).detail]));
    expect(violations.length).toBeGreaterThan(0);
    expect(new Set(violations).size).toBe(violations.length);

    const resumed: TraceEvent[] = [];
    const first = createSimulation(broken, { check: true });
    first.runUntil(1500);
    const again = Simulation.restore({ algorithm: first.algorithm, scenario: first.scenario, options: first.options, check: true, sink: (e) => resumed.push(e) }, first.checkpoint());
    again.finish(3000);
    const after = trace.filter((e) => e.t > 1500 || (e.type === 'end'));
    expect(toJsonl(resumed.filter((e) => e.t > 1500 || e.type === 'end'))).toBe(toJsonl(after));
  });
});

describe('pinned choices (scenario extension)', () => {
  const base = defaultScenario({ algorithm: 'raft', nodes: 3, network: { latency: { min: 10, max: 30 }, dropRate: 0 } });
  const sends = (t: TraceEvent[]) => t.filter((e) => e.type === 'send') as Extract<TraceEvent, { type: 'send' }>[];

  it('pins each send\'s latency and loss by send number, and the draws in order; the rest comes from the seed', () => {
    const free = runTrace(base, 400);
    const sc: Scenario = { ...base, pinned: { latencies: [0, 7, 100], lost: [1], draws: [200, 250, 290] } };
    const trace = runTrace(sc, 400);
    const s = sends(trace);
    expect(s.slice(0, 3).map((e) => e.deliverAt - e.t)).toEqual([0, 3, 100]); // a lost message dies at half its latency
    expect(s[1].lost).toBe(true);
    // Raft draws its three boot timeouts first: node 1 times out at 200, first.
    const firstCandidate = trace.find((e) => e.type === 'state' && e.role === 'candidate');
    expect(firstCandidate).toMatchObject({ t: 200, node: 1 });
    expect(trace).not.toEqual(free);
  });

  it('orders pinned events of one instant by their numbers', () => {
    // Node 1 times out at 150 and asks 2 and 3 for votes; both requests arrive at 155, 3's first when pinned so.
    const events = (order?: number[]) =>
      runTrace({ ...base, pinned: { latencies: [5, 5], draws: [150, 299, 299], ...(order ? { sendOrder: order } : {}) } }, 156).filter(
        (e) => e.type === 'deliver' && e.t === 155,
      ) as Extract<TraceEvent, { type: 'deliver' }>[];
    expect(events(undefined).map((e) => e.to)).toEqual([2, 3]);
    expect(events([9, 8]).map((e) => e.to)).toEqual([3, 2]);
  });

  it('a checkpoint carries the pins\' progress: a restored run goes on identically', () => {
    const sc: Scenario = { ...base, pinned: { latencies: [5, 5, 5, 5, 5, 5], draws: [150, 299, 299, 160, 170, 180], sendOrder: [6, 5, 4, 3, 2, 1], timerOrder: [9, 8, 7] } };
    const whole: TraceEvent[] = [];
    const a = createSimulation(sc, { sink: (e) => whole.push(e) });
    a.runUntil(160);
    const cp = a.checkpoint();
    a.finish(900);
    const after = whole.filter((e) => e.t > 160);
    const tail: TraceEvent[] = [];
    const b = Simulation.restore({ algorithm: ALGORITHMS.raft!, scenario: sc, options: a.options, sink: (e) => tail.push(e) }, cp);
    b.finish(900);
    expect(tail.filter((e) => e.t > 160)).toEqual(after);
  });
});
