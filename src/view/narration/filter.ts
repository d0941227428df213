/** The event log's filter: by node, by category and by importance (pure; the UI keeps the selection). */
import type { NodeId } from '../../engine/core/types';
import type { Importance, Narration, NarrationCategory } from './types';

export interface NarrationFilter {
  /** Keep lines involving any of these nodes (a line's `nodes`); empty or absent: every line, cluster-wide ones included. */
  nodes?: readonly NodeId[];
  /** Keep lines of these categories; empty or absent: every category. */
  categories?: readonly NarrationCategory[];
  /** Keep lines at least this important (0 keeps everything; 1 hides heartbeats, deliveries and acks). */
  minImportance?: Importance;
}

export function matchesFilter(n: Narration, f: NarrationFilter): boolean {
  if (f.minImportance !== undefined && n.importance < f.minImportance) return false;
  if (f.categories && f.categories.length > 0 && !f.categories.includes(n.category)) return false;
  if (f.nodes && f.nodes.length > 0 && !n.nodes.some((x) => f.nodes?.includes(x))) return false;
  return true;
}

export function filterNarrations(lines: readonly Narration[], f: NarrationFilter): Narration[] {
  return lines.filter((n) => matchesFilter(n, f));
}
