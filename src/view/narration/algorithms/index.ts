/**
 * The narration modules, one line per algorithm (docs/algorithms.md, "Narration"); `AlgorithmName` makes the
 * type checker ask for a new algorithm's line.
 */
import type { AlgorithmName } from '../../../engine/core/types';
import type { AlgorithmNarration } from '../plugin';
import { bullyNarration } from './bully';
import { raftNarration } from './raft';
import { zabNarration } from './zab';
import { paxosNarration } from './paxos';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const NARRATIONS: Record<AlgorithmName, AlgorithmNarration<any>> = {
  bully: bullyNarration,
  raft: raftNarration,
  zab: zabNarration,
  paxos: paxosNarration,
};
