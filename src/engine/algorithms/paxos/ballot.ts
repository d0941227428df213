/**
 * Ballots and accepted slots, the values Paxos' rules compare (README.md P1). Both are frozen once made: they
 * are kept in the persistent state, carried by messages and shared by checkpoints (core/clone.ts).
 */
import type { NodeId, WriteValue } from '../../core/types';

/** P1: `[round, nodeId]`, ordered by round, then node id, so no two proposers ever own the same ballot. */
export type Ballot = readonly [round: number, node: NodeId];

/** Below every real ballot (rounds start at 1): what a fresh acceptor has promised. */
export const NO_BALLOT: Ballot = Object.freeze([0, 0] as const);

export function ballot(round: number, node: NodeId): Ballot {
  return Object.freeze([round, node] as const);
}

/** P1's lexicographic order: negative when a < b, 0 when equal, positive when a > b. */
export function cmpBallot(a: Ballot, b: Ballot): number {
  return a[0] !== b[0] ? a[0] - b[0] : a[1] - b[1];
}

export function sameBallot(a: Ballot, b: Ballot): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** How traces, views and narration write a ballot: `round.node` ("0.0" is no ballot). */
export function ballotText(b: Ballot): string {
  return `${b[0]}.${b[1]}`;
}

/** What an acceptor accepted in one slot (persistent, P7); `value` null is a no-op (P6's gap filler). */
export interface AcceptedSlot {
  readonly ballot: Ballot;
  readonly value: WriteValue | null;
}

/** Slot k (1-based) lives at index k − 1; slots never accepted are null. */
export type AcceptedLog = readonly (AcceptedSlot | null)[];

export const EMPTY_ACCEPTED: AcceptedLog = Object.freeze([]);

/** `log` with slot `slot` set to `entry`, as a new frozen array (the old one may be shared by checkpoints). */
export function withSlot(log: AcceptedLog, slot: number, entry: AcceptedSlot): AcceptedLog {
  const out = log.slice();
  while (out.length < slot - 1) out.push(null);
  out[slot - 1] = entry;
  return Object.freeze(out);
}
