/**
 * ZAB's theoretical message counts of one election, from ../shared/protocols.md (§2.9, summarised in §4.2), as
 * functions of N (voters), for plotting against measured counts (src/view/metrics/formulas.ts). All assume no loss.
 */
import { checkN } from '../../core/formula-n';

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
