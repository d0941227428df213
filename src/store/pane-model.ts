/**
 * What one pane shows, and the pure functions that fold the worker's snapshots and batches into it. No
 * React, no zustand: the store (pane-store.ts) holds this object and the controller calls these folds.
 */
import type { AlgorithmName, NodeId, Pinned, TimedAction, TraceEvent } from '../engine/core/types';
import type { FromWorker, InspectedNode, Marker, Narration, NetworkView, NodeSnapshot, RunStats, SendEvent, TimerView } from '../protocol';
import { isQuietKind } from '../view/kinds';
import { MessageTable } from './message-table';
import type { PaneMetrics } from '../view/metrics/folder';

export type DropReason = Extract<TraceEvent, { type: 'drop' }>['reason'];

/** A message on screen: in flight, or dead and fading where it died. */
export interface MessageView extends SendEvent {
  /** When it was dropped (it fades from there). */
  diedAt?: number;
  dropReason?: DropReason;
}

/** The run's fixed setup, as the user chose it (the scenario without its script). */
export interface RunConfig {
  algorithm: AlgorithmName;
  nodes: number;
  observers: number;
  seed: number;
  latency: { min: number; max: number };
  dropRate: number;
  options: Record<string, unknown>;
  /** A scripted scenario's own events (a lesson's faults), run by the engine as the scenario's script. */
  events?: TimedAction[];
  /** An explored counterexample's pinned choices (scenario `pinned`): the run replays that exact schedule. */
  pinned?: Pinned;
}

export interface LogEntry {
  id: number;
  event: TraceEvent;
}

export type PaneStatus = 'starting' | 'running' | 'recovering';

export interface PaneState {
  status: PaneStatus;
  config: RunConfig;
  /** The run id the controller is talking about (batches of older runs are ignored). */
  run: number;
  /** The algorithm's full options as the engine resolved them. */
  options: Record<string, unknown>;
  voters: NodeId[];
  observers: NodeId[];
  nodes: Record<NodeId, NodeSnapshot>;
  /** By message id (a persistent table: a new one when a batch changes it, the same one otherwise). */
  messages: MessageTable;
  timers: Record<NodeId, TimerView[]>;
  leader: NodeId | null;
  network: NetworkView;
  playing: boolean;
  /** Virtual ms per wall-clock second. */
  speed: number;
  /** The displayed virtual time (the controller updates it every frame while playing). */
  time: number;
  /** The engine's time as of the last answer. */
  engineTime: number;
  /** The furthest time this run has reached (the timeline's end). */
  horizon: number;
  nextAt: number | null;
  /** Where a step back goes (the worker's answer; null until known). */
  prevAt: number | null;
  /** The latest instant with an event at or before the engine's time (the worker's answer; null until known). */
  lastAt: number | null;
  /** Live metrics (compare mode only; null otherwise or until the worker sent them). */
  metrics: PaneMetrics | null;
  log: LogEntry[];
  /** Replay: plain-language lines of the run up to the engine's time (a bounded tail), in both languages. */
  lines: Narration[];
  /** Replay: the timeline's markers up to the furthest point reached. */
  markers: Marker[];
  /** The user's actions, stamped with the virtual time they apply at: the replay file. */
  actions: TimedAction[];
  violations: Extract<TraceEvent, { type: 'violation' }>[];
  anomalies: Extract<TraceEvent, { type: 'anomaly' }>[];
  stats: RunStats;
  traceHash: string;
  selectedNode: NodeId | null;
  inspected: InspectedNode | null;
  selectedMessage: number | null;
  /** How many times the worker died and was replaced. */
  recoveries: number;
  /** A plain-words notice for the user (worker restarted, action refused); null when none. */
  notice: { key: 'workerRestarted' | 'actionRefused' | 'scenarioRefused' | 'loadRefused'; detail: string } | null;
}

export const LOG_LIMIT = 80;

export function emptyNetwork(total: number, latency = { min: 10, max: 30 }, dropRate = 0): NetworkView {
  return { group: new Array<number>(total + 1).fill(0), cuts: [], latency, dropRate };
}

