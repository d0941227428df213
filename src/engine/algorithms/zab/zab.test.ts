import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../core/kernel';
import type { Scenario, TraceEvent } from '../../core/types';
import { createSimulation, defaultScenario, runTrace } from '../../run';
import { resolveOptions } from '../../scenario-file';
import { fuzzRuns, scenarioArb } from '../../testing/schedules';
import { zab } from './zab';

const zabScenario = (patch: Partial<Scenario> = {}): Scenario => defaultScenario({ algorithm: 'zab', ...patch });
const notifications = (ev: TraceEvent[]) => ev.filter((e) => e.type === 'send' && e.kind === 'Notification').length;

describe('ZAB: cold start (§2.9 counts, Z-L1 timing)', () => {
  it.each([1, 2, 3, 4, 5, 6, 7])('N=%i: (N−1)(2N−1) ≤ notifications ≤ (N³−N)/2, the highest sid wins', (n) => {
    for (let seed = 1; seed <= 20; seed++) {
      const ev = runTrace(zabScenario({ nodes: n, seed }), 1500, { check: true });
      const count = notifications(ev);
      expect(count).toBeGreaterThanOrEqual((n - 1) * (2 * n - 1));
      expect(count).toBeLessThanOrEqual((n * n * n - n) / 2);
      const end = ev.at(-1) as Extract<TraceEvent, { type: 'end' }>;
      expect(end.stats.leader).toBe(n);
      // B_FLE ≈ 2δmax + finalizeWait, then discovery and sync in about 6 message delays; plus the learner's
      // connect retries (100 ms after each refusal, a round trip each) when a follower decided before its
      // leader listened ([ZK] Learner.connectToLeader).
      const tries = ev.filter((e) => e.type === 'send' && e.kind === 'FollowerInfo').length - (n - 1);
      expect(end.stats.firstLeaderAt).toBeLessThanOrEqual(2 * 30 + 200 + 8 * 30 + tries * (100 + 2 * 30));
      expect(ev.filter((e) => e.type === 'violation')).toEqual([]);
    }
  });

  it('observers add 2N notifications per broadcast round and are never counted', () => {
    const ev = runTrace(zabScenario({ nodes: 3, observers: 2, seed: 4 }), 1500, { check: true });
    const toOrFromObservers = ev.filter((e) => e.type === 'send' && e.kind === 'Notification' && (e.from > 3 || e.to > 3));
    expect(toOrFromObservers.length % 2).toBe(0);
    expect(ev.filter((e) => e.type === 'state' && e.node > 3 && (e.vote as { leader: number }).leader > 3)).toEqual([]);
    expect((ev.at(-1) as Extract<TraceEvent, { type: 'end' }>).stats.leader).toBe(3);
  });
});

describe('ZAB: determinism', () => {
  const sc = zabScenario({
    nodes: 5,
    observers: 2,
    seed: 99,
    network: { latency: { min: 5, max: 40 }, dropRate: 0.05 },
    events: [
      { at: 500, do: 'write', node: 6, value: 'a' },
      { at: 900, do: 'crashLeader' },
      { at: 1200, do: 'partition', groups: [[1, 2]] },
      { at: 2500, do: 'heal' },
      { at: 2600, do: 'revive', node: 5 },
      { at: 3000, do: 'write', node: 2, value: 'b' },
    ],
  });
  const jsonl = (ev: TraceEvent[]) => ev.map((e) => JSON.stringify(e)).join('\n');

  it('same scenario and seed give a byte-identical trace', () => {
    expect(jsonl(runTrace(sc, 5000, { check: true }))).toBe(jsonl(runTrace(sc, 5000, { check: true })));
  });

  it('a checkpoint taken mid-run continues with the identical trace', () => {
    const full: TraceEvent[] = [];
    createSimulation(sc, { check: true, sink: (e) => full.push(e) }).finish(5000);
    for (const cut of [1, 700, 1234, 2600]) {
      const before: TraceEvent[] = [];
      const sim = createSimulation(sc, { check: true, sink: (e) => before.push(e) });
      sim.runUntil(cut);
      const cp = sim.checkpoint();
      const after: TraceEvent[] = [];
      const resumed = Simulation.restore({ algorithm: zab, scenario: sc, options: resolveOptions(sc, 'zab'), check: true, sink: (e) => after.push(e) }, cp);
      resumed.finish(5000);
      expect(jsonl([...before, ...after])).toBe(jsonl(full));
    }
  });
});

