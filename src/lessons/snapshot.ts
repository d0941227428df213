/**
 * What a pane shows at a virtual time, folded from its trace: each node's last `state` event, the cluster
 * leader, messages sent so far. Lesson tests use it to check that a step's text matches the run; a UI may use
 * it for a lesson's summary line.
 */
import type { NodeId, TraceEvent } from '../engine/core/types';

export type NodeState = Extract<TraceEvent, { type: 'state' }>;

export interface Snapshot {
  t: number;
  /** Each node's latest state event at or before t. */
  nodes: Map<NodeId, NodeState>;
  /** The cluster leader (contracts/sim-cli-and-trace.md) at t, null when none. */
  leader: NodeId | null;
  /** Changes of the cluster leader from one node to a different node, up to t. */
  leaderChanges: number;
  /** Messages sent up to t, in total and per kind. */
  sent: number;
  sentByKind: Record<string, number>;
  anomalies: string[];
}

/** The pane's state at `t` (events at exactly t included). */
export function snapshotAt(trace: readonly TraceEvent[], t: number): Snapshot {
  const snap = emptySnapshot(t);
  const fold = snapshotFolder(snap);
  for (const e of trace) {
    if (e.t > t) break;
    fold(e);
  }
  snap.t = t;
  return snap;
}

export function emptySnapshot(t = 0): Snapshot {
  return { t, nodes: new Map(), leader: null, leaderChanges: 0, sent: 0, sentByKind: {}, anomalies: [] };
}

/**
 * Folds trace events into `snap` one at a time (mutating it), for callers that look at every instant of a
 * trace in one pass (e2e/headless.ts) instead of calling `snapshotAt` once per time.
 */
export function snapshotFolder(snap: Snapshot): (e: TraceEvent) => void {
  let last: NodeId | null = null;
  return (e) => {
    snap.t = e.t;
    switch (e.type) {
      case 'state':
        snap.nodes.set(e.node, e);
        break;
      case 'leader':
        snap.leader = e.leader;
        if (e.leader !== null) {
          if (last !== null && last !== e.leader) snap.leaderChanges++;
          last = e.leader;
        }
        break;
      case 'send':
        snap.sent++;
        snap.sentByKind[e.kind] = (snap.sentByKind[e.kind] ?? 0) + 1;
        break;
      case 'anomaly':
        snap.anomalies.push(e.kind);
        break;
      default:
        break;
    }
  };
}

/** Ids of live nodes in `role` at the snapshot, ascending. */
export function nodesInRole(snap: Snapshot, role: string): NodeId[] {
  return [...snap.nodes.values()].filter((s) => s.alive && s.role === role).map((s) => s.node).sort((a, b) => a - b);
}