export function initialPane(config: RunConfig, speed: number, playing: boolean): PaneState {
  return {
    status: 'starting',
    config,
    run: 0,
    options: { ...config.options },
    voters: [],
    observers: [],
    nodes: {},
    messages: MessageTable.empty,
    timers: {},
    leader: null,
    network: emptyNetwork(config.nodes + config.observers, config.latency, config.dropRate),
    playing,
    speed,
    time: 0,
    engineTime: 0,
    horizon: 0,
    nextAt: null,
    prevAt: null,
    lastAt: null,
    metrics: null,
    log: [],
    lines: [],
    markers: [],
    actions: [],
    violations: [],
    anomalies: [],
    stats: { sent: 0, delivered: 0, dropped: 0, steps: 0 },
    traceHash: '',
    selectedNode: null,
    inspected: null,
    selectedMessage: null,
    recoveries: 0,
    notice: null,
  };
}

/** Is this event worth a line in the event log? Heartbeats and arrivals would drown everything else. */
export function isLogWorthy(e: TraceEvent): boolean {
  switch (e.type) {
    case 'send':
      return !isQuietKind(e.kind, e.fields);
    case 'drop':
      return !isQuietKind(e.kind);
    case 'deliver':
    case 'init':
    case 'end':
      return false;
    default:
      return true;
  }
}

let nextLogId = 1;

function appendLog(log: LogEntry[], events: TraceEvent[]): LogEntry[] {
  const add = events.filter(isLogWorthy);
  if (add.length === 0) return log;
  const next = log.concat(add.slice(-LOG_LIMIT).map((event) => ({ id: nextLogId++, event })));
  return next.length > LOG_LIMIT ? next.slice(next.length - LOG_LIMIT) : next;
}

/** Narration lines the page keeps (the event log shows a filtered tail of them). */
export const LINES_LIMIT = 1500;

function appendLines(lines: Narration[], add: Narration[] | undefined): Narration[] {
  if (!add || add.length === 0) return lines;
  const next = lines.concat(add);
  if (next.length <= LINES_LIMIT) return next;
  // Over the limit: the oldest routine lines (heartbeats, deliveries) go first, so the telling ones reach further
  // back. The new batch is not spared: a jump at 101 nodes brings thousands of deliveries in one batch, which
  // would otherwise push every telling line out and leave the log (routine hidden) empty.
  let excess = next.length - LINES_LIMIT;
  const kept = next.filter((l) => {
    if (excess > 0 && l.importance === 0) {
      excess--;
      return false;
    }
    return true;
  });
  return excess > 0 ? kept.slice(excess) : kept;
}

function groupTimers(timers: TimerView[]): Record<NodeId, TimerView[]> {
  const out: Record<NodeId, TimerView[]> = {};
  for (const t of timers) (out[t.node] ??= []).push(t);
  return out;
}

function sameTimers(a: TimerView[] | undefined, b: TimerView[] | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i].name !== b[i].name || a[i].due !== b[i].due || a[i].since !== b[i].since) return false;
  }
  return true;
}

/** Keeps the old per-node timer arrays where nothing changed, so unchanged nodes do not re-render. */
function mergeTimers(prev: Record<NodeId, TimerView[]>, next: Record<NodeId, TimerView[]>): Record<NodeId, TimerView[]> {
  const out: Record<NodeId, TimerView[]> = {};
  let changed = Object.keys(prev).length !== Object.keys(next).length;
  for (const [k, v] of Object.entries(next)) {
    const id = Number(k);
    if (sameTimers(prev[id], v)) out[id] = prev[id];
    else {
      out[id] = v;
      changed = true;
    }
  }
  return changed ? out : prev;
}

function toNodeSnapshot(e: Extract<TraceEvent, { type: 'state' }>): NodeSnapshot {
  const { t: _t, type: _type, node, role, leader, alive, ...rest } = e;
  return { ...rest, node, role, leader, alive };
}

type Snapshot = Extract<FromWorker, { type: 'snapshot' }>;
type Batch = Extract<FromWorker, { type: 'batch' }>;

