/**
 * The theoretical message counts of one election, from ../shared/protocols.md (§1.9 Raft, §2.9 ZAB, §3.7 Bully,
 * summarised in §4.2), as functions of N (voters) for plotting against measured counts. All assume no loss.
 * Below 2 voters there is no one to talk to: every count is 0.
 */
import type { AlgorithmName } from '../../engine/core/types';

const atLeast2 = (n: number) => Number.isInteger(n) && n >= 2;

function checkN(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`N must be a whole number ≥ 1 (got ${n})`);
}

/**
 * Bully, coordinator N crashed, first detector i (§3.7 "Total M(i)", rules B1/B2/B5; VICTORY to lower ids only,
 * messages to the dead node counted): M(i) = (N−i)² + N − 2, for 1 ≤ i ≤ N−1.
 */
export function bullyMessages(n: number, i: number): number {
  checkN(n);
  if (!atLeast2(n)) return 0;
  if (!Number.isInteger(i) || i < 1 || i > n - 1) throw new RangeError(`the detector i must be in 1..${n - 1} (got ${i})`);
  return (n - i) ** 2 + n - 2;
}

/** Bully best case (§3.7, §3.6.1): i = N−1 gives N−1 (N−2 when it skips the known-dead node, [CDK]). */
export function bullyBest(n: number): number {
  checkN(n);
  return atLeast2(n) ? n - 1 : 0;
}

/** Bully worst case (§3.7): i = 1, or every node detecting at once, gives N² − N − 1 (N = 6: 29). */
export function bullyWorst(n: number): number {
  checkN(n);
  return atLeast2(n) ? n * n - n - 1 : 0;
}

/** Bully, the highest node recovering (§3.7, B10): N−1 VICTORY and no ELECTION. */
export function bullyMaxRevives(n: number): number {
  checkN(n);
  return atLeast2(n) ? n - 1 : 0;
}

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

/** ZAB FLE best case, whole cluster LOOKING in one round (§2.9, Z2/Z3): N(N−1) + (N−1)² = (N−1)(2N−1). */
export function zabFleBest(n: number): number {
  checkN(n);
  return (n - 1) * (2 * n - 1);
}

/** ZAB FLE worst case, same round, no timeouts (§2.9): N(N−1)(N+1)/2 = (N³ − N)/2 (N = 3: 12). */
export function zabFleWorst(n: number): number {
  checkN(n);
  return (n * n * n - n) / 2;
}

/**
 * ZAB establishment after FLE (§2.9, Z4–Z6): FOLLOWERINFO, LEADERINFO, ACKEPOCH, NEWLEADER, ACK(NEWLEADER),
 * UPTODATE per learner = 6(N−1+O), without sync payload. The cluster leader of the contracts appears only when
 * the leader reaches `broadcast`, so a measured cold start includes these.
 */
export function zabEstablishment(n: number, observers = 0): number {
  checkN(n);
  return 6 * (n - 1 + observers);
}

/** ZAB, one voter re-joining an established ensemble (§2.9): 2(N−1). */
export function zabRejoin(n: number): number {
  checkN(n);
  return 2 * (n - 1);
}

export interface Formula {
  id: string;
  algorithm: AlgorithmName;
  label: string;
  /** protocols.md section and rules. */
  cite: string;
  /** Which side of the theoretical band this curve is. */
  bound: 'best' | 'worst' | 'exact';
  count(n: number): number;
}

/** The curves of "messages per election vs n" (issue 7), one row per curve. */
export const FORMULAS: readonly Formula[] = [
  { id: 'bully-best', algorithm: 'bully', label: 'Bully best: N − 1', cite: 'protocols.md §3.7, §4.2 (B1, B5; i = N−1)', bound: 'best', count: bullyBest },
  { id: 'bully-worst', algorithm: 'bully', label: 'Bully worst: N² − N − 1', cite: 'protocols.md §3.7, §4.2 (B1, B2, B5; i = 1 or all detect)', bound: 'worst', count: bullyWorst },
  { id: 'raft', algorithm: 'raft', label: 'Raft: 2(N − 1)', cite: 'protocols.md §1.9, §4.2 (R3, R4)', bound: 'exact', count: raftElection },
  { id: 'raft-prevote', algorithm: 'raft', label: 'Raft with PreVote: 4(N − 1)', cite: 'protocols.md §1.9, §4.2 (PV1–PV4)', bound: 'exact', count: raftPreVoteElection },
  { id: 'zab-best', algorithm: 'zab', label: 'ZAB FLE best: (N − 1)(2N − 1)', cite: 'protocols.md §2.9, §4.2 (Z2, Z3)', bound: 'best', count: zabFleBest },
  { id: 'zab-worst', algorithm: 'zab', label: 'ZAB FLE worst: (N³ − N)/2', cite: 'protocols.md §2.9, §4.2 (Z2, Z3; same round, no timeouts)', bound: 'worst', count: zabFleWorst },
];

/** The theoretical band of one election for an algorithm (Raft: its uncontested count, with or without PreVote). */
export function theoreticalRange(algorithm: AlgorithmName, n: number, opts: { preVote?: boolean } = {}): { best: number; worst: number } {
  switch (algorithm) {
    case 'bully':
      return { best: bullyBest(n), worst: bullyWorst(n) };
    case 'raft': {
      const c = opts.preVote ? raftPreVoteElection(n) : raftElection(n);
      return { best: c, worst: c };
    }
    case 'zab':
      return { best: zabFleBest(n), worst: zabFleWorst(n) };
  }
}

/** Points of one curve over `ns`, for plotting. */
export function curve(formula: Formula, ns: readonly number[]): { n: number; count: number }[] {
  return ns.map((n) => ({ n, count: formula.count(n) }));
}
