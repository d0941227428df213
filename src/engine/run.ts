/**
 * The one entry point that the worker, the CLI, the benchmarks and the tests share: a scenario and an
 * algorithm name in, a running Simulation out. Because every caller goes through here, the browser and Node
 * produce the same trace for the same scenario.
 */
import { getAlgorithm } from './algorithms';
import { Simulation } from './core/kernel';
import type { AlgorithmName, Scenario, TraceEvent, TraceSink } from './core/types';
import { resolveOptions, ScenarioError } from './scenario-file';

export interface RunOptions {
  /** Overrides the scenario's algorithm (side-by-side panes run one script on several). */
  algorithm?: AlgorithmName;
  check?: boolean;
  sink?: TraceSink;
}

export function algorithmOf(sc: Scenario, override?: AlgorithmName): AlgorithmName {
  const name = override ?? sc.algorithm;
  if (!name) throw new ScenarioError('algorithm', 'no algorithm given (name one in the scenario or with --algorithm)');
  return name;
}

export function createSimulation(sc: Scenario, opts: RunOptions = {}): Simulation {
  const name = algorithmOf(sc, opts.algorithm);
  const options = resolveOptions(sc, name);
  return Simulation.start({ algorithm: getAlgorithm(name), scenario: sc, options, check: opts.check, sink: opts.sink });
}

/** Runs a scenario to `untilMs` and returns its whole trace (tests and small tools). */
export function runTrace(sc: Scenario, untilMs: number, opts: Omit<RunOptions, 'sink'> = {}): TraceEvent[] {
  const events: TraceEvent[] = [];
  const sim = createSimulation(sc, { ...opts, sink: (e) => events.push(e) });
  sim.finish(untilMs);
  return events;
}

/** A scenario with every default, for callers that only set a few fields. */
export function defaultScenario(patch: Partial<Scenario> = {}): Scenario {
  return {
    version: 1,
    nodes: 5,
    observers: 0,
    seed: 1,
    network: { latency: { min: 10, max: 30 }, dropRate: 0 },
    options: {},
    events: [],
    ...patch,
  };
}
