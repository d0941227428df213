/** The one registry of algorithms: the worker, the CLI and the tests look algorithms up here (docs/algorithms.md). */
import type { AnyAlgorithm } from '../core/algorithm';
import { ALGORITHM_NAMES, type AlgorithmName } from '../core/types';
import { PROFILES } from './profiles';
import { bully } from './bully/bully';
import { zab } from './zab/zab';
import { raft } from './raft/raft';
import { paxos } from './paxos/paxos';

/** One line per algorithm; `AlgorithmName` (core/types.ts) makes the type checker ask for every name's entry. */
export const ALGORITHMS: Record<AlgorithmName, AnyAlgorithm> = {
  bully,
  zab,
  raft,
  paxos,
};

/** The algorithms that have observers, by shown name, for messages ("ZAB"). */
export function observerAlgorithmNames(): string {
  return ALGORITHM_NAMES.filter((n) => ALGORITHMS[n].supportsObservers)
    .map((n) => PROFILES[n].displayName)
    .join(' or ');
}

export function getAlgorithm(name: AlgorithmName): AnyAlgorithm {
  const alg = (ALGORITHMS as Partial<Record<string, AnyAlgorithm>>)[name];
  if (!alg) throw new Error(`algorithm "${name}" is not available yet`);
  return alg;
}
