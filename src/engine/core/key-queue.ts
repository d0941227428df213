/**
 * The kernel's event queue: a binary min-heap ordered by (t, late, seq), kept in one Float64Array of
 * numbers per entry plus one array of references, instead of one object per entry.
 *
 * Why: the heap is the hottest loop of a run, and with objects every comparison loads two fields of two
 * objects scattered over the heap; here they sit side by side. Timers and scripted actions are numbers
 * only (a timer's name is its reference), so queuing one allocates nothing. And a checkpoint keeps the
 * queue as one array of numbers and one short array of references, which the garbage collector copies and
 * scans far faster than a score of queue objects (checkpoints are kept, so every one of their objects is
 * copied by each young-generation collection it survives).
 *
 * Entry i occupies d[W·i … W·i+4]: t, order, kind, a, b; r[i] is its reference.
 * - order = late · 2^52 + seq: compares as (late, seq) does, seq being below 2^52. `seq` is the insertion
 *   number, so two events at the same virtual time run in the order they were scheduled: the tie-break that
 *   makes a run replayable. `late` (0 or 1) puts scenario and user actions after every other event of the same
 *   instant, so an action logged at time t lands at the same place whether it was scripted in a file
 *   (scheduled at the start) or clicked live (scheduled at t, after some of that instant's events had run).
 * - kind: K_DELIVER (r = the message), K_TIMER (a = node, b = generation, r = the timer's name),
 *   K_ACTION (r = the action), K_SCRIPT (seq = the script line), K_RETRY (stream transport: a = sender,
 *   b = receiver, r = the held message the retransmission is for).
 * Orders are unique (every entry has its own seq), so no two entries compare equal.
 */
export const K_DELIVER = 0;
export const K_TIMER = 1;
export const K_ACTION = 2;
export const K_SCRIPT = 3;
export const K_RETRY = 4;

const W = 5;
const LATE = 2 ** 52;

export interface KeyQueue {
  n: number;
  d: Float64Array;
  r: unknown[];
}

export function newQueue(): KeyQueue {
  return { n: 0, d: new Float64Array(64 * W), r: [] };
}

/** Numbers per entry (a checkpoint keeps the first n · QUEUE_WIDTH of `d`, and the first n of `r`). */
export const QUEUE_WIDTH = W;

/**
 * A queue from a checkpoint's copy of its numbers (from `numbers[from]` on) and references (references are to immutable data: sent
 * messages, actions, timer names, so they are shared).
 */
export function loadQueue(numbers: readonly number[], from: number, refs: readonly unknown[]): KeyQueue {
  const n = refs.length;
  const d = new Float64Array(Math.max(64, 2 * n) * W);
  for (let i = 0; i < n * W; i++) d[i] = numbers[from + i];
  return { n, d, r: refs.slice() };
}

export function orderOf(late: 0 | 1, seq: number): number {
  return late * LATE + seq;
}

/** The script line or seq of an order. */
export function seqOf(order: number): number {
  return order >= LATE ? order - LATE : order;
}

export function queuePush(q: KeyQueue, t: number, order: number, kind: number, a: number, b: number, ref: unknown): void {
  let d = q.d;
  if ((q.n + 1) * W > d.length) {
    const bigger = new Float64Array(Math.max(64 * W, d.length * 2));
    bigger.set(d);
    q.d = d = bigger;
  }
  const r = q.r;
  let i = q.n++;
  // Sift up: move the hole, not the entry.
  while (i > 0) {
    const p = (i - 1) >> 1;
    const pb = p * W;
    const pt = d[pb];
    if (pt < t || (pt === t && d[pb + 1] < order)) break;
    const ib = i * W;
    d[ib] = pt;
    d[ib + 1] = d[pb + 1];
    d[ib + 2] = d[pb + 2];
    d[ib + 3] = d[pb + 3];
    d[ib + 4] = d[pb + 4];
    r[i] = r[p];
    i = p;
  }
  const ib = i * W;
  d[ib] = t;
  d[ib + 1] = order;
  d[ib + 2] = kind;
  d[ib + 3] = a;
  d[ib + 4] = b;
  r[i] = ref;
}

/** Removes the first entry (read it first: d[0…4] and r[0]). */
export function queuePopTop(q: KeyQueue): void {
  const d = q.d;
  const r = q.r;
  const n = --q.n;
  if (n === 0) {
    r[0] = null;
    return;
  }
  // Sift the last entry down from the root.
  const lb = n * W;
  const lt = d[lb];
  const lo = d[lb + 1];
  const lk = d[lb + 2];
  const la = d[lb + 3];
  const lbv = d[lb + 4];
  const lr = r[n];
  r[n] = null;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    let c = l;
    let cb = l * W;
    let ct = d[cb];
    let co = d[cb + 1];
    const rc = l + 1;
    if (rc < n) {
      const rb = rc * W;
      const rt = d[rb];
      const ro = d[rb + 1];
      if (rt < ct || (rt === ct && ro < co)) {
        c = rc;
        cb = rb;
        ct = rt;
        co = ro;
      }
    }
    if (lt < ct || (lt === ct && lo < co)) break;
    const ib = i * W;
    d[ib] = ct;
    d[ib + 1] = co;
    d[ib + 2] = d[cb + 2];
    d[ib + 3] = d[cb + 3];
    d[ib + 4] = d[cb + 4];
    r[i] = r[c];
    i = c;
  }
  const ib = i * W;
  d[ib] = lt;
  d[ib + 1] = lo;
  d[ib + 2] = lk;
  d[ib + 3] = la;
  d[ib + 4] = lbv;
  r[i] = lr;
}
