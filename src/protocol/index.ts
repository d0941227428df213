/**
 * The main ⇄ worker protocol: plain, structured-clonable data only (types, no code). Both sides check
 * `v` against PROTOCOL_VERSION, so a stale cached worker is refused instead of misread.
 *
 * Time model: the page owns the displayed virtual time. It asks the worker to `advance` to that time at most
 * once per frame; the worker runs the engine exactly to it and answers with one `batch`. A user action is
 * stamped with the displayed time (`at`), so the page's action log replays the run (scenario `events` format).
 */
import type { Action, AlgorithmName, NodeId, Scenario, TimedAction, TraceEvent } from '../engine/core/types';
import type { PaneMetrics } from '../view/metrics/folder';
import type { Narration } from '../view/narration/types';

export const PROTOCOL_VERSION = 1;

/** What the worker tells the page about an algorithm it can run (its registry decides what is available). */
export interface AlgorithmInfo {
  name: AlgorithmName;
  messageKinds: readonly string[];
  defaultOptions: Record<string, unknown>;
  supportsObservers: boolean;
}

/** A pending timer of a node: `since` is when the worker first saw it set (for drawing a countdown). */
export interface TimerView {
  node: NodeId;
  name: string;
  since: number;
  due: number;
}

/** The network as the ring draws it. */
export interface NetworkView {
  /** group[id] = partition group of node id (index 0 unused); all zeros when healed. */
  group: number[];
  /** Cut links as [from, to] (one direction each). */
  cuts: [NodeId, NodeId][];
  latency: { min: number; max: number };
  dropRate: number;
}

/** A node's view as the trace's `state` events give it (role, leader, alive and the algorithm's numbers). */
export interface NodeSnapshot {
  node: NodeId;
  role: string;
  leader: NodeId | null;
  alive: boolean;
  [field: string]: unknown;
}

export type SendEvent = Extract<TraceEvent, { type: 'send' }>;

/** The full internal state of one node, for the inspector (the algorithm's own plain data). */
export interface InspectedNode {
  node: NodeId;
  alive: boolean;
  state: unknown;
  timers: Record<string, number>;
}

export interface RunStats {
  sent: number;
  delivered: number;
  dropped: number;
  /** Events the kernel processed. */
  steps: number;
}

/** A timeline marker (replay, issue 6): something worth jumping to, found in the trace by the worker. */
export type MarkerKind = 'election' | 'leader' | 'noLeader' | 'term' | 'fault' | 'alert';
export interface Marker {
  t: number;
  /** Position of the trace event in the run (markers after a fork point are replaced). */
  index: number;
  kind: MarkerKind;
  node: NodeId | null;
  /** term: the new highest term / epoch; alert: 1 for a `violation` (0 or absent: an `anomaly`). */
  value?: number;
  /** fault: the action (`do`); alert: the invariant or anomaly kind. */
  label?: string;
}

export type { Narration };

// ---- page → worker ---------------------------------------------------------------------------------

export type ToWorker =
  /** Start (or restart) a run: the scenario, the user's action log so far, and the time to run to. */
  | {
      type: 'init';
      v: number;
      run: number;
      algorithm: AlgorithmName;
      scenario: Scenario;
      log: TimedAction[];
      to: number;
      /** Compare mode: fold the whole trace into live metrics and send them with batches and snapshots. */
      metrics?: boolean;
    }
  /** Run the engine to virtual time `to` (never backwards: use `seek`). */
  | { type: 'advance'; v: number; run: number; to: number }
  /** Apply a user action at `action.at` (the displayed time, never before the worker's time). */
  | { type: 'act'; v: number; run: number; action: TimedAction }
  /** Run to the time of the next queued event. */
  | { type: 'step'; v: number; run: number }
  /**
   * Go back to the previous instant at which something happened (the worker remembers event times);
   * `from`: the displayed time (default: the worker's), so a step back undoes the step that is on screen.
   */
  | { type: 'stepBack'; v: number; run: number; log: TimedAction[]; from?: number }
  /** Replay: validate a scenario file's text (the page has no engine); answered with `parsed`. */
  | { type: 'parse'; v: number; run: number; text: string }
  /** Replay: the trace from 0 to `to` as `sim --format jsonl --until to` prints it; answered with `trace`. */
  | { type: 'exportTrace'; v: number; run: number; to: number }
  /** Go to any earlier or later virtual time; `log` is the page's log (it may have been cut after `to`). */
  | { type: 'seek'; v: number; run: number; to: number; log: TimedAction[] }
  /** Ask for a node's full state in every batch (null: stop). */
  | { type: 'inspect'; v: number; run: number; node: NodeId | null }
  /** Test hook: make the host throw, as an engine bug would. */
  | { type: 'crash'; v: number; run: number };

