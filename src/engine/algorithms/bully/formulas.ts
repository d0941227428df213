/**
 * Bully's theoretical message counts of one election, from ../shared/protocols.md (§3.7, summarised in §4.2), as
 * functions of N (voters), for plotting against measured counts (src/view/metrics/formulas.ts). All assume no loss.
 */
import { atLeast2, checkN } from '../../core/formula-n';

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
