/**
 * The interface every election algorithm implements. Handlers receive the node's state and a context; they
 * mutate the node's own state and write their effects (messages, timers, commits, write replies) into the
 * context's plan. The kernel applies the plan after the handler returns, so an algorithm never touches the
 * network, the clock or the queue: data in, plan out.
 */
import type { ZodType } from 'zod';
import type { AlgorithmName, NodeId, NodeView, WriteValue } from './types';

export type Fields = Record<string, unknown>;

/** A message as a handler sees it. `fields` is the payload; handlers must not mutate it. */
export interface Envelope {
  from: NodeId;
  to: NodeId;
  kind: string;
  fields: Fields;
}

/** What a handler may read: who it is, the time, the cluster's shape, its options and the run's randomness. */
export interface NodeEnv<O> {
  readonly id: NodeId;
  readonly now: number;
  /** Voting members, ids 1..nodes. */
  readonly voters: readonly NodeId[];
  /** ZAB observers, ids nodes+1..nodes+observers; empty elsewhere. */
  readonly observers: readonly NodeId[];
  readonly options: O;
  /** A float in [0, 1) from the run's one PRNG. */
  random(): number;
  /** An integer in [min, max) from the run's one PRNG (min when max <= min). */
  randomBetween(min: number, max: number): number;
}

/** What a handler asks for; applied by the kernel in the order of the calls, sends first, after it returns. */
export interface Plan {
  /** `fields` must be fresh data that the node does not keep and change later. */
  send(to: NodeId, kind: string, fields: Fields): void;
  /** Starts (or restarts, replacing the old one) the node's timer `name`. */
  setTimer(name: string, afterMs: number): void;
  cancelTimer(name: string): void;
  /** The node learned that the entry at `index` is committed. */
  commit(index: number, value: WriteValue | null): void;
  /** The answer to the client write being handled (defaults to accepted). */
  writeResult(accepted: boolean, reason?: string, leader?: NodeId | null): void;
  /** A known, expected weakness showed itself (e.g. Bully's split brain). */
  anomaly(kind: string, detail: string): void;
  /**
   * Stream transport only (a no-op under datagram): closes this node's connection `conn` (an id the algorithm
   * chose) to `to`, as TCP's FIN does. The close travels like a message, in order after everything sent to
   * `to` before it, and reaches `to`'s `onMessage` as kind `CLOSE_KIND` with fields `{ conn }`.
   */
  close(to: NodeId, conn: number): void;
}

/**
 * How the network carries an algorithm's messages (see the engine README, "Transports").
 * - `datagram`: each message is lost with the network's loss rate, and dropped by a partition or cut link it
 *   meets on arrival. Right for protocols that retry their own RPCs (Raft, Bully).
 * - `stream`: TCP between every ordered pair of nodes. A loss is a retransmission `rtoMs` later (so it shows
 *   as delay), messages of a pair arrive in the order they were sent, a partition or cut holds them (resent
 *   every `rtoMs`) instead of dropping them, `Plan.close` sends a close, and a killed process's operating
 *   system resets its connections (kind `RESET_KIND` to every other live node). Right for ZooKeeper.
 */
export type Transport = { kind: 'datagram' } | { kind: 'stream'; rtoMs: number };

/** The stream transport's own message kinds (an algorithm that uses it lists them in `messageKinds`). */
export const CLOSE_KIND = 'Close';
export const RESET_KIND = 'Reset';

export type Ctx<O> = NodeEnv<O> & Plan;

/** The cause of one handler run, given to invariant checkers. */
export type StepCause =
  | { type: 'boot' }
  | { type: 'message'; msg: Envelope }
  | { type: 'timer'; name: string }
  | { type: 'write'; value: WriteValue }
  | { type: 'crash' };

export interface NodeRecord<S> {
  id: NodeId;
  alive: boolean;
  state: S;
  /**
   * Pending timers: name → due time, the order `seq` it was (re)started with, and its queue entry: the
   * entry's generation and time `at` (≤ due: a timer restarted later keeps its entry, see kernel.ts
   * `startTimer`; a cancelled timer's entry, or a replaced one's, is stale).
   */
  timers: Record<string, { due: number; gen: number; seq: number; at: number }>;
  /** The view last written to the trace (`state` events are emitted only when it changes). */
  lastView: NodeView;
}

export interface StepInfo {
  t: number;
  node: NodeId;
  cause: StepCause;
  before: NodeView;
  after: NodeView;
  sent: Envelope[];
}

