/** Algorithm names for the dictionaries, from the registry (ALGORITHM_NAMES and the profiles' display names). */
import { PROFILE_LIST } from '../../engine/algorithms/profiles';
import { ALGORITHM_NAMES } from '../../engine/core/types';

/** Name → shown name ("raft" → "Raft"); proper names, the same in every language. */
export const ALGORITHM_DISPLAY_NAMES: Record<string, string> = Object.fromEntries(PROFILE_LIST.map((p) => [p.name, p.displayName]));

/** The names as typed in a URL, as a list in prose: "bully, raft or zab" (en), "bully、raft 或 zab" (zh). */
export function nameList(sep: string, or: string): string {
  const n = ALGORITHM_NAMES;
  return n.length <= 1 ? n.join('') : `${n.slice(0, -1).join(sep)}${or}${n[n.length - 1]}`;
}
