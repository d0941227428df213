/**
 * Traffic classes and election starts, as data tables keyed by the trace's own words (message kinds, roles),
 * built from the algorithms' view profiles (algorithms/<name>/profile.ts), so a new algorithm adds its
 * profile, not branches here. See README.md in this folder for the definitions.
 */
import { PROFILE_LIST } from '../../engine/algorithms/profiles';
import type { AlgorithmProfile, TrafficClass } from '../../engine/core/profile';
import type { AlgorithmName } from '../../engine/core/types';

/**
 * - `election`: traffic whose purpose is to choose (and, for ZAB, establish) a leader;
 * - `heartbeat`: liveness traffic of a steady leader (and the replies to it);
 * - `data`: client writes and their replication / commit traffic.
 * "Heartbeat/steady traffic" in the UI is `heartbeat + data`.
 */
export type { TrafficClass };
export const TRAFFIC_CLASSES: readonly TrafficClass[] = ['election', 'heartbeat', 'data'];

const KINDS = PROFILE_LIST.flatMap((p) => Object.entries(p.messages));

/**
 * Message kind → class, from every algorithm's profile (`messages[kind].traffic`). A kind may be re-classed by
 * its fields (`trafficOf`: Raft's AppendEntries with no entries is a heartbeat, protocols.md §1.4 R7), and a
 * reply that `answers` a request kind takes the class of the request it answers (the folder does that). A
 * kind not in this table counts as `data`.
 */
export const KIND_CLASS: Readonly<Record<string, TrafficClass>> = Object.fromEntries(KINDS.map(([kind, m]) => [kind, m.traffic]));

/** Kinds whose class depends on their fields. */
export const TRAFFIC_OF: ReadonlyMap<string, (fields: Readonly<Record<string, unknown>>) => TrafficClass> = new Map(
  KINDS.flatMap(([kind, m]) => (m.trafficOf ? [[kind, m.trafficOf] as const] : [])),
);

/** Reply kind → the request kind it answers (a reply takes its request's class). */
export const ANSWERS: ReadonlyMap<string, string> = new Map(KINDS.flatMap(([kind, m]) => (m.answers ? [[kind, m.answers] as const] : [])));

/** Request kinds that some reply answers: the folder remembers their class until delivery. */
export const ANSWERED: ReadonlySet<string> = new Set(ANSWERS.values());

/** How an algorithm names the numbers of its rounds on `state` events (the "terms / epochs" metric). */
export const ROUND_FIELDS: Readonly<Record<AlgorithmName, readonly string[]>> = byAlgorithm((p) => p.roundFields);

export const ALL_ROUND_FIELDS: readonly string[] = [...new Set(PROFILE_LIST.flatMap((p) => p.roundFields))];

/** The field shown as "terms / epochs reached" for each algorithm. */
export const PRIMARY_ROUND_FIELD: Readonly<Record<AlgorithmName, string>> = byAlgorithm((p) => p.primaryRoundField);

/**
 * The role that marks a node running an election (see README.md): Bully `electing` (B1), Raft `candidate`
 * (R3; a pre-vote round is not an election, the promotion precandidate → candidate is), ZAB `looking` (Z1)
 * for voters only. Entering the role starts an election; staying in it but moving to a higher round
 * (`renewField`) starts another one (a Raft candidate whose election timed out, R3 again).
 */
export const ELECTION_ROLE: Readonly<Record<AlgorithmName, { role: string; renewField: string | null; votersOnly: boolean }>> = byAlgorithm(
  (p) => p.electionRole,
);

/** The algorithm a trace belongs to when it has no `init` event: guessed from a role name only one algorithm has. */
export function algorithmOfRole(role: string): AlgorithmName | null {
  const has = PROFILE_LIST.filter((p) => Object.hasOwn(p.roles, role));
  return has.length === 1 ? has[0].name : null;
}

function byAlgorithm<T>(f: (p: AlgorithmProfile) => T): Record<AlgorithmName, T> {
  return Object.fromEntries(PROFILE_LIST.map((p) => [p.name, f(p)])) as Record<AlgorithmName, T>;
}
