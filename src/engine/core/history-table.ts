/**
 * A table keyed by (round, node) for a checker's history variables: Raft's vote per term, ZAB's initial
 * votes per round and ACKEPOCHs per epoch. Such a table only grows, and it is part of every checkpoint (one
 * per simulated second in the viewer), so a flat object would be copied whole, every second, for the whole
 * run: a ten-minute run's history would cost hundreds of megabytes.
 *
 * It is plain data in three levels, block of 64 rounds → round → node → value, where everything below the
 * top is frozen and replaced (never changed) on a write. A checkpoint (core/clone.ts) copies the small top
 * level and shares the rest. A write copies one round's record and one block: O(nodes + 64).
 * Values must be primitives or frozen data.
 */
export type HistoryTable<V> = Record<string, Readonly<Record<string, Readonly<Record<string, V>>>>>;

const BLOCK = 64;

export function tableGet<V>(t: HistoryTable<V>, round: number, node: number): V | undefined {
  return t[Math.floor(round / BLOCK)]?.[round]?.[node];
}

export function tableSet<V>(t: HistoryTable<V>, round: number, node: number, value: V): void {
  const b = Math.floor(round / BLOCK);
  const block = t[b];
  const row = Object.freeze({ ...block?.[round], [node]: value });
  t[b] = Object.freeze({ ...block, [round]: row });
}

/** `t` with one more value, as a new frozen table (the top level copied, the rest shared): for memories kept frozen whole. */
export function tableWith<V>(t: HistoryTable<V>, round: number, node: number, value: V): HistoryTable<V> {
  const b = Math.floor(round / BLOCK);
  const block = t[b];
  const row = Object.freeze({ ...block?.[round], [node]: value });
  return Object.freeze({ ...t, [b]: Object.freeze({ ...block, [round]: row }) });
}