describe('ZAB: liveness after stability (Z-L1, Z-L2, Z-L3)', () => {
  it('once faults stop and every node is up and connected, an established leader appears in bounded time and writes commit', () => {
    const faultsMs = 3000;
    fc.assert(
      fc.property(scenarioArb({ nodes: 5, observers: 2, untilMs: faultsMs, writes: true, maxActions: 12 }, { algorithm: 'zab' }), (base) => {
        const stable: Scenario = {
          ...base,
          events: [
            ...base.events,
            { at: faultsMs, do: 'heal' },
            { at: faultsMs, do: 'setDropRate', rate: 0 },
            { at: faultsMs, do: 'setLatency', min: 10, max: 30 },
            ...[1, 2, 3, 4, 5, 6, 7].map((node) => ({ at: faultsMs, do: 'revive' as const, node })),
          ],
        };
        const committedBy: Record<string, Set<number>> = {};
        const sim = createSimulation(stable, {
          check: true,
          sink: (e) => {
            if (e.type === 'commit' && typeof e.value === 'string') (committedBy[e.value] ??= new Set()).add(e.node);
          },
        });
        // Bound: a stuck learner or leader gives up within initLimit·tickTime (2 s); a LOOKING node re-broadcasts
        // within its current back-off (≤ the time it has been looking, ≤ the fault window); data TCP held during
        // a partition arrives within an RTO of the heal, or was given up after 15 resends; a silent connection
        // (a power-off) ends by syncLimit·tickTime (1 s) and a new election; then finalizeWait, connect
        // retries and a few message delays.
        const bound = faultsMs + 2000 + faultsMs + 1000 + 2000 + 1000 + 1000;
        let attempt = 0;
        let done = false;
        let firstLeaderAt: number | null = null;
        for (let t = faultsMs; t < bound && !done; t += 100) {
          sim.runUntil(t);
          const leader = sim.clusterLeader;
          if (leader !== null && firstLeaderAt === null) firstLeaderAt = t;
          done = Object.values(committedBy).some((nodes) => [...nodes].filter((n) => n <= 5).length > 5 / 2);
          if (leader !== null && !done && t % 500 === 0) sim.schedule({ do: 'write', node: leader, value: `probe${attempt++}` }, t);
        }
        expect(firstLeaderAt).not.toBeNull();
        expect(done).toBe(true);
      }),
      { numRuns: fuzzRuns(150) },
    );
  });

  it('a revived voter joins an established ensemble with 2(N−1) notifications and no leader change', () => {
    const ev = runTrace(zabScenario({ nodes: 5, seed: 3, events: [{ at: 1000, do: 'crash', node: 2 }, { at: 2000, do: 'revive', node: 2 }] }), 3000, { check: true });
    const join = ev.filter((e) => e.type === 'send' && e.kind === 'Notification' && e.t >= 2000);
    expect(join.length).toBe(8);
    expect(ev.filter((e) => e.type === 'leader').map((e) => (e as { leader: number | null }).leader)).toEqual([5]);
  });
});

describe('ZAB: FLE details', () => {
  it('the notification back-off doubles from 200 ms to 60 s and is not reset', () => {
    const ev = runTrace(zabScenario({ nodes: 3, seed: 2, events: [{ at: 0, do: 'partition', groups: [[1], [2], [3]] }] }), 200_000);
    const times = ev.filter((e) => e.type === 'send' && e.from === 1 && e.to === 2).map((e) => e.t);
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    expect(gaps.slice(0, 9)).toEqual([200, 400, 800, 1600, 3200, 6400, 12800, 25600, 51200]);
    expect(gaps.slice(9).every((g) => g === 60000)).toBe(true);
  });

  it('options change the timings (finalizeWaitMs, tickTimeMs)', () => {
    const slow = runTrace(zabScenario({ nodes: 3, seed: 1, options: { finalizeWaitMs: 1000 } }), 3000);
    const first = (slow.at(-1) as Extract<TraceEvent, { type: 'end' }>).stats.firstLeaderAt as number;
    expect(first).toBeGreaterThan(1000);
    expect(() => resolveOptions(zabScenario({ options: { bogus: 1 } }), 'zab')).toThrow(/unknown option "bogus"/);
  });

  it('writes before a leader is known are refused; at followers and observers in broadcast they are forwarded', () => {
    const ev = runTrace(zabScenario({ nodes: 3, observers: 1, seed: 1, events: [{ at: 0, do: 'write', node: 1, value: 'early' }, { at: 1000, do: 'write', node: 4, value: 'obs' }, { at: 1100, do: 'write', node: 1, value: 'fol' }] }), 2000, { check: true });
    const writes = ev.filter((e) => e.type === 'write') as Extract<TraceEvent, { type: 'write' }>[];
    expect(writes.map((w) => [w.value, w.accepted, w.reason])).toEqual([
      ['early', false, 'no leader'],
      ['obs', true, 'forwarded'],
      ['fol', true, 'forwarded'],
    ]);
    for (const node of [1, 2, 3, 4]) {
      expect(ev.filter((e) => e.type === 'commit' && e.node === node).map((e) => (e as { index: number; value: unknown }).value)).toEqual(['obs', 'fol']);
    }
  });
});