/** Replaces what the pane shows with the worker's complete picture (after a start, seek or recovery). */
export function applySnapshot(s: PaneState, m: Snapshot): PaneState {
  const nodes: Record<NodeId, NodeSnapshot> = {};
  for (const n of m.nodes) nodes[n.node] = n;
  const messages = MessageTable.from(m.inFlight);
  return {
    ...s,
    status: 'running',
    run: m.run,
    options: m.options,
    voters: m.voters,
    observers: m.observers,
    nodes,
    messages,
    timers: groupTimers(m.timers),
    leader: m.leader,
    network: m.network,
    time: m.now,
    engineTime: m.now,
    horizon: Math.max(s.horizon, m.now),
    nextAt: m.nextAt,
    prevAt: m.prevAt ?? null,
    lastAt: m.lastAt ?? null,
    metrics: m.metrics ?? null,
    log: appendLog([], m.recent),
    lines: m.lines ?? [],
    markers: m.markers ?? s.markers,
    violations: s.violations.filter((v) => v.t <= m.now),
    anomalies: s.anomalies.filter((v) => v.t <= m.now),
    stats: m.stats,
    traceHash: m.traceHash,
    inspected: m.inspected,
  };
}

/**
 * Folds one batch in. Dropped messages stay (marked `diedAt`) so they can be seen dying; `pruneMessages`
 * removes them once faded.
 */
export function applyBatch(s: PaneState, m: Batch): PaneState {
  let nodes = s.nodes;
  // Copy-on-write per chunk of ids (message-table.ts): a batch costs what it changes, not every message on screen.
  const messages = s.messages.edit();
  let violations = s.violations;
  let anomalies = s.anomalies;
  const touchNodes = () => {
    if (nodes === s.nodes) nodes = { ...nodes };
  };
  for (const e of m.events) {
    switch (e.type) {
      case 'send':
        messages.set(e);
        break;
      case 'deliver':
        messages.delete(e.msg);
        break;
      case 'drop': {
        const old = messages.get(e.msg);
        if (old) messages.set({ ...old, diedAt: e.t, dropReason: e.reason });
        break;
      }
      case 'state':
        touchNodes();
        nodes[e.node] = toNodeSnapshot(e);
        break;
      case 'violation':
        violations = violations.concat(e);
        break;
      case 'anomaly':
        anomalies = anomalies.concat(e).slice(-20);
        break;
      default:
        break;
    }
  }
  return {
    ...s,
    nodes,
    messages: messages.done(),
    violations,
    anomalies,
    timers: mergeTimers(s.timers, groupTimers(m.timers)),
    leader: m.leader,
    network: m.network ?? s.network,
    engineTime: m.now,
    horizon: Math.max(s.horizon, m.now),
    nextAt: m.nextAt,
    prevAt: m.prevAt ?? s.prevAt,
    lastAt: m.lastAt ?? s.lastAt,
    metrics: m.metrics ?? s.metrics,
    log: appendLog(s.log, m.events),
    lines: appendLines(s.lines, m.lines),
    markers: m.markers ? (m.markersFrom !== undefined ? s.markers.filter((k) => k.index < m.markersFrom!) : s.markers).concat(m.markers) : s.markers,
    stats: m.stats,
    traceHash: m.traceHash,
    inspected: m.inspected,
  };
}

/** Removes dead messages that have faded out by `now` (`fadeMs` of virtual time after dying). */
export function pruneMessages(s: PaneState, now: number, fadeMs: number): PaneState {
  // Most of the time nothing is dying (the table counts the dead): no pass over every message then.
  if (s.messages.dead === 0) return s;
  let draft: ReturnType<MessageTable['edit']> | null = null;
  for (const m of s.messages.values()) {
    if (m.diedAt !== undefined && now > m.diedAt + fadeMs) (draft ??= s.messages.edit()).delete(m.msg);
  }
  return draft ? { ...s, messages: draft.done() } : s;
}

/** The scenario the engine runs for a config (the user's actions travel separately as the log). */
export function scenarioOf(c: RunConfig) {
  return {
    version: 1 as const,
    algorithm: c.algorithm,
    nodes: c.nodes,
    observers: c.observers,
    seed: c.seed,
    network: { latency: { ...c.latency }, dropRate: c.dropRate },
    options: { ...c.options },
    events: c.events ? c.events.map((e) => ({ ...e })) : [],
    ...(c.pinned ? { pinned: structuredClone(c.pinned) } : {}),
  };
}