// ---- worker → page ---------------------------------------------------------------------------------

export type FromWorker =
  /** Sent once when the worker starts: what it can run. */
  | { type: 'hello'; v: number; algorithms: AlgorithmInfo[] }
  /** The complete picture at `now` (after init and seek): the page replaces what it shows. */
  | {
      type: 'snapshot';
      v: number;
      run: number;
      now: number;
      algorithm: AlgorithmName;
      options: Record<string, unknown>;
      voters: NodeId[];
      observers: NodeId[];
      nodes: NodeSnapshot[];
      inFlight: SendEvent[];
      timers: TimerView[];
      leader: NodeId | null;
      network: NetworkView;
      /** The last trace events before `now` (for the event log). */
      recent: TraceEvent[];
      nextAt: number | null;
      stats: RunStats;
      traceHash: string;
      inspected: InspectedNode | null;
      /** The instant a step back goes to (the one before the latest event at or before `now`). */
      prevAt?: number;
      /** The latest instant at which an event happened at or before `now`. */
      lastAt?: number;
      /** Live metrics as of `now` (only when `init.metrics` asked for them). */
      metrics?: PaneMetrics;
      /** Replay: the narration of the last events up to `now` (a bounded tail). */
      lines?: Narration[];
      /** Replay: every timeline marker of the run so far, beyond `now` too (up to the furthest point reached). */
      markers?: Marker[];
    }
  /** What happened since the last batch or snapshot, up to `now`. */
  | {
      type: 'batch';
      v: number;
      run: number;
      now: number;
      /**
       * Trace events in order. Messages sent and ended within this batch are left out (they were never on
       * screen); everything else is here.
       */
      events: TraceEvent[];
      timers: TimerView[];
      leader: NodeId | null;
      /** Present when the network changed in this batch. */
      network?: NetworkView;
      nextAt: number | null;
      stats: RunStats;
      traceHash: string;
      inspected: InspectedNode | null;
      /** The instant a step back goes to (the one before the latest event at or before `now`). */
      prevAt?: number;
      /** The latest instant at which an event happened at or before `now`. */
      lastAt?: number;
      /** Live metrics as of `now`, when events came since the last ones (only when `init.metrics` asked). */
      metrics?: PaneMetrics;
      /** Replay: narration lines of this batch's events (a bounded tail when there are very many). */
      lines?: Narration[];
      /** Replay: new timeline markers; with `markersFrom`, markers of index ≥ it were cut by a fork first. */
      markers?: Marker[];
      markersFrom?: number;
      /**
       * More batches follow for the same request: the worker cut a long advance into pieces (at whole virtual
       * milliseconds) so that no one message takes the page long to copy and apply. The last piece has no flag.
       */
      partial?: true;
    }
  /** Answer to `parse`: the validated scenario, or the first bad field and why. */
  | { type: 'parsed'; v: number; run: number; ok: true; scenario: Scenario }
  | { type: 'parsed'; v: number; run: number; ok: false; path: string; reason: string }
  /** Answer to `exportTrace`: JSONL, one event a line, ending with the `end` event at `to`. */
  | { type: 'trace'; v: number; run: number; to: number; jsonl: string; hash: string }
  /** The scenario or an action was refused; the run goes on without it. */
  | { type: 'rejected'; v: number; run: number; path: string; reason: string }
  /** The engine threw: the page starts a new worker and replays its action log. */
  | { type: 'failed'; v: number; run: number; message: string };

export type { Action, TimedAction };
