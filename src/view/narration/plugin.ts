/**
 * The narration plug-in interface (docs/algorithms.md, "Narration"): what the narrator (narrator.ts) asks of an
 * algorithm to explain its runs, one module per algorithm in ./algorithms/, registered in ./algorithms/index.ts.
 * The narrator does everything generic (sends grouped into broadcasts, deliveries, drops, faults, writes, commits,
 * the cluster leader, role changes in the profile's words); a module adds the sentences that need the
 * algorithm's rules: why a node changed state, what a message carries. Templates live in en.ts and zh.ts.
 */
import type { NodeId, TraceEvent } from '../../engine/core/types';
import type { Dictionary } from './en';
import type { Importance, NarrationCategory } from './types';

export type Say = (d: Dictionary) => string;
export type StateEvent = Extract<TraceEvent, { type: 'state' }>;
export type SendEvent = Extract<TraceEvent, { type: 'send' }>;
export type DeliverEvent = Extract<TraceEvent, { type: 'deliver' }>;
export type Fields = Record<string, unknown>;
export type NoteKey = Exclude<keyof Dictionary['notes'], 'zabMessageCount'>;

export interface Sent {
  from: NodeId;
  to: NodeId;
  kind: string;
  fields: Fields;
  /** Importance of its send line (a drop of it is as important). */
  imp?: Importance;
}

/** The handler run in progress: which node, when, and the message it handles (null: a timer or a boot). */
export interface Step {
  node: NodeId;
  t: number;
  msg: Sent | null;
  fault: string | null;
}

/** A node's consecutive sends of one kind in one step (a broadcast). */
export interface Group {
  index: number;
  t: number;
  from: NodeId;
  kind: string;
  sends: SendEvent[];
  step: Step | null;
  /** The sender's view before the step. */
  before: StateEvent | undefined;
}

/** A line not yet put into words (`Narrator.feedRaw`); `Narrator.render` writes its text. */
export interface Line {
  /** For send groups: the message kind. */
  kind?: string;
  index: number;
  count: number;
  t: number;
  say: Say;
  node: NodeId | null;
  nodes: NodeId[];
  category: NarrationCategory;
  importance: Importance;
  note?: { key: string; say: Say };
}

/** What the narrator offers an algorithm's narration. */
export interface NarrationContext {
  readonly voters: readonly NodeId[];
  readonly observers: readonly NodeId[];
  /** The run's options as the `init` event gave them. */
  readonly options: Readonly<Fields>;
  /** Every node's last `state` event (before the one being narrated). */
  readonly views: ReadonlyMap<NodeId, StateEvent>;
  /** Keys of the notes shown so far in this run (each note is shown once). */
  readonly seen: Set<string>;
  line(ev: { t: number }, category: NarrationCategory, importance: Importance, node: NodeId | null, nodes: NodeId[], say: Say): Line;
  /** The first occurrence of a clarification in this run, else nothing. */
  note(key: NoteKey): Line['note'];
  /** "a <kind> from node <n>": the message being handled in `step`, if any. */
  cause(step: Step | null): Say;
}

/** A group of sends as a module's `sends` handler sees it. */
export interface SendGroup {
  group: Group;
  from: NodeId;
  /** The targets in words ("all", "Nodes 2 and 3"). */
  to: Say;
  /** The one target, when there is one. */
  single: NodeId | null;
  /** The first send's payload. */
  fields: Fields;
  /** The message the sender is handling (null: a timer or a boot). */
  msg: Sent | null;
}

/** A send line's words and weight; what is left out stays generic ("Node 1 sends X to all", importance 1, or 0 if routine). */
export interface SendLine {
  say?: Say;
  importance?: Importance;
  note?: NoteKey;
}

export interface AlgorithmNarration<M = unknown> {
  /** The module's memory for one run. Plain data (Maps and Sets allowed): the narrator is copied with structuredClone for checkpoints. */
  init(): M;
  /** How the kernel decides the cluster leader (the Algorithm's `leaderRule`), for the leader line. */
  readonly leaderRule: 'quorum' | 'reachable';
  /** Kinds whose traffic is routine (importance 0): keep-alives and acknowledgements. */
  readonly routineKinds: readonly string[];
  /** Optional: a message that is routine by its fields (Raft: an AppendEntries without entries). */
  routine?(m: Sent): boolean;
  /** Broadcast kinds that a state change of the sender explains: the state line comes first, the sends become routine. */
  readonly explainedByState: readonly string[];
  /** What survives a crash, for the crash line ("its term, its vote and its log are on disk"). */
  keeps: Say;
  /** The line of an accepted client write at `node` (`value` already in words). */
  writeAccepted(node: NodeId, value: string): Say;
  /** The line of a node going down. */
  down(c: StateEvent): Say;
  /** Sees every send (before it is grouped). */
  onSend?(mem: M, ev: SendEvent): void;
  /** Sees every delivery; may give the delivery line's words (else "Node 2 receives X from 1"). */
  onDeliver?(ctx: NarrationContext, mem: M, ev: DeliverEvent, m: Sent): Say | null;
  /** Sees every change of the cluster leader. */
  onLeader?(mem: M): void;
  /** Send lines by message kind. */
  readonly sends?: Readonly<Record<string, (ctx: NarrationContext, mem: M, s: SendGroup) => SendLine | null>>;
  /** The line of a state change (not a crash); null: the generic line (role change, restart, details). */
  state?(ctx: NarrationContext, mem: M, c: StateEvent, p: StateEvent | undefined, step: Step | null): Line | null;
}

// ---- helpers for the modules ------------------------------------------------------------------------------

export const num = (x: unknown, fallback = 0): number => (typeof x === 'number' && Number.isFinite(x) ? x : fallback);
export const valueText = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

export function kindLabel(d: Dictionary, kind: string): string {
  return d.kinds[kind] ?? d.unknownKind(kind);
}

export function roleLabel(d: Dictionary, alg: string | null, role: string): string {
  return (alg ? (d.roles as Partial<Record<string, Record<string, string>>>)[alg]?.[role] : undefined) ?? d.unknownRole(role);
}
