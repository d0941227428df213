/** Shared by Raft's tests: run a scenario with R-S1…R-S10 checked and read its nodes. Test-only. */
import type { Simulation } from '../../core/kernel';
import type { Scenario, TraceEvent } from '../../core/types';
import { eventsOf, runChecked as runCheckedAs, type CheckedRun } from '../../testing/checked-run';
import type { RaftState } from './raft';

export type { CheckedRun };

/** Runs `sc` as Raft to `untilMs` with the checker on. */
export function runChecked(sc: Scenario, untilMs: number, keepEvents = true): CheckedRun {
  return runCheckedAs(sc, untilMs, { algorithm: 'raft', keepEvents });
}

export function raftState(sim: Simulation, id: number): RaftState {
  return sim.node(id).state as RaftState;
}

export const statesOf = (events: readonly TraceEvent[]) => eventsOf(events, 'state');
