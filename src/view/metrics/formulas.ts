/**
 * The theoretical message counts of one election, from ../shared/protocols.md (§1.9 Raft, §2.9 ZAB, §3.7 Bully,
 * summarised in §4.2), as functions of N (voters) for plotting against measured counts. All assume no loss.
 * Below 2 voters there is no one to talk to: every count is 0. Each algorithm's functions live in its folder
 * (algorithms/<name>/formulas.ts) and reach the viewers through its profile (`theory`, `formulas`).
 */
import { PROFILE_LIST, PROFILES } from '../../engine/algorithms/profiles';
import type { AlgorithmName } from '../../engine/core/types';

export { bullyBest, bullyMaxRevives, bullyMessages, bullyWorst } from '../../engine/algorithms/bully/formulas';
export { raftElection, raftElectionWithFirstHeartbeat, raftPreVoteElection, raftSplitRound } from '../../engine/algorithms/raft/formulas';
export { zabEstablishment, zabFleBest, zabFleWorst, zabRejoin } from '../../engine/algorithms/zab/formulas';

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

/** The curves of "messages per election vs n" (issue 7), one row per curve, from the profiles' `formulas`. */
export const FORMULAS: readonly Formula[] = PROFILE_LIST.flatMap((p) => p.formulas.map((f) => ({ ...f, algorithm: p.name })));

/** The theoretical band of one election for an algorithm (Raft: its uncontested count, with or without PreVote). */
export function theoreticalRange(algorithm: AlgorithmName, n: number, opts: { preVote?: boolean } = {}): { best: number; worst: number } {
  return PROFILES[algorithm].theory(n, opts);
}

/** Points of one curve over `ns`, for plotting. */
export function curve(formula: Formula, ns: readonly number[]): { n: number; count: number }[] {
  return ns.map((n) => ({ n, count: formula.count(n) }));
}
