/** Shared by the Paxos tests: run a scenario with P-S1…P-S4 checked after every step. Test-only. */
import type { AnyAlgorithm } from '../../core/algorithm';
import { Simulation } from '../../core/kernel';
import type { Scenario, TraceEvent } from '../../core/types';
import { resolveOptions } from '../../scenario-file';
import { paxos, type PaxosState } from './paxos';

export interface CheckedRun {
  sim: Simulation;
  events: TraceEvent[];
  violations: Extract<TraceEvent, { type: 'violation' }>[];
}

/** Runs `sc` as Multi-Paxos (or a mutant of it) to `untilMs` with the checker on. */
export function runChecked(sc: Scenario, untilMs: number, keepEvents = true, alg: AnyAlgorithm = paxos): CheckedRun {
  const events: TraceEvent[] = [];
  const violations: CheckedRun['violations'] = [];
  const sim = Simulation.start({
    algorithm: alg,
    scenario: { ...sc, algorithm: 'paxos' },
    options: resolveOptions({ ...sc, algorithm: 'paxos' }, 'paxos'),
    check: true,
    sink: (e) => {
      if (e.type === 'violation') violations.push(e);
      if (keepEvents) events.push(e);
    },
  });
  sim.runUntil(untilMs);
  return { sim, events, violations };
}

export function paxosState(sim: Simulation, id: number): PaxosState {
  return sim.node(id).state as PaxosState;
}

export function sendsOf(events: readonly TraceEvent[], kind?: string): Extract<TraceEvent, { type: 'send' }>[] {
  return events.filter((e): e is Extract<TraceEvent, { type: 'send' }> => e.type === 'send' && (kind === undefined || e.kind === kind));
}

export function commitsOf(events: readonly TraceEvent[]): Extract<TraceEvent, { type: 'commit' }>[] {
  return events.filter((e): e is Extract<TraceEvent, { type: 'commit' }> => e.type === 'commit');
}
