/** A Bully rank: [id], or [lastOpTs, id] under B12. Compared lexicographically. */
export type Rank = number[];

export function compareRank(a: Rank, b: Rank): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** A node's own rank now: its id, or (B12) its last-operation time then its id. */
export function rankOf(s: { id: number; lastOpTs: number; priority: 'id' | 'lastOp' }): Rank {
  return s.priority === 'lastOp' ? [s.lastOpTs, s.id] : [s.id];
}
