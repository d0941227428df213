/**
 * The registry of view profiles (core/profile.ts): what src/view, src/ui and the CLI's summary know about each
 * algorithm. It imports only the folders' profile modules (data and small pure functions), so a viewer that
 * reads it pulls in no engine code. One line per algorithm, beside its line in ./index.ts.
 */
import type { AlgorithmProfile } from '../core/profile';
import { ALGORITHM_NAMES, type AlgorithmName } from '../core/types';
import { bullyProfile } from './bully/profile';
import { raftProfile } from './raft/profile';
import { zabProfile } from './zab/profile';
import { paxosProfile } from './paxos/profile';

export const PROFILES: Record<AlgorithmName, AlgorithmProfile> = {
  bully: bullyProfile,
  raft: raftProfile,
  zab: zabProfile,
  paxos: paxosProfile,
};

/** The profile of `name`, or undefined for a name no algorithm has (an old trace, a typo in a URL). */
export function profileOf(name: string | null | undefined): AlgorithmProfile | undefined {
  return name ? (PROFILES as Partial<Record<string, AlgorithmProfile>>)[name] : undefined;
}

/** The profiles in menu order (ALGORITHM_NAMES). */
export const PROFILE_LIST: readonly AlgorithmProfile[] = ALGORITHM_NAMES.map((n) => PROFILES[n]);
