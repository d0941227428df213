/** The one registry of algorithms: the worker, the CLI and the tests look algorithms up here. */
import type { AnyAlgorithm } from '../core/algorithm';
import type { AlgorithmName } from '../core/types';
import { bully } from './bully/bully';
import { zab } from './zab/zab';
import { raft } from './raft/raft';

export const ALGORITHMS: Partial<Record<AlgorithmName, AnyAlgorithm>> = {
  bully,
  zab,
  raft,
};

export function getAlgorithm(name: AlgorithmName): AnyAlgorithm {
  const alg = ALGORITHMS[name];
  if (!alg) throw new Error(`algorithm "${name}" is not available yet`);
  return alg;
}