export interface ClusterInfo<S, O> {
  now: number;
  voters: readonly NodeId[];
  observers: readonly NodeId[];
  options: O;
  nodes: readonly NodeRecord<S>[];
}

/**
 * A safety checker. Its own memory (history variables such as Raft's leaderOfTerm) is plain data returned by
 * `init`, kept in the kernel's state so that a checkpoint carries it too.
 */
export interface Checker<S, O, C> {
  init(cluster: ClusterInfo<S, O>): C;
  afterStep(memory: C, step: StepInfo, cluster: ClusterInfo<S, O>, report: (invariant: string, detail: string) => void): void;
}

export interface Algorithm<S = unknown, O = Record<string, unknown>, C = unknown> {
  readonly name: AlgorithmName;
  /** Message kinds this algorithm sends, as written in traces. */
  readonly messageKinds: readonly string[];
  readonly defaultOptions: O;
  /** Validates a partial options object (unknown keys refused); the kernel merges it over the defaults. */
  readonly optionsSchema: ZodType<Partial<O>>;
  readonly supportsObservers: boolean;
  /** How the kernel decides the cluster leader (contracts/sim-cli-and-trace.md). */
  readonly leaderRule: 'quorum' | 'reachable';
  /** The transport for these options; absent means datagram. */
  transport?(options: O): Transport;
  /** A fresh node, as at the very first start. */
  create(id: NodeId, env: NodeEnv<O>): S;
  /** The node starts: at time 0 and after every revive. */
  boot(state: S, ctx: Ctx<O>): void;
  /** The node crashes: return what survives (its persistent state). Timers are cancelled by the kernel. */
  crash(state: S, env: NodeEnv<O>): S;
  onMessage(state: S, msg: Envelope, ctx: Ctx<O>): void;
  onTimer(state: S, name: string, ctx: Ctx<O>): void;
  onWrite(state: S, value: WriteValue, ctx: Ctx<O>): void;
  /**
   * Optional, with `loadState`: a node's state as a checkpoint keeps it. Without them a checkpoint holds a
   * deep copy (core/clone.ts). With them it holds what `saveState` returns, which must be plain data that
   * nobody changes afterwards, and `loadState` must turn it into a fresh state equal to the saved one (it may
   * be loaded many times). Checkpoints are taken every simulated second and kept: a compact form (fewer,
   * smaller objects, shared immutable parts) is cheaper to make and to keep.
   */
  saveState?(state: S): unknown;
  loadState?(saved: unknown): S;
  /** The trace's view of a node: role, leader and the algorithm's numbers. Must be cheap and fresh data. */
  view(state: S): NodeView;
  /**
   * Optional: whether `view(state)` would equal `shown`, the node's stored view (whose `alive` is not to be
   * compared), without building it. The kernel asks after every handler run and builds the view only when
   * this says no; most runs change nothing shown. Must agree exactly with comparing `view(state)`.
   */
  viewUnchanged?(state: S, shown: NodeView): boolean;
  /** Whether a node with this view counts as a leader for the cluster-leader rule. */
  claimsLeadership(view: NodeView): boolean;
  readonly checker?: Checker<S, O, C>;
  /** Optional hints for the explorer (engine/explore); without them it assumes nothing and stays exact. */
  readonly explore?: ExploreHints<S, O>;
}

/**
 * What the explorer may assume of an algorithm to keep its visited set small. Each hint must be exact: two
 * states that it makes hash alike must behave alike from then on, or the explorer could miss a violation.
 */
export interface ExploreHints<S, O> {
  /**
   * Top-level fields of the node state whose values are virtual times (a stored `env.now`). The visited
   * set leaves them out of a node's hash and hashes `clock` instead, so that two states a few milliseconds
   * apart that would behave alike are one state.
   */
  clockKeys?(options: O): readonly string[];
  /** What the fields named by `clockKeys` can still decide at `now`, as one number (e.g. an age saturated at the largest constant it is compared with). */
  clock?(state: S, now: number, options: O): number;
  /**
   * True when delivering `msg` to a node in `state`, or in any state the node can reach from it (crashes
   * included), changes nothing and sends nothing: the explorer forgets such a message, so that states that
   * differ only in dead messages are one.
   */
  inert?(state: S, msg: Envelope, options: O): boolean;
}

/** Any algorithm, with its type parameters erased for registries and hosts. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAlgorithm = Algorithm<any, any, any>;
