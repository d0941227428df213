/**
 * Multi-Paxos' theoretical message counts (README.md "Message counts", rules P2, P3, P5, P7, P8), as functions
 * of N (voters), for plotting against measured counts (src/view/metrics/formulas.ts). All assume no loss and
 * one proposer (no duel).
 */
import { checkN } from '../../core/formula-n';

/**
 * One Phase 1 on an empty log: (N−1) Prepare + (N−1) Promise = 2(N−1) election messages; with the leader's first
 * Heartbeat round (P5), which is what makes the followers name it, 3(N−1). A measured election episode
 * (src/view/metrics/README.md) counts every message until the cluster leader appears, so it measures 3(N−1).
 */
export function paxosElection(n: number, withFirstHeartbeat = false): number {
  checkN(n);
  return (withFirstHeartbeat ? 3 : 2) * (n - 1);
}

/** One client write to a stable leader (P7, P8): (N−1) Accept + (N−1) Accepted = 2(N−1). */
export function paxosWrite(n: number): number {
  checkN(n);
  return 2 * (n - 1);
}

/** The steady state (P9): N−1 Heartbeats per heartbeat interval, none answered. */
export function paxosHeartbeatRound(n: number): number {
  checkN(n);
  return n - 1;
}
