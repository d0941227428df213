/**
 * Random fault schedules for property tests (fast-check). Shared by every algorithm's fuzz suite so that
 * they all face the same kinds of trouble: crashes, revivals, crashLeader, partitions, cuts, loss, latency
 * changes and client writes. Test-only: nothing in the app imports this folder.
 */
import fc from 'fast-check';
import type { Action, Scenario, TimedAction } from '../core/types';

export interface ScheduleShape {
  nodes: number;
  observers?: number;
  /** Actions fall in [0, untilMs). */
  untilMs: number;
  maxActions?: number;
  /** Highest loss rate a setDropRate may choose. */
  maxDropRate?: number;
  writes?: boolean;
}

function actionArb(shape: ScheduleShape): fc.Arbitrary<Action> {
  const total = shape.nodes + (shape.observers ?? 0);
  const node = fc.integer({ min: 1, max: total });
  const maxDrop = shape.maxDropRate ?? 0.3;
  const options: fc.Arbitrary<Action>[] = [
    node.map((n) => ({ do: 'crash', node: n }) as Action),
    node.map((n) => ({ do: 'revive', node: n }) as Action),
    fc.constant({ do: 'crashLeader' } as Action),
    fc.shuffledSubarray(Array.from({ length: total }, (_, i) => i + 1), { minLength: 1, maxLength: total }).chain((ids) =>
      fc.integer({ min: 1, max: Math.max(1, ids.length - 1) }).map((cut) => ({
        do: 'partition',
        groups: [ids.slice(0, cut), ids.slice(cut)].filter((g) => g.length > 0),
      }) as Action),
    ),
    fc.constant({ do: 'heal' } as Action),
    fc
      .tuple(node, node, fc.boolean())
      .filter(([a, b]) => a !== b)
      .map(([from, to, oneWay]) => ({ do: 'cut', from, to, oneWay }) as Action),
    fc
      .tuple(node, node)
      .filter(([a, b]) => a !== b)
      .map(([from, to]) => ({ do: 'restore', from, to }) as Action),
    fc.double({ min: 0, max: maxDrop, noNaN: true }).map((rate) => ({ do: 'setDropRate', rate }) as Action),
    fc
      .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }))
      .map(([a, b]) => ({ do: 'setLatency', min: Math.min(a, b), max: Math.max(a, b) }) as Action),
  ];
  if (shape.writes) {
    options.push(fc.tuple(node, fc.integer({ min: 1, max: 999 })).map(([n, v]) => ({ do: 'write', node: n, value: v }) as Action));
    options.push(fc.tuple(node, fc.integer({ min: 1, max: 999 })).map(([n, v]) => ({ do: 'write', node: n, value: v }) as Action));
  }
  return fc.oneof(...options);
}

/** A sorted list of timed actions. */
export function scheduleArb(shape: ScheduleShape): fc.Arbitrary<TimedAction[]> {
  return fc
    .array(fc.tuple(fc.integer({ min: 0, max: shape.untilMs - 1 }), actionArb(shape)), {
      maxLength: shape.maxActions ?? 12,
    })
    .map((items) =>
      items
        .sort((a, b) => a[0] - b[0])
        .map(([at, action]) => ({ at, ...action }) as TimedAction),
    );
}

/** A whole scenario: seed and schedule. */
export function scenarioArb(shape: ScheduleShape, base: Partial<Scenario> = {}): fc.Arbitrary<Scenario> {
  return fc.record({ seed: fc.integer({ min: 0, max: 0xffffffff }), events: scheduleArb(shape) }).map(({ seed, events }) => ({
    version: 1 as const,
    nodes: shape.nodes,
    observers: shape.observers ?? 0,
    seed,
    network: { latency: { min: 10, max: 30 }, dropRate: 0 },
    options: {},
    events,
    ...base,
  }));
}

/** How many runs a property test makes: FUZZ_RUNS overrides (npm run test:fuzz runs a long sweep). */
export function fuzzRuns(defaultRuns: number): number {
  const env = typeof process !== 'undefined' ? process.env.FUZZ_RUNS : undefined;
  return env ? Number(env) : defaultRuns;
}
