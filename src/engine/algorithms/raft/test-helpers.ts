/** Shared by Raft's tests: run a scenario with the checker on and collect what matters. Test-only. */
import { createSimulation } from '../../run';
import type { Simulation } from '../../core/kernel';
import type { Scenario, TraceEvent } from '../../core/types';
import type { RaftState } from './raft';

export interface CheckedRun {
  sim: Simulation;
  events: TraceEvent[];
  violations: Extract<TraceEvent, { type: 'violation' }>[];
}

/** Runs `sc` as Raft to `untilMs` with R-S1…R-S10 checked after every step. */
export function runChecked(sc: Scenario, untilMs: number, keepEvents = true): CheckedRun {
  const events: TraceEvent[] = [];
  const violations: CheckedRun['violations'] = [];
  const sim = createSimulation(sc, {
    algorithm: 'raft',
    check: true,
    sink: (e) => {
      if (e.type === 'violation') violations.push(e);
      if (keepEvents) events.push(e);
    },
  });
  sim.runUntil(untilMs);
  return { sim, events, violations };
}

export function raftState(sim: Simulation, id: number): RaftState {
  return sim.node(id).state as RaftState;
}

export function statesOf(events: readonly TraceEvent[]): Extract<TraceEvent, { type: 'state' }>[] {
  return events.filter((e): e is Extract<TraceEvent, { type: 'state' }> => e.type === 'state');
}
