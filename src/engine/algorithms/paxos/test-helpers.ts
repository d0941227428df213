/** Shared by the Paxos tests: run a scenario with P-S1…P-S4 checked and read its nodes. Test-only. */
import type { AnyAlgorithm } from '../../core/algorithm';
import type { Simulation } from '../../core/kernel';
import type { Scenario, TraceEvent } from '../../core/types';
import { eventsOf, runChecked as runCheckedAs, type CheckedRun } from '../../testing/checked-run';
import type { PaxosState } from './paxos';

export type { CheckedRun };

/** Runs `sc` as Multi-Paxos (or `impl`, a mutant of it) to `untilMs` with the checker on. */
export function runChecked(sc: Scenario, untilMs: number, keepEvents = true, impl?: AnyAlgorithm): CheckedRun {
  return runCheckedAs(sc, untilMs, { algorithm: 'paxos', impl, keepEvents });
}

export function paxosState(sim: Simulation, id: number): PaxosState {
  return sim.node(id).state as PaxosState;
}

export function sendsOf(events: readonly TraceEvent[], kind?: string): Extract<TraceEvent, { type: 'send' }>[] {
  return eventsOf(events, 'send').filter((e) => kind === undefined || e.kind === kind);
}

export const commitsOf = (events: readonly TraceEvent[]) => eventsOf(events, 'commit');
