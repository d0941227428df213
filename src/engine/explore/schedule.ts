/**
 * A path of the explorer as a scenario that the ordinary kernel replays step for step: the faults and writes
 * become the scenario's events, and the choices the kernel would make by seed are pinned (scenario `pinned`,
 * src/engine/README.md): each message's latency and loss, in send order, and each random draw's value.
 */
import type { Envelope } from '../core/algorithm';
import type { Action, NodeId, Scenario, TimedAction } from '../core/types';
import type { ExploreConfig } from './config';
import { type Model, type Recorder, type Violation, type XState } from './model';

/** How long after the violation the messages still in flight arrive, in a replay that goes on. */
export const HOLD_MS = 50;

/** A step's events take order numbers step · ORDER_BLOCK + 0, 1, …: its own event, then the messages it let go. */
const ORDER_BLOCK = 1024;

/** One step of a counterexample, for people (the Explore screen's list, the CLI's JSON). */
export type ScheduleStep =
  | { t: number; type: 'deliver'; from: NodeId; to: NodeId; kind: string }
  | { t: number; type: 'drop'; from: NodeId; to: NodeId; kind: string }
  | { t: number; type: 'timer'; node: NodeId; name: string }
  | ({ t: number; type: 'action' } & Action);

export interface Counterexample extends Violation {
  /** Steps after boot. */
  length: number;
  /** Virtual time of the step that broke the property. */
  at: number;
  steps: ScheduleStep[];
  /** The scenario that replays it (open it on the ring, share it). */
  scenario: Scenario;
}

class PathRecorder implements Recorder {
  /** The path's step being replayed (1 = the first after boot). */
  step = 0;
  readonly sentAt: number[] = [];
  /** Per send / per timer start, the step it arrives or fires at: its place among the events of its instant. */
  readonly sendStep: number[] = [];
  readonly timerStep: number[] = [];
  readonly envs: Envelope[] = [];
  readonly arrival: (number | undefined)[] = [];
  readonly lost = new Set<number>();
  readonly draws: number[] = [];
  readonly events: TimedAction[] = [];
  readonly steps: ScheduleStep[] = [];

  send(no: number, at: number, env: Envelope): void {
    this.sentAt[no] = at;
    this.envs[no] = env;
  }
  /** Events of one instant after the step's own (forgotten messages) take the next numbers of its block. */
  private sub = 0;
  private subStep = -1;
  private next(): number {
    if (this.subStep !== this.step) {
      this.subStep = this.step;
      this.sub = 0;
    }
    return this.step * ORDER_BLOCK + this.sub++;
  }

  arrive(no: number, at: number, lost: boolean): void {
    this.arrival[no] = at;
    this.sendStep[no] = this.next();
    const e = this.envs[no];
    if (lost) this.lost.add(no);
    this.steps.push({ t: at, type: lost ? 'drop' : 'deliver', from: e.from, to: e.to, kind: e.kind });
  }
  draw(value: number): void {
    this.draws.push(value);
  }
  action(at: number, action: Action): void {
    this.events.push({ at, ...action } as TimedAction);
    this.steps.push({ t: at, type: 'action', ...action });
  }
  forget(no: number, at: number): void {
    this.arrival[no] = at;
    this.sendStep[no] = this.next();
  }
  timer(no: number, at: number, node: NodeId, name: string): void {
    this.timerStep[no] = this.next();
    this.steps.push({ t: at, type: 'timer', node, name });
  }
}

/** Replays a path of step codes (the boot's first) on the model, and writes it as a counterexample. */
export function counterexample(model: Model, cfg: ExploreConfig, codes: readonly number[]): { counterexample: Counterexample; final: XState } {
  const rec = new PathRecorder();
  model.recorder = rec;
  let s: XState | null = null;
  try {
    codes.forEach((code, i) => {
      rec.step = i;
      s = model.apply(s, code);
    });
  } finally {
    model.recorder = null;
  }
  const final = s!;
  if (!final.violation) throw new Error('the path does not end in a violation (the explorer is not deterministic?)');
  const end = final.now;
  const latencies = rec.sentAt.map((at, no) => {
    const arrived = rec.arrival[no];
    if (arrived === undefined) return end + HOLD_MS - at;
    // A lost message dies half-way through its latency (the kernel's rule), so it dies at the step's time.
    return rec.lost.has(no) ? 2 * (arrived - at) : arrived - at;
  });
  // Events of one instant run in the path's order: a pinned send or timer start goes by its step number;
  // one that never arrives or fires in the path comes after all of them, each with a number of its own.
  const late = codes.length * ORDER_BLOCK;
  const sendOrder = rec.sentAt.map((_, no) => rec.sendStep[no] ?? late + no);
  const timerOrder = Array.from({ length: final.starts }, (_, no) => rec.timerStep[no] ?? late + final.sends + no);
  const scenario: Scenario = {
    version: 1,
    algorithm: cfg.algorithm,
    nodes: cfg.nodes,
    observers: 0,
    seed: 1,
    network: { latency: { min: 10, max: 30 }, dropRate: 0 },
    options: { ...cfg.options },
    events: rec.events,
    pinned: { latencies, ...(rec.lost.size > 0 ? { lost: [...rec.lost].sort((a, b) => a - b) } : {}), draws: rec.draws, sendOrder, timerOrder },
  };
  return {
    final,
    counterexample: { ...final.violation, length: codes.length - 1, at: end, steps: rec.steps, scenario },
  };
}
