/**
 * How each algorithm's role words (the trace's `role`) look: colour, shape and the dictionary key of the
 * word shown. The tables are the algorithms' view profiles (algorithms/<name>/profile.ts, docs/algorithms.md),
 * so a new algorithm adds its profile, not code here. Roles map to a neutral emphasis only at the view
 * boundary (ARCHITECTURE.md: names keep the paper's vocabulary).
 */
import { PROFILE_LIST, profileOf } from '../engine/algorithms/profiles';
import type { RoleProfile, RoleWord } from '../engine/core/profile';
import type { AlgorithmName } from '../engine/core/types';
import { OKABE_ITO } from './palette';
import type { NodeShape } from './shapes';

export interface RoleStyle {
  fill: string;
  shape: NodeShape;
  /** Dictionary key of the role word (src/ui/i18n). */
  word: RoleWord;
  /** Dashed outline: a tentative state (pre-candidate, a ZAB leader not yet established). */
  dashed?: boolean;
  /** The role claims leadership (drawn bigger). */
  leads?: boolean;
  /** The resting role (follower): on a crowded ring its word is left out so the other roles stand out. */
  resting?: boolean;
}

export type { RoleWord };

function styleOf(p: RoleProfile): RoleStyle {
  const { color, ...rest } = p;
  return { fill: OKABE_ITO[color], ...rest };
}

/** Each algorithm's roles, from its profile (algorithms/<name>/profile.ts), in the profile's order. */
export const ROLE_STYLES: Record<AlgorithmName, Record<string, RoleStyle>> = Object.fromEntries(
  PROFILE_LIST.map((p) => [p.name, Object.fromEntries(Object.entries(p.roles).map(([role, r]) => [role, styleOf(r)]))]),
) as Record<AlgorithmName, Record<string, RoleStyle>>;

const UNKNOWN: RoleStyle = { fill: OKABE_ITO.grey, shape: 'circle', word: 'unknown' };

export interface NodeLike {
  role: string;
  alive: boolean;
  [field: string]: unknown;
}

export function roleStyle(algorithm: AlgorithmName, view: NodeLike): RoleStyle {
  const base = ROLE_STYLES[algorithm]?.[view.role] ?? UNKNOWN;
  // A role can be tentative by other fields of the view (a ZAB leader before phase broadcast).
  if (profileOf(algorithm)?.tentative?.(view)) return { ...base, dashed: true };
  return base;
}

/** The number that orders leaders: Raft's term, ZAB's epoch; Bully has none. */
export function termOf(algorithm: AlgorithmName, view: Record<string, unknown>): { word: 'term' | 'epoch' | 'round'; value: number } | null {
  const round = profileOf(algorithm)?.round;
  const value = round ? round.of(view) : null;
  return round && value !== null ? { word: round.word, value } : null;
}
