/**
 * Shared by the engine's tests: run a scenario with the algorithm's checker on, keeping the violations and
 * (optionally) the whole trace. `impl` runs a mutant under a registered algorithm's name and options, so a
 * mutant test checks the real checker against a deliberately broken handler. Test-only.
 */
import type { AnyAlgorithm } from '../core/algorithm';
import { Simulation } from '../core/kernel';
import type { AlgorithmName, Scenario, TraceEvent } from '../core/types';
import { getAlgorithm } from '../algorithms';
import { resolveOptions } from '../scenario-file';

export interface CheckedRun {
  sim: Simulation;
  events: TraceEvent[];
  violations: Extract<TraceEvent, { type: 'violation' }>[];
}

export interface CheckedRunOptions {
  algorithm: AlgorithmName;
  /** A stand-in for the algorithm's handlers (a mutant); the registered one by default. */
  impl?: AnyAlgorithm;
  /** Keep every trace event in `events` (default true); false keeps only the violations. */
  keepEvents?: boolean;
}

/** Runs `sc` as `algorithm` to `untilMs` with its invariants checked after every step. */
export function runChecked(sc: Scenario, untilMs: number, { algorithm, impl, keepEvents = true }: CheckedRunOptions): CheckedRun {
  const events: TraceEvent[] = [];
  const violations: CheckedRun['violations'] = [];
  const scenario = { ...sc, algorithm };
  const sim = Simulation.start({
    algorithm: impl ?? getAlgorithm(algorithm),
    scenario,
    options: resolveOptions(scenario, algorithm),
    check: true,
    sink: (e) => {
      if (e.type === 'violation') violations.push(e);
      if (keepEvents) events.push(e);
    },
  });
  sim.runUntil(untilMs);
  return { sim, events, violations };
}

/** The trace events of one type, typed. */
export function eventsOf<T extends TraceEvent['type']>(events: readonly TraceEvent[], type: T): Extract<TraceEvent, { type: T }>[] {
  return events.filter((e): e is Extract<TraceEvent, { type: T }> => e.type === type);
}
