/** Shared vocabulary of the engine: ids, the scenario (contracts/scenario.md) and the trace (contracts/sim-cli-and-trace.md). */

export type NodeId = number;
export type AlgorithmName = 'bully' | 'raft' | 'zab';
export const ALGORITHM_NAMES: readonly AlgorithmName[] = ['bully', 'raft', 'zab'];

export interface LatencyRange {
  min: number;
  max: number;
}

export interface NetworkConfig {
  latency: LatencyRange;
  dropRate: number;
}

export type WriteValue = string | number;

/** A fault or client action, as written in a scenario's `events` or applied by a user. */
export type Action =
  | { do: 'crash'; node: NodeId }
  | { do: 'revive'; node: NodeId }
  | { do: 'crashLeader' }
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
}

/** The fields every `state` event carries; algorithms add their own numbers. */
export interface NodeView {
  role: string;
  leader: NodeId | null;
  [field: string]: unknown;
}

export type DropReason = 'partition' | 'cut' | 'loss' | 'crashed';

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
