/** Shared vocabulary of the engine: ids, the scenario (contracts/scenario.md) and the trace (contracts/sim-cli-and-trace.md). */

export type NodeId = number;
/**
 * Every algorithm's name, in the order menus list them: the one line that names a new algorithm. The type
 * checker then asks for its entries in the registries (algorithms/index.ts, algorithms/profiles.ts; see
 * docs/algorithms.md).
 */
export const ALGORITHM_NAMES = ['bully', 'raft', 'zab', 'paxos'] as const;
export type AlgorithmName = (typeof ALGORITHM_NAMES)[number];

/** The names as prose for messages: "bully", "raft" or "zab". */
export function algorithmNameList(quote = '"', or = 'or'): string {
  const q = ALGORITHM_NAMES.map((n) => `${quote}${n}${quote}`);
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} ${or} ${q[q.length - 1]}`;
}

export interface LatencyRange {
  min: number;
  max: number;
}

export interface NetworkConfig {
  latency: LatencyRange;
  dropRate: number;
}

export type WriteValue = string | number;

/**
 * How a node crashes (extension of contracts/scenario.md; absent means "kill"). Under the stream transport
 * (ZAB) it decides what its peers see: "kill" — the process dies, its operating system closes its connections,
 * and the peers learn it one message delay later; "powerOff" — the host goes dark (power cut), nothing is
 * closed, and the peers notice only when their read timeouts expire. Under datagram transport (Raft, Bully)
 * there are no connections and both are the same.
 */
export type CrashHow = 'kill' | 'powerOff';
export const CRASH_HOWS: readonly CrashHow[] = ['kill', 'powerOff'];

/** A fault or client action, as written in a scenario's `events` or applied by a user. */
export type Action =
  | { do: 'crash'; node: NodeId; how?: CrashHow }
  | { do: 'revive'; node: NodeId }
  | { do: 'crashLeader'; how?: CrashHow }
  | { do: 'partition'; groups: NodeId[][] }
  | { do: 'heal' }
  | { do: 'cut'; from: NodeId; to: NodeId; oneWay?: boolean }
  | { do: 'restore'; from: NodeId; to: NodeId }
  | { do: 'setDropRate'; rate: number }
  | { do: 'setLatency'; min: number; max: number }
  | { do: 'write'; node: NodeId; value: WriteValue };

export type ActionName = Action['do'];
export type TimedAction = Action & { at: number };

export interface Scenario {
  version: 1;
  algorithm?: AlgorithmName;
  nodes: number;
  observers: number;
  seed: number;
  network: NetworkConfig;
  /** Either one algorithm's options, or `{bully: {…}, raft: {…}, zab: {…}}` for side-by-side scripts. */
  options: Record<string, unknown>;
  events: TimedAction[];
  /** Extension: choices pinned instead of drawn from the seed (see `Pinned`); absent in ordinary scenarios. */
  pinned?: Pinned;
}

/**
 * Extension beyond contracts/scenario.md (src/engine/README.md "Pinned choices"): what the run would
 * otherwise draw from its seed, fixed, so that a schedule found by the explorer replays exactly. Pinned
 * choices use no random numbers; once a list is used up the run draws from its seed as usual.
 */
export interface Pinned {
  /** The latency in ms of each message, by send number (0-based, the order the kernel sends them). */
  latencies: number[];
  /** Send numbers (of pinned sends) that the network loses: they die half-way, at floor(latency / 2). */
  lost?: number[];
  /** The values of the handlers' random draws, in order (`randomBetween`'s clamped into its range). */
  draws?: number[];
  /**
   * The order of events of one instant: a number per pinned send and per timer start (in the order the kernel
   * starts timers: every `setTimer`, restarts included). Events of one instant whose numbers are given run
   * by these numbers, after that instant's other events and before its scenario actions; without them the
   * kernel runs them in the order they were queued.
   */
  sendOrder?: number[];
  timerOrder?: number[];
}

/** The fields every `state` event carries; algorithms add their own numbers. */
export interface NodeView {
  role: string;
  leader: NodeId | null;
  [field: string]: unknown;
}

export type DropReason = 'partition' | 'cut' | 'loss' | 'crashed';
export type StallReason = 'partition' | 'cut' | 'order';

export interface EndStats {
  sent: number;
  delivered: number;
  dropped: number;
  byKind: Record<string, number>;
  leaderChanges: number;
  firstLeaderAt: number | null;
  unavailableMs: number;
  leader: NodeId | null;
}

export type TraceEvent =
  | {
      t: number;
      type: 'init';
      algorithm: AlgorithmName;
      nodes: NodeId[];
      observers: NodeId[];
      seed: number;
      network: NetworkConfig;
      options: Record<string, unknown>;
    }
  | {
      t: number;
      type: 'send';
      msg: number;
      from: NodeId;
      to: NodeId;
      kind: string;
      fields: Record<string, unknown>;
      /** Extension: when the message will arrive (or be dropped), so a viewer can animate it. */
      deliverAt: number;
      /** Extension: present (true) when the network will lose this message; it then dies at `deliverAt`, half-way. */
      lost?: true;
      /** Extension, stream transport: how many times TCP resends it before it gets through (present when > 0); `deliverAt` includes the waits. */
      retransmits?: number;
    }
  | {
      /**
       * Extension, stream transport: the message reached `deliverAt` but is not handed over yet: its link is
       * partitioned or cut (TCP resends it every RTO), or an earlier message of the same pair is still held
       * (`order`: TCP delivers in order). It ends later with `deliver` or `drop`.
       */
      t: number;
      type: 'stall';
      msg: number;
      from: NodeId;
      to: NodeId;
      kind: string;
      reason: StallReason;
    }
  | { t: number; type: 'deliver'; msg: number; from: NodeId; to: NodeId; kind: string }
  | { t: number; type: 'drop'; msg: number; from: NodeId; to: NodeId; kind: string; reason: DropReason }
  | ({ t: number; type: 'state'; node: NodeId; alive: boolean } & NodeView)
  | ({ t: number; type: 'fault' } & Record<string, unknown>)
  | { t: number; type: 'write'; node: NodeId; value: WriteValue; accepted: boolean; reason?: string; leader?: NodeId | null }
  | { t: number; type: 'commit'; node: NodeId; index: number; value: WriteValue | null }
  | { t: number; type: 'violation'; invariant: string; detail: string }
  | { t: number; type: 'anomaly'; kind: string; detail: string }
  | { t: number; type: 'leader'; leader: NodeId | null }
  | { t: number; type: 'end'; stats: EndStats };

export type TraceType = TraceEvent['type'];
export type TraceSink = (event: TraceEvent) => void;
