/**
 * A binary min-heap of simulation events ordered by (t, late, seq). `seq` is the insertion number, so two
 * events at the same virtual time run in the order they were scheduled: the tie-break that makes a run
 * replayable. `late` (0 or 1) puts scenario and user actions after every other event of the same instant,
 * so an action logged at time t lands at the same place whether it was scripted in a file (scheduled at the
 * start) or clicked live (scheduled at t, after some of that instant's events had already run).
 * The heap is a plain array inside the kernel's state, so a checkpoint copies it like any other data.
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
  heap.push(item);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i], heap[parent])) break;
    [heap[i], heap[parent]] = [heap[parent], heap[i]];
    i = parent;
  }
}

export function heapPop<T extends Queued>(heap: T[]): T | undefined {
  if (heap.length === 0) return undefined;
  const top = heap[0];
  const last = heap.pop() as T;
  if (heap.length > 0) {
    heap[0] = last;
    let i = 0;
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && before(heap[l], heap[m])) m = l;
      if (r < n && before(heap[r], heap[m])) m = r;
      if (m === i) break;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  }
  return top;
}
