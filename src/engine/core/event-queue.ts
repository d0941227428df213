/**
 * A binary min-heap of simulation events ordered by (t, late, seq). `seq` is the insertion number, so two
 * events at the same virtual time run in the order they were scheduled: the tie-break that makes a run
 * replayable. `late` (0 or 1) puts scenario and user actions after every other event of the same instant,
 * so an action logged at time t lands at the same place whether it was scripted in a file (scheduled at the
 * start) or clicked live (scheduled at t, after some of that instant's events had already run).
 * The heap is a plain array inside the kernel's state, so a checkpoint copies it like any other data.
 *
 * Sifting moves the hole rather than swapping pairs (half the writes, no temporary arrays). The kernel gives
 * every entry the same object shape, so these comparisons stay monomorphic: they are the hottest loop of a run.
 */
export interface Queued {
  t: number;
  late: 0 | 1;
  seq: number;
}

function before(a: Queued, b: Queued): boolean {
  if (a.t !== b.t) return a.t < b.t;
  if (a.late !== b.late) return a.late < b.late;
  return a.seq < b.seq;
}

export function heapPush<T extends Queued>(heap: T[], item: T): void {
  let i = heap.length;
  heap.push(item);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent];
    if (!before(item, p)) break;
    heap[i] = p;
    i = parent;
  }
  heap[i] = item;
}

export function heapPop<T extends Queued>(heap: T[]): T | undefined {
  if (heap.length === 0) return undefined;
  const top = heap[0];
  const last = heap.pop() as T;
  const n = heap.length;
  if (n > 0) {
    // Sift `last` down from the root.
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && before(heap[r], heap[l]) ? r : l;
      if (!before(heap[c], last)) break;
      heap[i] = heap[c];
      i = c;
    }
    heap[i] = last;
  }
  return top;
}
