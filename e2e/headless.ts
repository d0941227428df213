/**
 * The same engine the page's worker runs, run in Node by the specs themselves: a spec asks the headless run
 * of its setup when something happens (the first candidate, the first leader) and drives the page to that
 * virtual time (`Lab.advanceTo`), instead of playing in real time and hoping to catch the moment. Imports the
 * engine only (the lesson library's JSON scenarios need `e2e/lesson-expect.ts` under tsx).
 */
import type { AlgorithmName, Scenario, TimedAction, TraceEvent } from '../src/engine/core/types';
import { defaultScenario, runTrace } from '../src/engine/run';
import { emptySnapshot, snapshotAt, snapshotFolder, type Snapshot } from '../src/lessons/snapshot';

export interface Setup {
  algorithm: AlgorithmName;
  nodes?: number;
  observers?: number;
  seed?: number;
  events?: TimedAction[];
}

/** The trace of the setup `Lab.open` starts (the page's defaults: 5 nodes, seed 1, latency 10–30 ms) up to `untilMs`. */
export function headlessTrace(s: Setup, untilMs: number): TraceEvent[] {
  return runTrace(defaultScenario({ algorithm: s.algorithm, nodes: s.nodes ?? 5, observers: s.observers ?? 0, seed: s.seed ?? 1, events: s.events ?? [] }), untilMs);
}

/** The time of the first event matching `pred` (throws if none: the spec's setup does not do what it says). */
export function firstTime(trace: readonly TraceEvent[], pred: (e: TraceEvent) => boolean, what = 'the event'): number {
  const e = trace.find(pred);
  if (!e) throw new Error(`the headless run never shows ${what}`);
  return e.t;
}

/** When the cluster first has a leader (other than `not`), and who. */
export function firstLeader(trace: readonly TraceEvent[], after = 0, not: number | null = null): { t: number; leader: number } {
  const e = trace.find((x): x is Extract<TraceEvent, { type: 'leader' }> => x.type === 'leader' && x.t >= after && x.leader !== null && x.leader !== not);
  if (!e || e.leader === null) throw new Error(`the headless run has no leader after ${after} ms`);
  return { t: e.t, leader: e.leader };
}

export function stateAt(trace: readonly TraceEvent[], t: number): Snapshot {
  return snapshotAt(trace, t);
}

/**
 * The first instant at or after `from` (up to `untilMs`) at which the snapshot of `trace` satisfies `pred`, and
 * that snapshot; null if none. One pass over the trace.
 */
export function firstInstant(trace: readonly TraceEvent[], from: number, pred: (s: Snapshot) => boolean): Snapshot | null {
  const snap = emptySnapshot();
  const fold = snapshotFolder(snap);
  let i = 0;
  while (i < trace.length && trace[i].t <= from) fold(trace[i++]);
  snap.t = from;
  if (pred(snap)) return { ...snap, nodes: new Map(snap.nodes) };
  while (i < trace.length) {
    const t = trace[i].t;
    while (i < trace.length && trace[i].t === t) fold(trace[i++]);
    if (pred(snap)) return { ...snap, nodes: new Map(snap.nodes) };
  }
  return null;
}

/** The trace of a scenario as the page's bridge returns it (`__sim.scenario()`: the setup and the action log). */
export function scenarioTrace(scenario: Scenario, untilMs: number): TraceEvent[] {
  return runTrace(scenario, untilMs);
}
