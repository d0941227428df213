/**
 * How each algorithm's role words (the trace's `role`) look: colour, shape and the dictionary key of the
 * word shown. Keyed by algorithm data so a new algorithm adds a table, not code. Roles map to a neutral
 * emphasis only here, at the view boundary (ARCHITECTURE.md: names keep the paper's vocabulary).
 */
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

export type RoleWord =
  | 'follower'
  | 'electing'
  | 'awaitingVictory'
  | 'leader'
  | 'precandidate'
  | 'candidate'
  | 'looking'
  | 'following'
  | 'leading'
  | 'observing'
  | 'unknown';

const FOLLOW: RoleStyle = { fill: OKABE_ITO.blue, shape: 'circle', word: 'follower', resting: true };
const LEAD: RoleStyle = { fill: OKABE_ITO.green, shape: 'hexagon', word: 'leader', leads: true };

export const ROLE_STYLES: Record<AlgorithmName, Record<string, RoleStyle>> = {
  bully: {
    follower: FOLLOW,
    electing: { fill: OKABE_ITO.vermillion, shape: 'diamond', word: 'electing' },
    awaitingVictory: { fill: OKABE_ITO.orange, shape: 'triangle', word: 'awaitingVictory' },
    leader: LEAD,
  },
  raft: {
    follower: FOLLOW,
    precandidate: { fill: OKABE_ITO.orange, shape: 'diamond', word: 'precandidate', dashed: true },
    candidate: { fill: OKABE_ITO.vermillion, shape: 'diamond', word: 'candidate' },
    leader: LEAD,
  },
  zab: {
    looking: { fill: OKABE_ITO.vermillion, shape: 'diamond', word: 'looking' },
    following: { ...FOLLOW, word: 'following' },
    leading: { ...LEAD, word: 'leading' },
    observing: { fill: OKABE_ITO.purple, shape: 'square', word: 'observing' },
  },
};

const UNKNOWN: RoleStyle = { fill: OKABE_ITO.grey, shape: 'circle', word: 'unknown' };

export interface NodeLike {
  role: string;
  alive: boolean;
  [field: string]: unknown;
}

export function roleStyle(algorithm: AlgorithmName, view: NodeLike): RoleStyle {
  const base = ROLE_STYLES[algorithm]?.[view.role] ?? UNKNOWN;
  // A ZAB leader is established only in phase broadcast: before that it is drawn tentative.
  if (algorithm === 'zab' && view.role === 'leading' && view.phase !== 'broadcast') return { ...base, dashed: true };
  return base;
}

/** The number that orders leaders: Raft's term, ZAB's epoch; Bully has none. */
export function termOf(algorithm: AlgorithmName, view: Record<string, unknown>): { word: 'term' | 'epoch'; value: number } | null {
  if (algorithm === 'raft' && typeof view.term === 'number') return { word: 'term', value: view.term };
  if (algorithm === 'zab') {
    const e = view.currentEpoch ?? view.acceptedEpoch;
    if (typeof e === 'number') return { word: 'epoch', value: e };
  }
  return null;
}
