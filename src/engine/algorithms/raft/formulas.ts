/**
 * Raft's theoretical message counts of one election, from ../shared/protocols.md (§1.9, summarised in §4.2), as
 * functions of N (voters), for plotting against measured counts (src/view/metrics/formulas.ts). All assume no loss.
 */
import { checkN } from '../../core/formula-n';

/** Raft uncontested election (§1.9, R3/R4): (N−1) RequestVote + (N−1) replies = 2(N−1). */
export function raftElection(n: number): number {
  checkN(n);
  return 2 * (n - 1);
}

/** Raft with PreVote, uncontested (§1.9, PV1–PV4): pre-vote round 2(N−1) + vote round 2(N−1) = 4(N−1). */
export function raftPreVoteElection(n: number): number {
  checkN(n);
  return 4 * (n - 1);
}

/** Raft until every follower knows the leader (§1.9): + the first heartbeat round, 3(N−1) (4(N−1) with replies). */
export function raftElectionWithFirstHeartbeat(n: number, withReplies = false): number {
  checkN(n);
  return (withReplies ? 4 : 3) * (n - 1);
}

/** Raft split vote, k candidates in one term (§1.9): 2k(N−1) per failed round (≤ 2N(N−1)). */
export function raftSplitRound(n: number, k: number): number {
  checkN(n);
  return 2 * k * (n - 1);
}
